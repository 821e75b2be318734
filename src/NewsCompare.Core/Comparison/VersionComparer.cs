using System.Text.RegularExpressions;

namespace NewsCompare.Core.Comparison;

/// <summary>One version of an event's coverage to compare: an article's headline and body.</summary>
/// <param name="Key">Identifies the version in the result (an article id, an outlet name).</param>
/// <param name="Headline">The headline, if any.</param>
/// <param name="Paragraphs">The body paragraphs.</param>
public sealed record ComparisonInput(string Key, string? Headline, IReadOnlyList<string> Paragraphs);

/// <summary>How many of the compared versions carry a sentence.</summary>
public enum Coverage
{
    /// <summary>Every version reports it.</summary>
    All,
    /// <summary>More than one version, not all.</summary>
    Some,
    /// <summary>Only this version reports it.</summary>
    Only,
}

/// <summary>A sentence of one version, placed against the others.</summary>
/// <param name="Text">The sentence as written.</param>
/// <param name="Group">Sentences with the same group number say the same thing in different versions.</param>
/// <param name="Coverage">How many versions report it.</param>
/// <param name="AlsoIn">The keys of the other versions that carry a matching sentence.</param>
/// <param name="Similarity">The best word overlap (0–1) with a matching sentence; 0 when unique.</param>
public sealed record ComparedSentence(string Text, int Group, Coverage Coverage, IReadOnlyList<string> AlsoIn, double Similarity);

/// <summary>A quotation found in a version, and which other versions quote the same words.</summary>
/// <param name="Text">The quoted words, without the quotation marks.</param>
/// <param name="AlsoIn">The keys of the other versions that carry the same quotation (allowing small differences).</param>
public sealed record ComparedQuote(string Text, IReadOnlyList<string> AlsoIn);

/// <summary>One version with its sentences placed against the others.</summary>
/// <param name="Key">The version's key.</param>
/// <param name="Paragraphs">The body, paragraph by paragraph, sentence by sentence.</param>
/// <param name="Quotes">The quotations it carries.</param>
/// <param name="DistinctiveWords">Words this version uses (headline and body) that no other version does, most telling
/// first: rare words (by the shares given to <see cref="VersionComparer.Compare"/>) and often used ones before common ones.</param>
public sealed record ComparedVersion(
    string Key,
    IReadOnlyList<IReadOnlyList<ComparedSentence>> Paragraphs,
    IReadOnlyList<ComparedQuote> Quotes,
    IReadOnlyList<string> DistinctiveWords)
{
    /// <summary>Sentences every version reports.</summary>
    public int SharedByAll => Paragraphs.Sum(p => p.Count(s => s.Coverage == Coverage.All));
    /// <summary>Sentences only this version reports.</summary>
    public int Unique => Paragraphs.Sum(p => p.Count(s => s.Coverage == Coverage.Only));
    /// <summary>All sentences.</summary>
    public int Sentences => Paragraphs.Sum(p => p.Count);
}

/// <summary>
/// Compares versions of one event's coverage sentence by sentence: which sentences all versions share, which only
/// one reports, and how each quotes it. Pure and deterministic; built for two to a dozen articles.
/// </summary>
public static partial class VersionComparer
{
    /// <summary>Word overlap (Dice over content words) at or above which two sentences count as the same statement.</summary>
    public const double SameStatement = 0.5;

    private const double SameQuote = 0.6;

