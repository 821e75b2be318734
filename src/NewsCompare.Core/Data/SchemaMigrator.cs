using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace NewsCompare.Core.Data;

/// <summary>
/// Creates and evolves the store's schema from numbered SQL scripts embedded in this assembly
/// (Data/Migrations/&lt;provider&gt;/NNNN_name.sql). Pending scripts run once, together in one transaction, and each is recorded
/// in the SchemaVersions table. See docs/adr/0001-schema-evolution.md for why EF migrations are not used.
/// </summary>
public static partial class SchemaMigrator
{
    /// <summary>The scripts for <paramref name="provider"/> ("Sqlite", "Npgsql": <see cref="StoreDialect.ScriptFolder"/>), in the order they apply.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(string provider)
    {
        var prefix = $"{typeof(SchemaMigrator).Assembly.GetName().Name}.Data.Migrations.{provider}.";
        return EmbeddedFiles.Under(prefix)
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Resource: n, Match: ScriptName().Match(n[prefix.Length..])))
            .Where(x => x.Match.Success)
            .Select(x => (int.Parse(x.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                          x.Match.Groups[2].Value, EmbeddedFiles.ReadText(x.Resource)))
            .OrderBy(x => x.Item1)
            .ToList();
    }

    /// <summary>Applies every script the store has not run yet. Safe to call on every start.</summary>
    /// <returns>The versions applied by this call.</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NewsDb db, CancellationToken cancellationToken = default)
    {
        var dialect = StoreDialect.For(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(cancellationToken);
        try
        {
            // A store that is up to date is only read: a long write elsewhere (a full regroup runs in one transaction)
            // must not keep other processes from opening the store.
            var scripts = Scripts(dialect.ScriptFolder);
            var current = await AppliedAsync(connection, null, cancellationToken);
            if (current is not null && scripts.All(s => current.Contains(s.Version))) return [];
            // A database with tables but no version table is another program's: adding ours to it would mix two
            // programs' data in one file or database, so it is refused untouched.
            if (current is null && await ScalarAsync(connection, dialect.CountTablesSql, cancellationToken) is > 0 and var tables)
                throw new StoreUnavailableException($"holds {tables} {(tables == 1 ? "table" : "tables")} of another program and no NewsCompare schema, so it is not a NewsCompare store; nothing was written to it (name a new file or database, or an existing NewsCompare store)");

            // One write transaction for the whole check-and-apply: SQLite takes its write lock at BEGIN (IMMEDIATE),
            // PostgreSQL an advisory lock, so two processes opening a new store at once apply the scripts once, the
            // second waiting for the first.
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            if (dialect.SchemaLockSql.Length > 0) await ExecuteAsync(connection, tx, dialect.SchemaLockSql, cancellationToken);
            await ExecuteAsync(connection, tx, """
                CREATE TABLE IF NOT EXISTS "SchemaVersions" ("Version" INTEGER NOT NULL PRIMARY KEY, "Name" TEXT NOT NULL, "AppliedAt" TEXT NOT NULL);
                """, cancellationToken);
            var applied = await AppliedAsync(connection, tx, cancellationToken) ?? [];

            var done = new List<int>();
            foreach (var (version, name, sql) in scripts.Where(s => !applied.Contains(s.Version)))
            {
                await ExecuteAsync(connection, tx, sql, cancellationToken);
                await ExecuteAsync(connection, tx,
                    $"INSERT INTO \"SchemaVersions\" (\"Version\", \"Name\", \"AppliedAt\") VALUES ({version}, '{name.Replace("'", "''", StringComparison.Ordinal)}', '{DateTime.UtcNow:O}')",
                    cancellationToken);
                done.Add(version);
            }
            await tx.CommitAsync(cancellationToken);
            return done;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// <summary>The versions the store has applied, or null when it has no version table yet.</summary>
    private static async Task<HashSet<int>?> AppliedAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT \"Version\" FROM \"SchemaVersions\"";
        var applied = new HashSet<int>();
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetInt32(0));
        }
        catch (DbException) when (tx is null)
        {
            return null;
        }
        return applied;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex(@"^_?(\d{4})_(\w+)\.sql$")]
    private static partial Regex ScriptName();
}
