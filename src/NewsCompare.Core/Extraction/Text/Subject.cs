using System.Runtime.CompilerServices;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>What a passage is about, as the set of its uncommon words: enough to tell a continuation from a teaser.</summary>
internal static class Subject
{
    private const int MinLetters = 4;

    /// <summary>The distinct uncommon words (lower case, at least four letters) of the prose lines in [from, to].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static HashSet<ulong> Words(List<TextLine> lines, int from, int to, ClutterVocabulary vocabulary)
    {
        var words = new HashSet<ulong>();
        for (var i = from; i <= to; i++)
        {
            if (lines[i].Kind is not (LineKind.Prose or LineKind.ShortSentence or LineKind.Short)) continue;
            words.UnionWith(Of(lines[i], vocabulary));
        }
        return words;
    }

    /// <summary>The uncommon words of one line, cached on the line.</summary>
    public static HashSet<ulong> Of(TextLine line, ClutterVocabulary vocabulary)
    {
        if (line.SubjectWords is null)
        {
            line.SubjectWords = new HashSet<ulong>();
            Add(line.Text, line.SubjectWords, vocabulary);
        }
        return line.SubjectWords;
    }

    /// <summary>
    /// Adds the uncommon words of <paramref name="text"/> to <paramref name="words"/>, as 64-bit hashes of their
    /// lower-case letters (no string is made per word: this runs over every paragraph of every capture).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(string text, HashSet<ulong> words, ClutterVocabulary vocabulary)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetter(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0 && i - start >= MinLetters)
            {
                var word = text.AsSpan(start, i - start);
                // Plural and possessive endings differ between a headline and its paragraphs ("talks", "talk").
                var stemmed = word.Length >= 5 && Lower(word[^1]) == 's' && Lower(word[^2]) != 's';
                var head = Hash(word[..^1]);
                var whole = Step(head, word[^1]);
                if (!vocabulary.IsStopword(whole)) words.Add(stemmed ? head : whole);
            }
            start = -1;
        }
    }

    /// <summary>FNV-1a over the lower-case form of <paramref name="word"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Hash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037UL;
        foreach (var c in word) h = Step(h, c);
        return h;
    }

    private static ulong Step(ulong h, char c) => (h ^ Lower(c)) * 1099511628211UL;

    private static char Lower(char c) => ClutterVocabulary.Lower(c);

    /// <summary>
    /// How much the prose lines of [from, to] share their uncommon words with one another, from 0 (every line on
    /// its own subject) to 1; a run with a single paragraph gets a typical article's 0.3, neither favoured nor doubted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Coherence(List<TextLine> lines, int from, int to, ClutterVocabulary vocabulary)
    {
        var perLine = new List<HashSet<ulong>>();
        var counts = new Dictionary<ulong, int>();
        for (var i = from; i <= to; i++)
        {
            if (lines[i].Kind != LineKind.Prose) continue;
            var words = Of(lines[i], vocabulary);
            perLine.Add(words);
            foreach (var w in words) counts[w] = counts.GetValueOrDefault(w) + 1;
        }
        if (perLine.Count < 2) return 0.3;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Overlap(HashSet<ulong> part, HashSet<ulong> whole)
    {
        if (part.Count == 0) return 0;
        var shared = 0;
        foreach (var w in part)
            if (whole.Contains(w)) shared++;
        return (double)shared / part.Count;
    }

    /// <summary>Shared words over the smaller set's size: two passages of one article, whichever is longer.</summary>
    public static double MutualOverlap(HashSet<ulong> a, HashSet<ulong> b) =>
        a.Count <= b.Count ? Overlap(a, b) : Overlap(b, a);
}
