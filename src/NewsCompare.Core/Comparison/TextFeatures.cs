using System.Globalization;
using System.Text;

namespace NewsCompare.Core.Comparison;

/// <summary>Word-level features shared by the comparison code: normalised content words of a text.</summary>
internal static class TextFeatures
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
        "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that", "these",
        "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "said", "says", "say", "also",
        "will", "would", "which", "who", "whom", "not", "no", "than", "then", "there", "about", "into", "over",
        "after", "before", "during", "while", "if", "so", "such", "can", "could", "should", "may", "might", "do",
        "does", "did", "all", "any", "some", "more", "most", "other", "up", "out", "him", "them", "what", "when",
        "where", "how", "one", "two", "s",
    };

    /// <summary>Content words of <paramref name="text"/>: lower-cased, accents folded, stop words dropped, lightly stemmed.</summary>
    public static List<string> ContentWords(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) current.Append(char.ToLowerInvariant(ch));
            else Add(current, words);
        }
        Add(current, words);
        return words;
    }

    /// <summary>
    /// A word's first token as a unicode61 full-text index with diacritics removed stores it: lower case, no accents,
    /// up to the first character that is not a letter or digit ("Minister’s" is stored as "minister").
    /// </summary>
    public static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var ch in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (!char.IsLetterOrDigit(ch)) break;
            folded.Append(char.ToLowerInvariant(ch));
        }
        return folded.ToString();
    }

    private static void Add(StringBuilder current, List<string> words)
    {
        if (current.Length == 0) return;
        var word = current.ToString();
        current.Clear();
        if (StopWords.Contains(word)) return;
        words.Add(Stem(word));
    }

    // Enough stemming to match "meeting"/"meetings", "talks"/"talk", "deepened"/"deepen" across rewrites.
    private static string Stem(string word)
    {
        if (word.Length <= 4) return word;
        foreach (var suffix in new[] { "ing", "ies", "ed", "es", "s" })
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
                return suffix == "ies" ? word[..^3] + "y" : word[..^suffix.Length];
        }
        return word;
    }
}
