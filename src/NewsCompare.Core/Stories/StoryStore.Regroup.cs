using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Stories;

// A full regroup: built on a copy of the store beside it, then switched in by one short transaction.
public sealed partial class StoryStore
{
    /// <summary>
    /// Rebuilds every story from scratch, in placement order (<see cref="StoryEngine.InPlacementOrder(IReadOnlyCollection{StoryEngine.PlacementFacts})"/>:
    /// dated articles by date, then undated ones, the fullest texts first; the order of import plays no part), keeping
    /// people's corrections (lock groups). Inferred dates, copies and related links are recomputed.
    /// <para>
    /// The rebuild runs on a copy of the store made beside it (<c>VACUUM INTO</c> a file named after the store with
    /// <c>.regroup-</c> added, deleted afterwards), holding no lock on the store, and the new grouping is switched in by
    /// one short write transaction. Readers see the old stories until it commits and the new ones after, never an empty
    /// or partial list; imports go on while it builds; a regroup that is stopped or killed leaves the old stories as
    /// they were. Articles imported while it built, and articles whose headline, outlet, language or stated date changed
    /// meanwhile, are placed in the switch as an import places them. A correction made while it built makes it build
    /// again (at most three times), so no correction is lost.
    /// </para>
    /// <para>
    /// Stories keep their ids: each new story takes the id of the old story it shares most articles with (each old
    /// id once, largest overlaps first); an old id no new story takes is retired with pointers to the stories that
    /// hold its articles now (<see cref="SuccessorsAsync"/>), and so is a story opened while it built that the switch
    /// leaves without articles.
    /// </para>
    /// </summary>
    /// <param name="progress">Receives the number of articles placed so far.</param>
    /// <param name="cancellationToken">Cancels while the copy is built (nothing is changed then).</param>
    public async Task<GroupingReport> RegroupAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (_sql.Postgres) return await RegroupInShadowAsync(progress, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var side = SidePath();
            try
            {
                var (report, snapshot) = await BuildBesideAsync(side, progress, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                if (await SwitchAsync(side, snapshot, cancellationToken) is int stories) return report with { Stories = stories };
                if (attempt == MaxBuilds)
                    throw new StoryCorrectionException($"stories were corrected while each of {MaxBuilds} regroups was being built; nothing was changed, run it again");
            }
            finally
            {
                DeleteSide(side);
            }
        }
    }

    private const int MaxBuilds = 3;
    private static int _sides;

