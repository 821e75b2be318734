namespace NewsCompare.Core.Extraction.Html;

/// <summary>Extracts an article and the page's own metadata from a saved HTML page.</summary>
public static class HtmlExtractor
{
    /// <summary>Extracts the article from <paramref name="html"/>, a decoded HTML page.</summary>
    /// <param name="html">The page's markup.</param>
    public static ExtractedArticle Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        // Placeholder until the AngleSharp extractor lands.
        return new ExtractedArticle();
    }
}
