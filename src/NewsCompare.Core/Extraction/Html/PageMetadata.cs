using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace NewsCompare.Core.Extraction.Html;

/// <summary>
/// Reads what a page says about itself: meta tags (Open Graph, Dublin Core, article:*, itemprop), link tags,
/// JSON-LD blocks (single objects, lists and @graph arrays) and the browser's "saved from url=" comment.
/// </summary>
internal sealed class PageMetadata
{
    // Meta names that carry a publication date, in the order they are trusted.
    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "article:published", "og:published_time", "article.published", "datepublished", "publishdate",
        "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued",
        "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date", "original-publish-date",
        "article:modified_time",
    ];

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);
    private bool _jsonLdAuthor;

    public string? OgTitle { get; private set; }
    public string? DocumentTitle { get; private set; }
    public string? Description { get; private set; }
    public string? SiteName { get; private set; }
    public string? Author { get; private set; }
    public string? CanonicalUrl { get; private set; }
    public string? SavedFromUrl { get; private set; }
    public DateOnly? Published { get; private set; }
    public string? PublishedSource { get; private set; }
    public string? Language { get; private set; }
    public string? JsonLdHeadline { get; private set; }

    /// <summary>The best title to compare headings against: Open Graph or Twitter title, JSON-LD, then &lt;title&gt;.</summary>
    public string? ReferenceTitle => OgTitle ?? JsonLdHeadline ?? DocumentTitle;

    public static PageMetadata Read(string html, PageTree tree)
    {
        var metadata = new PageMetadata();
        metadata.ReadMetaTags(tree.Metas);
        metadata.ReadLinks(tree.Links);
        metadata.DocumentTitle = TextTools.Clean(tree.Title);
        metadata.SavedFromUrl = SavedFrom(html);
        foreach (var block in JsonLdBlocks(html)) metadata.ReadJsonLd(block);
        metadata.ReadItemProps(tree.ItemProps);
        metadata.Finish(tree);
        return metadata;
    }

    public PageHints ToHints() => new()
    {
        Title = OgTitle ?? DocumentTitle,
        SiteName = SiteName,
        Author = Author,
        CanonicalUrl = CanonicalUrl,
        SavedFromUrl = SavedFromUrl,
        Published = Published,
        PublishedSource = PublishedSource,
        Language = Language,
    };

    private void ReadMetaTags(List<IElement> metas)
    {
        foreach (var meta in metas)
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content)) continue;
            // One tag may carry several keys: property="article:published" itemprop="datePublished dateCreated".
            foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
            {
                var keys = meta.GetAttribute(attribute);
                if (keys is null) continue;
                foreach (var key in keys.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    _meta.TryAdd(key, content.Trim());
            }
        }
        OgTitle = TextTools.Clean(Meta("og:title") ?? Meta("twitter:title"));
        Description = TextTools.Clean(Meta("og:description") ?? Meta("twitter:description") ?? Meta("description"));
        SiteName = TextTools.Clean(Meta("og:site_name"));
        Author = FirstName(Meta("author"), Meta("article:author"), Meta("dc.creator"), Meta("byl"), Meta("parsely-author"), Meta("sailthru.author"));
        Language = LanguageCode(Meta("og:locale")) ?? LanguageCode(Meta("content-language")) ?? LanguageCode(Meta("language"));
        foreach (var name in DateMetaNames)
        {
            if (Published is not null) break;
            if (Meta(name) is { } value && ParseDate(value) is { } date)
            {
                Published = date;
                PublishedSource = "html:" + name;
            }
        }
    }

    private string? Meta(string key) => _meta.TryGetValue(key, out var value) ? value : null;

    private void ReadLinks(List<IElement> links)
    {
        foreach (var link in links)
        {
            var rel = link.GetAttribute("rel");
            var href = link.GetAttribute("href")?.Trim();
            if (rel is null || string.IsNullOrEmpty(href)) continue;
            if (CanonicalUrl is null && rel.Equals("canonical", StringComparison.OrdinalIgnoreCase)) CanonicalUrl = href;
        }
    }

    private void Finish(PageTree tree)
    {
        var ogUrl = Meta("og:url")?.Trim();
        if (CanonicalUrl is not null && !Uri.IsWellFormedUriString(CanonicalUrl, UriKind.Absolute))
        {
            var baseUrl = ogUrl ?? SavedFromUrl;
            CanonicalUrl = baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, CanonicalUrl, out var full)
                ? full.ToString()
                : ogUrl ?? CanonicalUrl;
        }
        CanonicalUrl ??= string.IsNullOrEmpty(ogUrl) ? null : ogUrl;
        // After og:site_name and the JSON-LD publisher: application-name often names an app, not the outlet.
        SiteName ??= TextTools.Clean(Meta("application-name"));
        Language = LanguageCode(tree.Language) ?? Language;
    }

    /// <summary>
    /// When no tag states the date, takes it from a &lt;time datetime&gt; in the article (its header or body),
    /// else the first one after the headline, else the first on the page.
    /// </summary>
    public void ReadTimeElements(PageTree tree, IReadOnlyList<PageNode> roots, PageNode? headline)
    {
        if (Published is not null) return;
        PageNode? inside = null, after = null, first = null;
        foreach (var time in tree.Times)
        {
            if (time.Attribute("datetime") is not { } value || ParseDate(value) is null) continue;
            first ??= time;
            if (after is null && headline is not null && time.Order > headline.Order) after = time;
            if (roots.Any(time.IsInside)) { inside = time; break; }
        }
        var chosen = inside ?? after ?? first;
        if (chosen is null) return;
        Published = ParseDate(chosen.Attribute("datetime")!);
        PublishedSource = "html:time";
    }

    // itemprop on ordinary elements (microdata): datePublished and author.
    private void ReadItemProps(List<PageNode> nodes)
    {
        foreach (var node in nodes)
        {
            var prop = node.Attribute("itemprop");
            if (prop is null) continue;
            if (Published is null && prop.Equals("datePublished", StringComparison.OrdinalIgnoreCase))
            {
                var value = node.Attribute("datetime") ?? node.Attribute("content") ?? node.Element?.TextContent;
                if (value is not null && ParseDate(value) is { } date)
                {
                    Published = date;
                    PublishedSource = "html:itemprop:datePublished";
                }
            }
            else if (Author is null && prop.Equals("author", StringComparison.OrdinalIgnoreCase) && node.TextLength is > 0 and < 80)
            {
                Author = FirstName(TextTools.Clean(node.Element?.TextContent));
            }
        }
    }

    private void ReadJsonLd(string block)
    {
        if (string.IsNullOrWhiteSpace(block)) return;
        try
        {
            using var document = JsonDocument.Parse(block.Trim().TrimEnd(';'), JsonOptions);
            var objects = new List<JsonElement>();
            Flatten(document.RootElement, objects, 0);
            // Article-like objects first: their dates and authors are the article's own.
            foreach (var obj in objects.OrderBy(o => IsArticleType(o) ? 0 : 1))
                ReadJsonLdObject(obj);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // A broken JSON-LD block (bad syntax, a lone surrogate the UTF-8 reader refuses) says nothing;
            // the rest of the page still does.
        }
    }

    private static void Flatten(JsonElement element, List<JsonElement> into, int depth)
    {
        if (depth > 4) return;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Flatten(item, into, depth + 1);
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            into.Add(element);
            if (element.TryGetProperty("@graph", out var graph)) Flatten(graph, into, depth + 1);
            if (element.TryGetProperty("mainEntity", out var main)) Flatten(main, into, depth + 1);
        }
    }

    private static bool IsArticleType(JsonElement obj)
    {
        if (!obj.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return IsArticleTypeName(type.GetString());
        if (type.ValueKind == JsonValueKind.Array)
            foreach (var t in type.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String && IsArticleTypeName(t.GetString())) return true;
        return false;
    }

    private static bool IsArticleTypeName(string? name) =>
        name is not null && (name.EndsWith("Article", StringComparison.Ordinal) || name is "BlogPosting" or "Report" or "LiveBlogPosting" or "Review");

    private void ReadJsonLdObject(JsonElement obj)
    {
        var article = IsArticleType(obj);
        if (Published is null && Str(obj, "datePublished") is { } published && ParseDate(published) is { } date)
        {
            Published = date;
            PublishedSource = "html:json-ld";
        }
        if (article)
        {
            JsonLdHeadline ??= TextTools.Clean(Str(obj, "headline"));
            // The article object's author names people; a meta author tag is often the publisher.
            if (!_jsonLdAuthor && obj.TryGetProperty("author", out var author) && Names(author) is { } names)
            {
                Author = names;
                _jsonLdAuthor = true;
            }
            if (SiteName is null && obj.TryGetProperty("publisher", out var publisher)) SiteName = TextTools.Clean(Names(publisher));
        }
        else if (SiteName is null && obj.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String
                 && type.GetString() is "WebSite" or "NewsMediaOrganization" or "Organization")
        {
            SiteName = TextTools.Clean(Str(obj, "name"));
        }
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            _ => null,
        } : null;

    // "author" may be a string, an object with a name, or a list of either.
    private static string? Names(JsonElement value)
    {
        var names = new List<string>();
        void Add(JsonElement e)
        {
            var name = e.ValueKind switch
            {
                JsonValueKind.String => e.GetString(),
                JsonValueKind.Object => Str(e, "name"),
                _ => null,
            };
            name = WithoutBy(TextTools.Clean(name));
            if (!string.IsNullOrEmpty(name) && !LooksLikeUrl(name) && !names.Contains(name)) names.Add(name);
        }
        if (value.ValueKind == JsonValueKind.Array)
            foreach (var item in value.EnumerateArray()) Add(item);
        else Add(value);
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? FirstName(params string?[] values)
    {
        foreach (var value in values)
        {
            var clean = WithoutBy(TextTools.Clean(value));
            if (!string.IsNullOrEmpty(clean) && !LooksLikeUrl(clean)) return clean;
        }
        return null;
    }

    // An author is a name: "By Jane Doe" in a meta tag gives "Jane Doe".
    private static string? WithoutBy(string? name) =>
        name is not null && name.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? name[3..].TrimStart() : name;

    private static bool LooksLikeUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith('/');

    /// <summary>
    /// The contents of every &lt;script type="application/ld+json"&gt; in the raw markup. The parser skips script
    /// text (most of a page's bytes), so JSON-LD is read straight from the source; script content is raw text in
    /// HTML, so nothing is lost by not parsing it.
    /// </summary>
    internal static IEnumerable<string> JsonLdBlocks(string html)
    {
        const string marker = "application/ld+json";
        var from = 0;
        while (from < html.Length)
        {
            var at = html.IndexOf(marker, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) yield break;
            from = at + marker.Length;
            // The marker must sit inside a <script ...> start tag, not in some script's code.
            var tagStart = html.LastIndexOf('<', at);
            if (tagStart < 0 || html.IndexOf('>', tagStart) < at) continue;
            if (!html.AsSpan(tagStart + 1).StartsWith("script", StringComparison.OrdinalIgnoreCase)) continue;
            var contentStart = html.IndexOf('>', at);
            if (contentStart < 0) yield break;
            var contentEnd = html.IndexOf("</script", contentStart, StringComparison.OrdinalIgnoreCase);
            if (contentEnd < 0) contentEnd = html.Length;
            yield return html[(contentStart + 1)..contentEnd];
            from = contentEnd;
        }
    }

    /// <summary>The address in a "saved from url=(0051)https://..." comment near the top of the file.</summary>
    internal static string? SavedFrom(string html)
    {
        var window = html.AsSpan(0, Math.Min(html.Length, 4096));
        var at = window.IndexOf("saved from url=", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var rest = window[(at + "saved from url=".Length)..];
        if (rest.Length > 0 && rest[0] == '(')
        {
            var close = rest.IndexOf(')');
            if (close < 0) return null;
            rest = rest[(close + 1)..];
        }
        var end = rest.IndexOf("-->", StringComparison.Ordinal);
        if (end < 0) end = rest.Length;
        var space = rest[..end].IndexOfAny(" \t\r\n");
        if (space >= 0) end = space;
        var url = rest[..end].ToString();
        return url.Length > 0 ? url : null;
    }

    /// <summary>"en-GB", "en_US", "EN" → "en"; null when it is not a language tag.</summary>
    internal static string? LanguageCode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        var cut = v.IndexOfAny(['-', '_', ',', ';', ' ']);
        var primary = (cut < 0 ? v : v[..cut]).ToLowerInvariant();
        if (primary.Length is < 2 or > 3 || !primary.All(c => c is >= 'a' and <= 'z')) return null;
        return primary;
    }

    /// <summary>The calendar date a date or date-time string states, in its own time zone.</summary>
    internal static DateOnly? ParseDate(string value)
    {
        var v = value.Trim();
        if (v.Length < 6 || v.Length > 80) return null;
        DateOnly? date = null;
        if (v.Length >= 10 && char.IsAsciiDigit(v[0]) && v[4] is '-' or '/' or '.'
            && DateOnly.TryParseExact(v.AsSpan(0, 10), ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            date = iso;
        else if (v.Length >= 8 && v.Take(8).All(char.IsAsciiDigit) && (v.Length == 8 || !char.IsAsciiDigit(v[8]))
                 && DateOnly.TryParseExact(v.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
            date = compact;
        else if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
            date = DateOnly.FromDateTime(parsed.DateTime);
        return date is { Year: >= 1990 and <= 2100 } ? date : null;
    }
}
