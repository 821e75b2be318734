namespace NewsCompare.Core.Metadata;

/// <summary>Where a metadata value came from. Stored beside each value and shown to readers.</summary>
public static class MetadataSources
{
    /// <summary>The sources manifest given at import.</summary>
    public const string Manifest = "manifest";
    /// <summary>The page's HTML metadata; the tag follows a colon, as in "html:og:site_name".</summary>
    public const string Html = "html";
    /// <summary>The address's host, looked up in the outlet registry.</summary>
    public const string UrlHost = "url-host";
    /// <summary>A date in the address's path.</summary>
    public const string UrlPath = "url-path";
    /// <summary>The article text (a signature, a dateline, an explicit date).</summary>
    public const string Text = "text";
    /// <summary>The extractor's reading of the capture's structure (headline, byline).</summary>
    public const string Extraction = "extraction";
    /// <summary>Detected from the text's words and script.</summary>
    public const string Detected = "detected";
    /// <summary>Corrected by an editor; the editor's name follows a colon, as in "editor:alice".</summary>
    public const string Editor = "editor";
    /// <summary>Inferred from the story the article belongs to.</summary>
    public const string Story = "story";
}

/// <summary>A value with the source it came from.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Source">A code from <see cref="MetadataSources"/>, optionally followed by ":" and a detail.</param>
public sealed record Sourced<T>(T Value, string Source);
