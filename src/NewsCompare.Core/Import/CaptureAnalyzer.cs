using NewsCompare.Core.Articles;
using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Html;
using NewsCompare.Core.Extraction.Text;
using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Import;

/// <summary>What the importer makes of one file, before anything is stored.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Capture">The capture to store (raw bytes, hash, format, encoding), or null when the file failed.</param>
/// <param name="Article">The article with its metadata and dropped lines, or null when the file failed.</param>
/// <param name="Warnings">Problems that did not stop the import.</param>
/// <param name="Error">Why the file cannot be imported, or null.</param>
public sealed record CaptureAnalysis(string File, Capture? Capture, Article? Article, IReadOnlyList<string> Warnings, string? Error)
{
    /// <summary>True when the file can be stored.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>The extractors an import uses; tests substitute their own to check the pipeline apart from extraction quality.</summary>
internal sealed record Extractors(Func<string, ExtractedArticle> Text, Func<string, ExtractedArticle> Html)
{
    public static Extractors Default { get; } = new(PlainTextExtractor.Extract, HtmlExtractor.Extract);
}

/// <summary>Turns one file's bytes into a capture and its article: decode, tell the format, extract, resolve metadata.</summary>
internal static class CaptureAnalyzer
{
    public static CaptureAnalysis Analyze(string file, string storedName, byte[] bytes, SourceEntry? source, OutletRegistry registry,
        string? sha256 = null, Extractors? extractors = null)
    {
        extractors ??= Extractors.Default;
        var warnings = new List<string>();
        CaptureAnalysis Fail(string reason) => new(file, null, null, warnings, reason);

        if (bytes.Length == 0) return Fail("empty file");
        TextDecoder.Decoded decoded;
        try
        {
            decoded = TextDecoder.Decode(bytes);
        }
        catch (TextDecoder.NotTextException e)
        {
            return Fail(e.Message);
        }
        if (string.IsNullOrWhiteSpace(decoded.Text)) return Fail("empty file (only whitespace)");
        warnings.AddRange(decoded.Warnings);
        if (source?.Problem is { } problem) warnings.Add(problem);

        var format = FormatSniffer.Detect(decoded.Text);
        ExtractedArticle extracted;
        try
        {
            extracted = format == FormatSniffer.Html ? extractors.Html(decoded.Text) : extractors.Text(decoded.Text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The extractors are built never to throw; should one still do, the person importing needs to know the
            // file was not read, not the name of a fault inside the program.
            System.Diagnostics.Trace.TraceError($"{file}: extraction failed: {e}");
            return Fail($"extraction failed ({format}): the extractor could not read this file (an internal error; please report it with the file)");
        }
        if (format == FormatSniffer.Html && FormatSniffer.LooksTruncated(decoded.Text))
            warnings.Add("truncated HTML: the page ends before </body></html>; imported what could be extracted");
        if (!extracted.Paragraphs.Any(p => !string.IsNullOrWhiteSpace(p)))
            return Fail(extracted.Problem is { } stopped ? $"no article text found ({format}): {stopped}"
                : extracted.Removed.Count > 0
                ? $"no article text found ({format}): all {extracted.Removed.Count} lines are page clutter"
                : $"no article text found ({format})");
        if (source?.Url is { } manifestUrl && Hosts.Parse(manifestUrl) is null)
            warnings.Add($"the manifest's url \"{manifestUrl}\" is not an http(s) address (ignored)");

        var metadata = MetadataResolver.Resolve(new MetadataInput
        {
            Article = extracted,
            ManifestUrl = source?.Url,
            ManifestOutlet = source?.Outlet,
            ManifestPublished = source?.Published,
            EdgeLines = format == FormatSniffer.Text ? EdgeLines(decoded.Text) : [],
        }, registry);

        var importedAt = DateTime.UtcNow;
        var capture = new Capture
        {
            Sha256 = sha256 ?? CaptureContent.Sha256(bytes),
            StoredContent = bytes,
            Storage = CaptureContent.Raw,
            Length = bytes.LongLength,
            FileName = storedName,
            Format = format,
            Encoding = decoded.Encoding,
            Warnings = warnings.Count == 0 ? null : string.Join("\n", warnings),
            ImportedAt = importedAt,
        };
        var paragraphs = extracted.Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        var article = new Article
        {
            Url = metadata.Url?.Value,
            UrlSource = metadata.Url?.Source,
            UrlKey = Hosts.UrlKey(metadata.Url?.Value),
            Site = metadata.Site?.Value,
            SiteSource = metadata.Site?.Source,
            Outlet = metadata.Outlet?.Value,
            OutletSource = metadata.Outlet?.Source,
            Origin = metadata.Origin?.Value,
            OriginSource = metadata.Origin?.Source,
            Headline = metadata.Headline?.Value,
            HeadlineSource = metadata.Headline?.Source,
            Standfirst = extracted.Standfirst,
            Byline = metadata.Byline?.Value,
            BylineSource = metadata.Byline?.Source,
            Dateline = extracted.Dateline,
            Published = metadata.Published?.Value,
            PublishedSource = metadata.Published?.Source,
            Language = metadata.Language?.Value,
            LanguageSource = metadata.Language?.Source,
            Paragraphs = paragraphs,
            Captions = extracted.Captions.ToList(),
            WordCount = paragraphs.Sum(p => p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length),
            Clutter = extracted.Removed.Select((r, i) => new ClutterLine { Position = i, Text = r.Text, Reason = r.Reason }).ToList(),
            ImportedAt = importedAt,
        };
        return new CaptureAnalysis(file, capture, article, warnings, null);
    }

    /// <summary>The first and last three non-blank lines: where a page's header and footer name the site.</summary>
    private static List<string> EdgeLines(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return lines.Count <= 6 ? lines : [.. lines.Take(3), .. lines.TakeLast(3)];
    }
}
