using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

public sealed record ArticleListItem(
    long Id, string? Headline, string? Outlet, DateOnly? Published, bool PublishedInferred,
    string? Language, long? StoryId, int WordCount);

/// <summary>The articles list (/articles, an outlet's page, /api/articles): latest versions, newest first, undated last.</summary>
public static class ArticleList
{
    public static async Task<Paged<ArticleListItem>> QueryAsync(NewsDb db, ListCounts counts, ListFilter filter, CancellationToken ct)
    {
        // Counted once per filter and store generation (every latest version is 100,000 index entries at that size).
        var total = await counts.GetAsync("articles" + filter.Query(page: 1, sort: ""),
            async () => await (await FilterAsync(db, counts, filter, forPage: false, ct)).CountAsync(ct), ct);
        var articles = await FilterAsync(db, counts, filter, forPage: filter.PageNumber <= ListFilter.ProbedPages, ct);
        var items = await articles
            .NewestFirst(a => a.Published, StoreDialect.For(db)).ThenByDescending(a => a.Id)
            .Skip((filter.PageNumber - 1) * ListFilter.PageSize).Take(ListFilter.PageSize)
            .Select(a => new ArticleListItem(a.Id, a.Headline, a.Outlet, a.Published, a.PublishedInferred, a.Language, a.StoryId, a.WordCount))
            .ToListAsync(ct);
        return new Paged<ArticleListItem>(items, total, filter.PageNumber, ListFilter.PageSize);
    }

    /// <summary>How many articles wait to be grouped, and the newest of them (for the home page before grouping).</summary>
    public static async Task<(int Count, IReadOnlyList<ArticleListItem> Newest)> UngroupedAsync(NewsDb db, ListCounts counts, int take, CancellationToken ct)
    {
        var ungrouped = db.Articles.Where(a => a.StoryId == null && a.IsLatest);
        var count = await counts.GetAsync("ungrouped", () => ungrouped.CountAsync(ct), ct);
        var newest = count == 0 || take == 0 ? [] : await ungrouped
            .NewestFirst(a => a.Published, StoreDialect.For(db)).ThenByDescending(a => a.Id).Take(take)
            .Select(a => new ArticleListItem(a.Id, a.Headline, a.Outlet, a.Published, a.PublishedInferred, a.Language, a.StoryId, a.WordCount))
            .ToListAsync(ct);
        return (count, newest);
    }

    private static async Task<IQueryable<Article>> FilterAsync(NewsDb db, ListCounts counts, ListFilter filter, bool forPage, CancellationToken ct)
    {
        var fts = FullText.Query(db, filter.Search);
        var articles = fts is null ? db.Articles.Where(a => a.IsLatest) : await FullText.LatestMatchingArticlesAsync(db, counts, fts, forPage, ct);
        var outlets = filter.Outlets;
        if (outlets.Count > 0) articles = articles.WhereOneOf(a => a.Outlet, outlets);
        var language = filter.Language;
        if (language is not null) articles = articles.Where(a => a.Language == language);
        if (filter.OnlyUngrouped) articles = articles.Where(a => a.StoryId == null);

        if (filter.HasDateRange)
        {
            var from = filter.From;
            var to = filter.To;
            articles = filter.IncludeUndated
                ? articles.Where(a => a.Published == null || ((from == null || a.Published >= from) && (to == null || a.Published <= to)))
                : articles.Where(a => a.Published != null && !a.PublishedInferred
                    && (from == null || a.Published >= from) && (to == null || a.Published <= to));
        }
        return articles;
    }
}
