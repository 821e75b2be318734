namespace NewsCompare.Core.Stories;

/// <summary>A story: the articles, from any outlets, that report one real-world event.</summary>
public sealed class Story
{
    /// <summary>Store key.</summary>
    public long Id { get; set; }
    /// <summary>A title for the story, taken from its most representative headline.</summary>
    public required string Title { get; set; }
    /// <summary>The article whose headline <see cref="Title"/> is, if any.</summary>
    public long? TitleArticleId { get; set; }
    /// <summary>How the title was chosen (<see cref="StoryTitles"/>).</summary>
    public string? TitleSource { get; set; }
    /// <summary>
    /// The proposed split of a story that may hold more than one event, as JSON
    /// (<c>{"keep":[ids],"move":[ids],"cross":x}</c>); null when the story is not flagged (<see cref="MixedSplit"/>).
    /// </summary>
    public string? MixedSplit { get; set; }
    /// <summary>The earliest known publication date among its articles.</summary>
    public DateOnly? FirstDate { get; set; }
    /// <summary>The latest known publication date among its articles.</summary>
    public DateOnly? LastDate { get; set; }
    /// <summary>How many articles (latest versions) the story holds.</summary>
    public int ArticleCount { get; set; }
    /// <summary>How many of them are independent versions, not copies or rewrites of another.</summary>
    public int IndependentCount { get; set; }
    /// <summary>How many distinct outlets cover it.</summary>
    public int OutletCount { get; set; }
    /// <summary>When the story was last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
