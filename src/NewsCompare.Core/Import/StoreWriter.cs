using System.Buffers.Binary;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using Npgsql;

namespace NewsCompare.Core.Import;

/// <summary>
/// Writes analysed captures to the store (SQLite or PostgreSQL), one transaction per batch: a capture, its article and
/// its dropped lines are committed together or not at all. Plain parameterised commands, prepared once per batch: the
/// import writes tens of thousands of rows and EF change tracking would cost more than the work itself. Values are
/// written in the forms EF reads back (lists as JSON arrays; dates and times as <see cref="StoreDialect"/> binds them).
/// On PostgreSQL a batch first takes an advisory lock per capture hash and per address key it touches (ADR 0020), so
/// two importers at once neither store a capture twice nor number versions of one article from the same latest row.
/// </summary>
internal sealed class StoreWriter(DbConnection connection)
{
    private readonly StoreDialect _dialect = StoreDialect.For(connection);
    private readonly WriterSql _sql = WriterSql.For(StoreDialect.For(connection).Provider);

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
            cmd.CommandText = $"SELECT \"Sha256\" FROM \"Captures\" WHERE \"Sha256\" IN ({string.Join(",", chunk.Select((_, i) => "@h" + i))})";
            for (var i = 0; i < chunk.Length; i++) Add(cmd, "@h" + i, chunk[i]);
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) existing.Add(reader.GetString(0));
        }
        return existing;
    }

    /// <summary>
    /// Stores a batch in one transaction. Returns one result per item, in order. On PostgreSQL a batch a concurrent
    /// writer deadlocked or raced is run again, and an item the engine refuses to store (a value it cannot hold) is
    /// reported failed with the engine's reason while the batch is written again without it.
    /// </summary>
    public List<ImportResult> WriteBatch(IReadOnlyList<Item> batch, Action<ImportResult>? written, CancellationToken ct)
    {
        var refused = new Dictionary<int, string>();
        for (var attempt = 1; ; attempt++)
        {
            var current = -1;
            try
            {
                var results = TryBatch(batch, refused, i => current = i, ct);
                if (written is not null) foreach (var r in results) written(r);
                return results;
            }
            catch (Exception e) when (current >= 0 && !refused.ContainsKey(current) && Unstorable(e) is { } reason)
            {
                refused[current] = reason;
            }
            catch (PostgresException e) when (attempt < MaxAttempts && e.SqlState is PostgresErrorCodes.DeadlockDetected
                                                  or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation)
            {
                // Another writer got in between (a deadlock with a regroup, a capture stored by a writer that took no
                // lock): the batch was rolled back whole, and run again it finds what the other committed.
            }
        }
    }

    private const int MaxAttempts = 8;

    /// <summary>
    /// Why PostgreSQL cannot hold what an item carries (a data error such as text it cannot encode, or a limit such as
    /// an address too long for its index), or null for errors that are not the item's. SQLite holds any value.
    /// </summary>
    private static string? Unstorable(Exception e) => e switch
    {
        PostgresException p when p.SqlState.StartsWith("22", StringComparison.Ordinal) || p.SqlState.StartsWith("54", StringComparison.Ordinal)
            => "could not be stored: " + p.MessageText,
        EncoderFallbackException or InvalidCastException { InnerException: EncoderFallbackException }
            => "could not be stored: it holds text that is not valid Unicode (an unpaired surrogate)",
        _ => null,
    };

    private List<ImportResult> TryBatch(IReadOnlyList<Item> batch, Dictionary<int, string> refused, Action<int> writing, CancellationToken ct)
    {
        var results = new List<ImportResult>(batch.Count);
        // SQLite: immediate, not deferred: the batch reads before it writes, and a deferred transaction would fail rather
        // than wait when another import (the web app, a second command) commits in between.
        using var tx = connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : connection.BeginTransaction();
        if (_sql.LockKeys is { } lockKeys) LockKeys(tx, lockKeys, batch);
        using var commands = new Commands(connection, tx, _sql, _dialect);
        for (var i = 0; i < batch.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var (analysis, knownSha, json) = batch[i];
            writing(i);
            results.Add(refused.TryGetValue(i, out var reason) ? new ImportResult(analysis.File, ImportOutcome.Failed, reason)
                : knownSha is null ? Write(commands, analysis, json)
                : analysis.Article is { } again && Stored(commands, knownSha) is { } id ? ManifestUpdate(commands, analysis.File, again, id)
                : Unchanged(commands, analysis.File, knownSha));
        }
        writing(-1);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        tx.Commit();
        Committing += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return results;
    }

    /// <summary>
    /// Takes, for the rest of the transaction, an advisory lock per capture hash and per address key the batch touches,
    /// in ascending order (so two batches never wait on each other in a circle): a second importer's batch that shares
    /// one waits until this one commits, then finds its captures stored and its versions latest.
    /// </summary>
    private void LockKeys(DbTransaction tx, string sql, IReadOnlyList<Item> batch)
    {
        var keys = new SortedSet<long>();
        foreach (var (analysis, knownSha, _) in batch)
        {
            if ((knownSha ?? analysis.Capture?.Sha256) is { } sha) keys.Add(LockKey("capture", sha));
            if (analysis.Article?.UrlKey is { } urlKey) keys.Add(LockKey("address", urlKey));
        }
        if (keys.Count == 0) return;
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.Add(new NpgsqlParameter("keys", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = keys.ToArray() });
        cmd.ExecuteNonQuery();
    }

    /// <summary>A 64-bit advisory lock key for a value of one kind (the first eight bytes of a SHA-256).</summary>
    internal static long LockKey(string kind, string value) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + value)));

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
            c.Supersede.Parameters["@id"].Value = previous.Id;
            c.Supersede.ExecuteNonQuery();
            version = previous.Version + 1;
            outcome = ImportOutcome.NewVersion;
        }

        var p = c.InsertCapture.Parameters;
        p["@sha"].Value = capture.Sha256;
        p["@content"].Value = capture.StoredContent;
        p["@storage"].Value = capture.Storage;
        p["@length"].Value = (object?)capture.Length ?? DBNull.Value;
        p["@file"].Value = capture.FileName;
        p["@format"].Value = capture.Format;
        p["@encoding"].Value = capture.Encoding;
        p["@warnings"].Value = (object?)capture.Warnings ?? DBNull.Value;
        p["@at"].Value = c.Dialect.Timestamp(capture.ImportedAt);
        var captureId = (long)c.InsertCapture.ExecuteScalar()!;

        var a = c.InsertArticle.Parameters;
        a["@capture"].Value = captureId;
        a["@version"].Value = version;
        a["@paragraphs"].Value = json.Paragraphs;
        a["@captions"].Value = json.Captions;
        a["@words"].Value = article.WordCount;
        a["@published"].Value = c.Dialect.Date(article.Published);
        a["@at"].Value = c.Dialect.Timestamp(article.ImportedAt);
        foreach (var (column, value) in TextColumns(article)) a["@" + column].Value = (object?)value ?? DBNull.Value;
        var articleId = (long)c.InsertArticle.ExecuteScalar()!;

        if (article.Clutter.Count > 0)
        {
            c.InsertClutter.Parameters["@article"].Value = articleId;
            c.InsertClutter.Parameters["@lines"].Value = json.Clutter;
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
        c.LatestRows.Parameters["@key"].Value = key;
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
    /// correction is never replaced (on PostgreSQL the row is locked from this read on, so a correction committed
    /// meanwhile is seen, not overwritten). Nothing to change: <see cref="ImportOutcome.Unchanged"/>.
    /// </summary>
    private static ImportResult ManifestUpdate(Commands c, string file, Article fresh, long articleId)
    {
        c.ReadMetadata.Parameters["@id"].Value = articleId;
        string? url, urlSource, outlet, outletSource, published, publishedSource;
        bool inferred;
        using (var r = c.ReadMetadata.ExecuteReader())
        {
            if (!r.Read()) return new ImportResult(file, ImportOutcome.Unchanged, null, articleId);
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var date = r.IsDBNull(4) ? null : r.GetValue(4) switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var text => (string)text,
            };
            (url, urlSource, outlet, outletSource, published, publishedSource, inferred) = (S(0), S(1), S(2), S(3), date, S(5), r.GetBoolean(6));
        }
        var changed = new List<MetadataField>();
        var at = c.Dialect.Timestamp(DateTime.UtcNow);
        void Record(MetadataField field, string? old, string? oldSource, string? value)
        {
            var p = c.RecordChange.Parameters;
            (p["@id"].Value, p["@field"].Value, p["@old"].Value, p["@oldSource"].Value, p["@new"].Value, p["@source"].Value, p["@reason"].Value, p["@at"].Value) =
                (articleId, field.ToString(), (object?)old ?? DBNull.Value, (object?)oldSource ?? DBNull.Value, (object?)value ?? DBNull.Value,
                 Metadata.MetadataSources.Manifest, $"imported again with a sources manifest ({file})", at);
            c.RecordChange.ExecuteNonQuery();
            changed.Add(field);
        }
        bool Takes(string? freshSource, string? freshValue, string? stored, string? storedSource) =>
            freshSource == Metadata.MetadataSources.Manifest && freshValue != stored && !ArticleCorrections.IsCorrection(storedSource);

        if (Takes(fresh.UrlSource, fresh.Url, url, urlSource))
        {
            Exec(c, """UPDATE "Articles" SET "Url" = @a, "UrlSource" = @b, "UrlKey" = @c, "Site" = @d, "SiteSource" = @e WHERE "Id" = @id""",
                articleId, fresh.Url, fresh.UrlSource, fresh.UrlKey, fresh.Site, fresh.SiteSource);
            Record(MetadataField.Url, url, urlSource, fresh.Url);
        }
        if (Takes(fresh.OutletSource, fresh.Outlet, outlet, outletSource))
        {
            Exec(c, """UPDATE "Articles" SET "Outlet" = @a, "OutletSource" = @b WHERE "Id" = @id""", articleId, fresh.Outlet, fresh.OutletSource);
            Record(MetadataField.Outlet, outlet, outletSource, fresh.Outlet);
        }
        var freshDate = fresh.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Takes(fresh.PublishedSource, freshDate, inferred ? null : published, publishedSource))
        {
            Exec(c, c.Sql.SetPublished, articleId, c.Dialect.Date(fresh.Published), fresh.PublishedSource);
            Record(MetadataField.Published, published, publishedSource, freshDate);
        }
        return changed.Count == 0
            ? new ImportResult(file, ImportOutcome.Unchanged, null, articleId)
            : new ImportResult(file, ImportOutcome.Updated, "metadata updated from the sources manifest: " + string.Join(", ", changed.Select(ArticleCorrections.Name)), articleId)
                { UpdatedFields = changed };
    }

    private static void Exec(Commands c, string sql, long id, params object?[] values)
    {
        using var cmd = c.Connection.CreateCommand();
        cmd.Transaction = c.Transaction;
        cmd.CommandText = sql;
        Add(cmd, "@id", id);
        for (var i = 0; i < values.Length; i++) Add(cmd, "@" + (char)('a' + i), values[i] ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        (p.ParameterName, p.Value) = (name, value);
        cmd.Parameters.Add(p);
    }

    private static ImportResult Unchanged(Commands c, string file, string sha) =>
        new(file, ImportOutcome.Unchanged, null, Stored(c, sha));

    private static long? Stored(Commands c, string sha)
    {
        c.FindCapture.Parameters["@sha"].Value = sha;
        return c.FindCapture.ExecuteScalar() as long?;
    }

    private static IEnumerable<(string Column, string? Value)> TextColumns(Article a) =>
    [
        ("Url", a.Url), ("UrlSource", a.UrlSource), ("UrlKey", a.UrlKey), ("Site", a.Site), ("SiteSource", a.SiteSource),
        ("Outlet", a.Outlet), ("OutletSource", a.OutletSource), ("Origin", a.Origin), ("OriginSource", a.OriginSource),
        ("Headline", a.Headline), ("HeadlineSource", a.HeadlineSource), ("Standfirst", a.Standfirst), ("Byline", a.Byline),
        ("BylineSource", a.BylineSource), ("Dateline", a.Dateline), ("PublishedSource", a.PublishedSource),
        ("Language", a.Language), ("LanguageSource", a.LanguageSource),
    ];

    /// <summary>
    /// The statements whose text differs between the engines: SQLite's flags are 0/1 and it unpacks the dropped lines
    /// with <c>json_each</c>; PostgreSQL's flags are boolean, it unpacks them with <c>jsonb_array_elements</c>, locks
    /// the keys a batch touches and the article row a manifest update reads. Names are quoted and parameters written
    /// <c>@name</c>, which both engines read.
    /// </summary>
    internal sealed record WriterSql(string LatestRows, string Supersede, string InsertArticle, string InsertClutter, string ReadMetadata,
        string SetPublished, string? LockKeys)
    {
        public static WriterSql Sqlite { get; } = Build(postgres: false);
        public static WriterSql Postgres { get; } = Build(postgres: true);

        public static WriterSql For(StoreProvider provider) => provider == StoreProvider.Postgres ? Postgres : Sqlite;

        private static WriterSql Build(bool postgres)
        {
            var (yes, no) = postgres ? ("TRUE", "FALSE") : ("1", "0");
            var text = TextColumns(new Article()).Select(t => t.Column).ToArray();
            return new WriterSql(
                // Runs for every capture with an address; IX_Articles_UrlKey_Latest answers it with one seek.
                LatestRows: $"""SELECT "Id", "Version", "Headline", "Paragraphs" FROM "Articles" WHERE "UrlKey" = @key AND "IsLatest" = {yes}""",
                Supersede: $"""UPDATE "Articles" SET "IsLatest" = {no} WHERE "Id" = @id""",
                InsertArticle: $"""
                    INSERT INTO "Articles" ("CaptureId", "Version", "IsLatest", "PublishedInferred", "Paragraphs", "Captions", "WordCount",
                        "Published", "ImportedAt", {string.Join(", ", text.Select(t => $"\"{t}\""))})
                    VALUES (@capture, @version, {yes}, {no}, @paragraphs, @captions, @words, @published, @at, {string.Join(", ", text.Select(t => "@" + t))})
                    RETURNING "Id"
                    """,
                InsertClutter: postgres
                    ? """
                      INSERT INTO "ClutterLines" ("ArticleId", "Position", "Text", "Reason")
                      SELECT @article, (j.line ->> 0)::integer, j.line ->> 1, j.line ->> 2 FROM jsonb_array_elements(@lines::jsonb) AS j(line)
                      """
                    : """
                      INSERT INTO "ClutterLines" ("ArticleId", "Position", "Text", "Reason")
                      SELECT @article, json_extract(j."value", '$[0]'), json_extract(j."value", '$[1]'), json_extract(j."value", '$[2]')
                      FROM json_each(@lines) AS j
                      """,
                ReadMetadata: $"""
                    SELECT "Url", "UrlSource", "Outlet", "OutletSource", "Published", "PublishedSource", "PublishedInferred" FROM "Articles" WHERE "Id" = @id{(postgres ? " FOR UPDATE" : "")}
                    """,
                SetPublished: $"""UPDATE "Articles" SET "Published" = @a, "PublishedSource" = @b, "PublishedInferred" = {no} WHERE "Id" = @id""",
                // The keys come sorted; unnest hands them to the lock in that order.
                LockKeys: postgres ? "SELECT count(pg_advisory_xact_lock(k)) FROM unnest(@keys) AS k" : null);
        }
    }

    /// <summary>The batch's prepared commands.</summary>
    private sealed class Commands : IDisposable
    {
        public DbCommand FindCapture { get; }
        public DbCommand LatestRows { get; }
        public DbCommand Supersede { get; }
        public DbCommand InsertCapture { get; }
        public DbCommand InsertArticle { get; }
        public DbCommand InsertClutter { get; }
        public DbCommand ReadMetadata { get; }
        public DbCommand RecordChange { get; }
        public DbConnection Connection { get; }
        public DbTransaction Transaction { get; }
        public WriterSql Sql { get; }
        public StoreDialect Dialect { get; }

        public Commands(DbConnection connection, DbTransaction tx, WriterSql sql, StoreDialect dialect)
        {
            (Connection, Transaction, Sql, Dialect) = (connection, tx, sql, dialect);
            var postgres = dialect.Provider == StoreProvider.Postgres;
            DbCommand Make(string text, params (string Name, DbType Type)[] parameters)
            {
                var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = text;
                foreach (var (name, type) in parameters)
                {
                    var p = cmd.CreateParameter();
                    p.ParameterName = "@" + name;
                    // SQLite binds by the value; PostgreSQL prepares the statement once per connection, so it needs the types.
                    if (postgres) p.DbType = type;
                    cmd.Parameters.Add(p);
                }
                if (postgres) cmd.Prepare();
                return cmd;
            }
            const DbType S = DbType.String, L = DbType.Int64, I = DbType.Int32, T = DbType.DateTime;

            FindCapture = Make("""
                SELECT a."Id" FROM "Captures" c JOIN "Articles" a ON a."CaptureId" = c."Id" WHERE c."Sha256" = @sha
                """, ("sha", S));
            LatestRows = Make(sql.LatestRows, ("key", S));
            Supersede = Make(sql.Supersede, ("id", L));
            InsertCapture = Make("""
                INSERT INTO "Captures" ("Sha256", "Content", "Storage", "Length", "FileName", "Format", "Encoding", "Warnings", "ImportedAt")
                VALUES (@sha, @content, @storage, @length, @file, @format, @encoding, @warnings, @at) RETURNING "Id"
                """, ("sha", S), ("content", DbType.Binary), ("storage", S), ("length", L), ("file", S), ("format", S), ("encoding", S), ("warnings", S), ("at", T));
            InsertArticle = Make(sql.InsertArticle,
                [("capture", L), ("version", I), ("paragraphs", S), ("captions", S), ("words", I), ("published", DbType.Date), ("at", T),
                 .. TextColumns(new Article()).Select(t => (t.Column, S))]);
            InsertClutter = Make(sql.InsertClutter, ("article", L), ("lines", S));
            ReadMetadata = Make(sql.ReadMetadata, ("id", L));
            RecordChange = Make("""
                INSERT INTO "MetadataChanges" ("ArticleId", "Field", "OldValue", "OldSource", "NewValue", "NewSource", "Editor", "Reason", "At")
                VALUES (@id, @field, @old, @oldSource, @new, @source, NULL, @reason, @at)
                """, ("id", L), ("field", S), ("old", S), ("oldSource", S), ("new", S), ("source", S), ("reason", S), ("at", T));
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
