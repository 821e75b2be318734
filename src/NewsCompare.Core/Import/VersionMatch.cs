using System.Globalization;
using System.Text;

namespace NewsCompare.Core.Import;

/// <summary>
/// Whether a capture at an address already stored is a new version of the article there, or another article that
/// shares its address (a site that reuses one address, or query parameters that did not make it into the key): the
/// same headline, or most of the shorter text's three-word sequences found in the other.
/// </summary>
internal static class VersionMatch
{
    /// <summary>The share of the shorter text's word triples the other must hold.</summary>
    public const double MostOfTheText = 0.5;

    public static bool SameArticle(string? headline, IReadOnlyList<string> paragraphs, string? storedHeadline, IReadOnlyList<string> storedParagraphs)
    {
        if (Normalise(headline) is { Length: > 0 } h && h == Normalise(storedHeadline)) return true;
        var mine = Triples(paragraphs);
        var theirs = Triples(storedParagraphs);
        if (mine.Count == 0 || theirs.Count == 0) return mine.Count == theirs.Count && Normalise(headline) == Normalise(storedHeadline);
        var (small, large) = mine.Count <= theirs.Count ? (mine, theirs) : (theirs, mine);
        return small.Count(large.Contains) >= MostOfTheText * small.Count;
    }

    private static string? Normalise(string? text) =>
        text is null ? null : string.Join(' ', Words(text));

    private static HashSet<string> Triples(IReadOnlyList<string> paragraphs)
    {
        var words = paragraphs.SelectMany(Words).ToList();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < words.Count; i++) set.Add(string.Concat(words[i], " ", words[i + 1], " ", words[i + 2]));
        if (words.Count is > 0 and < 3) set.Add(string.Join(' ', words));
        return set;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            else if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
        }
        if (word.Length > 0) yield return word.ToString();
    }
}
