using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsCompare.Core.Stories;

/// <summary>
/// A story that may hold more than one event: its members fall into two groups, each with words the other lacks, yet
/// not far enough apart for grouping to split it (<see cref="StoryEngineOptions.SplitBelow"/>). Shown on the story
/// page with this split, which an editor can apply in one click; a flagged story lends no inferred dates.
/// </summary>
/// <param name="Keep">The group that keeps the story (it holds the story's first article).</param>
/// <param name="Move">The group the split would move to a new story.</param>
/// <param name="Cross">The groups' average cosine similarity to each other.</param>
public sealed record ProposedSplit(
    [property: JsonPropertyName("keep")] IReadOnlyList<long> Keep,
    [property: JsonPropertyName("move")] IReadOnlyList<long> Move,
    [property: JsonPropertyName("cross")] double Cross)
{
    /// <summary>
    /// Groups whose average cosine to each other is below this are flagged (when not split). Chosen on the development
    /// sets so that a flagged story is usually two events while few one-event stories are flagged (`bench-mixed`,
    /// docs/stories.md §4).
    /// </summary>
    public const double FlagBelow = 0.30;

    /// <summary>Each group must have at least this many words that every one of its members uses and no member of the other group does.</summary>
    public const int OwnTerms = 2;

    /// <summary>The stored form (Stories.MixedSplit).</summary>
    public string Serialise() => JsonSerializer.Serialize(this);

    /// <summary>A stored split, or null when none is stored or it cannot be read.</summary>
    /// <param name="json">Stories.MixedSplit.</param>
    public static ProposedSplit? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<ProposedSplit>(json); }
        catch (JsonException) { return null; }
    }

    /// <summary>Whether the split still describes a story whose members are <paramref name="members"/> (nothing joined or left since).</summary>
    /// <param name="members">The story's articles now.</param>
    public bool Describes(IReadOnlyCollection<long> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return Keep.Count + Move.Count == members.Count && Keep.Concat(Move).All(members.Contains);
    }

    /// <summary>
    /// Whether the two groups each have <see cref="OwnTerms"/> words that all their own members use and none of the
    /// other group's do (<paramref name="vectors"/> are the members' term vectors, indexed as the groups are).
    /// </summary>
    internal static bool EachHasOwnTerms(IReadOnlyList<Dictionary<uint, float>> vectors, IReadOnlyList<int> first, IReadOnlyList<int> second) =>
        OwnTermCount(vectors, first, second) >= OwnTerms && OwnTermCount(vectors, second, first) >= OwnTerms;

    private static int OwnTermCount(IReadOnlyList<Dictionary<uint, float>> vectors, IReadOnlyList<int> group, IReadOnlyList<int> other) =>
        vectors[group[0]].Keys.Count(t => group.All(i => vectors[i].ContainsKey(t)) && other.All(i => !vectors[i].ContainsKey(t)));
}
