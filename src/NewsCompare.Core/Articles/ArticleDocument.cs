using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Articles;

/// <summary>A dropped line as exported.</summary>
/// <param name="Text">The line.</param>
/// <param name="Reason">Its removal reason code.</param>
public sealed record RemovedLineDocument(string Text, string Reason);

/// <summary>
/// The JSON shape of an article shared by every export (the CLI's <c>extract</c> and <c>export</c>, the web API):
/// each metadata value beside its source, the body, captions and every dropped line.
/// </summary>
public sealed record ArticleDocument
{
    /// <summary>The capture's file name.</summary>
    public string? File { get; init; }
    /// <summary>Store key of the article; null before it is stored.</summary>
    public long? Id { get; init; }
    /// <summary>The address.</summary>
    public string? Url { get; init; }
    /// <summary>Where the address came from.</summary>
    public string? UrlSource { get; init; }
    /// <summary>The site that served the page.</summary>
    public string? Site { get; init; }
    /// <summary>Where the site came from.</summary>
    public string? SiteSource { get; init; }
    /// <summary>The outlet the article is credited to.</summary>
    public string? Outlet { get; init; }
    /// <summary>Where the outlet came from.</summary>
    public string? OutletSource { get; init; }
    /// <summary>The outlet the text comes from when the site carries another's article.</summary>
    public string? Origin { get; init; }
    /// <summary>Where the origin came from.</summary>
    public string? OriginSource { get; init; }
    /// <summary>The headline.</summary>
    public string? Headline { get; init; }
    /// <summary>Where the headline came from.</summary>
    public string? HeadlineSource { get; init; }
    /// <summary>The standfirst.</summary>
    public string? Standfirst { get; init; }
    /// <summary>The byline.</summary>
    public string? Byline { get; init; }
    /// <summary>Where the byline came from.</summary>
    public string? BylineSource { get; init; }
    /// <summary>The dateline.</summary>
    public string? Dateline { get; init; }
    /// <summary>The publication date as YYYY-MM-DD, or null.</summary>
    public string? Published { get; init; }
    /// <summary>Where the date came from.</summary>
    public string? PublishedSource { get; init; }
    /// <summary>For a date inferred from the story: the id of the article whose stated date it is.</summary>
    public long? PublishedFrom { get; init; }
    /// <summary>Two-letter language code.</summary>
    public string? Language { get; init; }
    /// <summary>Where the language came from.</summary>
    public string? LanguageSource { get; init; }
    /// <summary>Body paragraphs.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    /// <summary>Captions and credits.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];
    /// <summary>Every dropped line with its reason, in page order.</summary>
    public IReadOnlyList<RemovedLineDocument> Removed { get; init; } = [];
    /// <summary>The story the article belongs to, or null.</summary>
    public long? StoryId { get; init; }
    /// <summary>The article of its story this one copies or lightly rewrites; null for an independent version.</summary>
    public long? CopyOf { get; init; }
    /// <summary>True when <see cref="Published"/> was inferred from the story rather than stated.</summary>
    public bool PublishedInferred { get; init; }
    /// <summary>1 for the first capture of an address, then 2, 3…</summary>
    public int Version { get; init; }
    /// <summary>Number of words in the body.</summary>
    public int WordCount { get; init; }
    /// <summary>"text" or "html".</summary>
    public string? Format { get; init; }
    /// <summary>The encoding the capture was read with, and repairs made.</summary>
    public string? Encoding { get; init; }
    /// <summary>Lower-case hex SHA-256 of the raw capture.</summary>
    public string? Sha256 { get; init; }
    /// <summary>Problems met while importing that did not stop it.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The document for <paramref name="article"/> extracted from <paramref name="capture"/>.</summary>
    /// <param name="article">The article, with its <see cref="Article.Clutter"/> loaded.</param>
    /// <param name="capture">Its capture (the content is not read).</param>
    /// <param name="file">The file name to show; the capture's by default.</param>
    public static ArticleDocument From(Article article, Capture capture, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(capture);
        return new ArticleDocument
        {
            File = file ?? capture.FileName,
            Id = article.Id == 0 ? null : article.Id,
            Url = article.Url,
            UrlSource = article.UrlSource,
            Site = article.Site,
            SiteSource = article.SiteSource,
            Outlet = article.Outlet,
            OutletSource = article.OutletSource,
            Origin = article.Origin,
            OriginSource = article.OriginSource,
            Headline = article.Headline,
            HeadlineSource = article.HeadlineSource,
            Standfirst = article.Standfirst,
            Byline = article.Byline,
            BylineSource = article.BylineSource,
            Dateline = article.Dateline,
            Published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PublishedSource = article.PublishedSource,
            PublishedFrom = article.PublishedFromArticleId,
            Language = article.Language,
            LanguageSource = article.LanguageSource,
            Paragraphs = article.Paragraphs,
            Captions = article.Captions,
            Removed = article.Clutter.OrderBy(c => c.Position).Select(c => new RemovedLineDocument(c.Text, c.Reason)).ToList(),
            StoryId = article.StoryId,
            CopyOf = article.CopyOfArticleId,
            PublishedInferred = article.PublishedInferred,
            Version = article.Version,
            WordCount = article.WordCount,
            Format = capture.Format,
            Encoding = capture.Encoding,
            Sha256 = capture.Sha256,
            Warnings = string.IsNullOrEmpty(capture.Warnings) ? [] : capture.Warnings.Split('\n'),
        };
    }
}

/// <summary>Writes <see cref="ArticleDocument"/>s as JSON, and reads the latest stored articles for export.</summary>
public static class ArticleJson
{
    /// <summary>The serializer settings every article export uses: camelCase names, nulls kept, readable Unicode.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Writes <paramref name="documents"/> to <paramref name="stream"/> as one JSON array, streaming.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="documents">The articles.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    public static async Task WriteArrayAsync(Stream stream, IAsyncEnumerable<ArticleDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
        writer.WriteStartArray();
        var count = 0;
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(writer, document, Options);
            if (++count % 200 == 0) await writer.FlushAsync(cancellationToken);
        }
        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>The latest version of every stored article, in import order, with its dropped lines.</summary>
    /// <param name="db">The store.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<ArticleDocument> LatestAsync(NewsDb db, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        long after = 0;
        while (true)
        {
            // Pages by key so memory stays flat however large the store is; the raw bytes are never loaded.
            var page = await db.Articles.AsNoTracking()
                .Where(a => a.IsLatest && a.Id > after).OrderBy(a => a.Id).Take(500)
                .Select(a => new
                {
                    Article = a,
                    Capture = new Capture
                    {
                        Sha256 = a.Capture!.Sha256, StoredContent = Array.Empty<byte>(), FileName = a.Capture.FileName,
                        Format = a.Capture.Format, Encoding = a.Capture.Encoding, Warnings = a.Capture.Warnings,
                    },
                })
                .ToListAsync(cancellationToken);
            if (page.Count == 0) yield break;
            var ids = page.Select(p => p.Article.Id).ToList();
            var clutter = (await db.ClutterLines.AsNoTracking().Where(c => ids.Contains(c.ArticleId)).ToListAsync(cancellationToken))
                .ToLookup(c => c.ArticleId);
            foreach (var p in page)
            {
                p.Article.Clutter = clutter[p.Article.Id].ToList();
                yield return ArticleDocument.From(p.Article, p.Capture);
            }
            after = ids[^1];
        }
    }
}
