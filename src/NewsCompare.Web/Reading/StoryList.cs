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
        var stories = await FilterAsync(db, counts, filter, forPage: filter.PageNumber <= ListFilter.ProbedPages, ct);
        // Both orders are an index's order (the rowid, Id, ends every index), so a page needs no sort.
        var ordered = filter.ByCoverage
            ? stories.OrderByDescending(s => s.OutletCount).ThenByDescending(s => s.ArticleCount).ThenByDescending(s => s.LastDate).ThenByDescending(s => s.Id)
            : stories.OrderByDescending(s => s.LastDate).ThenByDescending(s => s.Id);
        var rows = await ordered
            .Skip((filter.PageNumber - 1) * ListFilter.PageSize).Take(ListFilter.PageSize)
            .Select(s => new { s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount })
            .ToListAsync(ct);

        var ids = rows.Select(r => (long?)r.Id).ToList();
        var outlets = (await db.Articles
                .Where(a => ids.Contains(a.StoryId) && a.IsLatest && a.Outlet != null)
                .Select(a => new { a.StoryId, a.Outlet })
                .Distinct()
                .ToListAsync(ct))
            .ToLookup(a => a.StoryId!.Value, a => a.Outlet!);

        var items = rows.Select(r => new StoryListItem(r.Id, r.Title, r.FirstDate, r.LastDate, r.ArticleCount, r.IndependentCount,
            r.OutletCount, outlets[r.Id].Order(StringComparer.OrdinalIgnoreCase).ToList())).ToList();
        return new Paged<StoryListItem>(items, total, filter.PageNumber, ListFilter.PageSize);
    }

    private static async Task<IQueryable<Story>> FilterAsync(NewsDb db, ListCounts counts, ListFilter filter, bool forPage, CancellationToken ct)
    {
        var fts = FullText.Query(filter.Search);
        var stories = fts is null ? db.Stories : await FullText.MatchingStoriesAsync(db, counts, fts, forPage, ct);
        // A few outlets' stories are a short list to look up.
        var outlets = filter.Outlets;
        if (outlets.Count > 0)
            stories = stories.Where(s => db.Articles.Where(a => a.Outlet != null && outlets.Contains(a.Outlet)).Select(a => a.StoryId).Contains(s.Id));
        var language = filter.Language;
        if (language is not null)
        {
            stories = forPage
                ? stories.Where(s => db.Articles.Any(a => a.Language == language && a.StoryId == s.Id))
                : stories.Where(s => db.Articles.Where(a => a.Language == language).Select(a => a.StoryId).Contains(s.Id));
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
        }
        return stories;
    }
}
