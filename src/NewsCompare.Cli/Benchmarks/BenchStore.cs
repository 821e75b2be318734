using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>Writes benchmark articles straight into a store, as an import would leave them (one capture each).</summary>
internal static class BenchStore
{
    public static List<long> Insert(SqliteConnection connection, List<GeneratedArticle> batch)
    {
        using var tx = connection.BeginTransaction();
        using var capture = connection.CreateCommand();
        capture.Transaction = tx;
        capture.CommandText = "INSERT INTO Captures (Sha256, Content, FileName, Format, Encoding, ImportedAt) VALUES ($h, zeroblob(0), $f, 'text', 'utf-8', $t) RETURNING Id";
        using var article = connection.CreateCommand();
        article.Transaction = tx;
        article.CommandText = """
            INSERT INTO Articles (CaptureId, Url, UrlSource, Version, IsLatest, Outlet, OutletSource, Headline, HeadlineSource, Published, PublishedSource,
                                  PublishedInferred, Language, Paragraphs, Captions, WordCount, ImportedAt)
            VALUES ($c, $u, 'manifest', 1, 1, $o, 'manifest', $h, 'extraction', $p, CASE WHEN $p IS NULL THEN NULL ELSE 'manifest' END,
                    0, $l, $para, '[]', $w, $t) RETURNING Id
            """;
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var ids = new List<long>(batch.Count);
        foreach (var a in batch)
        {
            capture.Parameters.Clear();
            capture.Parameters.AddWithValue("$h", Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"));
            capture.Parameters.AddWithValue("$f", a.File);
            capture.Parameters.AddWithValue("$t", now);
            var captureId = (long)capture.ExecuteScalar()!;
            article.Parameters.Clear();
            article.Parameters.AddWithValue("$c", captureId);
            article.Parameters.AddWithValue("$u", a.Url);
            article.Parameters.AddWithValue("$o", a.Outlet);
            article.Parameters.AddWithValue("$h", a.Headline);
            article.Parameters.AddWithValue("$p", (object?)a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
            article.Parameters.AddWithValue("$l", (object?)a.Language ?? DBNull.Value);
            article.Parameters.AddWithValue("$para", JsonSerializer.Serialize(a.Paragraphs));
            article.Parameters.AddWithValue("$w", a.Paragraphs.Sum(p => p.Count(c => c == ' ') + 1));
            article.Parameters.AddWithValue("$t", now);
            ids.Add((long)article.ExecuteScalar()!);
        }
        tx.Commit();
        return ids;
    }

    /// <summary>
    /// The same rows written through the EF model, for a PostgreSQL store (one capture each, ids read back); the SQLite
    /// path above keeps its own statements, which its figures were measured with.
    /// </summary>
    public static async Task<List<long>> InsertAsync(NewsDb db, List<GeneratedArticle> batch, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var articles = batch.Select(a => new Article
        {
            Capture = new Capture
            {
                Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), StoredContent = [], FileName = a.File,
                Format = "text", Encoding = "utf-8", ImportedAt = now,
            },
            Url = a.Url, UrlSource = "manifest", Version = 1, IsLatest = true, Outlet = a.Outlet, OutletSource = "manifest",
            Headline = a.Headline, HeadlineSource = "extraction", Published = a.Published, PublishedSource = a.Published is null ? null : "manifest",
            Language = a.Language, Paragraphs = [.. a.Paragraphs], WordCount = a.Paragraphs.Sum(p => p.Count(c => c == ' ') + 1), ImportedAt = now,
        }).ToList();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return articles.Select(a => a.Id).ToList();
    }
}
