using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Web.Reading;

public sealed record StoryListItem(
    long Id, string Title, DateOnly? FirstDate, DateOnly? LastDate,
    int ArticleCount, int IndependentCount, int OutletCount, IReadOnlyList<string> Outlets);

/// <summary>
/// The stories list (home page and /api/stories). Counts and dates come from the Story row. The number of matches is
/// counted once per filter and store generation (<see cref="ListCounts"/>); each page is then a walk down an index in
/// the list's order that stops after twenty rows. Outlets and languages are read from <see cref="StoryFacet"/> rows,
/// which carry the story's list keys, so a filtered page is a walk down that table's index, not a look-up of every story
/// of the outlet. A date range walks newest first from its end: the few stories that span the range's end (started
/// inside it, ended after it) are looked up by id (found once per generation), the rest read from the range itself.
/// </summary>
public static class StoryList
{
    public static async Task<Paged<StoryListItem>> QueryAsync(NewsDb db, ListCounts counts, ListFilter filter, CancellationToken ct)
    {
        var countKey = "stories" + filter.Query(page: 1, sort: "");
        var skip = (filter.PageNumber - 1) * ListFilter.PageSize;
        var dialect = StoreDialect.For(db);
        var compiled = Compiled.For(dialect);
        int total;
        List<Row> rows;
        if (IsUnfiltered(filter))
        {
            total = await counts.GetAsync(countKey, () => db.Stories.CountAsync(ct), ct);
            // The home page as most visitors see it: a query compiled once, not translated per request.
            var page = filter.ByCoverage ? compiled.ByCoveragePage(db, skip, ListFilter.PageSize) : compiled.ByDatePage(db, skip, ListFilter.PageSize);
            rows = [];
            await foreach (var row in page.WithCancellation(ct)) rows.Add(row);
        }
        else
        {
            var latest = await LatestAsync(db, counts, filter, ct);
            total = await counts.GetAsync(countKey, async () => await (await MatchingAsync(db, counts, filter, forPage: false, latest, ct)).CountAsync(ct), ct);
            rows = await FilteredPageAsync(db, counts, filter, countKey, skip, latest, dialect, ct);
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var outlets = new List<StoryOutlet>();
        await foreach (var outlet in compiled.OutletsOf(db, ids).WithCancellation(ct)) outlets.Add(outlet);
        var byStory = outlets.ToLookup(o => o.StoryId!.Value, o => o.Outlet!);

        var items = rows.Select(r => new StoryListItem(r.Id, r.Title, r.FirstDate, r.LastDate, r.ArticleCount, r.IndependentCount,
            r.OutletCount, byStory[r.Id].Order(StringComparer.OrdinalIgnoreCase).ToList())).ToList();
        return new Paged<StoryListItem>(items, total, filter.PageNumber, ListFilter.PageSize);
    }

    /// <summary>A story's list keys: from its facet rows when the filter names outlets or a language, else from its row.</summary>
    private sealed class Key
    {
        public long StoryId { get; init; }
        public DateOnly? FirstDate { get; init; }
        public DateOnly? LastDate { get; init; }
        public int OutletCount { get; init; }
        public int ArticleCount { get; init; }
    }

    /// <summary>
    /// The keys of the stories matching <paramref name="filter"/>, each once; with <paramref name="latest"/>, also bounded
    /// by it (see <see cref="InRange"/>), and with <paramref name="only"/>, among those stories.
    /// </summary>
    private static async Task<IQueryable<Key>> MatchingAsync(NewsDb db, ListCounts counts, ListFilter filter, bool forPage, DateOnly? latest,
        CancellationToken ct, long[]? only = null, IReadOnlyList<string>? outletsOf = null)
    {
        var outlets = outletsOf ?? filter.Outlets;
        var language = filter.Language;
        IQueryable<Key> keys;
        var fts = FullText.Query(db, filter.Search);
        if (fts is not null || (outlets.Count == 0 && language is null))
        {
            var stories = fts is null ? db.Stories : await FullText.MatchingStoriesAsync(db, counts, fts, forPage, ct);
            keys = stories.Select(s => new Key { StoryId = s.Id, FirstDate = s.FirstDate, LastDate = s.LastDate, OutletCount = s.OutletCount, ArticleCount = s.ArticleCount });
            if (outlets.Count > 0)
                keys = keys.Where(k => db.StoryFacets.Any(f => f.Facet == StoryFacetKind.Outlet && outlets.Contains(f.Value) && f.StoryId == k.StoryId));
        }
        else
        {
            // The walk goes down the facet rows of the outlets (or of the language), in the list's order. The outlets are
            // parameters of their own (OneOf): one outlet then walks IX_StoryFacets_Date for the page's 20 rows, where a
            // list passed as one value read every row of the outlet (500 of 17,000 stories) to sort them.
            var facets = outlets.Count > 0
                ? db.StoryFacets.Where(f => f.Facet == StoryFacetKind.Outlet).WhereOneOf(f => f.Value, outlets)
                : db.StoryFacets.Where(f => f.Facet == StoryFacetKind.Language && f.Value == language);
            keys = facets.Select(f => new Key { StoryId = f.StoryId, FirstDate = f.FirstDate, LastDate = f.LastDate, OutletCount = f.OutletCount, ArticleCount = f.ArticleCount });
        }
        // The language is then a probe per candidate story, written as a scalar look-up rather than EXISTS: PostgreSQL
        // turns EXISTS into a join that reads every story of a common language (13,600 rows for "en") to keep a few hundred.
        if (language is not null && (fts is not null || outlets.Count > 0))
            keys = keys.Where(k => db.StoryFacets.Where(l => l.Facet == StoryFacetKind.Language && l.Value == language && l.StoryId == k.StoryId)
                .Select(l => (long?)l.StoryId).FirstOrDefault() == k.StoryId);
        keys = InRange(keys, filter, latest);
        if (only is not null) keys = keys.Where(k => only.Contains(k.StoryId));
        // A story of two of the outlets has a row for each, with the same keys (its own).
        return fts is null && outlets.Count > 1 ? keys.Distinct() : keys;
    }

    /// <summary>
    /// One page of the filtered list. Newest first with a range that ends, the stories that span the range's end come
    /// first in that order and are looked up by id (found once per generation); then the range's own stories, walked
    /// from its end. Bounded only by the longest span of any story, the walk would step over every story that ended
    /// within that span after the range (2,900 of 17,000 for a year, with one story of 170 days).
    /// </summary>
    private static async Task<List<Row>> FilteredPageAsync(NewsDb db, ListCounts counts, ListFilter filter, string countKey, int skip,
        DateOnly? latest, StoreDialect dialect, CancellationToken ct)
    {
        var take = ListFilter.PageSize;
        var forPage = filter.PageNumber <= ListFilter.ProbedPages;
        if (filter.ByCoverage && filter.Outlets.Count > 1 && filter.Search is null && dialect.Provider == StoreProvider.Postgres)
        {
            // On PostgreSQL, each outlet's facet rows walked in the list's order (IX_StoryFacets_Coverage), each only as far
            // as the page's end, and the page taken from their union: the language probe and the date test then meet about
            // as many rows as the page needs, where the outlets together read and sorted every row of their dates, each
            // probed for a language. On SQLite the web process's CPU per page did not fall (docs/benchmarks.md, Web pages),
            // so it keeps the single walk.
            IQueryable<Key>? union = null;
            foreach (var outlet in filter.Outlets)
            {
                var branch = OrderKeys(await MatchingAsync(db, counts, filter, forPage, latest, ct, outletsOf: [outlet]), byCoverage: true, dialect)
                    .Take(skip + take);
                union = union is null ? branch : union.Union(branch);
            }
            return await RowsAsync(db, OrderKeys(union!, byCoverage: true, dialect).Skip(skip).Take(take), byCoverage: true, ct);
        }
        if (filter.ByCoverage || filter.To is not { } to || latest is null || filter.ReversedRange)
            return await RowsAsync(db, OrderKeys(await MatchingAsync(db, counts, filter, forPage, latest, ct), filter.ByCoverage, dialect).Skip(skip).Take(take),
                filter.ByCoverage, ct);

        var spanning = await counts.GetAsync($"stories:spanning:{to:yyyy-MM-dd}",
            () => db.Stories.Where(s => s.LastDate > to && s.LastDate <= latest && s.FirstDate <= to).Select(s => s.Id).ToArrayAsync(ct), ct);
        var across = await MatchingAsync(db, counts, filter, forPage, latest: null, ct, only: spanning);
        var acrossCount = spanning.Length == 0 ? 0 : await counts.GetAsync(countKey + "|spanning", () => across.CountAsync(ct), ct);
        var rows = skip < acrossCount ? await RowsAsync(db, OrderKeys(across, byCoverage: false, dialect).Skip(skip).Take(take), byCoverage: false, ct) : [];
        if (rows.Count < take)
        {
            var inside = await MatchingAsync(db, counts, filter, forPage, latest: to, ct);
            rows.AddRange(await RowsAsync(db, OrderKeys(inside, byCoverage: false, dialect).Skip(Math.Max(0, skip - acrossCount)).Take(take - rows.Count),
                byCoverage: false, ct));
        }
        return rows;
    }

    /// <summary>
    /// The latest LastDate a story overlapping the filter's range can have: a dated story has both dates (Core sets them
    /// from the same articles), so at most the range's end plus the longest span of any story in the store.
    /// </summary>
    private static async Task<DateOnly?> LatestAsync(NewsDb db, ListCounts counts, ListFilter filter, CancellationToken ct)
    {
        if (filter.To is not { } end) return null;
        var longest = await counts.GetAsync("stories:longest-span", () => LongestSpanDaysAsync(db, ct), ct);
        return end.DayNumber <= DateOnly.MaxValue.DayNumber - longest ? end.AddDays(longest) : null;
    }

    /// <summary>The stories' rows for a page of keys, in the page's order (the join does not keep it).</summary>
    private static async Task<List<Row>> RowsAsync(NewsDb db, IQueryable<Key> page, bool byCoverage, CancellationToken ct)
    {
        var rows = await page.Join(db.Stories, k => k.StoryId, s => s.Id, (k, s) => s).Select(ToRow).ToListAsync(ct);
        var ordered = byCoverage
            ? rows.OrderByDescending(r => r.OutletCount).ThenByDescending(r => r.ArticleCount).ThenByDescending(r => r.LastDate.HasValue)
            : rows.OrderByDescending(r => r.LastDate.HasValue);
        return [.. ordered.ThenByDescending(r => r.LastDate).ThenByDescending(r => r.Id)];
    }

    private static IQueryable<Key> OrderKeys(IQueryable<Key> keys, bool byCoverage, StoreDialect dialect) => byCoverage
        ? keys.OrderByDescending(k => k.OutletCount).ThenByDescending(k => k.ArticleCount).ThenNewestFirst(k => k.LastDate, dialect).ThenByDescending(k => k.StoryId)
        : keys.NewestFirst(k => k.LastDate, dialect).ThenByDescending(k => k.StoryId);

    /// <summary>
    /// The keys whose story overlaps the filter's range (starts before the range ends and ends after it starts; undated
    /// stories only with "undated"), and whose last date is at most <paramref name="latest"/> when given: the same
    /// condition as a range of LastDate, so a newest-first walk seeks into the index instead of stepping over later stories.
    /// </summary>
    private static IQueryable<Key> InRange(IQueryable<Key> keys, ListFilter filter, DateOnly? latest)
    {
        if (!filter.HasDateRange) return keys;
        var (from, to, undated) = (filter.From, filter.To, filter.IncludeUndated);
        keys = keys.Where(k => (k.FirstDate == null && k.LastDate == null)
            ? undated
            : (to == null || (k.FirstDate ?? k.LastDate) <= to) && (from == null || (k.LastDate ?? k.FirstDate) >= from));
        return undated
            ? keys.Where(k => k.LastDate == null || ((from == null || k.LastDate >= from) && (latest == null || k.LastDate <= latest)))
            : keys.Where(k => (from == null || k.LastDate >= from) && (latest == null || k.LastDate <= latest));
    }

    private sealed record Row(long Id, string Title, DateOnly? FirstDate, DateOnly? LastDate, int ArticleCount, int IndependentCount, int OutletCount);

    private sealed record StoryOutlet(long? StoryId, string? Outlet);

    private static readonly Expression<Func<Story, Row>> ToRow =
        s => new Row(s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount);

    private static bool IsUnfiltered(ListFilter filter) =>
        filter.Search is null && filter.Outlets.Count == 0 && filter.Language is null && !filter.HasDateRange;

    /// <summary>The home page's queries, compiled once per engine (EF runs a compiled query on one model only).</summary>
    private sealed record Compiled(
        Func<NewsDb, int, int, IAsyncEnumerable<Row>> ByDatePage,
        Func<NewsDb, int, int, IAsyncEnumerable<Row>> ByCoveragePage,
        Func<NewsDb, long[], IAsyncEnumerable<StoryOutlet>> OutletsOf)
    {
        public static Compiled For(StoreDialect dialect) => dialect.Provider == StoreProvider.Postgres ? Postgres : Sqlite;

        private static readonly Compiled Sqlite = new(
            EF.CompileAsyncQuery((NewsDb db, int skip, int take) => db.Stories
                .OrderByDescending(s => s.LastDate).ThenByDescending(s => s.Id)
                .Skip(skip).Take(take)
                .Select(s => new Row(s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount))),
            EF.CompileAsyncQuery((NewsDb db, int skip, int take) => db.Stories
                .OrderByDescending(s => s.OutletCount).ThenByDescending(s => s.ArticleCount).ThenByDescending(s => s.LastDate).ThenByDescending(s => s.Id)
                .Skip(skip).Take(take)
                .Select(s => new Row(s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount))),
            CompileOutletsOf());

        // PostgreSQL sorts nulls first when descending: undated stories are put last as SQLite does (UndatedLast).
        private static readonly Compiled Postgres = new(
            EF.CompileAsyncQuery((NewsDb db, int skip, int take) => db.Stories
                .OrderBy(s => s.LastDate == null).ThenByDescending(s => s.LastDate).ThenByDescending(s => s.Id)
                .Skip(skip).Take(take)
                .Select(s => new Row(s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount))),
            EF.CompileAsyncQuery((NewsDb db, int skip, int take) => db.Stories
                .OrderByDescending(s => s.OutletCount).ThenByDescending(s => s.ArticleCount)
                .ThenBy(s => s.LastDate == null).ThenByDescending(s => s.LastDate).ThenByDescending(s => s.Id)
                .Skip(skip).Take(take)
                .Select(s => new Row(s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount))),
            CompileOutletsOf());

        // The twenty stories' outlets, from IX_Articles_StoryId_IsLatest_Outlet without reading article rows. The ids are
        // not nullable: matching a nullable column against them adds "or the column is null and the list holds a null",
        // which PostgreSQL cannot keep one plan for, so the statement was planned again at every request.
        private static Func<NewsDb, long[], IAsyncEnumerable<StoryOutlet>> CompileOutletsOf() => EF.CompileAsyncQuery(
            (NewsDb db, long[] ids) => db.Articles
                .Where(a => a.StoryId != null && ids.Contains(a.StoryId.Value) && a.IsLatest && a.Outlet != null)
                .Select(a => new StoryOutlet(a.StoryId, a.Outlet))
                .Distinct());
    }

    private static async Task<int> LongestSpanDaysAsync(NewsDb db, CancellationToken ct) =>
        (await (StoreDialect.For(db).Provider == StoreProvider.Postgres
            ? db.Database.SqlQuery<int>($"""SELECT COALESCE(MAX("LastDate" - "FirstDate"), 0) AS "Value" FROM "Stories" """)
            : db.Database.SqlQuery<int>($"""
                SELECT CAST(COALESCE(MAX(julianday("LastDate") - julianday("FirstDate")), 0) AS INTEGER) AS "Value" FROM "Stories"
                """)).ToListAsync(ct))[0];
}
