using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Web.Pages.Shared;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Pages;

/// <summary>The home page: stories newest first, filtered from the query string; ungrouped articles until grouping runs.</summary>
public sealed class IndexModel(NewsDb db, StoreFacets facets, ListCounts counts) : PageModel
{
    public ListFilter Filter { get; private set; } = new();
    public Paged<StoryListItem> Stories { get; private set; } = new([], 0, 1, ListFilter.PageSize);
    public FilterForm Form { get; private set; } = null!;
    public int UngroupedCount { get; private set; }
    public IReadOnlyList<ArticleListItem> Ungrouped { get; private set; } = [];
    public bool AnyStories { get; private set; }
    public bool AnyArticles { get; private set; }
    public bool InvalidInput { get; private set; }

    public async Task OnGetAsync([FromQuery] ListFilter filter, CancellationToken ct)
    {
        // A malformed value (a date typed by hand) is ignored and said so, not an error page.
        InvalidInput = !ModelState.IsValid;
        Filter = filter;
        Form = new FilterForm(filter, (await facets.OutletsAsync(ct)).Select(o => o.Name).ToList(), await facets.LanguagesAsync(ct), ShowSort: true);
        Stories = await StoryList.QueryAsync(db, counts, filter, ct);
        AnyStories = Stories.Total > 0 || await db.Stories.AnyAsync(ct);
        // Only asked when there is no story (a story holds articles).
        AnyArticles = AnyStories || await db.Articles.AnyAsync(ct);
        if (!filter.IsFiltered) (UngroupedCount, Ungrouped) = await ArticleList.UngroupedAsync(db, counts, AnyStories ? 0 : 10, ct);
    }
}
