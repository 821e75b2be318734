namespace NewsCompare.Core.Stories;

public static partial class StoryEngine
{
    /// <summary>
    /// The figures of <paramref name="a"/>'s similarity to <paramref name="s"/>: each feature's sub-score, weight and
    /// contribution, their sum as <see cref="Similarity(ArticleProfile, StorySignature, bool, StoryEngineOptions)"/>
    /// computes it, and the join threshold it is compared with.
    /// </summary>
    internal static ScoreBreakdown BreakdownOf(ArticleProfile a, StorySignature s, bool namesOnly, StoryEngineOptions o, string? rule = null)
    {
        var scored = new Scored(a);
        var m = Measure(scored, s, namesOnly, o);
        var w = o.Weights;
        static FeatureScore Part(SimilarityFeature feature, double value, double weight) =>
            new(feature, Math.Round(value, 4) + 0.0, weight, Math.Round(value * weight, 4) + 0.0); // + 0.0: no "-0"
        FeatureScore[] features =
        [
            Part(SimilarityFeature.Words, m.Words, w.Words),
            Part(SimilarityFeature.Names, m.Names, w.Names),
            Part(SimilarityFeature.Numbers, m.Numbers, w.Numbers),
            Part(SimilarityFeature.Headline, m.Headline, w.Headline),
            Part(SimilarityFeature.Gap, m.Weeks, w.Gap),
        ];
        // The score as placement computes it, so the figures show the very number that was compared.
        var score = s.Members == 0 ? 0 : Weighed(m, w);
        return new ScoreBreakdown(Math.Round(o.JoinFor(a.Language), 4), Math.Round(score, 4), rule, features);
    }

    /// <summary>
    /// Why <paramref name="a"/> opened a story of its own: the best of the <paramref name="candidates"/> it was scored
    /// against (<paramref name="sims"/>, NaN where not scored), with its figures and the rule that turned it down
    /// (<paramref name="refusals"/>); no candidate when none was scored.
    /// </summary>
    internal static StoryExplanation Opened(ArticleProfile a, IReadOnlyList<StorySignature> candidates, double[] sims,
        IReadOnlyDictionary<StorySignature, string> refusals, StoryEngineOptions o)
    {
        var top = -1;
        for (var i = 0; i < candidates.Count && i < sims.Length; i++)
            if (!double.IsNaN(sims[i]) && (top < 0 || sims[i] > sims[top])) top = i;
        var why = new StoryExplanation(1, "opened", [], [], null);
        if (top < 0) return why with { Breakdown = new ScoreBreakdown(Math.Round(o.JoinFor(a.Language), 4), null, null, []) };
        var best = candidates[top];
        var rule = refusals.GetValueOrDefault(best) ?? ScoreBreakdown.BelowThreshold;
        return why with { Breakdown = BreakdownOf(a, best, !best.Languages.Contains(a.Language), o, rule) };
    }

    /// <summary>The rule that kept an article out of a candidate story: the score first when it fell short.</summary>
    internal static string Refusal(double sim, double join, bool datesApart, bool otherCast, int shared, StoryEngineOptions o, bool sameOutlet = false) =>
        sim < join ? ScoreBreakdown.BelowThreshold
        : datesApart ? ScoreBreakdown.DatesApart
        : otherCast ? ScoreBreakdown.OtherCast
        : shared < o.MinSharedTerms ? ScoreBreakdown.FewShared
        : sameOutlet && sim < join + o.SameOutletMargin ? ScoreBreakdown.OneOutlet
        : ScoreBreakdown.BelowThreshold;
}
