using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCompare.Core.Comparison;
using NewsCompare.Core.Data;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Pages;

/// <summary>
/// Two to four articles statement by statement: /compare?ids=1&amp;ids=2. Without a choice (or with a search), a list
/// of articles with a search box to pick them from.
/// </summary>
public sealed class CompareModel(NewsDb db, ListCounts counts, ReadVersions read) : PageModel
{
    public const int Most = CompareView.Most;

    public IReadOnlyList<ArticleView> Articles { get; private set; } = [];
    public IReadOnlyList<long> Requested { get; private set; } = [];
    public string? Problem { get; private set; }
    /// <summary>The alignment of the chosen articles; null with fewer than two.</summary>
    public VersionComparison? Compared { get; private set; }
    /// <summary>Words searched for in the picker.</summary>
    public string? Search { get; private set; }
    /// <summary>Articles to pick from: the search's matches, or the newest.</summary>
    public IReadOnlyList<ArticleListItem> Choices { get; private set; } = [];
    public int ChoicesTotal { get; private set; }

    public IReadOnlyList<ComparedVersion> Versions => Compared?.Versions ?? [];

    public async Task OnGetAsync([FromQuery(Name = "ids")] string[]? ids, [FromQuery(Name = "q")] string? q, CancellationToken ct)
    {
        Requested = CompareView.Parse(ids);
        var (view, articles) = await CompareView.LoadAsync(db, counts, read, Requested, ct);
        Articles = articles;
        Problem = view.Problem;
        Compared = view.Comparison;

        var filter = new ListFilter { Q = q };
        Search = filter.Search;
        // The picker lists articles when nothing is compared yet or a search asks for them.
        if (Compared is null || Search is not null)
        {
            var list = await ArticleList.QueryAsync(db, counts, filter, ct);
            Choices = list.Items;
            ChoicesTotal = list.Total;
        }
    }

    /// <summary>The outlet of a compared article, by its key.</summary>
    public string OutletOf(string key) => Shared.Display.Outlet(Articles.FirstOrDefault(a => CompareView.Key(a.Id) == key)?.Outlet);

    /// <summary>Short names for the "also in" notes: the outlets of the given keys.</summary>
    public string Outlets(IEnumerable<string> keys) => string.Join(", ", keys.Select(OutletOf));

    public static string ShareClass(Coverage coverage) => coverage switch
    {
        Coverage.All => "shared-all",
        Coverage.Some => "shared-some",
        _ => "unique",
    };

    public static string Describe(QuoteUse use) => use switch
    {
        QuoteUse.Cut => "cut",
        QuoteUse.Paraphrased => "paraphrased",
        _ => "quoted",
    };

    public string Link => "/compare?ids=" + string.Join(',', Articles.Select(a => a.Id));
}
