using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Pages.Outlets;

/// <summary>Every outlet with who it is, its article and story counts and the span of its dates.</summary>
public sealed class IndexModel(StoreFacets facets) : PageModel
{
    public IReadOnlyList<OutletSummary> Outlets { get; private set; } = [];
    public int StateControlled { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Outlets = await facets.OutletsAsync(ct);
        StateControlled = Outlets.Count(o => o.About is { IsStateControlled: true });
    }
}
