using System.Globalization;
using NewsCompare.Core.Stories;

namespace NewsCompare.Web.Reading;

/// <summary>One kind of evidence in a grouping decision: its sub-score, its weight, and what it adds to the score.</summary>
/// <param name="Feature">The feature's key: words, names, numbers, headline or gap.</param>
/// <param name="Label">What a reader calls it.</param>
/// <param name="Value">The sub-score (for the date gap: weeks between the dates).</param>
/// <param name="Weight">Its learned weight.</param>
/// <param name="Contribution">Sub-score times weight: its part of the score.</param>
public sealed record FeatureRow(string Feature, string Label, double Value, double Weight, double Contribution);

/// <summary>
/// Why an article is in its story, as pages and the API show it: the sentence, the decision in figures against the
/// join threshold, and one row per feature.
/// </summary>
/// <param name="Method">How it got there: opened, matched, names, or an editor's correction (moved, split, merged, corrected).</param>
/// <param name="Score">The score it joined with (1 for the article that opened the story).</param>
/// <param name="Summary">The sentence: what it shares with the story.</param>
/// <param name="Decision">
/// The decision in figures, e.g. "Joined: 0.41 ≥ 0.16 = words 0.22 + names 0.12 + headline 0.07", or "not recorded" for an
/// article grouped before the store kept them.
/// </param>
/// <param name="Recorded">Whether the figures were recorded (false for memberships stored before they were).</param>
/// <param name="Threshold">The join threshold the score was compared with.</param>
/// <param name="Compared">The score compared with it (for an article that opened its story: the closest story's), if any.</param>
/// <param name="Rule">What decided besides the score (ScoreBreakdown's rules: score, dates, cast, shared, topic, split, corrected), if anything.</param>
/// <param name="Features">One row per feature; empty when not recorded or when there was nothing to compare.</param>
/// <param name="SharedNames">Names and numbers it shares with the story, strongest first.</param>
/// <param name="SharedTerms">Other distinctive words it shares, strongest first.</param>
/// <param name="GapDays">Days between its date and the story's known dates, when both are known.</param>
public sealed record GroupingReason(string Method, double Score, string Summary, string Decision, bool Recorded, double? Threshold,
    double? Compared, string? Rule, IReadOnlyList<FeatureRow> Features, IReadOnlyList<string> SharedNames, IReadOnlyList<string> SharedTerms, int? GapDays)
{
    /// <summary>What <see cref="Decision"/> says for a membership stored before the figures were kept.</summary>
    public const string NotRecorded = "Figures not recorded: the article was grouped before the store kept them (a regroup records them).";

    /// <summary>The methods an editor's correction leaves.</summary>
    public static bool IsCorrection(string method) => method is "moved" or "split" or "merged" or "corrected";

    /// <summary>The reason a stored explanation gives.</summary>
    public static GroupingReason From(StoryExplanation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var b = e.Breakdown;
        // A correction made after the decision leaves the old figures behind: they no longer say why it is here.
        if (b is null || (IsCorrection(e.Method) && b.Rule != ScoreBreakdown.Corrected))
            return new GroupingReason(e.Method, e.Score, StoryInsights.Describe(e), IsCorrection(e.Method) ? "Placed by an editor's correction." : NotRecorded,
                false, null, null, null, [], e.SharedNames, e.SharedTerms, e.GapDays);
        var rows = b.Features.Select(f => new FeatureRow(Key(f.Feature), Label(f.Feature), f.Value, f.Weight, f.Contribution)).ToList();
        return new GroupingReason(e.Method, e.Score, StoryInsights.Describe(e), Decide(b), true, b.Threshold, b.Compared, b.Rule, rows,
            e.SharedNames, e.SharedTerms, e.GapDays);
    }

    /// <summary>The feature's key, as the API names it.</summary>
    public static string Key(SimilarityFeature f) => f switch
    {
        SimilarityFeature.Words => "words",
        SimilarityFeature.Names => "names",
        SimilarityFeature.Numbers => "numbers",
        SimilarityFeature.Headline => "headline",
        SimilarityFeature.Gap => "gap",
        _ => f.ToString().ToLowerInvariant(),
    };

    /// <summary>What a reader calls the feature.</summary>
    public static string Label(SimilarityFeature f) => f switch
    {
        SimilarityFeature.Words => "Words",
        SimilarityFeature.Names => "Names",
        SimilarityFeature.Numbers => "Figures",
        SimilarityFeature.Headline => "Headline",
        SimilarityFeature.Gap => "Date gap (weeks)",
        _ => f.ToString(),
    };

    /// <summary>
    /// How long a feature's bar is, from 0 to 100: its contribution against the larger of the join threshold and the
    /// score's positive parts, so the bars of one table compare with each other and with the threshold.
    /// </summary>
    public string BarLength(FeatureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var scale = Math.Max(Threshold ?? 0, Features.Where(f => f.Contribution > 0).Sum(f => f.Contribution));
        var length = scale <= 0 ? 0 : Math.Clamp(100 * Math.Abs(row.Contribution) / scale, 0, 100);
        return length.ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>A figure as pages print it: two decimals, a true minus sign.</summary>
    public static string N(double x) => x.ToString("0.00", CultureInfo.InvariantCulture).Replace('-', '−');

    /// <summary>A weight: as few decimals as it needs.</summary>
    public static string W(double x) => x.ToString("0.###", CultureInfo.InvariantCulture).Replace('-', '−');

    /// <summary>"words 0.22 + names 0.12 − date gap 0.01": the parts of a score that are not zero (empty when none is).</summary>
    public static string Parts(IEnumerable<FeatureScore> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var parts = features.Where(f => Math.Round(f.Contribution, 2) != 0).ToList();
        return string.Concat(parts.Select((f, i) =>
            (f.Contribution < 0 ? (i == 0 ? "− " : " − ") : i == 0 ? "" : " + ")
            + $"{Label(f.Feature).Replace(" (weeks)", "", StringComparison.Ordinal).ToLowerInvariant()} {N(Math.Abs(f.Contribution))}"));
    }

    private static string Decide(ScoreBreakdown b)
    {
        if (b.Compared is not double c) return "Opened a new story: no earlier story shared its strongest terms.";
        // "0.41 (≥ 0.16) = words 0.22 + names 0.12": the score, how it stands against the threshold, and its parts.
        var parts = Parts(b.Features);
        var eq = $"{N(c)} ({(c >= b.Threshold ? "≥" : "<")} {N(b.Threshold)})" + (parts.Length == 0 ? "" : $" = {parts}");
        return b.Rule switch
        {
            null => $"Joined: {eq}.",
            ScoreBreakdown.BelowThreshold => $"Opened a new story: best candidate {eq}.",
            ScoreBreakdown.DatesApart => $"Opened a new story: best candidate {eq}, but its known dates are too far from this article's.",
            ScoreBreakdown.OtherCast => $"Opened a new story: best candidate {eq}, but the two name different people and places, none in common.",
            ScoreBreakdown.FewShared => $"Opened a new story: best candidate {eq}, but they share too few distinct words.",
            ScoreBreakdown.OneOutlet => $"Opened a new story: best candidate {eq}, but only this article's own outlet had reported it, and two articles of one outlet must agree more closely.",
            ScoreBreakdown.TopicOnly => $"Opened a new story: best candidate {eq}, but, undated, it fits that story no better than the topic's other events do.",
            ScoreBreakdown.SplitHalf => $"Kept with its half when the story was split into two events: {eq} against the rest of its half.",
            ScoreBreakdown.Outlier => $"Left the story it was placed in, whose other reports hang together far better than it fits them: {eq} against them.",
            ScoreBreakdown.Corrected => $"Placed by an editor's correction; against this story it scores {eq}.",
            _ => $"{eq}.",
        };
    }
}
