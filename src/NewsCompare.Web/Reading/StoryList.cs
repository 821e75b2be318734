using System.Collections.Concurrent;
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
            total = await counts.GetAsync(countKey, async () =>
                await Keys(db, await SearchedAsync(db, counts, filter, forPage: false, ct), Shape.Of(filter, dialect), Values.Of(filter, latest)).CountAsync(ct), ct);
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
    /// What a filtered query's SQL depends on beyond its values: a query is compiled once per shape (<see cref="PageQueries"/>).
    /// <paramref name="Outlets"/> is how many the filter names, each a parameter of its own (<see cref="OneOf"/>);
    /// <paramref name="Only"/> limits the query to a list of stories (those spanning a range's end).
    /// </summary>
    private readonly record struct Shape(StoreProvider Provider, int Outlets, bool Language, bool Range, bool Undated, bool ByCoverage, bool Only = false)
    {
        public static Shape Of(ListFilter filter, StoreDialect dialect) => new(dialect.Provider, filter.Outlets.Count, filter.Language is not null,
            filter.HasDateRange, filter.IncludeUndated, filter.ByCoverage);
    }

    /// <summary>A filtered query's values, each in a <see cref="Slot{T}"/>, so that the query built from them can be compiled for its shape.</summary>
    private sealed class Values
    {
        public required IReadOnlyList<Slot<string>> Outlets { get; init; }
        public required Slot<string> Language { get; init; }
        public required Slot<DateOnly?> From { get; init; }
        public required Slot<DateOnly?> To { get; init; }
        public required Slot<DateOnly?> Latest { get; init; }
        public required Slot<bool> Undated { get; init; }
        public required Slot<long[]> Only { get; init; }
        public required Slot<int> Skip { get; init; }
        public required Slot<int> Take { get; init; }

        public static Values Of(ListFilter filter, DateOnly? latest, IReadOnlyList<string>? outlets = null, long[]? only = null, int skip = 0,
            int take = ListFilter.PageSize) => new()
        {
            Outlets = (outlets ?? filter.Outlets).Select(o => new Slot<string>(o)).ToList(),
            Language = new(filter.Language ?? ""),
            From = new(filter.From),
            To = new(filter.To),
            Latest = new(latest),
            Undated = new(filter.IncludeUndated),
            Only = new(only ?? []),
            Skip = new(skip),
            Take = new(take),
        };

        /// <summary>Slots standing for the values of any query of <paramref name="shape"/>, to compile it.</summary>
        public static Values Placeholders(Shape shape) => new()
        {
            Outlets = Enumerable.Range(0, shape.Outlets).Select(_ => new Slot<string>("")).ToList(),
            Language = new(""), From = new(null), To = new(null), Latest = new(null), Undated = new(false), Only = new([]), Skip = new(0), Take = new(0),
        };
    }

    /// <summary>The stories a search finds, or null without one; the outlet, language and range filters are added by <see cref="Keys"/>.</summary>
    private static async Task<IQueryable<Story>?> SearchedAsync(NewsDb db, ListCounts counts, ListFilter filter, bool forPage, CancellationToken ct) =>
        FullText.Query(db, filter.Search) is { } fts ? await FullText.MatchingStoriesAsync(db, counts, fts, forPage, ct) : null;

    /// <summary>
    /// The keys of the stories matching a filter of <paramref name="shape"/> with <paramref name="values"/>, each once: among
    /// <paramref name="searched"/> when there is a search; bounded by the values' latest last date (see <see cref="InRange"/>);
    /// with <see cref="Shape.Only"/>, among the values' stories.
    /// </summary>
    private static IQueryable<Key> Keys(NewsDb db, IQueryable<Story>? searched, Shape shape, Values values)
    {
        IQueryable<Key> keys;
        if (searched is not null || (shape.Outlets == 0 && !shape.Language))
        {
            keys = (searched ?? db.Stories).Select(s => new Key { StoryId = s.Id, FirstDate = s.FirstDate, LastDate = s.LastDate, OutletCount = s.OutletCount, ArticleCount = s.ArticleCount });
            if (shape.Outlets > 0)
            {
                var outlets = values.Outlets.Select(o => o.Value).ToList();
                keys = keys.Where(k => db.StoryFacets.Any(f => f.Facet == StoryFacetKind.Outlet && outlets.Contains(f.Value) && f.StoryId == k.StoryId));
            }
        }
        else
        {
            // The walk goes down the facet rows of the outlets (or of the language), in the list's order. The outlets are
            // parameters of their own (OneOf): one outlet then walks IX_StoryFacets_Date for the page's 20 rows, where a
            // list passed as one value read every row of the outlet (500 of 17,000 stories) to sort them.
            var facets = shape.Outlets > 0
                ? db.StoryFacets.Where(f => f.Facet == StoryFacetKind.Outlet).WhereOneOf(f => f.Value, values.Outlets)
                : db.StoryFacets.Where(f => f.Facet == StoryFacetKind.Language && f.Value == values.Language.Value);
            keys = facets.Select(f => new Key { StoryId = f.StoryId, FirstDate = f.FirstDate, LastDate = f.LastDate, OutletCount = f.OutletCount, ArticleCount = f.ArticleCount });
        }
        // The language is then a probe per candidate story, written as a scalar look-up rather than EXISTS: PostgreSQL
        // turns EXISTS into a join that reads every story of a common language (13,600 rows for "en") to keep a few hundred.
        if (shape.Language && (searched is not null || shape.Outlets > 0))
            keys = keys.Where(k => db.StoryFacets.Where(l => l.Facet == StoryFacetKind.Language && l.Value == values.Language.Value && l.StoryId == k.StoryId)
                .Select(l => (long?)l.StoryId).FirstOrDefault() == k.StoryId);
        if (shape.Range) keys = InRange(keys, shape.Undated, values);
        if (shape.Only) keys = keys.Where(k => values.Only.Value.Contains(k.StoryId));
        // A story of two of the outlets has a row for each, with the same keys (its own).
        return searched is null && shape.Outlets > 1 ? keys.Distinct() : keys;
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
        var search = await SearchedAsync(db, counts, filter, forPage: filter.PageNumber <= ListFilter.ProbedPages, ct);
        var shape = Shape.Of(filter, dialect);
        if (filter.ByCoverage && filter.Outlets.Count > 1 && search is null && dialect.Provider == StoreProvider.Postgres)
        {
            // On PostgreSQL, each outlet's facet rows walked in the list's order (IX_StoryFacets_Coverage), each only as far
            // as the page's end, and the page taken from their union: the language probe and the date test then meet about
            // as many rows as the page needs, where the outlets together read and sorted every row of their dates, each
            // probed for a language. On SQLite the web process's CPU per page did not fall (docs/benchmarks.md, Web pages),
            // so it keeps the single walk.
            IQueryable<Key>? union = null;
            foreach (var outlet in filter.Outlets)
            {
                var branch = OrderKeys(Keys(db, null, shape with { Outlets = 1 }, Values.Of(filter, latest, outlets: [outlet])), byCoverage: true, dialect)
                    .Take(skip + take);
                union = union is null ? branch : union.Union(branch);
            }
            return await RowsAsync(PageOf(db, union!, shape, dialect, new Slot<int>(skip), new Slot<int>(take)), byCoverage: true, ct);
        }
        if (filter.ByCoverage || filter.To is not { } to || latest is null || filter.ReversedRange)
            return await PageAsync(db, search, shape, Values.Of(filter, latest, skip: skip), dialect, ct);

        var spanning = await counts.GetAsync($"stories:spanning:{to:yyyy-MM-dd}",
            () => db.Stories.Where(s => s.LastDate > to && s.LastDate <= latest && s.FirstDate <= to).Select(s => s.Id).ToArrayAsync(ct), ct);
        var across = shape with { Only = true };
        var acrossCount = spanning.Length == 0 ? 0
            : await counts.GetAsync(countKey + "|spanning", () => Keys(db, search, across, Values.Of(filter, latest: null, only: spanning)).CountAsync(ct), ct);
        var rows = skip < acrossCount ? await PageAsync(db, search, across, Values.Of(filter, latest: null, only: spanning, skip: skip), dialect, ct) : [];
        if (rows.Count < take)
            rows.AddRange(await PageAsync(db, search, shape, Values.Of(filter, latest: to, skip: Math.Max(0, skip - acrossCount), take: take - rows.Count), dialect, ct));
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

    /// <summary>
    /// A page of the keys of <paramref name="shape"/> with <paramref name="values"/>, as stories' rows: by a query compiled
    /// for the shape (<see cref="PageQueries"/>), or, with a search or more outlets than it takes, one translated for this request.
    /// </summary>
    private static async Task<List<Row>> PageAsync(NewsDb db, IQueryable<Story>? searched, Shape shape, Values values, StoreDialect dialect,
        CancellationToken ct)
    {
        if (searched is not null || shape.Outlets > PageQueries.MaxOutlets)
            return await RowsAsync(PageOf(db, Keys(db, searched, shape, values), shape, dialect, values.Skip, values.Take), shape.ByCoverage, ct);
        var rows = new List<Row>();
        await foreach (var row in PageQueries.Run(db, shape, values, dialect).WithCancellation(ct)) rows.Add(row);
        return InListOrder(rows, shape.ByCoverage);
    }

    /// <summary>The window <paramref name="skip"/>, <paramref name="take"/> of <paramref name="keys"/> in the list's order, as stories' rows.</summary>
    private static IQueryable<Row> PageOf(NewsDb db, IQueryable<Key> keys, Shape shape, StoreDialect dialect, Slot<int> skip, Slot<int> take)
    {
        var ordered = OrderKeys(keys, shape.ByCoverage, dialect);
        // Skip and Take read their slots: Queryable's own would put the numbers in as constants.
        var window = ordered.Provider.CreateQuery<Key>(Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(Key)], ordered.Expression,
            Expression.Property(Expression.Constant(skip), nameof(Slot<int>.Value))));
        window = window.Provider.CreateQuery<Key>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Key)], window.Expression,
            Expression.Property(Expression.Constant(take), nameof(Slot<int>.Value))));
        return window.Join(db.Stories, k => k.StoryId, s => s.Id, (k, s) => s).Select(ToRow);
    }

    /// <summary>The stories' rows of a page, in the page's order (the join does not keep it).</summary>
    private static async Task<List<Row>> RowsAsync(IQueryable<Row> page, bool byCoverage, CancellationToken ct) =>
        InListOrder(await page.ToListAsync(ct), byCoverage);

    private static List<Row> InListOrder(List<Row> rows, bool byCoverage)
    {
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
    /// stories only with "undated"), and whose last date is at most the values' latest when given: the same condition as
    /// a range of LastDate, so a newest-first walk seeks into the index instead of stepping over later stories.
    /// </summary>
    private static IQueryable<Key> InRange(IQueryable<Key> keys, bool undated, Values v)
    {
        keys = keys.Where(k => (k.FirstDate == null && k.LastDate == null)
            ? v.Undated.Value
            : (v.To.Value == null || (k.FirstDate ?? k.LastDate) <= v.To.Value) && (v.From.Value == null || (k.LastDate ?? k.FirstDate) >= v.From.Value));
        return undated
            ? keys.Where(k => k.LastDate == null || ((v.From.Value == null || k.LastDate >= v.From.Value) && (v.Latest.Value == null || k.LastDate <= v.Latest.Value)))
            : keys.Where(k => (v.From.Value == null || k.LastDate >= v.From.Value) && (v.Latest.Value == null || k.LastDate <= v.Latest.Value));
    }

    private sealed record Row(long Id, string Title, DateOnly? FirstDate, DateOnly? LastDate, int ArticleCount, int IndependentCount, int OutletCount);

    private sealed record StoryOutlet(long? StoryId, string? Outlet);

    private static readonly Expression<Func<Story, Row>> ToRow =
        s => new Row(s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount);

    private static bool IsUnfiltered(ListFilter filter) =>
        filter.Search is null && filter.Outlets.Count == 0 && filter.Language is null && !filter.HasDateRange;

    /// <summary>
    /// The filtered list's page queries, compiled once per shape (engine, number of outlets, which filters): building and
    /// translating the query at every request cost more of the web process's CPU than SQLite's running it (docs/benchmarks.md,
    /// Web pages). The query is built by <see cref="Keys"/> and <see cref="PageOf"/> from placeholder slots, which become
    /// the compiled query's parameters; EF takes at most fifteen, so a filter naming more than <see cref="MaxOutlets"/>
    /// outlets is translated per request.
    /// </summary>
    private static class PageQueries
    {
        public const int MaxOutlets = 7;

        private static readonly ConcurrentDictionary<Shape, PageQuery> Shapes = new();

        public static IAsyncEnumerable<Row> Run(NewsDb db, Shape shape, Values v, StoreDialect dialect)
        {
            var query = Shapes.GetOrAdd(shape, s => Compile(db, s, dialect));
            string Outlet(int i) => i < v.Outlets.Count ? v.Outlets[i].Value : "";
            return query(db, Outlet(0), Outlet(1), Outlet(2), Outlet(3), Outlet(4), Outlet(5), Outlet(6),
                v.Language.Value, v.From.Value, v.To.Value, v.Latest.Value, v.Undated.Value, v.Only.Value, v.Skip.Value, v.Take.Value);
        }

        private static PageQuery Compile(NewsDb db, Shape shape, StoreDialect dialect)
        {
            var slots = Values.Placeholders(shape);
            var outlets = Enumerable.Range(1, MaxOutlets).Select(i => Expression.Parameter(typeof(string), $"outlet{i}")).ToArray();
            var language = Expression.Parameter(typeof(string), "language");
            var from = Expression.Parameter(typeof(DateOnly?), "from");
            var to = Expression.Parameter(typeof(DateOnly?), "to");
            var latest = Expression.Parameter(typeof(DateOnly?), "latest");
            var undated = Expression.Parameter(typeof(bool), "undated");
            var only = Expression.Parameter(typeof(long[]), "only");
            var skip = Expression.Parameter(typeof(int), "skip");
            var take = Expression.Parameter(typeof(int), "take");
            var context = Expression.Parameter(typeof(NewsDb), "db");
            var parameters = new Dictionary<object, ParameterExpression>
            {
                // The language probe's lambda captured the context the query is built on: it reads the one it runs on.
                [db] = context, [slots.Language] = language, [slots.From] = from, [slots.To] = to, [slots.Latest] = latest, [slots.Undated] = undated,
                [slots.Only] = only, [slots.Skip] = skip, [slots.Take] = take,
            };
            for (var i = 0; i < slots.Outlets.Count; i++) parameters[slots.Outlets[i]] = outlets[i];
            var body = new SlotsToParameters(parameters).Visit(PageOf(db, Keys(db, null, shape, slots), shape, dialect, slots.Skip, slots.Take).Expression);
            var compiled = EF.CompileAsyncQuery(Expression.Lambda<Func<NewsDb, string, string, string, string, string, string, string, string,
                DateOnly?, DateOnly?, DateOnly?, bool, long[], int, int, IQueryable<Row>>>(body,
                [context, .. outlets, language, from, to, latest, undated, only, skip, take]));
            return compiled.Invoke;
        }
    }

    private delegate IAsyncEnumerable<Row> PageQuery(NewsDb db, string outlet1, string outlet2, string outlet3, string outlet4, string outlet5,
        string outlet6, string outlet7, string language, DateOnly? from, DateOnly? to, DateOnly? latest, bool undated, long[] only, int skip, int take);

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
