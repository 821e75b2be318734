using Microsoft.Extensions.Caching.Memory;

namespace NewsCompare.Web.Reading;

/// <summary>
/// How many rows a filter matches, remembered until the store changes. Counting every match of a broad filter (a
/// language most articles share, a word in most of them) reads tens of thousands of index entries, while the page
/// itself needs twenty rows; so each filter is counted once per store generation, not once per request or page.
/// </summary>
public sealed class ListCounts(StoreGeneration generation) : IDisposable
{
    private readonly MemoryCache _counts = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>
    /// The count for <paramref name="key"/> (which names the list and its filters), from <paramref name="count"/> when
    /// not yet known; or another small answer that holds until the store changes (the ids of the few stories that span a date).
    /// </summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> count, CancellationToken ct)
    {
        var entry = $"{await generation.CurrentAsync(ct)}|{key}";
        if (_counts.TryGetValue(entry, out T? known) && known is not null) return known;
        var counted = await count();
        _counts.Set(entry, counted, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return counted;
    }

    public void Dispose() => _counts.Dispose();
}
