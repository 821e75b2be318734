using NewsCompare.Core.Data;
using Npgsql;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>A throw-away PostgreSQL database for a benchmark run, on the server a <c>postgres://</c> target names (its role must be allowed to create databases).</summary>
internal static class BenchDatabase
{
    /// <summary>Creates <paramref name="name"/> on <paramref name="server"/>'s server and returns a target for it.</summary>
    public static async Task<StoreTarget> CreateAsync(StoreTarget server, string name, CancellationToken ct)
    {
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", ct);
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return new StoreTarget(StoreProvider.Postgres, builder.ConnectionString, $"{server.Display} (database {name}, dropped afterwards)");
    }

    /// <summary>Drops <paramref name="name"/>, closing its pooled connections first.</summary>
    public static async Task DropAsync(StoreTarget server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(StoreTarget server, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
