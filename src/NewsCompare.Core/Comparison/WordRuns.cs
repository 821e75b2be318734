namespace NewsCompare.Core.Comparison;

/// <summary>
/// The distinct runs of <c>n</c> neighbouring words of a sentence (single words, pairs, triples), for the Dice overlap of
/// two sentences' runs without joining words into strings: each run is keyed by its words' hash codes, the keys are
/// sorted, and runs with equal keys are compared word by word, so the overlap is exactly that of the runs' texts.
/// </summary>
internal sealed class WordRuns
{
    private readonly string[] _words;
    private readonly int _length;
    // Sorted; a run's words start at _starts[k]. Runs with equal words are kept once.
    private readonly long[] _keys;
    private readonly int[] _starts;

    private WordRuns(string[] words, int length, long[] keys, int[] starts)
    {
        _words = words;
        _length = length;
        _keys = keys;
        _starts = starts;
    }

    /// <summary>How many distinct runs there are.</summary>
    public int Count => _keys.Length;

    /// <summary>The distinct runs of <paramref name="length"/> (1 to 3) words of <paramref name="words"/>, whose hash codes are <paramref name="codes"/>.</summary>
    public static WordRuns Of(string[] words, int[] codes, int length)
    {
        var count = Math.Max(0, words.Length - length + 1);
        var keys = new long[count];
        var starts = new int[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = length switch
            {
                1 => codes[i],
                2 => ((long)codes[i] << 32) | (uint)codes[i + 1],
                // Three codes do not fit one number: a mix of them, which the word-by-word check makes exact.
                _ => ((((long)codes[i] << 32) | (uint)codes[i + 1]) * unchecked((long)0x9E3779B97F4A7C15)) ^ codes[i + 2],
            };
            starts[i] = i;
        }
        Array.Sort(keys, starts);
        // Drop a run whose words an earlier run with the same key has.
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var duplicate = false;
            for (var k = kept - 1; k >= 0 && keys[k] == keys[i] && !duplicate; k--) duplicate = SameWords(words, starts[k], words, starts[i], length);
            if (duplicate) continue;
            keys[kept] = keys[i];
            starts[kept] = starts[i];
            kept++;
        }
        return kept == count ? new WordRuns(words, length, keys, starts) : new WordRuns(words, length, keys[..kept], starts[..kept]);
    }

    /// <summary>Dice of two sentences' distinct runs (of one length): twice the runs both have over how many each has.</summary>
    public static double Dice(WordRuns a, WordRuns b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a._keys.Length && j < b._keys.Length)
        {
            if (a._keys[i] < b._keys[j]) { i++; continue; }
            if (a._keys[i] > b._keys[j]) { j++; continue; }
            // Equal keys: the runs of each side with this key, matched word by word (each side's runs are distinct).
            var key = a._keys[i];
            var endA = i;
            while (endA < a._keys.Length && a._keys[endA] == key) endA++;
            var endB = j;
            while (endB < b._keys.Length && b._keys[endB] == key) endB++;
            for (var x = i; x < endA; x++)
                for (var y = j; y < endB; y++)
                    if (SameWords(a._words, a._starts[x], b._words, b._starts[y], a._length)) { shared++; break; }
            (i, j) = (endA, endB);
        }
        return 2.0 * shared / (a.Count + b.Count);
    }

    private static bool SameWords(string[] x, int i, string[] y, int j, int length)
    {
        for (var k = 0; k < length; k++)
            if (!string.Equals(x[i + k], y[j + k], StringComparison.Ordinal)) return false;
        return true;
    }
}
