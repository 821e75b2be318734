using System.Runtime.CompilerServices;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>What a passage is about, as the set of its uncommon words: enough to tell a continuation from a teaser.</summary>
internal static class Subject
{
    private const int MinLetters = 4;

    /// <summary>The distinct uncommon words (lower case, at least four letters) of the prose lines in [from, to], sorted.</summary>
    public static ulong[] Words(List<TextLine> lines, int from, int to, ClutterVocabulary vocabulary)
    {
        var sets = new List<ulong[]>();
        for (var i = from; i <= to; i++)
            if (lines[i].Kind is LineKind.Prose or LineKind.ShortSentence or LineKind.Short) sets.Add(Of(lines[i], vocabulary));
        return Union(sets);
    }

    /// <summary>The words of all <paramref name="sets"/>, sorted and distinct.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong[] Union(List<ulong[]> sets)
    {
        var total = 0;
        foreach (var set in sets) total += set.Length;
        var all = new ulong[total];
        var n = 0;
        foreach (var set in sets)
        {
            set.CopyTo(all, n);
            n += set.Length;
        }
        Array.Sort(all);
        var distinct = 0;
        for (var i = 0; i < all.Length; i++)
            if (distinct == 0 || all[i] != all[distinct - 1]) all[distinct++] = all[i];
        Array.Resize(ref all, distinct);
        return all;
    }

    /// <summary>The uncommon words of one line, sorted and distinct, cached on the line.</summary>
    public static ulong[] Of(TextLine line, ClutterVocabulary vocabulary) => line.SubjectWords ??= Collect(line.Text, vocabulary);

    /// <summary>
    /// The uncommon words of <paramref name="text"/>, sorted and distinct, as 64-bit hashes of their lower-case
    /// letters (no string is made per word: this runs over every paragraph of every capture).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong[] Collect(string text, ClutterVocabulary vocabulary)
    {
        // A counted word has four letters and a separator after it, so a line holds at most a fifth of its length.
        var capacity = text.Length / (MinLetters + 1) + 1;
        var found = capacity <= 512 ? stackalloc ulong[capacity] : new ulong[capacity];
        var n = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsLetter(text[i]))
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
                if (!vocabulary.IsStopword(whole)) found[n++] = stemmed ? head : whole;
            }
            start = -1;
        }
        if (n == 0) return [];
        found = found[..n];
        found.Sort();
        var distinct = 1;
        for (var i = 1; i < n; i++)
            if (found[i] != found[distinct - 1]) found[distinct++] = found[i];
        return found[..distinct].ToArray();
    }

    /// <summary>FNV-1a over the lower-case form of <paramref name="word"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Hash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037UL;
        foreach (var c in word) h = Step(h, c);
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong h, char c) => (h ^ Lower(c)) * 1099511628211UL;

    // Plain ASCII letters take the short way; everything else asks the Unicode tables.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Lower(char c) => Core.Text.Folding.Lower(c);

    /// <summary>
    /// How much the prose lines of [from, to] share their uncommon words with one another, from 0 (every line on
    /// its own subject) to 1; a run with a single paragraph gets a typical article's 0.3, neither favoured nor doubted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Coherence(List<TextLine> lines, int from, int to, ClutterVocabulary vocabulary)
    {
        int proseLines = 0, total = 0;
        for (var i = from; i <= to; i++)
        {
            if (lines[i].Kind != LineKind.Prose) continue;
            proseLines++;
            total += Of(lines[i], vocabulary).Length;
        }
        if (proseLines < 2) return 0.3;
        if (total == 0) return 0;
        // Every line's words side by side, sorted: a word shared by several lines (each lists a word once) forms a run.
        var all = new ulong[total];
        var n = 0;
        for (var i = from; i <= to; i++)
        {
            if (lines[i].Kind != LineKind.Prose) continue;
            var words = Of(lines[i], vocabulary);
            words.CopyTo(all, n);
            n += words.Length;
        }
        Array.Sort(all);
        var shared = 0;
        for (var i = 0; i < all.Length;)
        {
            var run = 1;
            while (i + run < all.Length && all[i + run] == all[i]) run++;
            if (run > 1) shared += run;
            i += run;
        }
        return (double)shared / total;
    }

    /// <summary>Share of <paramref name="part"/>'s words that <paramref name="whole"/> also uses (both sorted and distinct).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Overlap(ulong[] part, ulong[] whole)
    {
        if (part.Length == 0) return 0;
        // Both are sorted: walk them side by side.
        int shared = 0, j = 0;
        foreach (var w in part)
        {
            while (j < whole.Length && whole[j] < w) j++;
            if (j == whole.Length) break;
            if (whole[j] == w) shared++;
        }
        return (double)shared / part.Length;
    }

    /// <summary>Shared words over the smaller set's size: two passages of one article, whichever is longer.</summary>
    public static double MutualOverlap(ulong[] a, ulong[] b) =>
        a.Length <= b.Length ? Overlap(a, b) : Overlap(b, a);
}
