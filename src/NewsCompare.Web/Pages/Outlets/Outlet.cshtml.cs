using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCompare.Core.Data;
using NewsCompare.Web.Pages.Shared;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Pages.Outlets;

/// <summary>One outlet's articles, newest first, filterable by date and words.</summary>
public sealed class OutletModel(NewsDb db, StoreFacets facets, ListCounts counts) : PageModel
{
    public OutletSummary Outlet { get; private set; } = null!;
    public ListFilter Filter { get; private set; } = new();
    public Paged<ArticleListItem> Articles { get; private set; } = new([], 0, 1, ListFilter.PageSize);
    public FilterForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string name, [FromQuery] ListFilter filter, CancellationToken ct)
    {
        // The server decodes every escape in the path but %2F, so an outlet named "Rock/Pop" arrives as "Rock%2FPop".
        name = name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var outlet = (await facets.OutletsAsync(ct)).FirstOrDefault(o => o.Name == name);
        if (outlet is null) return NotFound();
        Outlet = outlet;
        filter.Outlet = [name];
        Filter = filter;
        Form = new FilterForm(filter, [], [], ShowSort: false, ShowOutlets: false);
        Articles = await ArticleList.QueryAsync(db, counts, filter, ct);
        return Page();
    }
}
