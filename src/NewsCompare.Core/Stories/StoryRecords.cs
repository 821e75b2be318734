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
