using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Web.Reading;

public sealed record StoryListItem(
    long Id, string Title, DateOnly? FirstDate, DateOnly? LastDate,
    int ArticleCount, int IndependentCount, int OutletCount, IReadOnlyList<string> Outlets);

/// <summary>
/// The stories list (home page and /api/stories). Counts and dates come from the Story row; filters on outlets,
/// language and words become IN-subqueries on indexed article columns.
/// </summary>
public static class StoryList
{
    public static async Task<Paged<StoryListItem>> QueryAsync(NewsDb db, ListFilter filter, CancellationToken ct)
    {
        var stories = await FilterAsync(db, filter, ct);
        var total = await stories.CountAsync(ct);
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

    private static async Task<IQueryable<Story>> FilterAsync(NewsDb db, ListFilter filter, CancellationToken ct)
    {
        IQueryable<Story> stories = db.Stories;
        var outlets = filter.Outlets;
        if (outlets.Count > 0)
            stories = stories.Where(s => db.Articles.Where(a => a.Outlet != null && outlets.Contains(a.Outlet)).Select(a => a.StoryId).Contains(s.Id));
        var language = filter.Language;
        if (language is not null)
            stories = stories.Where(s => db.Articles.Where(a => a.Language == language).Select(a => a.StoryId).Contains(s.Id));
        var fts = FullText.Query(filter.Search);
        if (fts is not null)
        {
            var matches = await FullText.MatchingStoryIdsAsync(db, fts, ct);
            stories = stories.Where(s => matches.Contains(s.Id));
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
