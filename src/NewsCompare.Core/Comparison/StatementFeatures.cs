using System.Buffers;

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
        "bleu-least", "bleu-most", "meteor", "meteor-fragmentation", "near-spellings", "token-edit", "stem-lcs",
        "idf-dice", "idf-unmatched-most", "idf-unmatched-least", "content-length-ratio", "aligned-unmatched-most",
        "aligned-unmatched-least", "negation-differs",
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
    /// <param name="weights">How telling each stem is (inverse document frequency); null: every stem alike.</param>
    public static double[] Compute(Statement a, Statement b, bool ignoreFigures = false, WordWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var f = new double[Names.Count];
        string[] numbersA = a.Numbers, numbersB = b.Numbers, stemsA = a.DistinctStems, stemsB = b.DistinctStems;

        // Which of each side's distinct stems the other side shares; with figures ignored, a figure counts as shared
        // whenever the other side has one too.
        Span<bool> inB = stemsA.Length <= 256 ? stackalloc bool[stemsA.Length] : new bool[stemsA.Length];
        Span<bool> inA = stemsB.Length <= 256 ? stackalloc bool[stemsB.Length] : new bool[stemsB.Length];
        var shared = 0;
        for (var i = 0; i < stemsA.Length; i++)
        {
            var s = stemsA[i];
            inB[i] = b.StemSet.Contains(s) || (ignoreFigures && numbersB.Length > 0 && Contains(numbersA, s));
            if (inB[i]) shared++;
        }
        var onlyB = 0;
        for (var j = 0; j < stemsB.Length; j++)
        {
            var s = stemsB[j];
            inA[j] = a.StemSet.Contains(s) || (ignoreFigures && numbersA.Length > 0 && Contains(numbersB, s));
            if (!inA[j]) onlyB++;
        }
        var onlyA = stemsA.Length - shared;
        var (small, large) = stemsA.Length <= stemsB.Length ? (stemsA.Length, stemsB.Length) : (stemsB.Length, stemsA.Length);
        f[0] = Ratio(2.0 * shared, stemsA.Length + stemsB.Length);
        f[1] = Ratio(shared, small);
        f[2] = Ratio(shared, large);
        f[3] = WordRuns.Dice(a.DistinctTokens, b.DistinctTokens);
        f[4] = WordRuns.Dice(a.StemPairs, b.StemPairs);
        f[6] = Dice(a.Trigrams, b.Trigrams);
        f[7] = Ratio(Math.Min(a.Tokens.Length, b.Tokens.Length), Math.Max(a.Tokens.Length, b.Tokens.Length));
        f[8] = Math.Log(1 + Math.Max(onlyA, onlyB));
        f[9] = Math.Log(1 + Math.Min(onlyA, onlyB));

        var agree = 0;
        foreach (var n in numbersA) if (Contains(numbersB, n)) agree++;
        var differ = numbersA.Length + numbersB.Length - 2 * agree;
        var both = numbersA.Length > 0 && numbersB.Length > 0;
        if (ignoreFigures && both) { agree = Math.Max(numbersA.Length, numbersB.Length); differ = 0; }
        f[10] = Math.Log(1 + agree);
        f[11] = both && differ > 0 ? 1 : 0;
        f[12] = both ? 0 : Math.Log(1 + numbersA.Length + numbersB.Length);

        var sharedNames = 0;
        foreach (var name in a.Names) if (b.Names.Contains(name)) sharedNames++;
        f[13] = Ratio(2.0 * sharedNames, a.Names.Count + b.Names.Count);
        f[14] = Math.Log(1 + a.Names.Count + b.Names.Count - 2 * sharedNames);
        f[15] = a.Language == b.Language ? 1 : 0;
        // How much evidence the overlap rests on: two short sentences can share half their words by naming one subject.
        f[16] = Math.Log(1 + shared);
        f[17] = Dice(a.TextGrams, b.TextGrams);
        f[18] = Math.Log(1 + Math.Abs(a.Tokens.Length - b.Tokens.Length));
        f[19] = WordRuns.Dice(a.TokenPairs, b.TokenPairs);
        f[20] = WordRuns.Dice(a.TokenTriples, b.TokenTriples);
        Translation(a, b, f);
        Weighted(a, b, weights ?? WordWeights.Uniform, inB, inA, f);
        f[31] = Ratio(small, large);
        f[34] = a.Negators % 2 != b.Negators % 2 ? 1 : 0;
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
            f[35] = dot;
            f[36] = u.Length == 0 ? 0 : l1 / u.Length;
            f[37] = max;
        }
        return f;
    }

    // Machine-translation metrics, which paraphrase identification borrows: n-gram precision each way (BLEU), an
    // alignment of content words by stem or near spelling with a penalty for broken word order (METEOR), edit distance.
    // The token comparisons are made once: runs[i, j] is how many tokens match from a's i-th and b's j-th on.
    private static void Translation(Statement a, Statement b, double[] f)
    {
        string[] x = a.Tokens, y = b.Tokens;
        int[] cx = a.TokenCodes, cy = b.TokenCodes;
        int n = x.Length, m = y.Length, width = m + 1;
        var runs = ArrayPool<int>.Shared.Rent((n + 1) * width);
        var rows = ArrayPool<int>.Shared.Rent(2 * width);
        var used = ArrayPool<bool>.Shared.Rent(width);
        try
        {
            Array.Clear(runs, n * width, width);
            // The longest run from each of a's tokens: a row without a run of n tokens has no n-gram to match.
            Span<int> longest = n <= 256 ? stackalloc int[n] : new int[n];
            for (var i = n - 1; i >= 0; i--)
            {
                runs[i * width + m] = 0;
                var most = 0;
                for (var j = m - 1; j >= 0; j--)
                {
                    var run = cx[i] == cy[j] && string.Equals(x[i], y[j], StringComparison.Ordinal) ? runs[(i + 1) * width + j + 1] + 1 : 0;
                    runs[i * width + j] = run;
                    if (run > most) most = run;
                }
                longest[i] = most;
            }
            double logA = 0, logB = 0;
            var hits = 0;
            for (var order = 1; order <= 4; order++)
            {
                // Clipped matches: each n-gram of a takes an unused equal one of b, so an n-gram counts as often as the sparer side has it.
                // No n-gram in common: none longer either.
                if (order == 1 || hits > 0)
                {
                    Array.Clear(used, 0, m);
                    hits = 0;
                    for (var i = 0; i + order <= n; i++)
                        if (longest[i] >= order)
                            for (var j = 0; j + order <= m; j++)
                                if (!used[j] && runs[i * width + j] >= order) { used[j] = true; hits++; break; }
                }
                logA += Precision(hits, n - order + 1, order);
                logB += Precision(hits, m - order + 1, order);
            }
            double ab = n == 0 || m == 0 ? 0 : Brevity(n, m) * Math.Exp(logA / 4), ba = n == 0 || m == 0 ? 0 : Brevity(m, n) * Math.Exp(logB / 4);
            f[21] = Math.Min(ab, ba);
            f[22] = Math.Max(ab, ba);

            // Longest common subsequence and word-level Levenshtein distance, on the same comparisons.
            Span<int> lcsPrevious = rows.AsSpan(0, width), lcsCurrent = rows.AsSpan(width, width);
            lcsPrevious.Clear();
            for (var i = 1; i <= n; i++)
            {
                lcsCurrent[0] = 0;
                for (var j = 1; j <= m; j++)
                    lcsCurrent[j] = runs[(i - 1) * width + j - 1] > 0 ? lcsPrevious[j - 1] + 1 : Math.Max(lcsPrevious[j], lcsCurrent[j - 1]);
                var swap = lcsPrevious; lcsPrevious = lcsCurrent; lcsCurrent = swap;
            }
            f[5] = Ratio(lcsPrevious[m], Math.Max(n, m));
            Span<int> previous = rows.AsSpan(0, width), current = rows.AsSpan(width, width);
            for (var j = 0; j <= m; j++) previous[j] = j;
            for (var i = 1; i <= n; i++)
            {
                current[0] = i;
                for (var j = 1; j <= m; j++)
                    current[j] = Math.Min(Math.Min(previous[j], current[j - 1]) + 1, previous[j - 1] + (runs[(i - 1) * width + j - 1] > 0 ? 0 : 1));
                var swap = previous; previous = current; current = swap;
            }
            f[26] = Ratio(previous[m], Math.Max(n, m));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(runs);
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<bool>.Shared.Return(used);
        }

        var (matched, near, chunks) = Align(a.Stems, b.Stems, a.StemCodes, b.StemCodes);
        if (matched == 0) { f[23] = 0; f[24] = 1; }
        else
        {
            double precision = (double)matched / a.Stems.Length, recall = (double)matched / b.Stems.Length;
            var fragmentation = (double)chunks / matched;
            f[23] = 2 * precision * recall / (precision + recall) * (1 - 0.5 * fragmentation * fragmentation * fragmentation);
            f[24] = fragmentation;
        }
        f[25] = Math.Log(1 + near);
        f[32] = Math.Log(1 + Math.Max(a.Stems.Length, b.Stems.Length) - matched);
        f[33] = Math.Log(1 + Math.Min(a.Stems.Length, b.Stems.Length) - matched);
        f[27] = Ratio(Lcs(a.Stems, b.Stems, a.StemCodes, b.StemCodes), Math.Max(a.Stems.Length, b.Stems.Length));
    }

    // Sentence BLEU's pieces: the log of one n-gram precision (add-one smoothing above unigrams), and the brevity penalty.
    private static double Precision(int hits, int total, int order) =>
        total <= 0 ? Math.Log(1.0 / (total + order)) : order == 1 ? Math.Log(Math.Max(hits, 0.1) / total) : Math.Log((hits + 1.0) / (total + 1.0));

    private static double Brevity(int candidate, int reference) => candidate >= reference ? 1 : Math.Exp(1 - (double)reference / candidate);

    // Aligns the content stems one to one: equal stems first, then near spellings (one edit apart, or a shared start of
    // five letters: inflections the light stemmer leaves, misspellings). Chunks are runs of aligned words in the same
    // order on both sides.
    private static (int Matched, int Near, int Chunks) Align(string[] a, string[] b, int[] codesA, int[] codesB)
    {
        Span<int> partner = a.Length <= 256 ? stackalloc int[a.Length] : new int[a.Length];
        partner.Fill(-1);
        Span<bool> taken = b.Length <= 256 ? stackalloc bool[b.Length] : new bool[b.Length];
        taken.Clear();
        int matched = 0, near = 0;
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < b.Length; j++)
                if (!taken[j] && codesA[i] == codesB[j] && string.Equals(a[i], b[j], StringComparison.Ordinal)) { partner[i] = j; taken[j] = true; matched++; break; }
        for (var i = 0; i < a.Length; i++)
        {
            if (partner[i] >= 0) continue;
            for (var j = 0; j < b.Length; j++)
                if (!taken[j] && NearSpelling(a[i], b[j])) { partner[i] = j; taken[j] = true; matched++; near++; break; }
        }
        var chunks = 0;
        var previous = -2;
        for (var i = 0; i < a.Length; i++)
        {
            if (partner[i] < 0) { previous = -2; continue; }
            if (partner[i] != previous + 1) chunks++;
            previous = partner[i];
        }
        return (matched, near, chunks);
    }

    private static bool NearSpelling(string x, string y)
    {
        if (x.Length < 4 || y.Length < 4 || char.IsDigit(x[0]) || char.IsDigit(y[0])) return false;
        var prefix = 0;
        while (prefix < x.Length && prefix < y.Length && x[prefix] == y[prefix]) prefix++;
        if (prefix >= 5) return true;
        if (Math.Abs(x.Length - y.Length) > 1) return false;
        // One substitution, insertion or deletion.
        int i = prefix, j = prefix;
        if (x.Length == y.Length) { i++; j++; }
        else if (x.Length > y.Length) i++;
        else j++;
        return x.AsSpan(i).SequenceEqual(y.AsSpan(j));
    }

    // Overlap weighted by how telling each stem is: sharing a rare name says more than sharing "said". Summed in the
    // order of each side's distinct stems.
    private static void Weighted(Statement a, Statement b, WordWeights weights, ReadOnlySpan<bool> inB, ReadOnlySpan<bool> inA, double[] f)
    {
        double shared = 0, onlyA = 0, onlyB = 0;
        var weightsA = a.StemWeights(weights);
        for (var i = 0; i < weightsA.Length; i++)
        {
            if (inB[i]) shared += weightsA[i]; else onlyA += weightsA[i];
        }
        var weightsB = b.StemWeights(weights);
        for (var j = 0; j < weightsB.Length; j++)
            if (!inA[j]) onlyB += weightsB[j];
        f[28] = Ratio(2 * shared, 2 * shared + onlyA + onlyB);
        f[29] = Math.Log(1 + Math.Max(onlyA, onlyB));
        f[30] = Math.Log(1 + Math.Min(onlyA, onlyB));
    }

    // A figure among a sentence's few distinct figures.
    private static bool Contains(string[] values, string value)
    {
        foreach (var v in values)
            if (string.Equals(v, value, StringComparison.Ordinal)) return true;
        return false;
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

    // Dice of two sorted arrays of distinct numbers (packed letter n-grams).
    private static double Dice(long[] a, long[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return 2.0 * shared / (a.Length + b.Length);
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
    private static int Lcs(string[] a, string[] b, int[] codesA, int[] codesB)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var rows = ArrayPool<int>.Shared.Rent(2 * (b.Length + 1));
        try
        {
            Span<int> previous = rows.AsSpan(0, b.Length + 1), current = rows.AsSpan(b.Length + 1, b.Length + 1);
            previous.Clear();
            current.Clear();
            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                    current[j] = codesA[i - 1] == codesB[j - 1] && string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                        ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
                var swap = previous; previous = current; current = swap;
            }
            return previous[b.Length];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
        }
    }
}
