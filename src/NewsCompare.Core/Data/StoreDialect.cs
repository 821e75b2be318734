using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace NewsCompare.Core.Data;

/// <summary>
/// What differs between the store's engines, in one place: how EF is configured, which schema scripts apply, how
/// values the raw SQL binds are written, and which features an engine does not have yet. Code that writes SQL asks the
/// dialect of its store (<see cref="For(NewsDb)"/>) instead of testing the provider itself.
/// </summary>
public abstract class StoreDialect
{
    /// <summary>SQLite: the default, one file.</summary>
    public static StoreDialect Sqlite { get; } = new SqliteDialect();

    /// <summary>PostgreSQL, through Npgsql.</summary>
    public static StoreDialect Postgres { get; } = new PostgresDialect();

    /// <summary>The engine.</summary>
    public abstract StoreProvider Provider { get; }

    /// <summary>The folder of schema scripts under Data/Migrations (ADR 0001).</summary>
    public abstract string ScriptFolder { get; }

    /// <summary>The dialect of <paramref name="provider"/>.</summary>
    public static StoreDialect Of(StoreProvider provider) => provider == StoreProvider.Postgres ? Postgres : Sqlite;

    /// <summary>The dialect of the store <paramref name="db"/> is configured for.</summary>
    public static StoreDialect For(NewsDb db) => For(db.Database.ProviderName);

    /// <summary>The dialect of an EF provider name (<c>Microsoft.EntityFrameworkCore.Sqlite</c>, <c>Npgsql.EntityFrameworkCore.PostgreSQL</c>).</summary>
    public static StoreDialect For(string? providerName) =>
        providerName?.Contains("Npgsql", StringComparison.Ordinal) == true ? Postgres : Sqlite;

    /// <summary>Configures <paramref name="options"/> for this engine at <paramref name="connectionString"/>.</summary>
    public abstract DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>
    /// SQL run first in the transaction that applies schema scripts, so that two processes opening a new store at once
    /// apply them once (empty when the engine's transaction already serialises them).
    /// </summary>
    public abstract string SchemaLockSql { get; }

    /// <summary>SQL counting the tables of the store's schema that are neither the engine's own nor an extension's.</summary>
    public abstract string CountTablesSql { get; }

    /// <summary>A read-only view of the store as of now that writers elsewhere do not wait for (a SQLite deferred transaction, a PostgreSQL repeatable read).</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A UTC time as raw SQL binds it (EF reads it back as the same <see cref="DateTime"/>).</summary>
    public abstract object Timestamp(DateTime utc);

    /// <summary>A date as raw SQL binds it.</summary>
    public abstract object Date(DateOnly? date);

    /// <summary>
    /// Fails with a message naming <paramref name="feature"/> when this engine does not run it yet; nothing on an engine
    /// that does. Every entry point of a feature that only SQLite runs calls this first, so PostgreSQL never half-runs it.
    /// </summary>
    /// <exception cref="StoreFeatureNotSupportedException">The feature does not run on this engine yet.</exception>
    public abstract void Require(StoreFeature feature);

    private sealed class SqliteDialect : StoreDialect
    {
        public override StoreProvider Provider => StoreProvider.Sqlite;
        public override string ScriptFolder => "Sqlite";
        public override string SchemaLockSql => "";
        public override string CountTablesSql => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

        public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
            options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(60)).AddInterceptors(SqlitePragmas.Instance);

        public override object Timestamp(DateTime utc) => StampText(utc);

        public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Task.FromResult<DbTransaction>(((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: true));
        public override object Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        public override void Require(StoreFeature feature) { }
    }

    private sealed class PostgresDialect : StoreDialect
    {
        public override StoreProvider Provider => StoreProvider.Postgres;
        public override string ScriptFolder => "Npgsql";

        // A transaction-scoped advisory lock under a fixed key: the second process waits, then finds the scripts applied.
        public override string SchemaLockSql => "SELECT pg_advisory_xact_lock(7250518330161041217)";

        // An extension's tables (PostGIS puts spatial_ref_sys into public) belong to the database, not to another program.
        public override string CountTablesSql => """
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;

        public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
            options.UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(60));

        public override object Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);

        public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
            await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        public override object Date(DateOnly? date) => date is { } d ? d : DBNull.Value;

        // What only SQLite runs so far; each port takes its feature out of this set.
        private static readonly HashSet<StoreFeature> Unported = [StoreFeature.Benchmarks];

        public override void Require(StoreFeature feature)
        {
            if (Unported.Contains(feature)) throw new StoreFeatureNotSupportedException(feature);
        }
    }

    /// <summary>A time as the SQLite store writes it.</summary>
    internal static string StampText(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>The open connection's dialect.</summary>
    internal static StoreDialect For(DbConnection connection) => connection is Npgsql.NpgsqlConnection ? Postgres : Sqlite;
}

/// <summary>Features whose entry points ask the engine first (<see cref="StoreDialect.Require"/>); PostgreSQL refuses those not yet ported (docs/architecture.md, Store providers).</summary>
public enum StoreFeature
{
    /// <summary>The benchmark verbs, which generate and time SQLite stores.</summary>
    Benchmarks,
}

/// <summary>A feature was asked of a store engine that does not run it yet; the message names both.</summary>
public sealed class StoreFeatureNotSupportedException(StoreFeature feature)
    : NotSupportedException($"{Describe(feature)} does not run on a PostgreSQL store yet; use a SQLite store for it (see docs/architecture.md, Store providers)")
{
    /// <summary>The feature asked for.</summary>
    public StoreFeature Feature { get; } = feature;

    private static string Describe(StoreFeature feature) => feature switch
    {
        _ => "This benchmark",
    };
}
