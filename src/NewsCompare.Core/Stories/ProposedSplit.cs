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
    /// Whether the two groups each have <see cref="OwnTerms"/> words that most of their own members use (more than
    /// half; both of two) and none of the other group's do (<paramref name="vectors"/> are the members' term vectors,
    /// indexed as the groups are). Most, not all: a group may itself gather reports of two events of the topic.
    /// </summary>
    internal static bool EachHasOwnTerms(IReadOnlyList<Dictionary<uint, float>> vectors, IReadOnlyList<int> first, IReadOnlyList<int> second) =>
        OwnTermCount(vectors, first, second, names: false, all: false) >= OwnTerms && OwnTermCount(vectors, second, first, names: false, all: false) >= OwnTerms;

    /// <summary>
    /// Whether the two groups each have <see cref="OwnTerms"/> names (people, places, figures) that all their own
    /// members use and none of the other group's do: each names someone the other never does.
    /// </summary>
    internal static bool EachHasOwnNames(IReadOnlyList<Dictionary<uint, float>> vectors, IReadOnlyList<int> first, IReadOnlyList<int> second) =>
        OwnTermCount(vectors, first, second, names: true, all: true) >= OwnTerms && OwnTermCount(vectors, second, first, names: true, all: true) >= OwnTerms;

    private static int OwnTermCount(IReadOnlyList<Dictionary<uint, float>> vectors, IReadOnlyList<int> group, IReadOnlyList<int> other, bool names, bool all)
    {
        var need = all ? group.Count : group.Count / 2 + 1;
        var terms = all ? vectors[group[0]].Keys : group.SelectMany(i => vectors[i].Keys).Distinct();
        return terms.Count(t => (!names || (t & TextSignals.NameBit) != 0) && group.Count(i => vectors[i].ContainsKey(t)) >= need && other.All(i => !vectors[i].ContainsKey(t)));
    }
}
