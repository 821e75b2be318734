namespace NewsCompare.Core.Stories;

/// <summary>
/// Per-site document frequencies of a collection: how many of each outlet's (or site's) articles use each term. A term
/// an article shares with many other articles of its own outlet, far more than the collection's use of it would
/// predict, is evidence of the outlet (its footer, recurring section words, authors, tag cloud), not of the event.
/// Learned from the collection itself: no vocabulary.
/// </summary>
internal sealed class SiteTerms
{
    private readonly Dictionary<(string Site, uint Term), int> _df = [];
    private readonly Dictionary<string, int> _articles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<uint, int> _collection;
    private readonly int _n;

    private SiteTerms(Dictionary<uint, int> collection, int n) => (_collection, _n) = (collection, n);

    /// <summary>Counts <paramref name="counts"/>' terms per outlet; <paramref name="df"/> is the collection's document frequency.</summary>
    public static SiteTerms Of(IReadOnlyList<TermCounts> counts, Dictionary<uint, int> df)
    {
        var s = new SiteTerms(df, counts.Count);
        foreach (var c in counts)
        {
            if (Key(c.Outlet) is not { } site) continue;
            s._articles[site] = s._articles.GetValueOrDefault(site) + 1;
            foreach (var t in c.Counts.Keys) s._df[(site, t)] = s._df.GetValueOrDefault((site, t)) + 1;
        }
        return s;
    }

    private static string? Key(string? outlet) => string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim().ToUpperInvariant();

    /// <summary>
    /// What <paramref name="term"/> keeps of its weight in an article of <paramref name="outlet"/>: 1 unless the
    /// outlet's other articles use it more often than chance; the excess beyond one other article of the outlet
    /// (one other report of the same event by the same outlet is not boilerplate) divides the weight:
    /// <c>1 / (1 + max(0, sameSite − 1 − expected))</c>, where <c>expected</c> is the outlet's share of the
    /// collection's other articles times the term's other uses.
    /// </summary>
    public double Factor(string? outlet, uint term)
    {
        if (Key(outlet) is not { } site || !_articles.TryGetValue(site, out var siteArticles) || siteArticles < 3 || _n < 2) return 1;
        var sameSite = _df.GetValueOrDefault((site, term)) - 1;
        var elsewhere = _collection.GetValueOrDefault(term) - 1;
        var expected = elsewhere * (siteArticles - 1.0) / (_n - 1.0);
        var excess = sameSite - 1 - expected;
        return excess <= 0 ? 1 : 1 / (1 + excess);
    }
}
