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
/// <remarks>
/// One reading serves every request that arrived before it began: a request that comes while a reading is under way
/// waits for the next one, which starts when that one ends and is shared by all who came meanwhile. Each request so
/// still sees every change committed before it arrived, while under load the store is asked a few times per many
/// requests instead of once per request, one reading after another (the counter holds one connection on SQLite).
/// </remarks>
public sealed class StoreGeneration : IDisposable
{
    public const string CacheTag = "store";

    private readonly Func<StoreChangeCounter> _open;
    private readonly IOutputCacheStore _pages;
    private readonly IHttpContextAccessor _requests;
    private readonly ILogger<StoreGeneration> _log;

    public StoreGeneration(StoreLocation location, IOutputCacheStore pages, IHttpContextAccessor requests, ILogger<StoreGeneration> log)
        : this(() => StoreChangeCounter.For(location.Target), pages, requests, log)
    {
    }

    /// <summary>With the counter given (tests: a counter that answers when told).</summary>
    internal StoreGeneration(Func<StoreChangeCounter> open, IOutputCacheStore pages, IHttpContextAccessor requests, ILogger<StoreGeneration> log)
    {
        _open = open;
        _pages = pages;
        _requests = requests;
        _log = log;
    }

    private readonly Lock _lock = new();
    private Task<long>? _reading;
    private Task<long>? _next;
    private StoreChangeCounter? _counter;
    private long _dataVersion = long.MinValue;
    private long _generation;

    private static readonly object RequestKey = new();

    public async ValueTask<long> CurrentAsync(CancellationToken cancellation)
    {
        var request = _requests.HttpContext?.Items;
        if (request is not null && request.TryGetValue(RequestKey, out var read)) return (long)read!;
        Task<long> reading;
        lock (_lock) reading = _reading is null ? _reading = ReadAfter(Task.CompletedTask) : _next ??= ReadAfter(_reading);
        var generation = await reading.WaitAsync(cancellation);
        if (request is not null) request[RequestKey] = generation;
        return generation;
    }

    // A reading starts on the thread pool once the one before it has ended, whatever its outcome (a failed reading fails
    // only the requests that waited for it).
    private Task<long> ReadAfter(Task previous) =>
        previous.ContinueWith(_ => ReadAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();

    private async Task<long> ReadAsync()
    {
        try
        {
            _counter ??= _open();
            var version = await _counter.ReadAsync(CancellationToken.None);
            var moved = version != _dataVersion && _dataVersion != long.MinValue;
            if (moved) _generation++;
            _dataVersion = version;
            if (moved)
            {
                _log.LogDebug("Store changed (generation {Generation}); cached pages dropped", _generation);
                await _pages.EvictByTagAsync(CacheTag, CancellationToken.None);
            }
            return _generation;
        }
        finally
        {
            lock (_lock) (_reading, _next) = (_next, null);
        }
    }

    public void Dispose()
    {
        Task<long>? last;
        lock (_lock) last = _next ?? _reading;
        try { last?.Wait(); }
        catch (AggregateException) { } // a failed reading has already failed its requests
        _counter?.Dispose();
    }
}
