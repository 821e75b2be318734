namespace NewsCompare.Core.Extraction.Text;

/// <summary>What a passage is about, as the set of its uncommon words: enough to tell a continuation from a teaser.</summary>
internal static class Subject
{
    private const int MinLetters = 4;

    /// <summary>The distinct uncommon words (lower case, at least four letters) of the prose lines in [from, to].</summary>
    public static HashSet<string> Words(List<TextLine> lines, int from, int to, ClutterVocabulary vocabulary)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var i = from; i <= to; i++)
        {
            if (lines[i].Kind is not (LineKind.Prose or LineKind.ShortSentence or LineKind.Short)) continue;
            Add(lines[i].Text, words, vocabulary);
        }
        return words;
    }

    /// <summary>Adds the uncommon words of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void Add(string text, HashSet<string> words, ClutterVocabulary vocabulary)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0 && i - start >= MinLetters)
            {
                var word = text[start..i].ToLowerInvariant();
                if (!vocabulary.IsStopword(word)) words.Add(Stem(word));
            }
            start = -1;
        }
    }

    /// <summary>Share of <paramref name="part"/>'s words that <paramref name="whole"/> also uses.</summary>
    public static double Overlap(HashSet<string> part, HashSet<string> whole)
    {
        if (part.Count == 0) return 0;
        var shared = 0;
        foreach (var w in part)
            if (whole.Contains(w)) shared++;
        return (double)shared / part.Count;
    }

    // Plural and possessive endings differ between a headline and its paragraphs ("talks", "talk").
    private static string Stem(string word) =>
        word.Length > 5 && word.EndsWith('s') ? word[..^1] : word;
}
