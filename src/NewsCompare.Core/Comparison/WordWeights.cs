namespace NewsCompare.Core.Comparison;

/// <summary>
/// How telling a content stem is for statement matching: its inverse document frequency over the sentences of the
/// labelled pairs the model was learned from. Only stems found in several sentences are listed; any other stem is
/// rare, and weighs <see cref="Unseen"/>.
/// </summary>
/// <param name="Stems">Stem → weight (log of sentences over sentences holding the stem).</param>
/// <param name="Unseen">The weight of a stem not listed.</param>
public sealed record WordWeights(IReadOnlyDictionary<string, double> Stems, double Unseen)
{
    /// <summary>Every stem weighs 1.</summary>
    public static WordWeights Uniform { get; } = new(new Dictionary<string, double>(), 1);

    /// <summary>The weight of <paramref name="stem"/>.</summary>
    public double Of(string stem) => Stems.TryGetValue(stem, out var w) ? w : Unseen;

    /// <summary>
    /// Learns the weights from sentences: a stem held by n of the N sentences, n at least <paramref name="minSentences"/>,
    /// weighs log(N / n); figures and rarer stems are not listed and weigh log(N / (minSentences - 1)).
    /// </summary>
    public static WordWeights Learn(IEnumerable<Statement> sentences, int minSentences = 3)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var s in sentences)
        {
            total++;
            foreach (var stem in s.StemSet) counts[stem] = counts.GetValueOrDefault(stem) + 1;
        }
        if (total == 0) return Uniform;
        var stems = counts.Where(c => c.Value >= minSentences && !c.Key.Any(char.IsDigit))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(c => c.Key, c => Math.Round(Math.Log((double)total / c.Value), 4), StringComparer.Ordinal);
        return new WordWeights(stems, Math.Round(Math.Log((double)total / Math.Max(1, minSentences - 1)), 4));
    }
}
