namespace NewsCompare.Core.Articles;

/// <summary>
/// One article as extracted from one capture. Each resolved metadata value is stored with the source it came
/// from (see <see cref="Metadata.MetadataSources"/>).
/// </summary>
public sealed class Article
{
    /// <summary>Store key.</summary>
    public long Id { get; set; }
    /// <summary>The capture this article was extracted from.</summary>
    public long CaptureId { get; set; }
    /// <summary>Navigation to the capture.</summary>
    public Capture? Capture { get; set; }

    /// <summary>The address the capture was taken from, if known.</summary>
    public string? Url { get; set; }
    /// <summary>Where <see cref="Url"/> came from.</summary>
    public string? UrlSource { get; set; }
    /// <summary>The address normalised for matching versions (no scheme, www, query, fragment or trailing slash).</summary>
    public string? UrlKey { get; set; }
    /// <summary>1 for the first capture of an address, then 2, 3… for changed captures of it.</summary>
    public int Version { get; set; } = 1;
    /// <summary>False once a newer version of the same address was imported.</summary>
    public bool IsLatest { get; set; } = true;

    /// <summary>The site that served the page (host or its registered name).</summary>
    public string? Site { get; set; }
    /// <summary>Where <see cref="Site"/> came from.</summary>
    public string? SiteSource { get; set; }
    /// <summary>The outlet the article is credited to.</summary>
    public string? Outlet { get; set; }
    /// <summary>Where <see cref="Outlet"/> came from.</summary>
    public string? OutletSource { get; set; }
    /// <summary>The outlet that first published the text, when the site carries another outlet's article.</summary>
    public string? Origin { get; set; }
    /// <summary>Where <see cref="Origin"/> came from.</summary>
    public string? OriginSource { get; set; }

    /// <summary>The headline.</summary>
    public string? Headline { get; set; }
    /// <summary>Where <see cref="Headline"/> came from.</summary>
    public string? HeadlineSource { get; set; }
    /// <summary>The standfirst under the headline.</summary>
    public string? Standfirst { get; set; }
    /// <summary>The byline.</summary>
    public string? Byline { get; set; }
    /// <summary>Where <see cref="Byline"/> came from.</summary>
    public string? BylineSource { get; set; }
    /// <summary>The dateline.</summary>
    public string? Dateline { get; set; }

    /// <summary>The publication date, if known.</summary>
    public DateOnly? Published { get; set; }
    /// <summary>Where <see cref="Published"/> came from.</summary>
    public string? PublishedSource { get; set; }
    /// <summary>True when <see cref="Published"/> was inferred (from the story) rather than stated.</summary>
    public bool PublishedInferred { get; set; }
    /// <summary>For an inferred date: the article of the same story whose stated date it is.</summary>
    public long? PublishedFromArticleId { get; set; }

    /// <summary>Two-letter language code.</summary>
    public string? Language { get; set; }
    /// <summary>Where <see cref="Language"/> came from.</summary>
    public string? LanguageSource { get; set; }

    /// <summary>Body paragraphs in reading order.</summary>
    public List<string> Paragraphs { get; set; } = [];
    /// <summary>Photo captions and credits.</summary>
    public List<string> Captions { get; set; } = [];
    /// <summary>Number of words in the body.</summary>
    public int WordCount { get; set; }

    /// <summary>Lines dropped as clutter.</summary>
    public List<ClutterLine> Clutter { get; set; } = [];

    /// <summary>The story the article belongs to, once grouped.</summary>
    public long? StoryId { get; set; }
    /// <summary>The article this one copies or lightly rewrites, inside its story; null for an independent version.</summary>
    public long? CopyOfArticleId { get; set; }

    /// <summary>When the article was imported (UTC).</summary>
    public DateTime ImportedAt { get; set; }
}
