using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

public sealed record OutletSummary(string Name, int Articles, int Stories, DateOnly? First, DateOnly? Last);

/// <summary>
/// The outlets and languages offered by the filters and the outlets page. Grouping a whole table is too slow to do per
/// request at 100,000 articles, so results are cached until the store changes (its generation moves; then at most a
/// minute longer) and for at most ten minutes.
/// </summary>
public sealed class StoreFacets(NewsDb db, IMemoryCache cache, StoreGeneration generation)
{
    /// <summary>Article and story counts per outlet (latest versions), with the span of stated (not inferred) dates.</summary>
    public async Task<IReadOnlyList<OutletSummary>> OutletsAsync(CancellationToken ct) =>
        await CachedAsync("outlets", async () => (await db.Database.SqlQuery<OutletRow>($"""
                SELECT "Outlet" AS "Name", COUNT(*) AS "Articles", COUNT(DISTINCT "StoryId") AS "Stories",
                       MIN(CASE WHEN "PublishedInferred" = 0 THEN "Published" END) AS "First",
                       MAX(CASE WHEN "PublishedInferred" = 0 THEN "Published" END) AS "Last"
                FROM "Articles" WHERE "IsLatest" = 1 AND "Outlet" IS NOT NULL
                GROUP BY "Outlet" ORDER BY "Outlet"
                """).ToListAsync(ct))
            .Select(r => new OutletSummary(r.Name, r.Articles, r.Stories, r.First, r.Last)).ToList(), ct);

    public async Task<IReadOnlyList<string>> LanguagesAsync(CancellationToken ct) =>
        await CachedAsync("languages", () => db.Articles
            .Where(a => a.IsLatest && a.Language != null)
            .Select(a => a.Language!)
            .Distinct()
            .OrderBy(l => l)
            .ToListAsync(ct), ct);

    // While imports run, the store changes with every file: recomputing on each change would make every page
    // view pay for the grouping, so a result is reused for up to a minute after the store has moved on.
    private async Task<IReadOnlyList<T>> CachedAsync<T>(string name, Func<Task<List<T>>> load, CancellationToken ct)
    {
        var version = await generation.CurrentAsync(ct);
        var key = "facets:" + name;
        if (cache.TryGetValue(key, out Cached<T>? hit) && hit is not null
            && (hit.Version == version || DateTime.UtcNow - hit.At < StaleFor))
            return hit.Value;
        var value = await load();
        cache.Set(key, new Cached<T>(version, DateTime.UtcNow, value), TimeSpan.FromMinutes(10));
        return value;
    }

    private static readonly TimeSpan StaleFor = TimeSpan.FromMinutes(1);

    private sealed record Cached<T>(long Version, DateTime At, IReadOnlyList<T> Value);

    private sealed class OutletRow
    {
        public string Name { get; set; } = "";
        public int Articles { get; set; }
        public int Stories { get; set; }
        public DateOnly? First { get; set; }
        public DateOnly? Last { get; set; }
    }
}
