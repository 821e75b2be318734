using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Stories;

/// <summary>What a grouping run did.</summary>
/// <param name="Articles">Articles placed.</param>
/// <param name="Joined">Articles that joined an existing story.</param>
/// <param name="Opened">Stories opened.</param>
/// <param name="Stories">Stories touched.</param>
/// <param name="Split">Stories opened after placement by splitting one that held more than one event (a lone report of
/// another event leaving included; <see cref="GroupingLoop.Split"/>).</param>
/// <param name="Rebuilt">Whether the whole store was regrouped first, because it had been grouped on the terms of an
/// older version (see <see cref="StoryStore.AssignAsync"/>).</param>
public sealed record GroupingReport(int Articles, int Joined, int Opened, int Stories, int Split = 0, bool Rebuilt = false)
{
    /// <summary>This report and <paramref name="other"/>, added up.</summary>
    public GroupingReport Plus(GroupingReport other) => new(Articles + other.Articles, Joined + other.Joined, Opened + other.Opened,
        Stories + other.Stories, Split + other.Split, Rebuilt || other.Rebuilt);

    /// <summary>What happened, in a line for people: the placements, then the stories split off after them.</summary>
    public string Describe() =>
        $"{Articles} article(s) placed, {Joined} joined an existing story, {Opened} opened a new one"
        + (Split > 0 ? $"; then {Split} more opened by splitting a story that held more than one event" : "");
}

/// <summary>
/// The store side of story grouping: loads articles from the database, runs <see cref="GroupingLoop"/> (the loop
/// <see cref="StoryEngine.Group"/> runs in memory) over the store's state, and writes stories, memberships (with
/// explanations), copies, related links and inferred dates. Only a batch's worth of state is held in memory. Its
/// parts: the candidate index (<see cref="StoryCandidateIndex"/>), document frequencies
/// (<see cref="StoryDocumentFrequencies"/>), signatures (StoryStore.Signatures.cs), the loop's state
/// (StoryStore.GroupingState.cs), corrections (StoryStore.Corrections.cs) and queries for pages (StoryStore.Queries.cs).
/// </summary>
public sealed partial class StoryStore
{
    private const long DocumentsKey = StoryDocumentFrequencies.DocumentsKey;

    private readonly NewsDb _db;
    private readonly StoryEngineOptions _options;
    private DbConnection _connection = null!;
    private DbTransaction? _tx;

    /// <summary>
    /// A story whose two halves are at least <see cref="StoryEngineOptions.SplitBelow"/> but less than this alike
    /// is flagged as possibly mixed (<see cref="ProposedSplit"/>); <c>bench-mixed</c> sweeps it.
    /// </summary>
    public double FlagBelow { get; init; } = ProposedSplit.FlagBelow;

    /// <summary>A store over <paramref name="db"/>.</summary>
    /// <param name="db">The open store.</param>
    /// <param name="options">Engine thresholds (defaults when null).</param>
    public StoryStore(NewsDb db, StoryEngineOptions? options = null)
    {
        _db = db;
        _options = options ?? StoryEngineOptions.Default;
        _sql = new StoreCommands(() => _connection, () => _tx, StoreDialect.For(db));
        _index = new StoryCandidateIndex(_sql);
        _frequencies = new StoryDocumentFrequencies(_sql);
    }

    private readonly StoreCommands _sql;
    private readonly StoryCandidateIndex _index;
    private readonly StoryDocumentFrequencies _frequencies;

    /// <summary>
    /// Places the given newly imported articles: each joins the story it reports or opens a new one. Articles
    /// already grouped, and superseded versions, are skipped. Call after each import batch has been saved, outside
    /// any open transaction on <paramref name="db"/> (grouping runs its own transactions, one per 1,000 articles).
    /// </summary>
    /// <param name="db">The open store.</param>
    /// <param name="articleIds">The new articles.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    public static Task<GroupingReport> AssignNewArticlesAsync(NewsDb db, IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken = default) =>
        new StoryStore(db).AssignAsync(articleIds, cancellationToken);

