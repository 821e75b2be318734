using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

/// <summary>
/// An outlet in the store: its counts, the span of its stated dates (or, when it has none, of its inferred ones, with
/// <paramref name="DatesInferred"/> set), and who it is when the outlet registry knows it.
/// </summary>
public sealed record OutletSummary(string Name, int Articles, int Stories, DateOnly? First, DateOnly? Last,
    bool DatesInferred = false, OutletFacts? About = null);

/// <summary>
/// The outlets and languages offered by the filters and the outlets page. Grouping a whole table is too slow to do per
/// request at 100,000 articles, so results are cached until the store changes (its generation moves; then at most a
/// minute longer) and for at most ten minutes.
/// </summary>
public sealed class StoreFacets(NewsDb db, IMemoryCache cache, StoreGeneration generation, OutletDirectory outlets)
{
    /// <summary>
    /// Article and story counts per outlet (latest versions), with the span of stated dates (inferred ones only for an
    /// outlet with no stated date), and the registry's facts about it.
    /// </summary>
    public async Task<IReadOnlyList<OutletSummary>> OutletsAsync(CancellationToken ct) =>
        await CachedAsync("outlets", async () => (await db.Database.SqlQuery<OutletRow>($"""
                SELECT "Outlet" AS "Name", COUNT(*) AS "Articles", COUNT(DISTINCT "StoryId") AS "Stories",
                       MIN(CASE WHEN NOT "PublishedInferred" THEN "Published" END) AS "First",
                       MAX(CASE WHEN NOT "PublishedInferred" THEN "Published" END) AS "Last",
                       MIN("Published") AS "FirstAny", MAX("Published") AS "LastAny"
                FROM "Articles" WHERE "IsLatest" = TRUE AND "Outlet" IS NOT NULL
                GROUP BY "Outlet" ORDER BY "Outlet"
                """).ToListAsync(ct))
            .Select(r => r.First is null && r.FirstAny is not null
                ? new OutletSummary(r.Name, r.Articles, r.Stories, r.FirstAny, r.LastAny, DatesInferred: true, outlets.Describe(r.Name))
                : new OutletSummary(r.Name, r.Articles, r.Stories, r.First, r.Last, About: outlets.Describe(r.Name))).ToList(), ct);

    /// <summary>The outlet called <paramref name="name"/> in the store; a '/' in the name may come escaped as %2F (links that escape it).</summary>
    public async Task<OutletSummary?> OutletAsync(string name, CancellationToken ct)
    {
        var unescaped = name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return (await OutletsAsync(ct)).FirstOrDefault(o => o.Name == unescaped);
    }

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
        public DateOnly? FirstAny { get; set; }
        public DateOnly? LastAny { get; set; }
    }
}
