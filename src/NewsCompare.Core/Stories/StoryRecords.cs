namespace NewsCompare.Core.Stories;

/// <summary>An article's place in its story and the evidence that put it there (shown on story pages).</summary>
public sealed class StoryMembership
{
    /// <summary>The article.</summary>
    public long ArticleId { get; set; }
    /// <summary>Its story.</summary>
    public long StoryId { get; set; }
    /// <summary>Average cosine similarity to the story's other articles when it joined (1 when it opened the story).</summary>
    public double Score { get; set; }
    /// <summary>"opened", "matched", "names" (matched on names across languages), "corrected", "moved", "split" or "merged".</summary>
    public required string Method { get; set; }
    /// <summary>JSON list of the names and numbers it shares with the story, strongest first.</summary>
    public required string SharedNames { get; set; }
    /// <summary>JSON list of the other distinctive words it shares, strongest first.</summary>
    public required string SharedTerms { get; set; }
    /// <summary>Days between its own date and the story's known dates when it joined, if both were known.</summary>
    public int? GapDays { get; set; }
    /// <summary>When it was placed (UTC).</summary>
    public DateTime AssignedAt { get; set; }
    /// <summary>
    /// JSON of the decision's figures (<see cref="ScoreBreakdown"/>): each feature's sub-score, weight and contribution,
    /// and the threshold; null for memberships stored before the store recorded them.
    /// </summary>
    public string? Breakdown { get; set; }
}

/// <summary>A link between two stories of one ongoing topic (stored once, lower id first).</summary>
public sealed class StoryLink
{
    /// <summary>The lower story id.</summary>
    public long StoryId { get; set; }
    /// <summary>The higher story id.</summary>
    public long RelatedStoryId { get; set; }
    /// <summary>The similarity that linked them.</summary>
    public double Score { get; set; }
}

/// <summary>A person's correction of the grouping: what, when and why.</summary>
public sealed class StoryCorrection
{
    /// <summary>Store key.</summary>
    public long Id { get; set; }
    /// <summary>"move", "split" or "merge".</summary>
    public required string Kind { get; set; }
    /// <summary>JSON list of the articles it concerned.</summary>
    public required string ArticleIds { get; set; }
    /// <summary>The story they came from.</summary>
    public long? FromStoryId { get; set; }
    /// <summary>The story they went to.</summary>
    public long? ToStoryId { get; set; }
    /// <summary>The person's reason.</summary>
    public required string Reason { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }
}

/// <summary>The lasting effect of corrections: same lock group, same story; different lock groups, different stories.</summary>
public sealed class StoryLock
{
    /// <summary>The article.</summary>
    public long ArticleId { get; set; }
    /// <summary>Its lock group.</summary>
    public long LockGroup { get; set; }
}

/// <summary>
/// A story id that no longer exists, and one of the stories that hold its articles now (one row per successor), so
/// that old links to it still lead somewhere.
/// </summary>
public sealed class RetiredStory
{
    /// <summary>The retired story id.</summary>
    public long StoryId { get; set; }
    /// <summary>A story that holds some of its articles now.</summary>
    public long SuccessorId { get; set; }
    /// <summary>How many of its articles went there.</summary>
    public int Articles { get; set; }
    /// <summary>"merged" (its articles went into a story that kept another id), "split" (they went to several stories) or "regrouped".</summary>
    public required string Reason { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RetiredAt { get; set; }
}

/// <summary>A current story that holds articles of a retired one.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="Title">Its title.</param>
/// <param name="Articles">How many of the retired story's articles it holds.</param>
public sealed record StorySuccessor(long StoryId, string Title, int Articles);

/// <summary>A retired story id and where its articles went (<see cref="StoryStore.SuccessorsAsync"/>).</summary>
/// <param name="StoryId">The retired id.</param>
/// <param name="Reason">"merged" or "split".</param>
/// <param name="RetiredAt">When (UTC).</param>
/// <param name="Successors">The current stories holding its articles, the largest share first; empty when none remains.</param>
public sealed record RetiredStoryInfo(long StoryId, string Reason, DateTime RetiredAt, IReadOnlyList<StorySuccessor> Successors);