    /// <summary>Compares <paramref name="versions"/> against each other.</summary>
    /// <param name="versions">The versions, two to a dozen.</param>
    /// <param name="wordShares">
    /// Optional: for words from <see cref="CandidateWords"/>, the share (0 to 1) of a larger collection's articles that
    /// use them (the store's). A word most articles use ("announced", "people") then ranks below a rare one
    /// (a place, a name, a figure) among the words only one version uses. Without it, names and figures (capitalised
    /// inside a sentence, or holding a digit) rank first.
    /// </param>
    public static IReadOnlyList<ComparedVersion> Compare(IReadOnlyList<ComparisonInput> versions, IReadOnlyDictionary<string, double>? wordShares = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var sentences = versions
            .Select((v, vi) => v.Paragraphs
                .SelectMany((p, pi) => SentenceSplitter.Split(p).Select(s => new Sentence(vi, pi, s, WordSet(s))))
                .ToList())
            .ToList();
        var all = sentences.SelectMany(s => s).ToList();
        for (var i = 0; i < all.Count; i++) all[i].Index = i;

        var groups = GroupStatements(all, versions.Count);
        var membersOf = all.GroupBy(s => groups.Find(s.Index)).ToDictionary(g => g.Key, g => g.Select(s => s.Index).ToList());
        var quotes = versions.Select(v => Quotes(v)).ToList();
        var distinctive = DistinctiveWords(versions, wordShares);

        return versions.Select((v, vi) =>
        {
            var paragraphs = v.Paragraphs.Select((_, pi) => (IReadOnlyList<ComparedSentence>)sentences[vi]
                .Where(s => s.Paragraph == pi)
                .Select(s =>
                {
                    var others = membersOf[groups.Find(s.Index)].Where(m => all[m].Version != vi).ToList();
                    var alsoIn = others.Select(m => versions[all[m].Version].Key).Distinct().ToList();
                    var coverage = alsoIn.Count == 0 ? Coverage.Only
                        : alsoIn.Count + 1 == versions.Count ? Coverage.All : Coverage.Some;
                    var best = others.Count == 0 ? 0 : others.Max(m => Dice(s.Words, all[m].Words));
                    return new ComparedSentence(s.Text, groups.Find(s.Index), coverage, alsoIn, Math.Round(best, 3));
                })
                .ToList()).ToList();

            var versionQuotes = quotes[vi].Select(q => new ComparedQuote(q.Text,
                quotes.Select((other, oi) => (other, oi))
                      .Where(x => x.oi != vi && x.other.Any(o => Dice(o.Words, q.Words) >= SameQuote || Contains(o.Words, q.Words)))
                      .Select(x => versions[x.oi].Key).ToList())).ToList();

            return new ComparedVersion(v.Key, paragraphs, versionQuotes, distinctive[vi]);
        }).ToList();
    }

    /// <summary>Word overlap of two texts (Dice coefficient over content words, 0–1).</summary>
    public static double Similarity(string a, string b) => Dice(WordSet(a), WordSet(b));