    /// <summary>A new file beside the store for a regroup's copy; copies left by regroups whose process is gone are deleted.</summary>
    private string SidePath()
    {
        var store = new SqliteConnectionStringBuilder(_db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(store) || store == ":memory:") store = Path.Combine(Path.GetTempPath(), "newscompare");
        store = Path.GetFullPath(store);
        var prefix = Path.GetFileName(store) + ".regroup-";
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(store)!, prefix + "*"))
            if (int.TryParse(Path.GetFileName(file)[prefix.Length..].Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Running(pid))
                TryDelete(file);
        return string.Create(CultureInfo.InvariantCulture, $"{store}.regroup-{Environment.ProcessId}-{Interlocked.Increment(ref _sides)}");
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void DeleteSide(string side)
    {
        using (var connection = new SqliteConnection(NewsStore.SqliteConnectionString(side))) SqliteConnection.ClearPool(connection);
        foreach (var file in new[] { side, side + "-wal", side + "-shm", side + "-journal" }) TryDelete(file);
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    // The highest story id the store has ever given (AUTOINCREMENT never gives one twice).
    private const string StorySequence = """
        SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'Stories'), 0), COALESCE((SELECT MAX(Id) FROM Stories), 0))
        """;

    // The two databases the switch reads: the store's and the copy's, as prefixes of their tables' names (SQLite's
    // attached databases; a schema of their own on PostgreSQL, StoryStore.Shadow.cs).
    private string _live = "main.";
    private string _copy = "regroup.";

    /// <summary>
    /// Copies the store to <paramref name="side"/> (one read transaction: writers go on meanwhile) and regroups the copy
    /// there. Returns the report and the highest story id the store had given when it was copied.
    /// </summary>
    private async Task<(GroupingReport Report, long Snapshot)> BuildBesideAsync(string side, IProgress<int>? progress, CancellationToken ct)
    {
        await OpenAsync(ct);
        try
        {
            using var copy = Command("VACUUM INTO $p", ("$p", side));
            await copy.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await CloseAsync();
        }
        await using var db = new NewsDb(NewsStore.Options(side));
        await db.Database.OpenConnectionAsync(ct);
        long snapshot;
        await using (var cmd = db.Database.GetDbConnection().CreateCommand())
        {
            cmd.CommandText = StorySequence;
            snapshot = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        var builder = new StoryStore(db, _options) { FlagBelow = FlagBelow, RecentRowsLimit = RecentRowsLimit };
        return (await builder.RegroupInPlaceAsync(progress, ct), snapshot);
    }

    /// <summary>
    /// Switches the grouping built in <paramref name="side"/> into the store in one write transaction. Returns the number
    /// of stories, or null (nothing changed) when a correction was made since the copy was taken.
    /// </summary>
    private async Task<int?> SwitchAsync(string side, long snapshot, CancellationToken ct)
    {
        await OpenAsync(ct);
        try
        {
            using (var attach = Command("ATTACH DATABASE $p AS regroup", ("$p", side))) attach.ExecuteNonQuery();
            try
            {
                ClearDocumentFrequencies();
                return InTransaction(() => Switch(snapshot, Scalar(StorySequence)));
            }
            finally
            {
                await _sql.DisposeAsync(); // its statements were prepared with the copy attached
                using var detach = Command("DETACH DATABASE regroup");
                detach.ExecuteNonQuery();
            }
        }
        finally
        {
            await CloseAsync();
        }
    }

    /// <param name="snapshot">The highest story id the store had given when the copy was taken.</param>
    /// <param name="given">The highest story id the store has given now.</param>
    private int? Switch(long snapshot, long given)
    {
        var (main, regroup) = (_live, _copy);
        // Corrections are kept by building from them: one made while the copy was built is not in it.
        if (Scalar($"""
            SELECT (SELECT COALESCE(MAX(Id), 0) FROM {main}StoryCorrections) <> (SELECT COALESCE(MAX(Id), 0) FROM {regroup}StoryCorrections)
                OR EXISTS (SELECT ArticleId, LockGroup FROM {main}StoryLocks EXCEPT SELECT ArticleId, LockGroup FROM {regroup}StoryLocks)
                OR EXISTS (SELECT ArticleId, LockGroup FROM {regroup}StoryLocks EXCEPT SELECT ArticleId, LockGroup FROM {main}StoryLocks)
            """) != 0) return null;
        if (!_sql.Postgres) Exec("PRAGMA defer_foreign_keys = ON");
        var now = DateTime.UtcNow;
        // Imports meanwhile gave story ids the copy gave too: the copy's new ones move above every id given so far.
        var offset = Math.Max(0, given - snapshot);
        // Story ids opened meanwhile, which a reader may hold, with their articles: retired below if the switch empties them.
        var held = new Dictionary<long, List<long>>();
        using (var cmd = Command($"SELECT s.Id, m.ArticleId FROM {main}Stories s LEFT JOIN {main}StoryMemberships m ON m.StoryId = s.Id WHERE s.Id > $snap", ("$snap", snapshot)))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                if (!held.TryGetValue(r.GetInt64(0), out var list)) held[r.GetInt64(0)] = list = [];
                if (!r.IsDBNull(1)) list.Add(r.GetInt64(1));
            }
        // Articles whose grouping inputs changed meanwhile (a newer version, a manifest's or an editor's metadata).
        using (var cmd = Command($"""
            CREATE TEMP TABLE IF NOT EXISTS RegroupChanged (Id INTEGER NOT NULL PRIMARY KEY);
            DELETE FROM temp.RegroupChanged;
            INSERT INTO temp.RegroupChanged (Id) SELECT s.Id FROM {regroup}Articles s JOIN {main}Articles m ON m.Id = s.Id
            WHERE s.IsLatest = 1 AND (m.IsLatest = 0 OR m.Headline IS DISTINCT FROM s.Headline OR m.Outlet IS DISTINCT FROM s.Outlet OR m.Site IS DISTINCT FROM s.Site
                OR m.Language IS DISTINCT FROM s.Language
                OR (CASE WHEN m.PublishedInferred = 0 THEN m.Published END) IS DISTINCT FROM (CASE WHEN s.PublishedInferred = 0 THEN s.Published END));
            """)) cmd.ExecuteNonQuery();

        Mirror("Stories", ["Id"], ["Id"], snapshot, offset);
        Mirror("StoryMemberships", ["ArticleId"], ["StoryId"], snapshot, offset);
        Mirror("StorySignatures", ["StoryId"], ["StoryId"], snapshot, offset);
        Mirror("StoryLinks", ["StoryId", "RelatedStoryId"], ["StoryId", "RelatedStoryId"], snapshot, offset);
        Mirror("StoryPostings", ["TermHash", "StoryId"], ["StoryId"], snapshot, offset);
        Mirror("StoryPostingsRecent", ["TermHash", "StoryId"], ["StoryId"], snapshot, offset);
        Mirror("StoryTermStats", ["TermHash"], [], snapshot, offset);
        Mirror("StoryTermStatsRecent", ["TermHash"], [], snapshot, offset);
        Mirror("StoryGroupingInfo", ["Name"], [], snapshot, offset);
        // Retirements made meanwhile stay (their successors are followed on).
        Mirror("RetiredStories", ["StoryId", "SuccessorId"], ["SuccessorId"], snapshot, offset, deleteOthers: false);
        // Ids the copy gave to stories it dropped again are not given again, as in a regroup in place.
        using (var cmd = Command(_sql.Postgres
            ? $"""
              SELECT setval(pg_get_serial_sequence('"Stories"', 'Id'), GREATEST(({GivenOnPostgres("")}), ({GivenOnPostgres(regroup)}) + $off))
              """
            : """
              UPDATE main.sqlite_sequence SET seq = MAX(seq, (SELECT seq FROM regroup.sqlite_sequence WHERE name = 'Stories') + $off) WHERE name = 'Stories'
              """, ("$off", offset))) cmd.ExecuteNonQuery();
        using (var cmd = Command($"""
            UPDATE {main}Articles AS a SET StoryId = x.StoryId, CopyOfArticleId = x.CopyOfArticleId, Published = x.Published, PublishedSource = x.PublishedSource,
                PublishedInferred = x.PublishedInferred, PublishedFromArticleId = x.PublishedFromArticleId
            FROM (SELECT Id, CASE WHEN StoryId > $snap THEN StoryId + $off ELSE StoryId END AS StoryId, CopyOfArticleId, Published, PublishedSource,
                    PublishedInferred, PublishedFromArticleId FROM {regroup}Articles
                  EXCEPT SELECT Id, StoryId, CopyOfArticleId, Published, PublishedSource, PublishedInferred, PublishedFromArticleId FROM {main}Articles) AS x
            WHERE a.Id = x.Id AND x.Id NOT IN (SELECT Id FROM temp.RegroupChanged);
            UPDATE {main}Articles SET StoryId = NULL, CopyOfArticleId = NULL
                WHERE (StoryId IS NOT NULL OR CopyOfArticleId IS NOT NULL) AND Id NOT IN (SELECT Id FROM {regroup}Articles);
            UPDATE {main}Articles SET Published = NULL, PublishedSource = NULL, PublishedInferred = 0, PublishedFromArticleId = NULL
                WHERE PublishedInferred = 1 AND (Id NOT IN (SELECT Id FROM {regroup}Articles) OR Id IN (SELECT Id FROM temp.RegroupChanged));
            """, ("$snap", snapshot), ("$off", offset))) cmd.ExecuteNonQuery();

        // Changed articles leave the story the copy gave them and are placed again, as PlaceAgainAsync places them.
        var changed = new List<(long Article, long? Story, bool Latest)>();
        using (var cmd = Command($"""
            SELECT c.Id, m.StoryId, a.IsLatest FROM temp.RegroupChanged c JOIN {main}Articles a ON a.Id = c.Id
            LEFT JOIN {main}StoryMemberships m ON m.ArticleId = c.Id ORDER BY c.Id
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) changed.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetBoolean(2)));
        using (var cmd = Command($"""
            DELETE FROM {main}StoryMemberships WHERE ArticleId IN (SELECT Id FROM temp.RegroupChanged);
            UPDATE {main}Articles SET StoryId = NULL, CopyOfArticleId = NULL WHERE Id IN (SELECT Id FROM temp.RegroupChanged);
            DROP TABLE temp.RegroupChanged;
            """)) cmd.ExecuteNonQuery();
        foreach (var group in changed.Where(c => c.Story is not null).GroupBy(c => c.Story!.Value))
        {
            if (!held.TryGetValue(group.Key, out var list)) held[group.Key] = list = [];
            list.AddRange(group.Select(c => c.Article));
            RebuildSignature(group.Key);
            Touched(group.Key, RefreshStory(group.Key, now));
        }
        var arrived = new List<long>();
        using (var cmd = Command($"SELECT Id FROM {main}Articles WHERE IsLatest = 1 AND Id NOT IN (SELECT Id FROM {regroup}Articles) ORDER BY Id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) arrived.Add(r.GetInt64(0));
        // Their terms are counted already (the copy counted them); new articles' are not.
        foreach (var chunk in changed.Where(c => c.Latest).Select(c => c.Article).Chunk(1000)) AssignBatch(chunk, updateDf: false);
        foreach (var chunk in arrived.Chunk(1000)) AssignBatch(chunk, updateDf: true);
        SplitStories(TakeTouched());

        foreach (var (story, articles) in held)
        {
            if (StoryExists(story)) continue;
            var successors = new Dictionary<long, int>();
            foreach (var a in articles)
                if (StoryOrNewerVersionsStory(a) is long s) successors[s] = successors.GetValueOrDefault(s) + 1;
            Retire(story, successors, successors.Count == 1 ? "merged" : "split", now);
        }
        Exec("DELETE FROM RetiredStories WHERE StoryId IN (SELECT Id FROM Stories)");
        _lockedStories.Clear();
        return CountStories();
    }

    /// <summary>The story of an article, or of its latest version when it was superseded.</summary>
    private long? StoryOrNewerVersionsStory(long articleId)
    {
        using var cmd = Command("""
            SELECT COALESCE(o.StoryId, (SELECT n.StoryId FROM Articles n WHERE n.UrlKey = o.UrlKey AND n.IsLatest = 1 AND n.StoryId IS NOT NULL LIMIT 1))
            FROM Articles o WHERE o.Id = $a
            """, ("$a", articleId));
        return cmd.ExecuteScalar() is long s ? s : null;
    }

    /// <summary>
    /// Makes the store's <paramref name="table"/> hold what the copy's does, writing only the rows that differ. Story ids
    /// the copy gave after <paramref name="snapshot"/> (in <paramref name="renumbered"/> columns) move up by
    /// <paramref name="offset"/>. Rows of the store the copy lacks are deleted unless <paramref name="deleteOthers"/> is false.
    /// </summary>
    private void Mirror(string table, string[] key, string[] renumbered, long snapshot, long offset, bool deleteOthers = true)
    {
        var (main, regroup) = (_live, _copy);
        var columns = new List<string>();
        using (var cmd = Command(_sql.Postgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $t ORDER BY ordinal_position"
            : "SELECT name FROM pragma_table_info($t) ORDER BY cid", ("$t", table)))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) columns.Add(r.GetString(0));
        string Quoted(string c) => $"\"{c}\"";
        string FromCopy(string c) => renumbered.Contains(c) ? $"CASE WHEN \"{c}\" > $snap THEN \"{c}\" + $off ELSE \"{c}\" END" : Quoted(c);
        var names = string.Join(", ", columns.Select(Quoted));
        var keys = string.Join(", ", key.Select(Quoted));
        var others = columns.Except(key).ToList();
        // The store's key as the copy numbers it (an id given meanwhile, which the copy cannot hold, as NULL), so the
        // lookup uses the copy's key index (a NOT IN over renumbered row values took 44 s for 100,000 postings).
        string InCopy(string c) => renumbered.Contains(c)
            ? $"CASE WHEN t.\"{c}\" > $snap + $off THEN t.\"{c}\" - $off WHEN t.\"{c}\" > $snap THEN NULL ELSE t.\"{c}\" END" : $"t.\"{c}\"";
        var sql = (deleteOthers ? $"""
            DELETE FROM {main}"{table}" AS t WHERE NOT EXISTS (SELECT 1 FROM {regroup}"{table}" AS s WHERE {string.Join(" AND ", key.Select(c => $"s.\"{c}\" = {InCopy(c)}"))});

            """ : "") + $"""
            INSERT INTO {main}"{table}" ({names})
            SELECT * FROM (SELECT {string.Join(", ", columns.Select(FromCopy))} FROM {regroup}"{table}" EXCEPT SELECT {names} FROM {main}"{table}") AS x WHERE true
            ON CONFLICT ({keys}) DO {(others.Count == 0 ? "NOTHING" : "UPDATE SET " + string.Join(", ", others.Select(c => $"\"{c}\" = excluded.\"{c}\"")))};
            """;
        using var run = Command(sql, ("$snap", snapshot), ("$off", offset));
        run.ExecuteNonQuery();
    }

    // Inside RegroupInPlaceAsync's transaction, the transaction every batch runs in.
    private DbTransaction? _outer;
    private bool _regrouping;

    /// <summary>
    /// The regroup itself, in place, as one transaction on this store (see <see cref="RegroupAsync"/>, which runs it on a
    /// copy of the store). Internal so tests can compare the two.
    /// </summary>
    internal async Task<GroupingReport> RegroupInPlaceAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await OpenAsync(cancellationToken);
        var tx = _connection.BeginTransaction();
        (_outer, _tx, _regrouping) = (tx, tx, true);
        try
        {
            if (_sql.Postgres) Exec($"SELECT pg_advisory_xact_lock({GroupingLockClass}, hashtext(current_schema()))");
            var total = Regroup(progress, cancellationToken);
            ReturnStoryIds();
            _sql.Send();
            tx.Commit();
            return total;
        }
        catch
        {
            _sql.Discard();
            _storyIds.Clear();
            _lockedStories.Clear();
            ClearDocumentFrequencies();
            throw;
        }
        finally
        {
            (_outer, _tx, _regrouping) = (null, null, false);
            tx.Dispose();
            await CloseAsync();
        }
    }


    private GroupingReport Regroup(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // Renumbering stories below moves parent keys their rows point to; the keys agree again by the commit. (On
        // PostgreSQL the regroup runs on a copy of the grouping tables, which have no foreign keys: StoryStore.Shadow.cs.)
        if (!_sql.Postgres) Exec("PRAGMA defer_foreign_keys = ON");
        Exec("""
            CREATE TEMP TABLE IF NOT EXISTS RegroupBefore (ArticleId INTEGER NOT NULL PRIMARY KEY, StoryId INTEGER NOT NULL);
            DELETE FROM temp.RegroupBefore;
            INSERT INTO temp.RegroupBefore (ArticleId, StoryId) SELECT ArticleId, StoryId FROM StoryMemberships;
            -- Where readers see each article (the story pages read Articles.StoryId), also where no membership records it
            -- (a store filled without grouping, such as bench-web's generated one): each such story id is kept or retired too.
            INSERT OR IGNORE INTO temp.RegroupBefore (ArticleId, StoryId) SELECT Id, StoryId FROM Articles WHERE StoryId IS NOT NULL AND IsLatest = 1;
            DELETE FROM StoryLinks; DELETE FROM StoryMemberships; DELETE FROM StorySignatures; DELETE FROM StoryPostings; DELETE FROM StoryPostingsRecent; DELETE FROM StoryTermStats; DELETE FROM StoryTermStatsRecent; DELETE FROM StoryGroupingInfo;
            UPDATE Articles SET StoryId = NULL, CopyOfArticleId = NULL;
            UPDATE Articles SET Published = NULL, PublishedSource = NULL, PublishedInferred = 0, PublishedFromArticleId = NULL WHERE PublishedInferred = 1;
            DELETE FROM Stories;
            """);
        ClearDocumentFrequencies();
        var latest = new List<long>();
        using (var cmd = Command("SELECT Id FROM Articles WHERE IsLatest = 1 ORDER BY Id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) latest.Add(r.GetInt64(0));

        // Pass 1: document frequencies over everything, so every article is weighed the same way; and the order
        // placement takes, which the text decides.
        var facts = new List<StoryEngine.PlacementFacts>(latest.Count);
        foreach (var chunk in latest.Chunk(2000))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var counts = LoadArticles(chunk).AsParallel().Select(TermCounts.Count).ToList();
            facts.AddRange(counts.Select(StoryEngine.PlacementFacts.Of));
            InTransaction(() => { AddDocumentFrequencies(counts); return 0; });
        }
        var ids = StoryEngine.InPlacementOrder(facts);
        // Pass 2: placement.
        var total = new GroupingReport(0, 0, 0, 0);
        foreach (var chunk in ids.Chunk(1000))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = InTransaction(() => AssignBatch(chunk, updateDf: false));
            total = total.Plus(report);
            progress?.Report(total.Articles);
        }
        // Pass 3: re-assignment against the finished stories (StoryEngineOptions.RefinePasses).
        for (var pass = 0; pass < _options.RefinePasses; pass++)
        {
            var moved = 0;
            foreach (var chunk in ids.Chunk(1000))
            {
                cancellationToken.ThrowIfCancellationRequested();
                moved += InTransaction(() => RefineBatch(chunk));
            }
            if (moved == 0) break;
        }
        // Pass 4: stories that hold two events are split (StoryEngineOptions.SplitBelow), and flagged when they may.
        _touched.Clear();
        var split = 0;
        foreach (var chunk in StoriesOfAtLeast(StoryEngine.MinSplitMembers).Chunk(1000))
        {
            cancellationToken.ThrowIfCancellationRequested();
            split += InTransaction(() => SplitStories(chunk));
        }
        cancellationToken.ThrowIfCancellationRequested();
        KeepStoryIds(DateTime.UtcNow);
        return total with { Stories = CountStories(), Split = split };
    }

    /// <summary>
    /// After a regroup built its stories (all with new ids, above every old one): each takes the id of the old story it
    /// shares most articles with, largest overlaps first and each old id once; old ids left over are retired, pointing
    /// to the stories that hold their articles now.
    /// </summary>
    private void KeepStoryIds(DateTime now)
    {
        var overlaps = new List<(long New, long Old, int Shared)>();
        using (var cmd = Command("""
            SELECT m.StoryId, b.StoryId, COUNT(*) FROM StoryMemberships m JOIN temp.RegroupBefore b ON b.ArticleId = m.ArticleId
            GROUP BY m.StoryId, b.StoryId
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) overlaps.Add((r.GetInt64(0), r.GetInt64(1), r.GetInt32(2)));
        var renumber = new Dictionary<long, long>();
        var taken = new HashSet<long>();
        foreach (var (n, o, _) in overlaps.OrderByDescending(x => x.Shared).ThenBy(x => x.Old).ThenBy(x => x.New))
            if (!renumber.ContainsKey(n) && taken.Add(o)) renumber[n] = o;
        Exec($"""
            CREATE TEMP TABLE IF NOT EXISTS RegroupRenumber (New INTEGER NOT NULL PRIMARY KEY, Old INTEGER NOT NULL);
            DELETE FROM temp.RegroupRenumber;
            {(_sql.Postgres
                ? "INSERT INTO temp.RegroupRenumber (New, Old) SELECT CAST(key AS bigint), CAST(value AS bigint) FROM jsonb_each_text(CAST($m AS jsonb));"
                : "INSERT INTO temp.RegroupRenumber (New, Old) SELECT CAST(key AS INTEGER), value FROM json_each($m);")}
            UPDATE Stories SET Id = r.Old FROM temp.RegroupRenumber r WHERE Stories.Id = r.New;
            UPDATE Articles SET StoryId = r.Old FROM temp.RegroupRenumber r WHERE Articles.StoryId = r.New;
            UPDATE StoryMemberships SET StoryId = r.Old FROM temp.RegroupRenumber r WHERE StoryMemberships.StoryId = r.New;
            UPDATE StorySignatures SET StoryId = r.Old FROM temp.RegroupRenumber r WHERE StorySignatures.StoryId = r.New;
            UPDATE StoryPostings SET StoryId = r.Old FROM temp.RegroupRenumber r WHERE StoryPostings.StoryId = r.New;
            UPDATE StoryPostingsRecent SET StoryId = r.Old FROM temp.RegroupRenumber r WHERE StoryPostingsRecent.StoryId = r.New;
            CREATE TEMP TABLE IF NOT EXISTS RegroupLinks (StoryId INTEGER NOT NULL, RelatedStoryId INTEGER NOT NULL, Score REAL NOT NULL);
            DELETE FROM temp.RegroupLinks;
            INSERT INTO temp.RegroupLinks SELECT COALESCE(a.Old, l.StoryId), COALESCE(b.Old, l.RelatedStoryId), l.Score FROM StoryLinks l
                LEFT JOIN temp.RegroupRenumber a ON a.New = l.StoryId LEFT JOIN temp.RegroupRenumber b ON b.New = l.RelatedStoryId;
            DELETE FROM StoryLinks;
            INSERT OR IGNORE INTO StoryLinks (StoryId, RelatedStoryId, Score)
                SELECT CASE WHEN StoryId < RelatedStoryId THEN StoryId ELSE RelatedStoryId END,
                    CASE WHEN StoryId < RelatedStoryId THEN RelatedStoryId ELSE StoryId END, Score FROM temp.RegroupLinks;
            """, ("$m", JsonSerializer.Serialize(renumber)));
        // Old ids no new story took: where their articles are now.
        var retired = new Dictionary<long, Dictionary<long, int>>();
        using (var cmd = Command("""
            SELECT b.StoryId, m.StoryId, COUNT(*) FROM temp.RegroupBefore b JOIN StoryMemberships m ON m.ArticleId = b.ArticleId
            WHERE b.StoryId NOT IN (SELECT Id FROM Stories) GROUP BY b.StoryId, m.StoryId
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                if (!retired.TryGetValue(r.GetInt64(0), out var to)) retired[r.GetInt64(0)] = to = [];
                to[r.GetInt64(1)] = r.GetInt32(2);
            }
        foreach (var (old, to) in retired) Retire(old, to, to.Count == 1 ? "merged" : "split", now);
        Exec("DROP TABLE temp.RegroupBefore; DROP TABLE temp.RegroupRenumber; DROP TABLE temp.RegroupLinks;");
        _lockedStories.Clear();
    }
}
