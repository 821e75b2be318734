using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Reading;

/// <summary>
/// A number that moves whenever anything commits to the store: an import, grouping, an editor's correction, from this
/// process or another one writing the same file (the command line). It is SQLite's <c>PRAGMA data_version</c> on a
/// connection of its own that never writes, which changes exactly when another connection has committed, and costs a
/// few microseconds to read, so every request can ask. When it moves, cached pages are dropped.
/// </summary>
public sealed class StoreGeneration(StoreLocation location, IOutputCacheStore pages, ILogger<StoreGeneration> log) : IDisposable
{
    public const string CacheTag = "store";

    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private long _dataVersion = long.MinValue;
    private long _generation;

    public async ValueTask<long> CurrentAsync(CancellationToken cancellation)
    {
        long generation;
        bool moved;
        lock (_gate)
        {
            if (_connection is null)
            {
                _connection = new SqliteConnection(location.ConnectionString);
                _connection.Open();
            }
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            var version = (long)command.ExecuteScalar()!;
            moved = version != _dataVersion && _dataVersion != long.MinValue;
            if (moved) _generation++;
            _dataVersion = version;
            generation = _generation;
        }
        if (moved)
        {
            log.LogDebug("Store changed (generation {Generation}); cached pages dropped", generation);
            await pages.EvictByTagAsync(CacheTag, cancellation);
        }
        return generation;
    }

    public void Dispose()
    {
        lock (_gate) _connection?.Dispose();
    }
}
