using System.Text.RegularExpressions;
using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Html;

namespace NewsCompare.Core.Metadata;

/// <summary>What is known about a capture besides its text: the manifest entry and the capture's edge lines.</summary>
public sealed record MetadataInput
{
    /// <summary>What the extractor made of the capture.</summary>
    public required ExtractedArticle Article { get; init; }
    /// <summary>The address the sources manifest gives, if any.</summary>
    public string? ManifestUrl { get; init; }
    /// <summary>The outlet the sources manifest gives, if any.</summary>
    public string? ManifestOutlet { get; init; }
    /// <summary>The publication date the sources manifest gives, if any.</summary>
    public DateOnly? ManifestPublished { get; init; }
    /// <summary>
    /// The first and last lines of a plain-text capture: where a page's header and footer name the site. Only short
    /// lines among them are read as signatures.
    /// </summary>
    public IReadOnlyList<string> EdgeLines { get; init; } = [];
}

/// <summary>Every metadata value of an article with where it came from; null where nothing is known.</summary>
public sealed record ResolvedMetadata
{
    /// <summary>The address.</summary>
    public Sourced<string>? Url { get; init; }
    /// <summary>The site that served the page.</summary>
    public Sourced<string>? Site { get; init; }
    /// <summary>The outlet the article is credited to.</summary>
    public Sourced<string>? Outlet { get; init; }
    /// <summary>The outlet the text comes from when the site carries another outlet's article.</summary>
    public Sourced<string>? Origin { get; init; }
    /// <summary>The publication date.</summary>
    public Sourced<DateOnly>? Published { get; init; }
    /// <summary>Two-letter language code.</summary>
    public Sourced<string>? Language { get; init; }
    /// <summary>The headline.</summary>
    public Sourced<string>? Headline { get; init; }
    /// <summary>The byline.</summary>
    public Sourced<string>? Byline { get; init; }
}

/// <summary>
/// Resolves an article's metadata from the manifest, the page's own metadata, the address and the text, recording
/// the source of each value. Never guesses: a value no source states stays null.
/// </summary>
public static partial class MetadataResolver
{
    private const string Signature = MetadataSources.Text + ":signature";
    private const string DatelineSource = MetadataSources.Text + ":dateline";
    private const string BylineSource = MetadataSources.Text + ":byline";

    /// <summary>Resolves the metadata of one article.</summary>
    /// <param name="input">The extraction and what the manifest says.</param>
    /// <param name="registry">The outlet registry used to name hosts and find outlets in text.</param>
    public static ResolvedMetadata Resolve(MetadataInput input, OutletRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(registry);
        var article = input.Article;
        var hints = article.Hints;

        var url = First(
            Valid(input.ManifestUrl, MetadataSources.Manifest),
            Valid(hints.CanonicalUrl, MetadataSources.Html + ":canonical"),
            Valid(hints.SavedFromUrl, MetadataSources.Html + ":saved-from"));
        var host = Hosts.HostOf(url?.Value);
        var hostOutlet = registry.FindByHost(host);
        var siteName = Clean(hints.SiteName);

        var site = host is not null
            ? new Sourced<string>(hostOutlet?.Name ?? host, MetadataSources.UrlHost)
            : siteName is not null ? new Sourced<string>(registry.FindByName(siteName)?.Name ?? siteName, MetadataSources.Html + ":og:site_name") : null;

        var credits = TextCredits(input, registry);
        var outlet = First(
            Named(input.ManifestOutlet, MetadataSources.Manifest, registry),
            Named(siteName, MetadataSources.Html + ":og:site_name", registry),
            hostOutlet is null ? null : new Sourced<string>(hostOutlet.Name, MetadataSources.UrlHost),
            credits.FirstOrDefault(),
            host is null ? null : new Sourced<string>(host, MetadataSources.UrlHost));

        // The origin is an outlet the text credits that is not the site itself: the mirrored outlet, or the wire agency.
        var origin = credits.FirstOrDefault(c => site is null || !string.Equals(c.Value, site.Value, StringComparison.OrdinalIgnoreCase));

        return new ResolvedMetadata
        {
            Url = url,
            Site = site,
            Outlet = outlet,
            Origin = origin,
            Published = Published(input, url?.Value),
            Language = PageMetadata.LanguageCode(hints.Language) is { } lang
                ? new Sourced<string>(lang, MetadataSources.Html + ":lang")
                : LanguageDetector.Detect(Sample(article)) is { } detected
                    ? new Sourced<string>(detected, MetadataSources.Detected) : null,
            Headline = First(Text(article.Headline, MetadataSources.Extraction), Text(hints.Title, MetadataSources.Html + ":title")),
            Byline = First(Text(article.Byline, MetadataSources.Extraction), Text(hints.Author, MetadataSources.Html + ":author")),
        };
    }

