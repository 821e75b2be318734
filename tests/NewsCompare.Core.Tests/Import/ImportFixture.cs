using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Extraction;
using NewsCompare.Core.Import;

namespace NewsCompare.Core.Tests.Import;

/// <summary>
/// A temporary folder of captures and a temporary store on either engine (<see cref="ProviderStore"/>), removed
/// afterwards. Where the engine does not run grouping yet, imports run without it.
/// </summary>
public sealed class ImportFixture : IDisposable, IAsyncDisposable
{
    private readonly ProviderStore? _store;

    /// <summary>A fixture on a SQLite store in its own folder.</summary>
    public ImportFixture() => Target = StoreTarget.Sqlite(DbPath);

    private ImportFixture(ProviderStore store) => (_store, Target) = (store, store.Target);

    /// <summary>A fixture on <paramref name="provider"/>; PostgreSQL skips the test without a server (see <see cref="ProviderStore"/>).</summary>
    public static async Task<ImportFixture> CreateAsync(StoreProvider provider) =>
        provider == StoreProvider.Sqlite ? new ImportFixture() : new ImportFixture(await ProviderStore.CreateAsync(provider));

    public string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nc-import-{Guid.NewGuid():N}")).FullName;
    public string DbPath => Path.Combine(Folder, "store.db");
    public string Captures => Directory.CreateDirectory(Path.Combine(Folder, "captures")).FullName;

    /// <summary>The store.</summary>
    public StoreTarget Target { get; }

    /// <summary>The store's engine.</summary>
    public StoreDialect Dialect => StoreDialect.Of(Target.Provider);

    /// <summary>Opens the store, migrating it.</summary>
    public Task<NewsDb> OpenAsync(CancellationToken ct = default) => NewsStore.OpenAsync(Target, ct);

    /// <summary>A new context on the store, not migrated.</summary>
    public NewsDb NewContext() => new(NewsStore.Options(Target));

    /// <summary>An importer on <paramref name="db"/> with the simple extractors.</summary>
    internal Importer Importer(NewsDb db, ImportOptions? options = null) => new(db, options ?? new ImportOptions(), Simple);

    /// <summary>
    /// Extractors that make every blank-line separated block a paragraph, lines starting "Share"/"Subscribe" clutter,
    /// and HTML &lt;p&gt; elements paragraphs: enough to test the pipeline apart from the real extractors' quality.
    /// </summary>
    internal static Extractors Simple { get; } = new(SimpleText, SimpleHtml);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_store is not null) await _store.DisposeAsync();
    }

    public string Write(string relative, string content) => Write(relative, Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var path = Path.Combine(Captures, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async Task<ImportReport> ImportAsync(IEnumerable<string> paths, string? sources = null, ImportOptions? options = null,
        CancellationToken ct = default, IProgress<ImportProgress>? progress = null)
    {
        await using var db = await OpenAsync(ct);
        return await Importer(db, options).ImportPathsAsync(paths, sources, progress, ct);
    }

    public async Task<T> QueryAsync<T>(Func<NewsDb, Task<T>> query)
    {
        await using var db = await OpenAsync();
        return await query(db);
    }

    public Task<(int Captures, int Articles, int Clutter, int Orphans)> CountsAsync() => QueryAsync(async db =>
    {
        var orphans = await db.Captures.CountAsync(c => !db.Articles.Any(a => a.CaptureId == c.Id))
                      + await db.ClutterLines.CountAsync(l => !db.Articles.Any(a => a.Id == l.ArticleId));
        return (await db.Captures.CountAsync(), await db.Articles.CountAsync(), await db.ClutterLines.CountAsync(), orphans);
    });

    public static string Article(string headline, int paragraphs = 3, string? extra = null) =>
        headline + "\n\nShare this article\n\n"
        + string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i} of the story about {headline.ToLowerInvariant()} goes on with real sentences."))
        + (extra is null ? "" : "\n\n" + extra) + "\n\nSubscribe to our newsletter\n";

    private static ExtractedArticle SimpleText(string text)
    {
        var blocks = text.Split("\n\n").Select(b => b.Trim()).Where(b => b.Length > 0).ToList();
        bool IsClutter(string b) => b.StartsWith("Share", StringComparison.Ordinal) || b.StartsWith("Subscribe", StringComparison.Ordinal);
        return new ExtractedArticle
        {
            Headline = blocks.FirstOrDefault(),
            Paragraphs = blocks.Skip(1).Where(b => !IsClutter(b)).ToList(),
            Removed = blocks.Skip(1).Where(IsClutter).Select(b => new RemovedLine(b, b.StartsWith("Share", StringComparison.Ordinal) ? RemovalReasons.Share : RemovalReasons.Advert)).ToList(),
        };
    }

    private static ExtractedArticle SimpleHtml(string html)
    {
        var paragraphs = System.Text.RegularExpressions.Regex.Matches(html, "<p>([^<]+)(?:</p>|$)").Select(m => m.Groups[1].Value.Trim()).ToList();
        var canonical = System.Text.RegularExpressions.Regex.Match(html, "rel=\"canonical\" href=\"([^\"]+)\"");
        return new ExtractedArticle
        {
            Paragraphs = paragraphs,
            Hints = new PageHints { CanonicalUrl = canonical.Success ? canonical.Groups[1].Value : null },
        };
    }
}
