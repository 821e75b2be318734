namespace NewsCompare.Core.Comparison;

/// <summary>Whether two sentences make the same statement, and how sure the matcher is.</summary>
/// <param name="Score">The learned model's probability (0–1) that they do.</param>
/// <param name="Same">At or above the model's threshold.</param>
/// <param name="DifferingFigures">
/// The same statement but for its figures: with the figures ignored the sentences match, with them they give
/// different values.
/// </param>
public readonly record struct StatementMatch(double Score, bool Same, bool DifferingFigures);

/// <summary>
/// Decides whether two sentences, in the same language or in two, make the same statement, from the signals of
/// <see cref="StatementFeatures"/> weighed by a learned <see cref="StatementModel"/>.
/// </summary>
public sealed class StatementMatcher(StatementModel model)
{
    /// <summary>The matcher with the model shipped in Core.</summary>
    public static StatementMatcher Default { get; } = new(StatementModel.Default);

    /// <summary>The model it uses.</summary>
    public StatementModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Matches two sentences as the statement-matching set asks: figures count as they are written.</summary>
    public StatementMatch Match(Statement a, Statement b)
    {
        var m = ModelFor(a, b);
        if (StatementFeatures.Gate(a, b) < m.Gate) return default;
        var score = m.Score(StatementFeatures.Compute(a, b, weights: Model.WordWeights));
        return new StatementMatch(score, score >= m.Threshold, false);
    }

    /// <summary>
    /// Matches two sentences of two versions: when they say the same thing but give different figures ("1,200" against
    /// "1,100 pounds"), they are the same statement with <see cref="StatementMatch.DifferingFigures"/>.
    /// </summary>
    /// <remarks>
    /// Sentences read with their clauses also match when a clause of one makes the same statement as the other or one
    /// of its clauses: outlets join and split statements differently.
    /// </remarks>
    public StatementMatch MatchAcrossVersions(Statement a, Statement b)
    {
        var best = MatchSentences(a, b);
        if (best.Same) return best;
        // Each clause of a, then a itself, against each clause of b, then b itself.
        for (var i = 0; i <= a.Clauses.Count; i++)
        {
            var ca = i < a.Clauses.Count ? a.Clauses[i] : a;
            for (var j = 0; j <= b.Clauses.Count; j++)
            {
                var cb = j < b.Clauses.Count ? b.Clauses[j] : b;
                if (ReferenceEquals(ca, a) && ReferenceEquals(cb, b)) continue;
                var match = MatchSentences(ca, cb);
                if (match.Same && (!best.Same || match.Score > best.Score)) best = match;
            }
        }
        return best;
    }

    private StatementMatch MatchSentences(Statement a, Statement b)
    {
        var plain = Match(a, b);
        // Figures conflict when each sentence gives one the other does not (an added date is not a conflict).
        var conflict = HasOwnFigure(a, b) && HasOwnFigure(b, a);
        if (!conflict) return plain;
        if (plain.Same) return plain with { DifferingFigures = true };
        var m = ModelFor(a, b);
        var ignoring = m.Score(StatementFeatures.Compute(a, b, ignoreFigures: true, Model.WordWeights));
        return ignoring >= m.Threshold ? new StatementMatch(ignoring, true, true) : plain;
    }

    // Whether a gives a figure b does not.
    private static bool HasOwnFigure(Statement a, Statement b)
    {
        foreach (var n in a.Numbers)
            if (Array.IndexOf(b.Numbers, n) < 0) return true;
        return false;
    }

    private PairModel ModelFor(Statement a, Statement b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Language is not null && b.Language is not null && a.Language != b.Language) return Model.AcrossLanguages;
        return a.Embedding is not null && b.Embedding is not null && Model.WithEmbeddings is { } embedded ? embedded : Model.SameLanguage;
    }
}
