using System.Text;

namespace NewsCompare.Core.Comparison;

/// <summary>
/// Splits paragraphs into sentences the way a reader would: at a full stop, question or exclamation mark followed by
/// a space and a capital (or an opening quote), but not after common abbreviations, initials or inside numbers.
/// </summary>
public static class SentenceSplitter
{
    // Lower-cased, without the final dot. Kept short: titles and the abbreviations news copy uses mid-sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
        "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "dept", "est", "fig", "mt", "ft",
    };

    /// <summary>The sentences of <paramref name="paragraph"/>, trimmed, in order.</summary>
    public static IReadOnlyList<string> Split(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var sentences = new List<string>();
        var current = new StringBuilder();
        var text = paragraph.Trim();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            current.Append(c);
            if (c is not ('.' or '!' or '?' or '。' or '！' or '？')) continue;

            // Closing quotes and brackets belong to the sentence they end.
            while (i + 1 < text.Length && IsCloser(text[i + 1])) current.Append(text[++i]);

            if (c is '。' or '！' or '？' || IsBoundary(text, i, current))
            {
                Flush(current, sentences);
            }
        }
        Flush(current, sentences);
        return sentences;
    }

    private static bool IsBoundary(string text, int i, StringBuilder current)
    {
        if (i + 1 >= text.Length) return true;
        if (!char.IsWhiteSpace(text[i + 1])) return false;
        var next = i + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
        if (next >= text.Length) return true;
        var start = text[next];
        if (!(char.IsUpper(start) || char.IsDigit(start) || IsOpener(start))) return false;

        // Look at the word ending in the full stop: an abbreviation or an initial does not end a sentence.
        var sentence = current.ToString().TrimEnd();
        var end = sentence.Length - 1;
        while (end >= 0 && IsCloser(sentence[end])) end--;
        if (end < 0 || sentence[end] != '.') return true;
        var wordStart = end;
        while (wordStart > 0 && !char.IsWhiteSpace(sentence[wordStart - 1]) && sentence[wordStart - 1] != '(') wordStart--;
        var word = sentence[wordStart..end];
        if (word.Length == 1 && char.IsUpper(word[0])) return false;
        return !Abbreviations.Contains(word);
    }

    private static void Flush(StringBuilder current, List<string> sentences)
    {
        var sentence = current.ToString().Trim();
        if (sentence.Length > 0) sentences.Add(sentence);
        current.Clear();
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']';

    private static bool IsOpener(char c) => c is '"' or '“' or '‘' or '«' or '(' or '\'';
}