    /// <summary>
    /// Places the given articles (see <see cref="AssignNewArticlesAsync(NewsDb, IReadOnlyCollection{long}, CancellationToken)"/>).
    /// A store grouped by a version that read other terms from text is regrouped whole instead (once), since its
    /// stories could not be compared with the new articles; the report then says <see cref="GroupingReport.Rebuilt"/>.
    /// </summary>
    /// <param name="articleIds">The articles.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    public async Task<GroupingReport> AssignAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var total = new GroupingReport(0, 0, 0, 0);
        await OpenAsync(cancellationToken);
        try
        {
            if (GroupedWithOtherFeatures())
            {
                await CloseAsync();
                return await RegroupAsync(null, cancellationToken) with { Rebuilt = true };
            }
            foreach (var chunk in articleIds.Distinct().Chunk(1000))
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A batch of at least BulkArticles that is as large as everything grouped before it (a first import, a
                // bulk load) is placed as regroup places a store: weighed against its finished counts, then refined.
                // Smaller batches keep full weight for words no other article has yet, which the next report may share:
                // in a handful of articles most words are such words.
                var bulk = _options.RefinePasses > 0 && chunk.Length >= BulkArticles && chunk.Length >= CountGrouped(chunk.Length + 1);
                var report = await Task.Run(() => InTransaction(() => AssignBatch(chunk, updateDf: true, bulk)), cancellationToken);
                for (var pass = 0; bulk && pass < _options.RefinePasses; pass++)
                    if (await Task.Run(() => InTransaction(() => RefineBatch(_placedOrder)), cancellationToken) == 0) break;
                // As regroup does, but only for the articles that stand alone: those of the batch that opened a story,
                // and those of earlier one-article stories the batch came near. A later report may tie them to their
                // event; articles that joined a story are left alone (re-scoring them all would cost as much again).
                if (_options.RefinesImports)
                    await Task.Run(() => InTransaction(() => RefineBatch(SmallCandidateMembers())), cancellationToken);
                // A story the batch grew may now hold two events (StoryEngine.Bisect).
                var split = await Task.Run(() => InTransaction(() => SplitStories(TakeTouched())), cancellationToken);
                total = total.Plus(report with { Split = split });
            }
        }
        finally
        {
            await CloseAsync();
        }
        return total;
    }

    /// <summary>
    /// Places every latest article that is in no story yet (for example after an import that stopped before
    /// grouping), without touching the others.
    /// </summary>
    /// <param name="cancellationToken">Cancels between batches.</param>
    public async Task<GroupingReport> AssignPendingAsync(CancellationToken cancellationToken = default)
    {
        var ids = await _db.Database.SqlQueryRaw<long>(_sql.Sql("""
            SELECT a.Id AS "Value" FROM Articles a WHERE a.IsLatest = 1
            AND NOT EXISTS (SELECT 1 FROM StoryMemberships m WHERE m.ArticleId = a.Id) ORDER BY a.Id
            """)).ToListAsync(cancellationToken);
        return await AssignAsync(ids, cancellationToken);
    }

    private const int BulkArticles = 100;

    // Grouped articles, counted up to `limit` (counting them all read the whole index each batch).
    private long CountGrouped(long limit)
    {
        using var cmd = Command("SELECT COUNT(*) FROM (SELECT 1 FROM StoryMemberships LIMIT $n) AS g", ("$n", limit));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // The articles of the last AssignBatch in the order it placed them, which a bulk batch's refinement follows.
    private List<long> _placedOrder = [];

    private int CountStories()
    {
        using var cmd = Command("SELECT COUNT(*) FROM Stories");
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // ---- placement: GroupingLoop over the store (SqliteGroupingState) -------------------------------------

    private GroupingReport AssignBatch(IReadOnlyList<long> ids, bool updateDf, bool bulk = false)
    {
        _smallCandidates.Clear();
        var articles = LoadArticles(ids, onlyUngrouped: true);
        if (articles.Count == 0) return new GroupingReport(0, 0, 0, 0);
        // Reading text is pure and the bulk of the CPU work: spread it over the cores.
        var counts = articles.AsParallel().AsOrdered().Select(TermCounts.Count).ToList();
        if (updateDf) AddDocumentFrequencies(counts);
        var df = ReadDocumentFrequencies(counts);
        var n = df.GetValueOrDefault(DocumentsKey);
        // Two weighings while importing: to decide, a term no other article has yet counts a quarter (as in a full
        // regroup: it cannot match anything now); to keep, it counts fully (the next report may share it).
        var profiles = StoryEngine.InPlacementOrder(counts.AsParallel().Select(c => (Score: ArticleProfile.Weigh(c, t => StoryEngine.Idf(t, df.GetValueOrDefault(t), n, _options.Background, unshared: _options.UnsharedTermWeight), _options),
                Keep: updateDf && !bulk ? ArticleProfile.Weigh(c, t => StoryEngine.Idf(t, df.GetValueOrDefault(t), n, _options.Background, complete: false), _options) : null))
            .ToList(), p => p.Score);
        _placedOrder = profiles.Select(p => p.Score.Id).ToList();
        (_batchDf, _documents, _complete) = (df, n, !updateDf || bulk);
        var state = new SqliteGroupingState(this, ReadLocks(ids), articles.ToDictionary(a => a.Id), noteSmall: updateDf && _options.RefinesImports);
        _index.Prefetch(profiles.Select(p => p.Score));
        state.ReadAhead(profiles.Select(p => p.Score));
        return GroupingLoop.Place(state, profiles);
    }

    /// <summary>
    /// One refinement step of <see cref="RegroupAsync"/> over <paramref name="ids"/> (<see cref="GroupingLoop.Refine"/>):
    /// each article not fixed by a correction is taken out of its story and placed again among its candidate stories
    /// (its own included), under the same rules as on arrival. Returns how many moved.
    /// </summary>
    private int RefineBatch(IReadOnlyList<long> ids)
    {
        var placed = new Dictionary<long, (long Story, ArticleProfile Profile)>();
        using (var cmd = Command("""
            SELECT m.ArticleId, m.StoryId, m.Features, COALESCE(a.Outlet, a.Site) FROM StoryMemberships m JOIN Articles a ON a.Id = m.ArticleId
            WHERE m.ArticleId IN (SELECT value FROM json_each($ids)) AND m.Features IS NOT NULL
            """, ("$ids", JsonSerializer.Serialize(ids))))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                placed[r.GetInt64(0)] = (r.GetInt64(1), MemberFeatures.Deserialise(r.GetInt64(0), (byte[])r.GetValue(2)).ToProfile(outlet: r.IsDBNull(3) ? null : r.GetString(3)));
        var state = new SqliteGroupingState(this, ReadLocks(ids), null, noteSmall: false);
        _index.Prefetch(placed.Values.Select(p => p.Profile));
        state.Read(placed.Values.Select(p => p.Story));
        state.ReadAhead(placed.Values.Select(p => p.Profile), placed.Values.Select(p => p.Story));
        return GroupingLoop.Refine(state, ids.Where(placed.ContainsKey).Select(id => (placed[id].Profile, placed[id].Story)));
    }

    // Stories of at least StoryEngine.MinSplitMembers placed into or refined since the last split check, with the
    // members their refresh read (so the check need not read them again).
    private readonly Dictionary<long, List<MemberFeatures>?> _touched = [];

    private void Touched(long storyId, List<MemberFeatures> members)
    {
        if (members.Count >= StoryEngine.MinSplitMembers) _touched[storyId] = members;
        else _touched.Remove(storyId);
    }

    private List<long> TakeTouched() => _touched.Keys.Order().ToList();

    private List<long> StoriesOfAtLeast(int members)
    {
        var ids = new List<long>();
        using var cmd = Command("SELECT StoryId FROM StoryMemberships GROUP BY StoryId HAVING COUNT(*) >= $n ORDER BY StoryId", ("$n", members));
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids;
    }

    /// <summary>
    /// Checks <paramref name="storyIds"/> for two events and splits or flags them (<see cref="GroupingLoop.Split"/>).
    /// Returns how many splits were made.
    /// </summary>
    private int SplitStories(IEnumerable<long> storyIds)
    {
        var ids = storyIds.ToList();
        var state = new SqliteGroupingState(this, [], null, noteSmall: false);
        state.ReadForSplit(ids);
        return GroupingLoop.Split(state, ids, FlagBelow);
    }

    /// <summary>Flags a story as possibly mixed with <paramref name="split"/>, or clears the flag; its inferred dates follow.</summary>
    private void Flag(long storyId, ProposedSplit? split)
    {
        var json = split?.Serialise();
        using var cmd = Command("UPDATE Stories SET MixedSplit = $m WHERE Id = $s AND MixedSplit IS DISTINCT FROM $m", ("$s", storyId), ("$m", json));
        if (cmd.ExecuteNonQuery() > 0) LendDates(storyId);
    }

    /// <summary>Sets the flag of a story whose stored flag is known to differ from <paramref name="json"/> (see <see cref="Flag"/>), without reading.</summary>
    private void SetFlag(long storyId, string? json)
    {
        Exec("UPDATE Stories SET MixedSplit = $m WHERE Id = $s", ("$s", storyId), ("$m", json));
        LendDates(storyId);
    }

    /// <summary>The stored flags (<see cref="ProposedSplit"/> as JSON, or null) of those of <paramref name="storyIds"/> that exist, in one statement.</summary>
    private Dictionary<long, string?> ReadFlags(IReadOnlyCollection<long> storyIds)
    {
        var flags = new Dictionary<long, string?>();
        using var r = Prepared("SELECT Id, MixedSplit FROM Stories WHERE Id IN (SELECT value FROM json_each($s))", ("$s", JsonSerializer.Serialize(storyIds))).ExecuteReader();
        while (r.Read()) flags[r.GetInt64(0)] = r.IsDBNull(1) ? null : r.GetString(1);
        return flags;
    }

    private bool HasLockedMember(long storyId)
    {
        var cmd = Prepared("SELECT EXISTS (SELECT 1 FROM StoryLocks l JOIN StoryMemberships m ON m.ArticleId = l.ArticleId WHERE m.StoryId = $s)", ("$s", storyId));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    private long? OpenerOf(long storyId)
    {
        using var cmd = Command("SELECT ArticleId FROM StoryMemberships WHERE StoryId = $s AND Method = 'opened' ORDER BY ArticleId LIMIT 1", ("$s", storyId));
        return cmd.ExecuteScalar() is long a ? a : null;
    }

    // One-article stories the current batch opened or came near as candidates (see AssignAsync).
    private readonly HashSet<long> _smallCandidates = [];

    private List<long> SmallCandidateMembers()
    {
        var ids = new List<long>();
        using var cmd = Command("""
            SELECT m.ArticleId FROM StoryMemberships m JOIN Articles a ON a.Id = m.ArticleId
            WHERE m.StoryId IN (SELECT value FROM json_each($s)) ORDER BY (a.Published IS NULL OR a.PublishedInferred = 1), a.Published, a.Id
            """, ("$s", JsonSerializer.Serialize(_smallCandidates)));
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetInt64(0));
        _smallCandidates.Clear();
        return ids;
    }

    /// <summary>
    /// Rows a recent table of the grouping index may hold before it is merged into its large table. New postings and
    /// document-frequency changes go to small tables (StoryPostingsRecent, StoryTermStatsRecent) whose pages stay in
    /// the cache; the merge inserts them in key order. Inserted one at a time at random terms, they dirtied nearly
    /// every page of the large B-trees in every transaction, so the bytes written per article grew with the store.
    /// </summary>
    internal int RecentRowsLimit { get; init; } = 250_000;

    private void MergeRecentIndex()
    {
        _index.MergeRecent(RecentRowsLimit);
        _frequencies.MergeRecent(RecentRowsLimit);
    }

    private long InsertStory(string? title, DateTime now)
    {
        var t = string.IsNullOrWhiteSpace(title) ? "(untitled)" : title.Trim();
        if (!_sql.Postgres || _tx is null)
            return (long)Prepared("""
                INSERT INTO Stories (Title, ArticleCount, IndependentCount, OutletCount, UpdatedAt) VALUES ($t, 0, 0, 0, $u) RETURNING Id
                """, ("$t", t), ("$u", Stamp(now))).ExecuteScalar()!;
        var id = NextStoryId();
        Exec("INSERT INTO Stories (Id, Title, ArticleCount, IndependentCount, OutletCount, UpdatedAt) VALUES ($id, $t, 0, 0, 0, $u)",
            ("$id", id), ("$t", t), ("$u", Stamp(now)));
        return id;
    }

    // Story ids drawn from the Stories identity on PostgreSQL and not given yet, ascending, and the last one drawn.
    // Opening a story returned its id (INSERT … RETURNING), a round trip for every story a step opened; with ids drawn
    // StoryIdsDrawn at a time, the insert goes to the server with the step's other writes. Every story is opened under
    // the grouping lock (TakeGroupingLock), so nothing else draws from the identity meanwhile, and the ids a
    // transaction leaves unused are put back before it commits (ReturnStoryIds): stories get the ids they got before.
    private readonly Queue<long> _storyIds = new();
    private long _lastDrawn;
    private const int StoryIdsDrawn = 64;

    private long NextStoryId()
    {
        if (_storyIds.Count == 0)
        {
            using var r = Command("""SELECT nextval(pg_get_serial_sequence('"Stories"', 'Id')) FROM generate_series(1, $n) ORDER BY 1""", ("$n", StoryIdsDrawn)).ExecuteReader();
            while (r.Read()) _storyIds.Enqueue(_lastDrawn = r.GetInt64(0));
        }
        return _storyIds.Dequeue();
    }

    /// <summary>
    /// Puts back the story ids drawn and not given (see <see cref="NextStoryId"/>), so the next story opened gets the
    /// one after the last given: only if the identity still stands where this object left it.
    /// </summary>
    private void ReturnStoryIds()
    {
        if (_storyIds.Count == 0) return;
        var next = _storyIds.Peek();
        _storyIds.Clear();
        Exec("""
            SELECT setval(q.s, GREATEST($next - 1, 1), $next > 1) FROM (SELECT CAST(pg_get_serial_sequence('"Stories"', 'Id') AS regclass) AS s) AS q
            WHERE pg_sequence_last_value(q.s) = $last
            """, ("$next", next), ("$last", _lastDrawn));
    }

    // writeArticle: whether the article's row is set to name the story now (else its story's refresh writes it).
    private void InsertMembership(ArticleProfile a, long storyId, StoryExplanation why, DateTime now, bool writeArticle = true)
    {
        Exec($"""
            INSERT INTO StoryMemberships (ArticleId, StoryId, Score, Method, SharedNames, SharedTerms, GapDays, AssignedAt, Features, Breakdown)
            VALUES ($a, $s, $score, $m, $n, $t, $g, $at, $f, $b)
            ON CONFLICT (ArticleId) DO UPDATE SET StoryId = excluded.StoryId, Score = excluded.Score, Method = excluded.Method, SharedNames = excluded.SharedNames,
                SharedTerms = excluded.SharedTerms, GapDays = excluded.GapDays, AssignedAt = excluded.AssignedAt, Features = excluded.Features, Breakdown = excluded.Breakdown;
            {(writeArticle ? "UPDATE Articles SET StoryId = $s WHERE Id = $a AND StoryId IS DISTINCT FROM $s;" : "")}
            """,
            ("$a", a.Id), ("$s", storyId), ("$score", why.Score), ("$m", why.Method),
            ("$n", JsonSerializer.Serialize(why.SharedNames)), ("$t", JsonSerializer.Serialize(why.SharedTerms)),
            ("$g", why.GapDays), ("$at", Stamp(now)), ("$f", MemberFeatures.From(a).Serialise()), ("$b", why.Breakdown?.Serialise()));
    }

    /// <summary>
    /// Recomputes a story's copies, counts, dates, title and inferred dates; drops it when empty (recording where its
    /// articles went, when known). Returns the members it read.
    /// </summary>
    /// <param name="storyId">The story.</param>
    /// <param name="now">The time written as its update's.</param>
    /// <param name="read">Its members, when the caller has read them (<see cref="LoadMembers(IReadOnlyCollection{long})"/>).</param>
    /// <param name="rows">Its articles, when the caller has read them (<see cref="LoadStoryRows"/>), with <paramref name="placed"/> as they are about to be written.</param>
    /// <param name="placed">Articles placed in it whose rows do not name it yet, and whether each states its date.</param>
    /// <param name="lender">The article whose stated date the story lends (as <see cref="LendDates"/> finds it), for <paramref name="placed"/>.</param>
    private List<MemberFeatures> RefreshStory(long storyId, DateTime now, List<MemberFeatures>? read = null, List<StoryRow>? rows = null,
        IReadOnlyList<(long Id, bool Dated)>? placed = null, long? lender = null)
    {
        var members = read ?? LoadMembers(storyId);
        if (members.Count == 0)
        {
            if (_departed.Remove(storyId, out var went)) Retire(storyId, went, went.Count == 1 ? "merged" : "split", now);
            Exec("DELETE FROM StorySignatures WHERE StoryId = $s; DELETE FROM Stories WHERE Id = $s;", ("$s", storyId));
            return members;
        }
        _departed.Remove(storyId);
        var copies = members.Count <= 400 ? StoryEngine.CopySources(AsGrouped(members), _options) : [];
        var articles = (rows ?? LoadStoryRows([storyId])[storyId]).ToDictionary(r => r.Id);
        // A placed article's row gets its story, copy and inferred date in one write (each UPDATE is a new version of
        // the row, its text included, with entries in every index on PostgreSQL); the statements below then find it
        // as they would have left it. Should the date guessed here differ, LendDates still sets the right one.
        foreach (var (id, dated) in placed ?? [])
        {
            long? copyOf = copies.TryGetValue(id, out var source) ? source : null;
            if (articles.TryGetValue(id, out var placedRow)) articles[id] = placedRow with { CopyOf = copyOf };
            Exec(dated ? "UPDATE Articles SET StoryId = $s, CopyOfArticleId = $c WHERE Id = $a"
                : lender is null ? "UPDATE Articles SET StoryId = $s, CopyOfArticleId = $c, Published = NULL, PublishedInferred = 0, PublishedSource = NULL, PublishedFromArticleId = NULL WHERE Id = $a"
                : """
                  UPDATE Articles SET StoryId = $s, CopyOfArticleId = $c, Published = (SELECT f.Published FROM Articles f WHERE f.Id = $f), PublishedInferred = 1,
                      PublishedSource = $src, PublishedFromArticleId = $f WHERE Id = $a
                  """,
                ("$s", storyId), ("$a", id), ("$c", copyOf), ("$f", lender), ("$src", MetadataSources.Story));
        }
        // Rows are written only where a value changes: an UPDATE rewrites the row and its indexes even when it sets
        // what is already there, and most of a touched story's rows do not change. The rows read say which do; a
        // statement is issued only then (most refreshes change no copy link).
        if (articles.Values.Any(r => r.CopyOf is not null && !copies.ContainsKey(r.Id)))
            Exec("UPDATE Articles SET CopyOfArticleId = NULL WHERE StoryId = $s AND CopyOfArticleId IS NOT NULL AND Id NOT IN (SELECT value FROM json_each($c))",
                ("$s", storyId), ("$c", JsonSerializer.Serialize(copies.Keys)));
        foreach (var (copy, source) in copies)
            if (!articles.TryGetValue(copy, out var row) || row.CopyOf != source)
                Exec("UPDATE Articles SET CopyOfArticleId = $c WHERE Id = $a AND CopyOfArticleId IS DISTINCT FROM $c", ("$c", source), ("$a", copy));
        var headlines = articles.Values.Where(r => r.Latest).ToDictionary(r => r.Id, r => r.Headline);
        var title = StoryTitles.Choose(members.Where(m => headlines.ContainsKey(m.ArticleId))
            .Select(m => (m.ArticleId, headlines[m.ArticleId], copies.ContainsKey(m.ArticleId), m.Weights)).ToList());
        // The counts and dates from the rows read, as the writes above leave them (every row of the story that is not a
        // copy now has no copy link): five subqueries over the story's articles were the costliest statement of a
        // PostgreSQL grouping run, re-reading per refresh what the refresh had just read.
        var latest = articles.Values.Where(r => r.Latest).ToList();
        var stated = articles.Values.Where(r => r.Stated is not null).Select(r => r.Stated!.Value).ToList();
        Exec("""
            UPDATE Stories SET
                ArticleCount = $articles,
                IndependentCount = $independent,
                OutletCount = $outlets,
                FirstDate = $first,
                LastDate = $last,
                Title = COALESCE($title, Title),
                TitleArticleId = CASE WHEN $title IS NULL THEN TitleArticleId ELSE $titleArticle END,
                TitleSource = CASE WHEN $title IS NULL THEN TitleSource ELSE $titleSource END,
                MixedSplit = CASE WHEN $members < $min THEN NULL ELSE MixedSplit END,
                UpdatedAt = $u
            WHERE Id = $s;
            """, ("$s", storyId), ("$u", Stamp(now)), ("$title", title?.Headline), ("$titleArticle", title?.ArticleId), ("$titleSource", title?.Source),
            ("$members", members.Count), ("$min", StoryEngine.MinSplitMembers),
            ("$articles", latest.Count), ("$independent", latest.Count(r => !copies.ContainsKey(r.Id))),
            ("$outlets", latest.Select(r => r.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Count()),
            ("$first", stated.Count > 0 ? _sql.Dialect.Date(stated.Min()) : null), ("$last", stated.Count > 0 ? _sql.Dialect.Date(stated.Max()) : null));
        // Only an article without a date of its own is given one: a story whose every article states its date has none to lend.
        if (articles.Values.Any(r => r.Stated is null)) LendDates(storyId);
        return members;
    }

    /// <summary>
    /// The members weighed as a full grouping of the store as it stands weighs them (every term against the current
    /// counts, a term no other article has counting a quarter), for deciding copies: an import keeps each member weighed
    /// as the store stood when it came, with full weight for words nobody else had yet, so a rewrite's cosine to its
    /// source depended on the order of arrival and a regroup could undo what the import decided (docs/stories.md §3).
    /// </summary>
    private List<MemberFeatures> AsGrouped(List<MemberFeatures> members)
    {
        if (members.Count < 2) return members;
        _frequencies.Prefetch(members.SelectMany(m => m.TermsToWeigh.Keys));
        var documents = _frequencies.Documents();
        return members.ConvertAll(m => MemberFeatures.From(m.Reweigh(
            t => StoryEngine.Idf(t, _frequencies.Of(t), documents, _options.Background, complete: true, _options.UnsharedTermWeight), _options)));
    }

    /// <summary>
    /// Gives the story's undated articles the earliest date one of its articles states, naming that article; a story
    /// flagged as possibly mixed lends none. Only inferred dates are written: a stated date is never overwritten.
    /// </summary>
    private void LendDates(long storyId) =>
        Exec("""
            UPDATE Articles SET
                Published = d.Published,
                PublishedInferred = d.Published IS NOT NULL,
                PublishedSource = CASE WHEN d.Published IS NULL THEN NULL ELSE $src END,
                PublishedFromArticleId = d.FromId
            FROM (SELECT
                    (SELECT a.Published FROM Articles a WHERE a.StoryId = $s AND a.PublishedInferred = 0 AND a.Published IS NOT NULL
                        AND (SELECT MixedSplit FROM Stories WHERE Id = $s) IS NULL ORDER BY a.Published, a.Id LIMIT 1) AS Published,
                    (SELECT a.Id FROM Articles a WHERE a.StoryId = $s AND a.PublishedInferred = 0 AND a.Published IS NOT NULL
                        AND (SELECT MixedSplit FROM Stories WHERE Id = $s) IS NULL ORDER BY a.Published, a.Id LIMIT 1) AS FromId) AS d
            WHERE Articles.StoryId = $s AND (Articles.Published IS NULL OR Articles.PublishedInferred = 1)
                AND NOT (Articles.Published IS NOT DISTINCT FROM d.Published AND Articles.PublishedFromArticleId IS NOT DISTINCT FROM d.FromId
                         AND Articles.PublishedInferred IS NOT DISTINCT FROM (d.Published IS NOT NULL)
                         AND Articles.PublishedSource IS NOT DISTINCT FROM (CASE WHEN d.Published IS NULL THEN NULL ELSE $src END));
            """, ("$s", storyId), ("$src", MetadataSources.Story));

    // Where the articles of a story went when they left it (refinement, corrections), so a story emptied by it is
    // retired with pointers to its successors: story -> (successor -> articles).
    private readonly Dictionary<long, Dictionary<long, int>> _departed = [];

    private void Departed(long from, long to, int articles = 1)
    {
        // A regroup's stories are new until it ends, and it retires the old ones itself (KeepStoryIds).
        if (from == to || _regrouping) return;
        if (!_departed.TryGetValue(from, out var went)) _departed[from] = went = [];
        went[to] = went.GetValueOrDefault(to) + articles;
    }

    /// <summary>Records that <paramref name="storyId"/> no longer exists and which stories hold its articles now.</summary>
    private void Retire(long storyId, IReadOnlyDictionary<long, int> successors, string reason, DateTime now)
    {
        foreach (var (successor, count) in successors)
            Exec("""
                INSERT INTO RetiredStories (StoryId, SuccessorId, Articles, Reason, RetiredAt) VALUES ($s, $n, $c, $r, $at)
                ON CONFLICT (StoryId, SuccessorId) DO UPDATE SET Articles = RetiredStories.Articles + excluded.Articles
                """, ("$s", storyId), ("$n", successor), ("$c", count), ("$r", reason), ("$at", Stamp(now)));
    }

    /// <summary>The members of each of <paramref name="storyIds"/> in one statement, as <see cref="LoadMembers(long)"/> reads them.</summary>
    private Dictionary<long, List<MemberFeatures>> LoadMembers(IReadOnlyCollection<long> storyIds)
    {
        var members = storyIds.ToDictionary(id => id, _ => new List<MemberFeatures>());
        using var r = Prepared("SELECT StoryId, ArticleId, Features FROM StoryMemberships WHERE StoryId IN (SELECT value FROM json_each($s)) ORDER BY StoryId, ArticleId",
            ("$s", JsonSerializer.Serialize(members.Keys))).ExecuteReader();
        while (r.Read())
            if (!r.IsDBNull(2)) members[r.GetInt64(0)].Add(MemberFeatures.Deserialise(r.GetInt64(1), (byte[])r.GetValue(2)));
        return members;
    }

    /// <summary>An article of a story as a refresh reads it: whether it is the latest version, its headline, its stated date, the article it copies, its outlet (else site).</summary>
    private readonly record struct StoryRow(long Id, bool Latest, string? Headline, DateOnly? Stated, long? CopyOf, string? Outlet);

    /// <summary>The articles (every version) of each of <paramref name="storyIds"/>, in one statement.</summary>
    private Dictionary<long, List<StoryRow>> LoadStoryRows(IReadOnlyCollection<long> storyIds)
    {
        var rows = storyIds.ToDictionary(id => id, _ => new List<StoryRow>());
        using var r = Prepared("""
            SELECT StoryId, Id, IsLatest, Headline, CASE WHEN PublishedInferred = 0 THEN Published END, CopyOfArticleId, COALESCE(Outlet, Site)
            FROM Articles WHERE StoryId IN (SELECT value FROM json_each($s))
            """, ("$s", JsonSerializer.Serialize(rows.Keys))).ExecuteReader();
        while (r.Read())
            rows[r.GetInt64(0)].Add(new StoryRow(r.GetInt64(1), Convert.ToBoolean(r.GetValue(2), CultureInfo.InvariantCulture),
                r.IsDBNull(3) ? null : r.GetString(3), StoreCommands.Date(r, 4), r.IsDBNull(5) ? null : r.GetInt64(5), r.IsDBNull(6) ? null : r.GetString(6)));
        return rows;
    }

    /// <summary>Those of <paramref name="storyIds"/> flagged as possibly mixed.</summary>
    private HashSet<long> FlaggedStories(IEnumerable<long> storyIds)
    {
        var flagged = new HashSet<long>();
        using var r = Prepared("SELECT Id FROM Stories WHERE Id IN (SELECT value FROM json_each($s)) AND MixedSplit IS NOT NULL",
            ("$s", JsonSerializer.Serialize(storyIds))).ExecuteReader();
        while (r.Read()) flagged.Add(r.GetInt64(0));
        return flagged;
    }

    private List<MemberFeatures> LoadMembers(long storyId)
    {
        var list = new List<MemberFeatures>();
        using var r = Prepared("SELECT ArticleId, Features FROM StoryMemberships WHERE StoryId = $s ORDER BY ArticleId", ("$s", storyId)).ExecuteReader();
        while (r.Read())
            if (!r.IsDBNull(1)) list.Add(MemberFeatures.Deserialise(r.GetInt64(0), (byte[])r.GetValue(1)));
        return list;
    }

    // ---- document frequencies (StoryDocumentFrequencies) -------------------------------------------------

    private void ClearDocumentFrequencies() => _frequencies.Clear();

    private void AddDocumentFrequencies(IReadOnlyList<TermCounts> counts) => _frequencies.Add(counts);

    private Dictionary<long, long> ReadDocumentFrequencies(IReadOnlyList<TermCounts> counts) => _frequencies.Read(counts);

    /// <summary>Whether articles are grouped and the store's grouping index was built on another version of the term features.</summary>
    private bool GroupedWithOtherFeatures() => _frequencies.CountedWithOtherFeatures();

    // ---- loading articles ----------------------------------------------------------------------------------

    private List<StoryArticle> LoadArticles(IReadOnlyList<long> ids, bool onlyUngrouped = false)
    {
        var list = new List<StoryArticle>(ids.Count);
        // "+a.IsLatest" keeps SQLite from reading the articles through IX_Articles_IsLatest_Published: with that index
        // it walked every latest article of the store to find the few asked for (a split's members, a batch), so
        // the cost of each call grew with the store. Without it, each article is looked up by its id.
        using var cmd = Command($"""
            SELECT a.Id, a.Headline, a.Paragraphs, COALESCE(a.Outlet, a.Site), a.Language, CASE WHEN a.PublishedInferred = 0 THEN a.Published END
            FROM Articles a WHERE a.Id IN (SELECT value FROM json_each($ids)) AND +a.IsLatest = 1
            {(onlyUngrouped ? "AND NOT EXISTS (SELECT 1 FROM StoryMemberships m WHERE m.ArticleId = a.Id)" : "")}
            ORDER BY a.Id
            """, ("$ids", JsonSerializer.Serialize(ids)));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            List<string> paragraphs;
            try { paragraphs = JsonSerializer.Deserialize<List<string>>(r.GetString(2)) ?? []; }
            catch (JsonException) { paragraphs = [r.GetString(2)]; }
            var published = StoreCommands.Date(r, 5);
            list.Add(new StoryArticle(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), paragraphs,
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), published));
        }
        return list;
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private async Task OpenAsync(CancellationToken ct)
    {
        _connection = _db.Database.GetDbConnection();
        if (_connection.State != System.Data.ConnectionState.Open) await _db.Database.OpenConnectionAsync(ct);
        _lockedStories.Clear();
        if (_sql.Postgres) return;
        _restorePragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA cache_size = {Scalar("PRAGMA cache_size")}; PRAGMA wal_autocheckpoint = {Scalar("PRAGMA wal_autocheckpoint")};");
        Exec(GroupingPragmas);
    }

    /// <summary>
    /// Connection settings while grouping, put back when it ends. A batch rewrites the recent index tables (a few
    /// thousand pages, see RecentRowsLimit) many times; SQLite's default 2 MB cache could not hold them. 16 MB can.
    /// 64 MB gave nothing measurable at 100,000 articles and, freed and allocated again on each call's threads, raised
    /// the peak working set by about 250 MB at 360,000 articles. SQLite's default checkpoint after every commit that leaves 1,000 pages in
    /// the WAL copied each transaction's pages into the store file; with 16,384 (64 MB) the pages several
    /// transactions rewrite are copied once, and the call ends with one checkpoint of its own.
    /// </summary>
    internal const string GroupingPragmas = "PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 16384;";

    private string? _restorePragmas;

    private long Scalar(string sql) => _sql.Scalar(sql);

    private async Task CloseAsync()
    {
        await _sql.DisposeAsync();
        if (_restorePragmas is not null && _connection.State == System.Data.ConnectionState.Open)
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE); " + _restorePragmas;
            await cmd.ExecuteNonQueryAsync();
        }
        _restorePragmas = null;
        await _db.Database.CloseConnectionAsync();
    }

    private T InTransaction<T>(Func<T> work)
    {
        _index.Forget();
        // Within a regroup every batch is part of its one transaction, which commits or rolls back as a whole.
        if (_outer is not null)
        {
            var done = work();
            ReturnStoryIds();
            return done;
        }
        using var tx = _connection.BeginTransaction();
        _tx = tx;
        try
        {
            TakeGroupingLock();
            var result = work();
            ReturnStoryIds();
            MarkWriter();
            _sql.Send();
            tx.Commit();
            return result;
        }
        catch
        {
            _sql.Discard();
            _storyIds.Clear();
            _lockedStories.Clear();
            _departed.Clear();
            ClearDocumentFrequencies();
            _lastWriter = null;
            throw;
        }
        finally
        {
            _tx = null;
        }
    }

    /// <summary>The two keys of PostgreSQL's advisory lock that serialises grouping: this class, and the store's schema.</summary>
    internal const int GroupingLockClass = 0x4E43_4701;

    // The token the last grouping transaction of this object wrote; another means another process grouped since.
    private long? _lastWriter;

    /// <summary>
    /// Serialises grouping across processes and notices another's. On PostgreSQL a transaction-scoped advisory lock
    /// (SQLite's write transaction is already the only one). What this object keeps between transactions (document
    /// frequencies, the stories of lock groups, the members of touched stories) is exact only while nobody else
    /// grouped: each grouping transaction leaves a random token, and one that finds another's forgets what it kept.
    /// </summary>
    private void TakeGroupingLock()
    {
        if (_sql.Postgres) Exec($"SELECT pg_advisory_xact_lock({GroupingLockClass}, hashtext(current_schema()))");
        using var cmd = Command("SELECT Value FROM StoryGroupingInfo WHERE Name = 'writer'");
        var writer = cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : (long?)null;
        if (writer == _lastWriter && writer is not null) return;
        ClearDocumentFrequencies();
        _lockedStories.Clear();
        foreach (var story in _touched.Keys.ToList()) _touched[story] = null;
    }

    private void MarkWriter()
    {
        _lastWriter = Random.Shared.NextInt64(1, long.MaxValue);
        Exec("INSERT INTO StoryGroupingInfo (Name, Value) VALUES ('writer', $v) ON CONFLICT (Name) DO UPDATE SET Value = excluded.Value", ("$v", _lastWriter));
    }

    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters) => _sql.Command(sql, parameters);

    private void Exec(string sql, params (string Name, object? Value)[] parameters) => _sql.Exec(sql, parameters);

    private DbCommand Prepared(string sql, params (string Name, object? Value)[] parameters) => _sql.Prepared(sql, parameters);

    private object Stamp(DateTime t) => _sql.Stamp(t);
}

/// <summary>A correction that cannot be applied (unknown story or article, missing reason…); the message says why.</summary>
public sealed class StoryCorrectionException(string message) : Exception(message);

