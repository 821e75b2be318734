namespace NewsCompare.Core.Stories;

/// <summary>The grouping engine's few thresholds. docs/stories.md explains each value.</summary>
public sealed record StoryEngineOptions
{
    /// <summary>Average cosine similarity of the article to the story's members from which an article joins a story.</summary>
    public double JoinThreshold { get; init; } = 0.18;
    /// <summary>Cosine similarity from which two stories that may not be joined are linked as related coverage.</summary>
    public double RelatedThreshold { get; init; } = 0.08;
    /// <summary>Distinct terms an article must share with a story before it may join: a lone shared word is a topic, not an event.</summary>
    public int MinSharedTerms { get; init; } = 3;
    /// <summary>How much more a name or number weighs than an ordinary word.</summary>
    public double NameBoost { get; init; } = 1.5;
    /// <summary>Known dates further than this from a story's known dates rule the article out of it.</summary>
    public int MaxGapDays { get; init; } = 7;
    /// <summary>Estimated share of the shorter text's 3-word phrases found in the other from which it is a copy or light rewrite.</summary>
    public double CopyContainment { get; init; } = 0.45;
    /// <summary>Term-vector cosine from which a same-story article counts as a rewrite of another even when its phrasing was spun.</summary>
    public double RewriteCosine { get; init; } = 0.85;

    /// <summary>How many of an article's strongest terms its vector keeps.</summary>
    public int ArticleTerms { get; init; } = 120;

    /// <summary>The defaults.</summary>
    public static StoryEngineOptions Default { get; } = new();
}
