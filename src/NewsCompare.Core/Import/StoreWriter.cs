using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsCompare.Core.Articles;

namespace NewsCompare.Core.Import;

/// <summary>
/// Writes analysed captures to the SQLite store, one transaction per batch: a capture, its article and its dropped
/// lines are committed together or not at all. Plain parameterised commands, prepared once per batch: the import
/// writes tens of thousands of rows and EF change tracking would cost more than the work itself. Values are written
/// in the formats EF reads back (dates as ISO text, lists as JSON arrays).
/// </summary>
internal sealed class StoreWriter(SqliteConnection connection)
{
    /// <summary>
    /// One file ready to write: its analysis, or the hash of bytes found already stored before extraction (reported
    /// unchanged), and the article's lists already turned into JSON on the analysing thread.
    /// </summary>
    public sealed record Item(CaptureAnalysis Analysis, string? KnownSha, ArticleJson? Json);

    /// <summary>An article's paragraphs, captions and dropped lines as the JSON the store holds or reads them from.</summary>
    public sealed record ArticleJson(string Paragraphs, string Captions, string Clutter);

    /// <summary>
    /// The JSON of <paramref name="article"/>'s lists. Done beside the analysis, not on the writing thread, which is
    /// the import's one serial stage. Dropped lines go as one array of [position, text, reason] that SQLite unpacks
    /// itself: far cheaper than binding four parameters per line.
    /// </summary>
    public static ArticleJson Encode(Article article)
    {
        var buffer = new System.IO.MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ListJson.Encoder }))
        {
            json.WriteStartArray();
            foreach (var line in article.Clutter)
            {
                json.WriteStartArray();
                json.WriteNumberValue(line.Position);
                json.WriteStringValue(line.Text);
                json.WriteStringValue(line.Reason);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return new ArticleJson(JsonSerializer.Serialize(article.Paragraphs, ListJson), JsonSerializer.Serialize(article.Captions, ListJson),
            System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Time spent committing batches so far.</summary>
    public TimeSpan Committing { get; private set; }

    private static readonly JsonSerializerOptions ListJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Gives the connection a 64 MB page cache until disposed (SQLite's default is 2 MB). An import inserts into a
    /// dozen indexes and the search index at once; with the small cache their pages are read back from the file for
    /// nearly every row, which cost more system time than the writing itself.
    /// </summary>
    public static IDisposable LargerCache(SqliteConnection connection)
    {
        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA cache_size";
        var before = Convert.ToInt64(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        Pragma(connection, "PRAGMA cache_size = -65536");
        return new Restore(() => Pragma(connection, $"PRAGMA cache_size = {before.ToString(CultureInfo.InvariantCulture)}"));
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>The hashes among <paramref name="hashes"/> already stored.</summary>
    public HashSet<string> ExistingHashes(IReadOnlyCollection<string> hashes)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in hashes.Distinct().Chunk(500))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT \"Sha256\" FROM \"Captures\" WHERE \"Sha256\" IN ({string.Join(",", chunk.Select((_, i) => "$h" + i))})";
            for (var i = 0; i < chunk.Length; i++) cmd.Parameters.AddWithValue("$h" + i, chunk[i]);
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) existing.Add(reader.GetString(0));
        }
        return existing;
    }

    /// <summary>Stores a batch in one transaction. Returns one result per item, in order.</summary>
    public List<ImportResult> WriteBatch(IReadOnlyList<Item> batch, Action<ImportResult>? written,
        CancellationToken ct)
    {
        var results = new List<ImportResult>(batch.Count);
        // Immediate, not deferred: the batch reads before it writes, and a deferred transaction would fail rather than
        // wait when another import (the web app, a second command) commits in between.
        using var tx = connection.BeginTransaction(deferred: false);
        using var commands = new Commands(connection, tx);
        foreach (var (analysis, knownSha, json) in batch)
        {
            ct.ThrowIfCancellationRequested();
            results.Add(knownSha is null ? Write(commands, analysis, json)
                : analysis.Article is { } again && Stored(commands, knownSha) is { } id ? ManifestUpdate(commands, analysis.File, again, id)
                : Unchanged(commands, analysis.File, knownSha));
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        tx.Commit();
        Committing += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (written is not null) foreach (var r in results) written(r);
        return results;
    }

    private static ImportResult Write(Commands c, CaptureAnalysis analysis, ArticleJson? json)
    {
        if (analysis.Error is not null || analysis.Capture is not { } capture || analysis.Article is not { } article)
            return new ImportResult(analysis.File, ImportOutcome.Failed, analysis.Error);
        json ??= Encode(article);
        var warning = analysis.Warnings.Count == 0 ? null : string.Join("; ", analysis.Warnings);

        if (Stored(c, capture.Sha256) is { } existingArticle) return ManifestUpdate(c, analysis.File, article, existingArticle);

        var outcome = ImportOutcome.Imported;
        var version = 1;
        if (article.UrlKey is { } key && PreviousVersion(c, key, article) is { } previous)
        {
            c.Supersede.Parameters["$id"].Value = previous.Id;
            c.Supersede.ExecuteNonQuery();
            version = previous.Version + 1;
            outcome = ImportOutcome.NewVersion;
        }

        var p = c.InsertCapture.Parameters;
        p["$sha"].Value = capture.Sha256;
        p["$content"].Value = capture.StoredContent;
        p["$storage"].Value = capture.Storage;
        p["$length"].Value = (object?)capture.Length ?? DBNull.Value;
        p["$file"].Value = capture.FileName;
        p["$format"].Value = capture.Format;
        p["$encoding"].Value = capture.Encoding;
        p["$warnings"].Value = (object?)capture.Warnings ?? DBNull.Value;
        p["$at"].Value = Timestamp(capture.ImportedAt);
        var captureId = (long)c.InsertCapture.ExecuteScalar()!;

        var a = c.InsertArticle.Parameters;
        a["$capture"].Value = captureId;
        a["$version"].Value = version;
        a["$paragraphs"].Value = json.Paragraphs;
        a["$captions"].Value = json.Captions;
        a["$words"].Value = article.WordCount;
        a["$published"].Value = article.Published is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        a["$at"].Value = Timestamp(article.ImportedAt);
        foreach (var (column, value) in TextColumns(article)) a["$" + column].Value = (object?)value ?? DBNull.Value;
        var articleId = (long)c.InsertArticle.ExecuteScalar()!;

        if (article.Clutter.Count > 0)
        {
            c.InsertClutter.Parameters["$article"].Value = articleId;
            c.InsertClutter.Parameters["$lines"].Value = json.Clutter;
            c.InsertClutter.ExecuteNonQuery();
        }
        return new ImportResult(analysis.File, outcome, warning, articleId);
    }

    /// <summary>
    /// The latest article at <paramref name="key"/> that <paramref name="article"/> is a new version of: the one that
    /// looks like the same article (<see cref="VersionMatch"/>); null when none does, and the capture is a new article.
    /// </summary>
    private static (long Id, int Version)? PreviousVersion(Commands c, string key, Article article)
    {
        c.LatestRows.Parameters["$key"].Value = key;
        using var r = c.LatestRows.ExecuteReader();
        while (r.Read())
        {
            List<string> paragraphs;
            try { paragraphs = JsonSerializer.Deserialize<List<string>>(r.GetString(3)) ?? []; }
            catch (JsonException) { paragraphs = [r.GetString(3)]; }
            if (VersionMatch.SameArticle(article.Headline, article.Paragraphs, r.IsDBNull(2) ? null : r.GetString(2), paragraphs))
                return (r.GetInt64(0), r.GetInt32(1));
        }
        return null;
    }

    /// <summary>
    /// Bytes already stored, imported again: the values the manifest gives (address, outlet, date) replace the stored
    /// ones where they differ, each change recorded in MetadataChanges with the manifest as its source; an editor's
    /// correction is never replaced. Nothing to change: <see cref="ImportOutcome.Unchanged"/>.
    /// </summary>
    private static ImportResult ManifestUpdate(Commands c, string file, Article fresh, long articleId)
    {
        c.ReadMetadata.Parameters["$id"].Value = articleId;
        string? url, urlSource, outlet, outletSource, published, publishedSource;
        bool inferred;
        using (var r = c.ReadMetadata.ExecuteReader())
        {
            if (!r.Read()) return new ImportResult(file, ImportOutcome.Unchanged, null, articleId);
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            (url, urlSource, outlet, outletSource, published, publishedSource, inferred) = (S(0), S(1), S(2), S(3), S(4), S(5), r.GetBoolean(6));
        }
        var changed = new List<MetadataField>();
        var at = Timestamp(DateTime.UtcNow);
        void Record(MetadataField field, string? old, string? oldSource, string? value)
        {
            var p = c.RecordChange.Parameters;
            (p["$id"].Value, p["$field"].Value, p["$old"].Value, p["$oldSource"].Value, p["$new"].Value, p["$source"].Value, p["$reason"].Value, p["$at"].Value) =
                (articleId, field.ToString(), (object?)old ?? DBNull.Value, (object?)oldSource ?? DBNull.Value, (object?)value ?? DBNull.Value,
                 Metadata.MetadataSources.Manifest, $"imported again with a sources manifest ({file})", at);
            c.RecordChange.ExecuteNonQuery();
            changed.Add(field);
        }
        bool Takes(string? freshSource, string? freshValue, string? stored, string? storedSource) =>
            freshSource == Metadata.MetadataSources.Manifest && freshValue != stored && !ArticleCorrections.IsCorrection(storedSource);

        if (Takes(fresh.UrlSource, fresh.Url, url, urlSource))
        {
            Exec(c, """UPDATE "Articles" SET "Url" = $a, "UrlSource" = $b, "UrlKey" = $c, "Site" = $d, "SiteSource" = $e WHERE "Id" = $id""",
                articleId, fresh.Url, fresh.UrlSource, fresh.UrlKey, fresh.Site, fresh.SiteSource);
            Record(MetadataField.Url, url, urlSource, fresh.Url);
        }
        if (Takes(fresh.OutletSource, fresh.Outlet, outlet, outletSource))
        {
            Exec(c, """UPDATE "Articles" SET "Outlet" = $a, "OutletSource" = $b WHERE "Id" = $id""", articleId, fresh.Outlet, fresh.OutletSource);
            Record(MetadataField.Outlet, outlet, outletSource, fresh.Outlet);
        }
        var date = fresh.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Takes(fresh.PublishedSource, date, inferred ? null : published, publishedSource))
        {
            Exec(c, """UPDATE "Articles" SET "Published" = $a, "PublishedSource" = $b, "PublishedInferred" = 0 WHERE "Id" = $id""", articleId, date, fresh.PublishedSource);
            Record(MetadataField.Published, published, publishedSource, date);
        }
        return changed.Count == 0
            ? new ImportResult(file, ImportOutcome.Unchanged, null, articleId)
            : new ImportResult(file, ImportOutcome.Updated, "metadata updated from the sources manifest: " + string.Join(", ", changed.Select(ArticleCorrections.Name)), articleId)
                { UpdatedFields = changed };
    }

    private static void Exec(Commands c, string sql, long id, params string?[] values)
    {
        using var cmd = c.Connection.CreateCommand();
        cmd.Transaction = c.Transaction;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$id", id);
        for (var i = 0; i < values.Length; i++) cmd.Parameters.AddWithValue("$" + (char)('a' + i), (object?)values[i] ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private static ImportResult Unchanged(Commands c, string file, string sha) =>
        new(file, ImportOutcome.Unchanged, null, Stored(c, sha));

    private static long? Stored(Commands c, string sha)
    {
        c.FindCapture.Parameters["$sha"].Value = sha;
        return c.FindCapture.ExecuteScalar() as long?;
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static IEnumerable<(string Column, string? Value)> TextColumns(Article a) =>
    [
        ("Url", a.Url), ("UrlSource", a.UrlSource), ("UrlKey", a.UrlKey), ("Site", a.Site), ("SiteSource", a.SiteSource),
        ("Outlet", a.Outlet), ("OutletSource", a.OutletSource), ("Origin", a.Origin), ("OriginSource", a.OriginSource),
        ("Headline", a.Headline), ("HeadlineSource", a.HeadlineSource), ("Standfirst", a.Standfirst), ("Byline", a.Byline),
        ("BylineSource", a.BylineSource), ("Dateline", a.Dateline), ("PublishedSource", a.PublishedSource),
        ("Language", a.Language), ("LanguageSource", a.LanguageSource),
    ];

    // Runs for every capture with an address; IX_Articles_UrlKey_Latest (0005) answers it with one seek.
    internal const string LatestRowsSql = """SELECT "Id", "Version", "Headline", "Paragraphs" FROM "Articles" WHERE "UrlKey" = $key AND "IsLatest" = 1""";
    internal const string SupersedeSql = """UPDATE "Articles" SET "IsLatest" = 0 WHERE "Id" = $id""";

    /// <summary>The batch's prepared commands.</summary>
    private sealed class Commands : IDisposable
    {
        public SqliteCommand FindCapture { get; }
        public SqliteCommand LatestRows { get; }
        public SqliteCommand Supersede { get; }
        public SqliteCommand InsertCapture { get; }
        public SqliteCommand InsertArticle { get; }
        public SqliteCommand InsertClutter { get; }
        public SqliteCommand ReadMetadata { get; }
        public SqliteCommand RecordChange { get; }
        public SqliteConnection Connection { get; }
        public SqliteTransaction Transaction { get; }

        public Commands(SqliteConnection connection, SqliteTransaction tx)
        {
            (Connection, Transaction) = (connection, tx);
            SqliteCommand Make(string sql, params string[] parameters)
            {
                var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                foreach (var name in parameters) cmd.Parameters.Add(new SqliteParameter("$" + name, null));
                return cmd;
            }

            FindCapture = Make("""
                SELECT a."Id" FROM "Captures" c JOIN "Articles" a ON a."CaptureId" = c."Id" WHERE c."Sha256" = $sha
                """, "sha");
            LatestRows = Make(LatestRowsSql, "key");
            Supersede = Make(SupersedeSql, "id");
            InsertCapture = Make("""
                INSERT INTO "Captures" ("Sha256", "Content", "Storage", "Length", "FileName", "Format", "Encoding", "Warnings", "ImportedAt")
                VALUES ($sha, $content, $storage, $length, $file, $format, $encoding, $warnings, $at) RETURNING "Id"
                """, "sha", "content", "storage", "length", "file", "format", "encoding", "warnings", "at");
            var text = TextColumns(new Article()).Select(t => t.Column).ToArray();
            InsertArticle = Make($"""
                INSERT INTO "Articles" ("CaptureId", "Version", "IsLatest", "PublishedInferred", "Paragraphs", "Captions", "WordCount",
                    "Published", "ImportedAt", {string.Join(", ", text.Select(t => $"\"{t}\""))})
                VALUES ($capture, $version, 1, 0, $paragraphs, $captions, $words, $published, $at, {string.Join(", ", text.Select(t => "$" + t))})
                RETURNING "Id"
                """, ["capture", "version", "paragraphs", "captions", "words", "published", "at", .. text]);
            InsertClutter = Make("""
                INSERT INTO "ClutterLines" ("ArticleId", "Position", "Text", "Reason")
                SELECT $article, json_extract(j."value", '$[0]'), json_extract(j."value", '$[1]'), json_extract(j."value", '$[2]')
                FROM json_each($lines) AS j
                """, "article", "lines");
            ReadMetadata = Make("""
                SELECT "Url", "UrlSource", "Outlet", "OutletSource", "Published", "PublishedSource", "PublishedInferred" FROM "Articles" WHERE "Id" = $id
                """, "id");
            RecordChange = Make("""
                INSERT INTO "MetadataChanges" ("ArticleId", "Field", "OldValue", "OldSource", "NewValue", "NewSource", "Editor", "Reason", "At")
                VALUES ($id, $field, $old, $oldSource, $new, $source, NULL, $reason, $at)
                """, "id", "field", "old", "oldSource", "new", "source", "reason", "at");
        }

        public void Dispose()
        {
            FindCapture.Dispose();
            LatestRows.Dispose();
            Supersede.Dispose();
            InsertCapture.Dispose();
            InsertArticle.Dispose();
            InsertClutter.Dispose();
            ReadMetadata.Dispose();
            RecordChange.Dispose();
        }
    }
}
