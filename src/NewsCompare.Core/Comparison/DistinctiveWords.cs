using NewsCompare.Core.Text;

namespace NewsCompare.Core.Comparison;

/// <summary>The words only one version uses, most telling first.</summary>
internal static class DistinctiveWords
{
    public static IReadOnlyList<string> Candidates(IReadOnlyList<ComparisonInput> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return Candidates(WordUses(versions));
    }

    public static IReadOnlyList<string> Candidates(List<Dictionary<string, WordUse>> perVersion) =>
        perVersion.SelectMany((uses, vi) => OnlyIn(perVersion, vi).Select(kv => kv.Value.Folded))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Below this share a word counts as equally rare (one article in ten thousand).</summary>
    private const double RarestShare = 0.0001;

    /// <summary>Without word shares, how many ordinary words a name or figure weighs.</summary>
    private const double NameWeight = 4;

    public static List<List<string>> PerVersion(IReadOnlyList<ComparisonInput> versions, IReadOnlyDictionary<string, double>? shares) =>
        PerVersion(WordUses(versions), shares);

    public static List<List<string>> PerVersion(List<Dictionary<string, WordUse>> perVersion, IReadOnlyDictionary<string, double>? shares)
    {
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
    private static List<Dictionary<string, WordUse>> WordUses(IReadOnlyList<ComparisonInput> versions) => [.. versions.Select(UsesOf)];

    /// <summary>One version's content words (by stem) with their first spelling, uses, and whether any use looks like a name or figure.</summary>
    public static Dictionary<string, WordUse> UsesOf(ComparisonInput v)
    {
            var uses = new Dictionary<string, WordUse>(StringComparer.Ordinal);
            // A word recurs through an article: each spelling is stemmed once.
            var stems = new Dictionary<string, string?>(StringComparer.Ordinal);
            // Looked up by the span of the text, so a word met before costs no copy.
            var stemOf = stems.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var text in v.Paragraphs.Prepend(v.Headline ?? ""))
            {
                var words = Words(text);
                // In a Title Case Headline capitals say nothing about names.
                var titleCase = words.Count(w => char.IsUpper(text[w.Start])) * 2 > words.Count;
                foreach (var (start, length) in words)
                {
                    var span = text.AsSpan(start, length);
                    if (!stemOf.TryGetValue(span, out var stem))
                    {
                        var key = ContentWords.Of(span.ToString(), v.Language);
                        stemOf[span] = stem = key.Count == 1 && key[0].Length >= 3 ? key[0] : null;
                    }
                    if (stem is null) continue;
                    var named = HasDigit(span) || (!titleCase && char.IsUpper(span[0]) && !StartsSentence(text, start));
                    uses[stem] = uses.TryGetValue(stem, out var seen)
                        ? seen with { Count = seen.Count + 1, Named = seen.Named || named }
                        : NewUse(span.ToString(), named);
                }
            }
            return uses;
    }

    private static WordUse NewUse(string word, bool named) => new(word, Folding.IndexForm(word), 1, named);

    private static bool HasDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsDigit(c)) return true;
        return false;
    }

    private static bool StartsSentence(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '\'' or '(' or '«')) i--;
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '…';
    }

    public sealed record WordUse(string Surface, string Folded, int Count, bool Named);

    /// <summary>Where the words of <paramref name="text"/> are: a letter or digit, then letters, digits, apostrophes and hyphens.</summary>
    internal static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]) && !char.IsNumber(text[i])) { i++; continue; }
            var start = i++;
            while (i < text.Length && (char.IsLetter(text[i]) || char.IsNumber(text[i]) || text[i] is '\'' or '’' or '-')) i++;
            words.Add((start, i - start));
        }
        return words;
    }
}
