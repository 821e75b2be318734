namespace NewsCompare.Core.Comparison;

/// <summary>
/// The signals that two sentences make the same statement, as numbers for a learned model: word overlap on stems,
/// word order, length, names and figures (agreeing and conflicting), spelling-level overlap.
/// </summary>
public static class StatementFeatures
{
    /// <summary>The names of the features, in the order <see cref="Compute"/> returns them.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "stem-dice", "stem-cover-shorter", "stem-cover-longer", "token-dice", "stem-bigram-dice", "token-lcs",
        "trigram-dice", "length-ratio", "unmatched-most", "unmatched-least", "figures-agree", "figures-conflict",
        "figures-one-side", "names-dice", "names-one-side", "same-language", "shared-words",
        "text-4gram-dice", "length-difference", "token-bigram-dice", "token-trigram-dice",
        "embedding-cosine", "embedding-l1", "embedding-max",
    ];

    /// <summary>The features read from the two sentences' embeddings: only a model for embedded pairs uses them.</summary>
    public static readonly IReadOnlyList<string> FromEmbeddings = ["embedding-cosine", "embedding-l1", "embedding-max"];

    /// <summary>
    /// The features that mean the same in any pair of languages (names, figures, spelling, length): the only ones a
    /// pair of sentences in two languages is judged on.
    /// </summary>
    public static readonly IReadOnlyList<string> AcrossLanguages =
        ["trigram-dice", "length-ratio", "figures-agree", "figures-conflict", "figures-one-side", "names-dice", "names-one-side"];

    /// <summary>The features of the pair (<paramref name="a"/>, <paramref name="b"/>); symmetric.</summary>
    /// <param name="a">One sentence.</param>
    /// <param name="b">The other.</param>
    /// <param name="ignoreFigures">Treat differing figures as agreeing: "the same statement, but for its figures".</param>
    public static double[] Compute(Statement a, Statement b, bool ignoreFigures = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var f = new double[Names.Count];
        var numbersA = new HashSet<string>(a.Numbers, StringComparer.Ordinal);
        var numbersB = new HashSet<string>(b.Numbers, StringComparer.Ordinal);
        bool IsFigure(string s, HashSet<string> numbers) => ignoreFigures && numbers.Contains(s);

        // With figures ignored, a figure counts as shared whenever the other side has one too.
        var shared = 0;
        foreach (var s in a.StemSet)
            if (b.StemSet.Contains(s) || (IsFigure(s, numbersA) && numbersB.Count > 0)) shared++;
        var onlyB = b.StemSet.Count(s => !a.StemSet.Contains(s) && !(IsFigure(s, numbersB) && numbersA.Count > 0));
        var onlyA = a.StemSet.Count - shared;
        var (small, large) = a.StemSet.Count <= b.StemSet.Count ? (a.StemSet.Count, b.StemSet.Count) : (b.StemSet.Count, a.StemSet.Count);
        f[0] = Ratio(2.0 * shared, a.StemSet.Count + b.StemSet.Count);
        f[1] = Ratio(shared, small);
        f[2] = Ratio(shared, large);
        f[3] = Dice(a.TokenSet, b.TokenSet);
        f[4] = Dice(a.StemBigrams, b.StemBigrams);
        f[5] = Ratio(Lcs(a.Tokens, b.Tokens), Math.Max(a.Tokens.Length, b.Tokens.Length));
        f[6] = Dice(a.Trigrams, b.Trigrams);
        f[7] = Ratio(Math.Min(a.Tokens.Length, b.Tokens.Length), Math.Max(a.Tokens.Length, b.Tokens.Length));
        f[8] = Math.Log(1 + Math.Max(onlyA, onlyB));
        f[9] = Math.Log(1 + Math.Min(onlyA, onlyB));

        var agree = numbersA.Count(numbersB.Contains);
        var differ = numbersA.Count + numbersB.Count - 2 * agree;
        var both = numbersA.Count > 0 && numbersB.Count > 0;
        if (ignoreFigures && both) { agree = Math.Max(numbersA.Count, numbersB.Count); differ = 0; }
        f[10] = Math.Log(1 + agree);
        f[11] = both && differ > 0 ? 1 : 0;
        f[12] = both ? 0 : Math.Log(1 + numbersA.Count + numbersB.Count);

        var sharedNames = a.Names.Count(b.Names.Contains);
        f[13] = Ratio(2.0 * sharedNames, a.Names.Count + b.Names.Count);
        f[14] = Math.Log(1 + a.Names.Count + b.Names.Count - 2 * sharedNames);
        f[15] = a.Language == b.Language ? 1 : 0;
        // How much evidence the overlap rests on: two short sentences can share half their words by naming one subject.
        f[16] = Math.Log(1 + shared);
        f[17] = Dice(a.TextGrams, b.TextGrams);
        f[18] = Math.Log(1 + Math.Abs(a.Tokens.Length - b.Tokens.Length));
        f[19] = Dice(a.TokenBigrams, b.TokenBigrams);
        f[20] = Dice(a.TokenTrigrams, b.TokenTrigrams);
        if (a.Embedding is { } u && b.Embedding is { } v && u.Length == v.Length)
        {
            // Unit vectors: the dot product is the cosine; the mean and largest coordinate differences say where they part.
            double dot = 0, l1 = 0, max = 0;
            for (var i = 0; i < u.Length; i++)
            {
                dot += u[i] * v[i];
                var d = Math.Abs(u[i] - v[i]);
                l1 += d;
                if (d > max) max = d;
            }
            f[21] = dot;
            f[22] = u.Length == 0 ? 0 : l1 / u.Length;
            f[23] = max;
        }
        return f;
    }

    /// <summary>How many ids two sorted id arrays share.</summary>
    internal static int SharedIds(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }

    private static double Ratio(double part, double whole) => whole <= 0 ? 0 : part / whole;

    private static double Dice(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var x in small) if (large.Contains(x)) shared++;
        return 2.0 * shared / (a.Count + b.Count);
    }

    /// <summary>
    /// A cheap bound used to skip pairs before computing every feature: the overlap of content stems (any two figures
    /// counted as shared) for sentences of one language, of spelling trigrams for two languages.
    /// </summary>
    public static double Gate(Statement a, Statement b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Language is not null && b.Language is not null && a.Language != b.Language) return Dice(a.Trigrams, b.Trigrams);
        if (a.StemSet.Count == 0 || b.StemSet.Count == 0) return 0;
        var shared = SharedIds(a.StemIds, b.StemIds);
        if (a.Numbers.Length > 0 && b.Numbers.Length > 0)
            shared += Math.Min(a.Numbers.Count(n => !b.StemSet.Contains(n)), b.Numbers.Count(n => !a.StemSet.Contains(n)));
        return 2.0 * shared / (a.StemSet.Count + b.StemSet.Count);
    }

    // Longest common subsequence of two token sequences: how much of the word order the sentences share.
    private static int Lcs(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
