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
            words.UnionWith(Of(lines[i], vocabulary));
        }
        return words;
    }

    /// <summary>The uncommon words of one line, cached on the line.</summary>
    public static HashSet<string> Of(TextLine line, ClutterVocabulary vocabulary)
    {
        if (line.SubjectWords is null)
        {
            line.SubjectWords = new HashSet<string>(StringComparer.Ordinal);
            Add(line.Text, line.SubjectWords, vocabulary);
        }
        return line.SubjectWords;
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
                var word = string.Create(i - start, (text, start), static (span, state) =>
                {
                    for (var k = 0; k < span.Length; k++) span[k] = ClutterVocabulary.Lower(state.text[state.start + k]);
                });
                if (!vocabulary.IsStopword(word)) words.Add(Stem(word));
            }
            start = -1;
        }
    }

    /// <summary>
    /// How much the prose lines of [from, to] share their uncommon words with one another, from 0 (every line on
    /// its own subject) to 1; a run with a single paragraph counts as halfway.
    /// </summary>
    public static double Coherence(List<TextLine> lines, int from, int to, ClutterVocabulary vocabulary)
    {
        var perLine = new List<HashSet<string>>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = from; i <= to; i++)
        {
            if (lines[i].Kind != LineKind.Prose) continue;
            var words = Of(lines[i], vocabulary);
            perLine.Add(words);
            foreach (var w in words) counts[w] = counts.GetValueOrDefault(w) + 1;
        }
        if (perLine.Count < 2) return 0.5;
        int shared = 0, total = 0;
        foreach (var words in perLine)
        {
            total += words.Count;
            foreach (var w in words)
                if (counts[w] > 1) shared++;
        }
        return total == 0 ? 0 : (double)shared / total;
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

    /// <summary>Shared words over the smaller set's size: two passages of one article, whichever is longer.</summary>
    public static double MutualOverlap(HashSet<string> a, HashSet<string> b) =>
        a.Count <= b.Count ? Overlap(a, b) : Overlap(b, a);

    // Plural and possessive endings differ between a headline and its paragraphs ("talks", "talk").
    private static string Stem(string word) =>
        word.Length >= 5 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
}
