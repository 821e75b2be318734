using Microsoft.AspNetCore.OutputCaching;
using NewsCompare.Core.Data;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Reading;

/// <summary>
/// A number that moves whenever anything commits to the store: an import, grouping, an editor's correction, from this
/// process or another one writing the same store (the command line, another instance). It is the store's
/// <see cref="StoreChangeCounter"/> (SQLite's <c>PRAGMA data_version</c> on a connection of its own, a generation row on
/// PostgreSQL), cheap enough that every request can ask. When it moves, cached pages are dropped. It is read once per
/// request (a page that counts several lists asks it several times): on PostgreSQL each reading is a round trip.
/// </summary>
public sealed class StoreGeneration(StoreLocation location, IOutputCacheStore pages, IHttpContextAccessor requests, ILogger<StoreGeneration> log) : IDisposable
{
    public const string CacheTag = "store";

    // Readings are serialised (the counter holds one connection on SQLite); waiting for one holds no thread.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private StoreChangeCounter? _counter;
    private long _dataVersion = long.MinValue;
    private long _generation;

    private static readonly object RequestKey = new();

    public async ValueTask<long> CurrentAsync(CancellationToken cancellation)
    {
        var request = requests.HttpContext?.Items;
        if (request is not null && request.TryGetValue(RequestKey, out var read)) return (long)read!;
        long generation;
        bool moved;
        await _gate.WaitAsync(cancellation);
        try
        {
            _counter ??= StoreChangeCounter.For(location.Target);
            var version = await _counter.ReadAsync(cancellation);
            moved = version != _dataVersion && _dataVersion != long.MinValue;
            if (moved) _generation++;
            _dataVersion = version;
            generation = _generation;
        }
        finally
        {
            _gate.Release();
        }
        if (moved)
        {
            log.LogDebug("Store changed (generation {Generation}); cached pages dropped", generation);
            await pages.EvictByTagAsync(CacheTag, cancellation);
        }
        if (request is not null) request[RequestKey] = generation;
        return generation;
    }

    public void Dispose()
    {
        _gate.Wait();
        _counter?.Dispose();
        _gate.Dispose();
    }
}
