namespace NewsCompare.Core.Extraction;

/// <summary>
/// What an extractor makes of one capture: the article's parts, the metadata the page states about itself,
/// and every line it dropped with the reason, so that nothing of the capture is lost.
/// </summary>
public sealed record ExtractedArticle
{
    /// <summary>The article's headline, or null when none could be told apart from the page.</summary>
    public string? Headline { get; init; }

    /// <summary>The summary line under the headline (dek, standfirst), if the page has one.</summary>
    public string? Standfirst { get; init; }

    /// <summary>The byline as printed ("By Jane Doe"), if any.</summary>
    public string? Byline { get; init; }

    /// <summary>The dateline that opens the story, without the dash that joined it to the first sentence ("MOSCOW", "MOSCOW (Sputnik)"), if any.</summary>
    public string? Dateline { get; init; }

    /// <summary>The body paragraphs in reading order, dateline already split off.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>Photo captions and credits found inside the article.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>Every line dropped as page clutter, in page order, with its reason.</summary>
    public IReadOnlyList<RemovedLine> Removed { get; init; } = [];

    /// <summary>
    /// Why the capture gave no article, in words for the person who imported it (too slow to read, nothing but
    /// page clutter); null when the extractor has nothing to say.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>Metadata the page states about itself (HTML meta tags, JSON-LD, saved-from comments).</summary>
    public PageHints Hints { get; init; } = PageHints.None;
}

/// <summary>A line of the capture dropped as clutter.</summary>
/// <param name="Text">The line as it stood in the capture (after decoding).</param>
/// <param name="Reason">A code from <see cref="RemovalReasons"/>.</param>
public sealed record RemovedLine(string Text, string Reason);

/// <summary>
/// Metadata a page states about itself, as found: nothing here is resolved or trusted yet.
/// The metadata resolver weighs these against the manifest, the address and the text.
/// </summary>
public sealed record PageHints
{
    /// <summary>No hints at all (plain-text captures mostly).</summary>
    public static PageHints None { get; } = new();

    /// <summary>The document title (og:title, twitter:title or &lt;title&gt;).</summary>
    public string? Title { get; init; }

    /// <summary>The site's own name (og:site_name, JSON-LD publisher, application-name).</summary>
    public string? SiteName { get; init; }

    /// <summary>The author as the page's metadata names it.</summary>
    public string? Author { get; init; }

    /// <summary>The canonical address (link rel=canonical, then og:url).</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>The address in a browser's "saved from url=" comment.</summary>
    public string? SavedFromUrl { get; init; }

    /// <summary>The publication date the page states, if any.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Where <see cref="Published"/> was found, for example "html:article:published_time" or "html:json-ld".</summary>
    public string? PublishedSource { get; init; }

    /// <summary>The language the page declares (html lang, og:locale), as a two-letter code when possible.</summary>
    public string? Language { get; init; }
}
