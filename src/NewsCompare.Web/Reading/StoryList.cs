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
/// the list's order, testing each story against the filters, which stops after twenty rows. Counting and paging take
/// different query shapes where that pays: a language most stories share is counted from the list of its stories
/// (IN) but paged by asking, story by story, whether one of its articles is in it (EXISTS on an index).
/// </summary>
public static class StoryList
{
    public static async Task<Paged<StoryListItem>> QueryAsync(NewsDb db, ListCounts counts, ListFilter filter, CancellationToken ct)
    {
        var total = await counts.GetAsync("stories" + filter.Query(page: 1, sort: ""),
            async () => await (await FilterAsync(db, counts, filter, forPage: false, ct)).CountAsync(ct), ct);
        var skip = (filter.PageNumber - 1) * ListFilter.PageSize;
        List<Row> rows;
        var dialect = StoreDialect.For(db);
        var compiled = Compiled.For(dialect);
        if (IsUnfiltered(filter))
        {
            // The home page as most visitors see it: a query compiled once, not translated per request.
            var page = filter.ByCoverage ? compiled.ByCoveragePage(db, skip, ListFilter.PageSize) : compiled.ByDatePage(db, skip, ListFilter.PageSize);
            rows = [];
            await foreach (var row in page.WithCancellation(ct)) rows.Add(row);
        }
        else
        {
            var stories = await FilterAsync(db, counts, filter, forPage: filter.PageNumber <= ListFilter.ProbedPages, ct);
            rows = await Order(stories, filter.ByCoverage, dialect).Skip(skip).Take(ListFilter.PageSize).Select(ToRow).ToListAsync(ct);
        }

        var ids = rows.Select(r => (long?)r.Id).ToArray();
        var outlets = new List<StoryOutlet>();
        await foreach (var outlet in compiled.OutletsOf(db, ids).WithCancellation(ct)) outlets.Add(outlet);
        var byStory = outlets.ToLookup(o => o.StoryId!.Value, o => o.Outlet!);

        var items = rows.Select(r => new StoryListItem(r.Id, r.Title, r.FirstDate, r.LastDate, r.ArticleCount, r.IndependentCount,
            r.OutletCount, byStory[r.Id].Order(StringComparer.OrdinalIgnoreCase).ToList())).ToList();
        return new Paged<StoryListItem>(items, total, filter.PageNumber, ListFilter.PageSize);
    }

    private sealed record Row(long Id, string Title, DateOnly? FirstDate, DateOnly? LastDate, int ArticleCount, int IndependentCount, int OutletCount);

    private sealed record StoryOutlet(long? StoryId, string? Outlet);

    private static readonly Expression<Func<Story, Row>> ToRow =
        s => new Row(s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount);

    // Both orders are an index's order (the rowid, Id, ends every index), so a page needs no sort.
    private static IQueryable<Story> Order(IQueryable<Story> stories, bool byCoverage, StoreDialect dialect) => byCoverage
        ? stories.OrderByDescending(s => s.OutletCount).ThenByDescending(s => s.ArticleCount).ThenNewestFirst(s => s.LastDate, dialect).ThenByDescending(s => s.Id)
        : stories.NewestFirst(s => s.LastDate, dialect).ThenByDescending(s => s.Id);

    private static bool IsUnfiltered(ListFilter filter) =>
        filter.Search is null && filter.Outlets.Count == 0 && filter.Language is null && !filter.HasDateRange;

    /// <summary>The home page's queries, compiled once per engine (EF runs a compiled query on one model only).</summary>
    private sealed record Compiled(
        Func<NewsDb, int, int, IAsyncEnumerable<Row>> ByDatePage,
        Func<NewsDb, int, int, IAsyncEnumerable<Row>> ByCoveragePage,
        Func<NewsDb, long?[], IAsyncEnumerable<StoryOutlet>> OutletsOf)
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

        // The twenty stories' outlets, from IX_Articles_StoryId_IsLatest_Outlet without reading article rows.
        private static Func<NewsDb, long?[], IAsyncEnumerable<StoryOutlet>> CompileOutletsOf() => EF.CompileAsyncQuery(
            (NewsDb db, long?[] ids) => db.Articles
                .Where(a => ids.Contains(a.StoryId) && a.IsLatest && a.Outlet != null)
                .Select(a => new StoryOutlet(a.StoryId, a.Outlet))
                .Distinct());
    }

    private static async Task<IQueryable<Story>> FilterAsync(NewsDb db, ListCounts counts, ListFilter filter, bool forPage, CancellationToken ct)
    {
        var fts = FullText.Query(db, filter.Search);
        var stories = fts is null ? db.Stories : await FullText.MatchingStoriesAsync(db, counts, fts, forPage, ct);
        // A few outlets' stories are a short list to look up.
        var outlets = filter.Outlets;
        if (outlets.Count > 0)
            stories = stories.Where(s => db.Articles.Where(a => a.Outlet != null && outlets.Contains(a.Outlet)).Select(a => a.StoryId).Contains(s.Id));
        var language = filter.Language;
        if (language is not null)
        {
            stories = forPage
                ? stories.Where(s => db.Articles.Any(a => a.IsLatest && a.Language == language && a.StoryId == s.Id))
                : stories.Where(s => db.Articles.Where(a => a.IsLatest && a.Language == language).Select(a => a.StoryId).Contains(s.Id));
        }

        // A story overlaps the range when it starts before the range ends and ends after it starts.
        if (filter.HasDateRange)
        {
            var from = filter.From;
            var to = filter.To;
            var undated = filter.IncludeUndated;
            stories = stories.Where(s =>
                (s.FirstDate == null && s.LastDate == null)
                    ? undated
                    : (to == null || (s.FirstDate ?? s.LastDate) <= to) && (from == null || (s.LastDate ?? s.FirstDate) >= from));

            // The same condition as a range of LastDate, so the newest-first walk seeks into IX_Stories_LastDate instead
            // of stepping over every later story: a dated story has both dates (Core sets them from the same articles),
            // its LastDate is at least `from`, and at most `to` plus the longest span of any story in the store.
            var longest = await counts.GetAsync("stories:longest-span", () => LongestSpanDaysAsync(db, ct), ct);
            DateOnly? latest = to is { } end && end.DayNumber <= DateOnly.MaxValue.DayNumber - longest ? end.AddDays(longest) : null;
            stories = undated
                ? stories.Where(s => s.LastDate == null || ((from == null || s.LastDate >= from) && (latest == null || s.LastDate <= latest)))
                : stories.Where(s => (from == null || s.LastDate >= from) && (latest == null || s.LastDate <= latest));
        }
        return stories;
    }

    private static async Task<int> LongestSpanDaysAsync(NewsDb db, CancellationToken ct) =>
        (await (StoreDialect.For(db).Provider == StoreProvider.Postgres
            ? db.Database.SqlQuery<int>($"""SELECT COALESCE(MAX("LastDate" - "FirstDate"), 0) AS "Value" FROM "Stories" """)
            : db.Database.SqlQuery<int>($"""
                SELECT CAST(COALESCE(MAX(julianday("LastDate") - julianday("FirstDate")), 0) AS INTEGER) AS "Value" FROM "Stories"
                """)).ToListAsync(ct))[0];
}
