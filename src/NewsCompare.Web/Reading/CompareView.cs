using System.Globalization;
using NewsCompare.Core.Comparison;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

/// <summary>A compared article: which one, from whom, in what language.</summary>
public sealed record ComparedArticle(long Id, string Key, string? Outlet, string? Headline, DateOnly? Published, string? Language, long? StoryId);

/// <summary>
/// Two to four articles compared statement by statement: shared by the compare page and /api/compare, so both give
/// the same alignment.
/// </summary>
/// <param name="Articles">The articles found, in the order asked for.</param>
/// <param name="Comparison">The alignment; null with fewer than two articles.</param>
/// <param name="Problem">What was wrong with the request, if anything.</param>
public sealed record CompareView(IReadOnlyList<ComparedArticle> Articles, VersionComparison? Comparison, string? Problem)
{
    /// <summary>At most this many articles are compared.</summary>
    public const int Most = 4;

    /// <summary>The comparison key of an article (its id as text).</summary>
    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts "1,2,3" and repeated ids=1&amp;ids=2; anything that is not a number is ignored.</summary>
    public static IReadOnlyList<long> Parse(string[]? ids) =>
        (ids ?? []).SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().Take(20).ToList();

    /// <summary>Loads and compares the articles <paramref name="requested"/> (the first <see cref="Most"/>).</summary>
    public static async Task<(CompareView View, IReadOnlyList<ArticleView> Articles)> LoadAsync(NewsDb db, ListCounts counts, ReadVersions read, IReadOnlyList<long> requested, CancellationToken ct)
    {
        string? problem = null;
        if (requested.Count > Most) problem = $"At most {Most} articles can be compared; showing the first {Most}.";
        var chosen = requested.Take(Most).ToList();
        var articles = chosen.Count == 0 ? [] : await ArticleView.LoadAsync(db, chosen, ct);
        var missing = chosen.Except(articles.Select(a => a.Id)).ToList();
        if (missing.Count > 0) problem = $"No article numbered {string.Join(", ", missing)}.";
        else if (articles.Count == 1) problem = "Choose at least one more article to compare with.";
        VersionComparison? comparison = null;
        if (articles.Count >= 2)
        {
            var inputs = articles.Select(a => new ComparisonInput(Key(a.Id), a.Headline, a.Paragraphs, a.Language)).ToList();
            // Articles not read before are read side by side.
            var versions = new ReadVersion[inputs.Count];
            Parallel.For(0, inputs.Count, i => versions[i] = read.Get(articles[i].Id, inputs[i]));
            // How common each version's own words are in the store, so the distinctive ones are listed first.
            var shares = await WordShares.LookupAsync(db, counts, VersionComparer.CandidateWords(versions), ct);
            comparison = VersionComparer.Compare(versions, shares);
        }
        var summary = articles.Select(a => new ComparedArticle(a.Id, Key(a.Id), a.Outlet, a.Headline, a.Published, a.Language, a.StoryId)).ToList();
        return (new CompareView(summary, comparison, problem), articles);
    }
}
