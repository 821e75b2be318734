using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsCompare.Core.Data;

/// <summary>
/// A number that moves whenever a change to the store commits, from this process or another one (the command line, a
/// second web instance). Pages cached under one number are stale once it moves. Not thread-safe: callers serialise reads.
/// </summary>
public abstract class StoreChangeCounter : IDisposable
{
    /// <summary>The counter for <paramref name="target"/>'s engine.</summary>
    public static StoreChangeCounter For(StoreTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Provider == StoreProvider.Postgres ? new Generation(target.ConnectionString) : new DataVersion(target.ConnectionString);
    }

    /// <summary>The current number; only equality with an earlier reading means anything.</summary>
    public abstract long Read();

    /// <summary>
    /// <see cref="Read"/> without holding a thread while the store answers (a round trip on PostgreSQL), for callers
    /// serving many requests at once.
    /// </summary>
    public virtual ValueTask<long> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read());

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection held, if any.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    // SQLite's PRAGMA data_version on a connection of its own that never writes: it changes exactly when another
    // connection has committed, and costs a few microseconds.
    private sealed class DataVersion(string connectionString) : StoreChangeCounter
    {
        private SqliteConnection? _connection;

        public override long Read()
        {
            if (_connection is null)
            {
                _connection = new SqliteConnection(connectionString);
                _connection.Open();
            }
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return (long)command.ExecuteScalar()!;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _connection?.Dispose();
        }
    }

    // The generation row every writing transaction bumps (Migrations/Npgsql/0002), read on a pooled connection so a
    // restarted server costs one failed read, not a broken counter.
    private sealed class Generation(string connectionString) : StoreChangeCounter
    {
        public override long Read()
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand(Sql, connection);
            return (long)command.ExecuteScalar()!;
        }

        public override async ValueTask<long> ReadAsync(CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(Sql, connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        private const string Sql = "SELECT \"Value\" FROM \"StoreGeneration\" WHERE \"Id\" = 1";
    }
}
