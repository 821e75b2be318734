namespace NewsCompare.Core.Articles;

/// <summary>A line of a capture dropped as page clutter, kept with its reason so nothing is lost.</summary>
public sealed class ClutterLine
{
    /// <summary>Store key.</summary>
    public long Id { get; set; }
    /// <summary>The article the line was dropped from.</summary>
    public long ArticleId { get; set; }
    /// <summary>Order among the article's dropped lines (page order).</summary>
    public int Position { get; set; }
    /// <summary>The line's text.</summary>
    public required string Text { get; set; }
    /// <summary>A code from <see cref="Extraction.RemovalReasons"/>.</summary>
    public required string Reason { get; set; }
}
