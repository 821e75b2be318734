namespace NewsCompare.Core.Articles;

/// <summary>
/// One change to an article's metadata after import: an editor's correction, or a value a sources manifest gave when
/// the same bytes were imported again.
/// </summary>
public sealed class MetadataChange
{
    /// <summary>Store key.</summary>
    public long Id { get; set; }
    /// <summary>The article changed.</summary>
    public long ArticleId { get; set; }
    /// <summary>The field, as named in <see cref="MetadataField"/> ("Published", "Outlet"…).</summary>
    public required string Field { get; set; }
    /// <summary>The value before, in its text form (dates as yyyy-MM-dd).</summary>
    public string? OldValue { get; set; }
    /// <summary>Where the value before came from.</summary>
    public string? OldSource { get; set; }
    /// <summary>The value after; null when the change cleared it.</summary>
    public string? NewValue { get; set; }
    /// <summary>Where the new value comes from: <c>editor:NAME</c> or <c>manifest</c>.</summary>
    public required string NewSource { get; set; }
    /// <summary>The editor who made the correction; null for a manifest.</summary>
    public string? Editor { get; set; }
    /// <summary>Why.</summary>
    public required string Reason { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }
}

/// <summary>The metadata values people can correct.</summary>
public enum MetadataField
{
    /// <summary>The outlet the article is credited to.</summary>
    Outlet,
    /// <summary>The publication date.</summary>
    Published,
    /// <summary>The address the capture was taken from.</summary>
    Url,
    /// <summary>The headline.</summary>
    Headline,
    /// <summary>The byline.</summary>
    Byline,
    /// <summary>The two-letter language code.</summary>
    Language,
}