    /// <summary>
    /// Outlets the text credits, strongest first: an agency in the dateline, the byline, then site signatures in
    /// dropped lines and in short header and footer lines (most often named first).
    /// </summary>
    private static List<Sourced<string>> TextCredits(MetadataInput input, OutletRegistry registry)
    {
        var article = input.Article;
        var credits = new List<Sourced<string>>();
        if (article.Dateline is { } dateline)
        {
            var agency = DatelineAgency().Match(dateline);
            var named = agency.Success ? registry.FindByName(agency.Groups[1].Value) : null;
            foreach (var o in named is null ? registry.FindMentions(dateline) : [named])
                credits.Add(new Sourced<string>(o.Name, DatelineSource));
        }
        foreach (var o in registry.FindMentions(article.Byline)) credits.Add(new Sourced<string>(o.Name, BylineSource));

        var signatureLines = article.Removed.Select(r => r.Text)
            .Concat(input.EdgeLines.Where(l => WordCount(l) <= 12));
        var mentions = signatureLines.SelectMany(registry.FindMentions).ToList();
        foreach (var o in mentions.GroupBy(o => o.Name).OrderByDescending(g => g.Count()).ThenBy(g => mentions.IndexOf(g.First())))
            credits.Add(new Sourced<string>(o.Key, Signature));

        return credits.DistinctBy(c => c.Value).ToList();
    }

    private static Sourced<DateOnly>? Published(MetadataInput input, string? url)
    {
        if (input.ManifestPublished is { } manifest) return new(manifest, MetadataSources.Manifest);
        var hints = input.Article.Hints;
        if (hints.Published is { } stated) return new(stated, hints.PublishedSource ?? MetadataSources.Html);
        if (DateFinder.InUrlPath(url) is { } fromPath) return new(fromPath, MetadataSources.UrlPath);

        var article = input.Article;
        // Lines that date the article itself: its byline, dateline and standfirst; a date stamp closing one of the
        // first captions or top lines ("…, 19.09.2023"). A date told inside running text is an event's, not the article's.
        foreach (var (line, source) in new[] { (article.Byline, "byline"), (article.Dateline, "dateline"), (article.Standfirst, "standfirst") })
            if (DateFinder.InText(line) is { } d) return new(d, MetadataSources.Text + ":" + source);
        foreach (var (line, source) in article.Captions.Take(3).Select(c => (c, "caption")).Concat(article.Paragraphs.Take(5).Select(p => (p, "top"))))
        {
            var stamp = TrailingDate().Match(line);
            if (stamp.Success && DateFinder.InText(stamp.Value) is { } d) return new(d, MetadataSources.Text + ":" + source);
            if (source == "top" && WordCount(line) <= 8 && DateFinder.InText(line) is { } shortLine)
                return new(shortLine, MetadataSources.Text + ":top");
        }
        return null;
    }

    /// <summary>The headline and the first paragraphs, up to a few thousand characters: plenty to tell a language.</summary>
    private static string Sample(ExtractedArticle article)
    {
        var sample = new System.Text.StringBuilder(article.Headline);
        foreach (var paragraph in article.Paragraphs)
        {
            if (sample.Length > 4000) break;
            sample.Append('\n').Append(paragraph);
        }
        return sample.ToString();
    }

    private static Sourced<string>? Valid(string? url, string source) =>
        Hosts.Parse(url) is not null ? new Sourced<string>(url!.Trim(), source) : null;

    private static Sourced<string>? Named(string? name, string source, OutletRegistry registry) =>
        Clean(name) is { } n ? new Sourced<string>(registry.FindByName(n)?.Name ?? n, source) : null;

    private static Sourced<string>? Text(string? value, string source) => Clean(value) is { } v ? new Sourced<string>(v, source) : null;

    private static Sourced<string>? First(params Sourced<string>?[] values) => values.FirstOrDefault(v => v is not null);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int WordCount(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\(([^()]{2,40})\)")]
    private static partial Regex DatelineAgency();

    /// <summary>A date stamp that closes a line after a comma or dash: "- Site, 19.09.2023", "| Sep 19, 2023".</summary>
    [GeneratedRegex(@"[,|–—-]\s*([0-3]?\d\.[01]?\d\.(?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d|[A-Za-z]{3,9}\.? [0-3]?\d,? (?:19|20)\d\d|[0-3]?\d [A-Za-z]{3,9}\.? (?:19|20)\d\d)\s*$")]
    private static partial Regex TrailingDate();
}
