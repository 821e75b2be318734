using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCompare.Core.Data;
using NewsCompare.Web.Pages.Shared;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Pages.Articles;

/// <summary>Every article (latest versions), newest first, with the same filters as the stories.</summary>
public sealed class IndexModel(NewsDb db, StoreFacets facets, ListCounts counts) : PageModel
{
    public ListFilter Filter { get; private set; } = new();
    public Paged<ArticleListItem> Articles { get; private set; } = new([], 0, 1, ListFilter.PageSize);
    public FilterForm Form { get; private set; } = null!;
    public bool InvalidInput { get; private set; }

    public async Task OnGetAsync([FromQuery] ListFilter filter, CancellationToken ct)
    {
        InvalidInput = !ModelState.IsValid;
        Filter = filter;
        Form = new FilterForm(filter, (await facets.OutletsAsync(ct)).Select(o => o.Name).ToList(), await facets.LanguagesAsync(ct),
            ShowSort: false, ShowUngrouped: true);
        Articles = await ArticleList.QueryAsync(db, counts, filter, ct);
    }
}