    private static UnionFind GroupStatements(List<Sentence> all, int versionCount)
    {
        // Candidate pairs across versions, strongest first; a group never holds two sentences of one version,
        // so a sentence lines up with at most one sentence of each other version.
        var pairs = new List<(double Score, int A, int B)>();
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                if (all[i].Version == all[j].Version) continue;
                var score = Dice(all[i].Words, all[j].Words);
                var shorter = Math.Min(all[i].Words.Count, all[j].Words.Count);
                var needed = shorter < 4 ? 0.8 : SameStatement;
                // Two short sentences can reach half their words by sharing only a subject ("fishermen", "quotas")
                // while saying different things about it: a statement shared at half overlap also needs three
                // words in common (who, what, to whom), unless one sentence is too short to hold them.
                if (score >= needed && (shorter < 4 || SharedWords(all[i].Words, all[j].Words) >= MinSharedWords)) pairs.Add((score, i, j));
            }
        }
        pairs.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : (x.A, x.B).CompareTo((y.A, y.B)));

        var groups = new UnionFind(all.Count, versionCount, all.Select(s => s.Version).ToArray());
        foreach (var (_, a, b) in pairs) groups.TryUnion(a, b);
        return groups;
    }

    /// <summary>
    /// The words that only one of <paramref name="versions"/> uses, each as the folded form (lower case, accents
    /// removed, as a full-text index stores it) that <see cref="Compare"/>'s word shares are keyed by.
    /// </summary>
    public static IReadOnlyList<string> CandidateWords(IReadOnlyList<ComparisonInput> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var perVersion = WordUses(versions);
        return perVersion.SelectMany((uses, vi) => OnlyIn(perVersion, vi).Select(kv => kv.Value.Folded))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Below this share a word counts as equally rare (one article in ten thousand).</summary>
    private const double RarestShare = 0.0001;

    /// <summary>Without word shares, how many ordinary words a name or figure weighs.</summary>
    private const double NameWeight = 4;

    private static List<List<string>> DistinctiveWords(IReadOnlyList<ComparisonInput> versions, IReadOnlyDictionary<string, double>? shares)
    {
        var perVersion = WordUses(versions);
        // Weight = how telling the word is (its rarity: -log of the share of articles using it) times a damped
        // count of its uses here, so a rare word used once beats a common verb used three times. Ties: the longer
        // word first (long words tend to be the specific ones).
        double Weight(WordUse use)
        {
            var rarity = shares is not null && shares.TryGetValue(use.Folded, out var share)
                ? -Math.Log(Math.Clamp(share, RarestShare, 1))
                : use.Named ? NameWeight : 1;
            return rarity * (1 + Math.Log(use.Count));
        }
        return perVersion.Select((_, vi) => OnlyIn(perVersion, vi)
            .OrderByDescending(kv => Weight(kv.Value)).ThenByDescending(kv => kv.Value.Count)
            .ThenByDescending(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(12)
            .Select(kv => kv.Value.Surface)
            .ToList()).ToList();
    }

    private static IEnumerable<KeyValuePair<string, WordUse>> OnlyIn(List<Dictionary<string, WordUse>> perVersion, int vi) =>
        perVersion[vi].Where(kv => perVersion.Where((_, oi) => oi != vi).All(o => !o.ContainsKey(kv.Key)));

    /// <summary>Per version, its content words (by stem) with their first spelling, uses, and whether any use looks like a name or figure.</summary>
    private static List<Dictionary<string, WordUse>> WordUses(IReadOnlyList<ComparisonInput> versions) =>
        versions.Select(v =>
        {
            var uses = new Dictionary<string, WordUse>(StringComparer.Ordinal);
            foreach (var text in v.Paragraphs.Prepend(v.Headline ?? ""))
            {
                var words = Word().Matches(text);
                // In a Title Case Headline capitals say nothing about names.
                var titleCase = words.Count(m => char.IsUpper(m.Value[0])) * 2 > words.Count;
                foreach (Match m in words)
                {
                    var key = TextFeatures.ContentWords(m.Value);
                    if (key.Count != 1 || key[0].Length < 3) continue;
                    var named = m.Value.Any(char.IsDigit) || (!titleCase && char.IsUpper(m.Value[0]) && !StartsSentence(text, m.Index));
                    uses[key[0]] = uses.TryGetValue(key[0], out var seen)
                        ? seen with { Count = seen.Count + 1, Named = seen.Named || named }
                        : new WordUse(m.Value, TextFeatures.Fold(m.Value), 1, named);
                }
            }
            return uses;
        }).ToList();

    private static bool StartsSentence(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '\'' or '(' or '«')) i--;
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '…';
    }

    private sealed record WordUse(string Surface, string Folded, int Count, bool Named);

    private static List<(string Text, HashSet<string> Words)> Quotes(ComparisonInput version) =>
        version.Paragraphs
            .SelectMany(p => QuoteSpan().Matches(p).Select(m => m.Groups["q"].Value.Trim()))
            .Where(q => q.Count(char.IsWhiteSpace) >= 2)
            .Distinct(StringComparer.Ordinal)
            .Select(q => (q, WordSet(q)))
            .ToList();

    private static HashSet<string> WordSet(string text) => new(TextFeatures.ContentWords(text), StringComparer.Ordinal);

    private const int MinSharedWords = 3;

    private static int SharedWords(HashSet<string> a, HashSet<string> b) => a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);

    private static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        return 2.0 * SharedWords(a, b) / (a.Count + b.Count);
    }

    // A quotation inside a longer one still counts as the same quote, allowing for the small differences of
    // translation and transcription (a spelling, "exploited" against "used"): three quarters of its words.
    private static bool Contains(HashSet<string> outer, HashSet<string> inner) =>
        inner.Count >= 4 && inner.Count(outer.Contains) >= 0.75 * inner.Count;

    [GeneratedRegex(@"[""“«„](?<q>[^""“”«»„]{8,}?)[""”»“]")]
    private static partial Regex QuoteSpan();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();

    private sealed class Sentence(int version, int paragraph, string text, HashSet<string> words)
    {
        public int Version { get; } = version;
        public int Paragraph { get; } = paragraph;
        public string Text { get; } = text;
        public HashSet<string> Words { get; } = words;
        public int Index { get; set; }
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;
        private readonly bool[][] _versions;

        public UnionFind(int count, int versionCount, int[] versionOf)
        {
            _parent = Enumerable.Range(0, count).ToArray();
            _versions = versionOf.Select(v => { var set = new bool[versionCount]; set[v] = true; return set; }).ToArray();
        }

        public int Find(int x)
        {
            while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
            return x;
        }

        public void TryUnion(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra == rb) return;
            var va = _versions[ra];
            var vb = _versions[rb];
            for (var v = 0; v < va.Length; v++) if (va[v] && vb[v]) return;
            var (root, child) = ra < rb ? (ra, rb) : (rb, ra);
            _parent[child] = root;
            for (var v = 0; v < va.Length; v++) _versions[root][v] = va[v] || vb[v];
        }
    }
}
