using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCompare.Core.Comparison;
using NewsCompare.Core.Data;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Pages;

/// <summary>Two to four articles side by side, from one story or several: /compare?ids=1,2,3.</summary>
public sealed class CompareModel(NewsDb db, ListCounts counts) : PageModel
{
    public const int Most = 4;

    public IReadOnlyList<ArticleView> Articles { get; private set; } = [];
    public IReadOnlyList<long> Requested { get; private set; } = [];
    public string? Problem { get; private set; }
    /// <summary>Per article (in order), its sentences placed against the others, its quotations and its own words; null with fewer than two articles.</summary>
    public IReadOnlyList<ComparedVersion>? Compared { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "ids")] string[]? ids, CancellationToken ct)
    {
        Requested = Parse(ids);
        if (Requested.Count == 0) return;
        if (Requested.Count > Most) Problem = $"At most {Most} articles can be compared; showing the first {Most}.";
        Articles = await ArticleView.LoadAsync(db, Requested.Take(Most).ToList(), ct);
        var missing = Requested.Take(Most).Except(Articles.Select(a => a.Id)).ToList();
        if (missing.Count > 0) Problem = $"No article numbered {string.Join(", ", missing)}.";
        else if (Articles.Count == 1) Problem = "Choose at least one more article to compare with.";
        if (Articles.Count >= 2)
        {
            var inputs = Articles.Select(a => new ComparisonInput(Key(a.Id), a.Headline, a.Paragraphs)).ToList();
            // How common each version's own words are in the store, so the distinctive ones are listed first.
            var shares = await WordShares.LookupAsync(db, counts, VersionComparer.CandidateWords(inputs), ct);
            Compared = VersionComparer.Compare(inputs, shares);
        }
    }

    /// <summary>Accepts "1,2,3" and repeated ids=1&amp;ids=2; anything that is not a number is ignored.</summary>
    public static IReadOnlyList<long> Parse(string[]? ids) =>
        (ids ?? []).SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().Take(20).ToList();

    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The outlet of a compared article, by its key.</summary>
    public string OutletOf(string key) => Shared.Display.Outlet(Articles.FirstOrDefault(a => Key(a.Id) == key)?.Outlet);

    public static string ShareClass(Coverage coverage) => coverage switch
    {
        Coverage.All => "shared-all",
        Coverage.Some => "shared-some",
        _ => "unique",
    };

    public string Link => "/compare?ids=" + string.Join(',', Articles.Select(a => a.Id));
}
