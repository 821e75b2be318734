namespace NewsCompare.Core.Stories;

/// <summary>
/// How a story's title is chosen: the headline of the independent version whose text is most like the other
/// versions' (the sum of its cosine similarities to them), so the title says what the versions share rather than
/// what the first report happened to stress. Copies are passed over while an independent version has a headline.
/// </summary>
public static class StoryTitles
{
    /// <summary>The title is the headline of the version most like the others (several had headlines).</summary>
    public const string Representative = "representative";
    /// <summary>The title is the headline of the only independent version that has one (or of the only version that has one).</summary>
    public const string Sole = "sole";

    /// <summary>A sentence for readers saying where a title came from.</summary>
    /// <param name="source">A <see cref="Story.TitleSource"/> code.</param>
    public static string Describe(string? source) => source switch
    {
        Representative => "the headline of the independent version most like the others",
        Sole => "the headline of the only independent version with a headline",
        _ => "the headline of the story's first version",
    };

    /// <summary>
    /// The member whose headline becomes the title and why, or null when no member has a headline.
    /// <paramref name="members"/> are unit-length term vectors with their headline and whether they copy another member.
    /// </summary>
    internal static (long ArticleId, string Headline, string Source)? Choose(
        IReadOnlyList<(long Id, string? Headline, bool IsCopy, Dictionary<uint, float> Weights)> members)
    {
        var withHeadline = members.Where(m => !string.IsNullOrWhiteSpace(m.Headline)).ToList();
        var candidates = withHeadline.Where(m => !m.IsCopy).ToList();
        if (candidates.Count == 0) candidates = withHeadline;
        if (candidates.Count == 0) return null;
        if (candidates.Count == 1) return (candidates[0].Id, candidates[0].Headline!.Trim(), Sole);
        // Σ_j≠i cos(i, j) = i · (Σ_j w_j) − |i|², and |i| = 1: one pass over the sum instead of every pair.
        var sum = new Dictionary<uint, float>();
        foreach (var m in members)
            foreach (var (t, w) in m.Weights) sum[t] = sum.GetValueOrDefault(t) + w;
        var best = candidates.Select(m => (m, Score: Vectors.Dot(m.Weights, sum) - Vectors.Dot(m.Weights, m.Weights)))
            .OrderByDescending(x => Math.Round(x.Score, 9)).ThenBy(x => x.m.Id).First().m;
        return (best.Id, best.Headline!.Trim(), Representative);
    }
}
