using Microsoft.Data.Sqlite;
using NewsCompare.Core.Data;
using Npgsql;

namespace NewsCompare.Core.Tests;

/// <summary>
/// A throw-away store on either engine: a SQLite file in the temp folder, or a new database on the PostgreSQL server
/// named by <c>NEWSCOMPARE_TEST_POSTGRES</c> (a <c>postgres://user:password@host:port/database</c> URI whose role may
/// create databases). Without that server a PostgreSQL test skips, saying how to start one, unless
/// <c>NEWSCOMPARE_REQUIRE_POSTGRES=1</c> (CI), where it fails.
/// </summary>
public sealed class ProviderStore : IAsyncDisposable
{
    /// <summary>The environment variable naming the test server.</summary>
    public const string ServerVariable = "NEWSCOMPARE_TEST_POSTGRES";

    /// <summary>Set to 1 where a missing server must fail the tests (CI).</summary>
    public const string RequireVariable = "NEWSCOMPARE_REQUIRE_POSTGRES";

    /// <summary>How to give the tests a server: the message of every skip and failure.</summary>
    public const string HowToStart =
        "no PostgreSQL server for the tests: set " + ServerVariable + "=postgres://USER:PASSWORD@HOST:PORT/postgres (a role that may create databases), " +
        "e.g. as root: pg_ctlcluster 15 main start && su postgres -c \"psql -c \\\"CREATE ROLE nc LOGIN PASSWORD 'nc' CREATEDB\\\"\" " +
        "then " + ServerVariable + "=postgres://nc:nc@localhost:5432/postgres (.ci/run does this)";

    private readonly string? _file;
    private readonly string? _database;

    private ProviderStore(StoreTarget target, string? file, string? database) => (Target, _file, _database) = (target, file, database);

    /// <summary>The store to open.</summary>
    public StoreTarget Target { get; }

    /// <summary>The engine.</summary>
    public StoreProvider Provider => Target.Provider;

    /// <summary>
    /// A new empty store on <paramref name="provider"/>; for PostgreSQL skips the calling test (xunit's SkippableFact or
    /// SkippableTheory) when no server is configured and CI does not require one.
    /// </summary>
    public static async Task<ProviderStore> CreateAsync(StoreProvider provider)
    {
        if (provider == StoreProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"nc-test-{Guid.NewGuid():N}.db");
            return new ProviderStore(StoreTarget.Sqlite(path), path, null);
        }

        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1") throw new InvalidOperationException(RequireVariable + "=1 but " + HowToStart);
            Skip.If(true, HowToStart);
        }
        var admin = StoreTarget.Postgres(server!.Trim());
        var name = $"nc_test_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException($"{ServerVariable} names {admin.Display}, which could not create a test database ({e.Message}); " + HowToStart, e);
        }
        var builder = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name };
        return new ProviderStore(new StoreTarget(StoreProvider.Postgres, builder.ConnectionString, $"{admin.Display}/{name}"), null, name);
    }

    /// <summary>A new <see cref="NewsDb"/> on the store, its schema not yet migrated.</summary>
    public NewsDb NewContext() => new(NewsStore.Options(Target));

    /// <summary>Opens the store, migrating its schema.</summary>
    public Task<NewsDb> OpenAsync() => NewsStore.OpenAsync(Target);

    /// <summary>Deletes the file or drops the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(file);
        }
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = StoreTarget.Postgres(Environment.GetEnvironmentVariable(ServerVariable)!.Trim());
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (attempt < 40 && e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
                {
                    // An autovacuum worker busy with the test's tables belongs to no role this one may end; it is done
                    // within moments.
                    await Task.Delay(250);
                }
            }
        }
    }
}
