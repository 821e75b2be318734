namespace NewsCompare.Core.Stories;

/// <summary>
/// How a story's articles print the terms grouping matched them on. Grouping compares keys that are free of script
/// and spelling ("patrusev" for Патрушев, Patrushev and Patruşev); a reader is shown the words the articles print: each
/// article's own spelling of a shared term and, when the story's other articles mostly write it otherwise, theirs beside
/// it ("Патрушев / Patrushev"). Read from the articles' texts when a page asks, so explanations stored before the
/// store kept printed forms are shown in them too.
/// </summary>
public sealed class StorySpellings
{
    // Article id → key → the article's most frequent spelling of it.
    private readonly Dictionary<long, Dictionary<string, string>> _byArticle = [];

    private StorySpellings() { }

    /// <summary>The spellings of <paramref name="articles"/> (a story's members, as the engine reads them).</summary>
    /// <param name="articles">The articles; their texts are read as grouping reads them.</param>
    public static StorySpellings Of(IEnumerable<StoryArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var result = new StorySpellings();
        foreach (var counts in articles.AsParallel().Select(TermCounts.Count).ToList())
        {
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (term, spelling) in counts.Surface)
                if (counts.Text.TryGetValue(term, out var key)) keys.TryAdd(key, spelling);
            result._byArticle[counts.Id] = keys;
        }
        return result;
    }

    /// <summary>
    /// <paramref name="term"/> (a shared term as an explanation stores it: a printed form, or a key in explanations
    /// stored earlier) as article <paramref name="articleId"/> prints it, with the spelling most of the story's other
    /// articles that use it print, when that differs other than in case or small words: "Патрушев / Patrushev".
    /// </summary>
    /// <param name="articleId">The article the explanation is about.</param>
    /// <param name="term">The stored term.</param>
    public string Show(long articleId, string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var key = KeyOf(term);
        var own = _byArticle.TryGetValue(articleId, out var mine) && mine.TryGetValue(key, out var s) ? s : term;
        var others = _byArticle.Where(kv => kv.Key != articleId)
            .Select(kv => kv.Value.GetValueOrDefault(key)).OfType<string>()
            .GroupBy(x => x, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
        return others is null || Alike(others, own) ? own : $"{own} / {others}";
    }

    // Spellings that differ only in case or in the small words inside a name ("Russia and China", "Russia, China") are one.
    private static bool Alike(string a, string b)
    {
        static IEnumerable<string> Words(string x) => x.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !TextSignals.IsConnector(TextSignals.Normalise(w))).Select(w => w.ToUpperInvariant());
        return Words(a).SequenceEqual(Words(b), StringComparer.Ordinal);
    }

    /// <summary><paramref name="why"/> with its shared names and terms as <see cref="Show"/> gives them.</summary>
    /// <param name="articleId">The article <paramref name="why"/> explains.</param>
    /// <param name="why">Its stored explanation.</param>
    public StoryExplanation Apply(long articleId, StoryExplanation why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return why with
        {
            SharedNames = why.SharedNames.Select(t => Show(articleId, t)).Distinct(StringComparer.Ordinal).ToList(),
            SharedTerms = why.SharedTerms.Select(t => Show(articleId, t)).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    // The key grouping gives a printed term: each word's key, without the small words inside a name ("Belt and Road" →
    // "belt road"). A stored key gives itself back.
    private static string KeyOf(string term)
    {
        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextSignals.Normalise).ToList();
        var kept = words.Count > 1 ? words.Where((w, i) => i == 0 || !TextSignals.IsConnector(w)).ToList() : words;
        return string.Join(' ', kept);
    }
}
