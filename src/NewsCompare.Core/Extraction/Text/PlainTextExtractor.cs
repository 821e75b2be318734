namespace NewsCompare.Core.Extraction.Text;

/// <summary>Extracts an article from a plain-text capture (what "select all, copy" in a browser gives).</summary>
public static class PlainTextExtractor
{
    /// <summary>Extracts the article from <paramref name="text"/>, a decoded plain-text capture.</summary>
    /// <param name="text">The capture's text.</param>
    public static ExtractedArticle Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Placeholder until the clutter-aware extractor lands: every non-blank line is a paragraph.
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return new ExtractedArticle { Headline = lines.FirstOrDefault(), Paragraphs = lines.Skip(1).ToList() };
    }
}
