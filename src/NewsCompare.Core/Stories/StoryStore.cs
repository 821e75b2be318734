using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Stories;

/// <summary>What a grouping run did.</summary>
/// <param name="Articles">Articles placed.</param>
/// <param name="Joined">Articles that joined an existing story.</param>
/// <param name="Opened">Stories opened.</param>
/// <param name="Stories">Stories touched.</param>
/// <param name="Rebuilt">Whether the whole store was regrouped first, because it had been grouped on the terms of an
/// older version (see <see cref="StoryStore.AssignAsync"/>).</param>
public sealed record GroupingReport(int Articles, int Joined, int Opened, int Stories, bool Rebuilt = false);

/// <summary>
/// The store side of story grouping: loads articles and the grouping index from the database, asks
/// <see cref="StoryEngine"/> where each article goes, and writes stories, memberships (with explanations), copies,
/// related links and inferred dates. Only a batch's worth of state is held in memory.
/// </summary>
public sealed partial class StoryStore
{
    private const int CandidateTerms = StoryEngine.CandidateTerms;
    private const int PostingsPerTerm = 40;
    private const int MaxCandidates = StoryEngine.MaxCandidates;
    private const int IndexedTerms = StoryEngine.IndexedTerms;
    private const long DocumentsKey = -1;

    private readonly NewsDb _db;
    private readonly StoryEngineOptions _options;
    private SqliteConnection _connection = null!;
    private SqliteTransaction? _tx;

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
    }

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
                await Task.Run(() => InTransaction(() => SplitStories(TakeTouched())), cancellationToken);
                total = new GroupingReport(total.Articles + report.Articles, total.Joined + report.Joined, total.Opened + report.Opened, total.Stories + report.Stories);
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
        var ids = await _db.Database.SqlQueryRaw<long>("""
            SELECT a.Id AS "Value" FROM Articles a WHERE a.IsLatest = 1
            AND NOT EXISTS (SELECT 1 FROM StoryMemberships m WHERE m.ArticleId = a.Id) ORDER BY a.Id
            """).ToListAsync(cancellationToken);
        return await AssignAsync(ids, cancellationToken);
    }

    private const int BulkArticles = 100;

    // Grouped articles, counted up to `limit` (counting them all read the whole index each batch).
    private long CountGrouped(long limit)
    {
        using var cmd = Command("SELECT COUNT(*) FROM (SELECT 1 FROM StoryMemberships LIMIT $n)", ("$n", limit));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // The articles of the last AssignBatch in the order it placed them, which a bulk batch's refinement follows.
    private List<long> _placedOrder = [];

    private int CountStories()
    {
        using var cmd = Command("SELECT COUNT(*) FROM Stories");
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // ---- placement ----------------------------------------------------------------------------------------

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
        var profiles = StoryEngine.InPlacementOrder(counts.AsParallel().Select(c => (Score: ArticleProfile.Weigh(c, t => StoryEngine.Idf(t, df.GetValueOrDefault(t), n, _options.Background), _options),
                Keep: updateDf && !bulk ? ArticleProfile.Weigh(c, t => StoryEngine.Idf(t, df.GetValueOrDefault(t), n, _options.Background, complete: false), _options) : null))
            .ToList(), p => p.Score);
        _placedOrder = profiles.Select(p => p.Score.Id).ToList();
        (_batchDf, _documents, _complete) = (df, n, !updateDf || bulk);
        var headlines = articles.ToDictionary(a => a.Id, a => a.Headline);
        var locks = ReadLocks(ids);

        var signatures = new Dictionary<long, StorySignature>();
        var dirty = new HashSet<long>();
        int joined = 0, opened = 0;
        var now = DateTime.UtcNow;
        foreach (var (a, keep) in profiles)
        {
            StorySignature? target = null;
            StoryExplanation why;
            IReadOnlyList<(long StoryId, double Score)> related = [];
            if (locks.TryGetValue(a.Id, out var lockGroup) && LockedStory(lockGroup) is long lockedStory)
            {
                target = LoadSignature(lockedStory, signatures)!;
                why = StoryEngine.Explain(a, target, 0, "corrected");
            }
            else if (locks.ContainsKey(a.Id))
            {
                why = new StoryExplanation(1, "corrected", [], [], null);
            }
            else
            {
                var candidates = LoadSignatures(Candidates(a), signatures);
                if (updateDf && _options.RefinesImports) foreach (var c in candidates) if (c.Members == 1) _smallCandidates.Add(c.Id);
                var d = StoryEngine.Choose(a, candidates, _options);
                (target, why, related) = (d.Story, d.Explanation, d.Related);
            }
            if (target is null)
            {
                target = new StorySignature { Id = InsertStory(headlines[a.Id], now), WeighedAt = (int)Math.Min(n, int.MaxValue) };
                signatures[target.Id] = target;
                if (updateDf && _options.RefinesImports) _smallCandidates.Add(target.Id);
                opened++;
            }
            else joined++;
            target.Add(keep ?? a);
            dirty.Add(target.Id);
            InsertMembership(keep ?? a, target.Id, why, now);
            if (locks.TryGetValue(a.Id, out var g)) _lockedStories[g] = target.Id;
            Post(PostingTerms(a, keep), target.Id);
            foreach (var (other, score) in related.OrderByDescending(r => r.Score).Take(5))
                if (other != target.Id)
                    Exec("INSERT OR IGNORE INTO StoryLinks (StoryId, RelatedStoryId, Score) VALUES ($a, $b, $x)",
                        ("$a", Math.Min(other, target.Id)), ("$b", Math.Max(other, target.Id)), ("$x", Math.Round(score, 4)));
        }
        foreach (var id in dirty)
        {
            SaveSignature(signatures[id]);
            Touched(id, RefreshStory(id, now));
        }
        MergeRecentIndex();
        return new GroupingReport(profiles.Count, joined, opened, dirty.Count);
    }

    /// <summary>
    /// One refinement step of <see cref="RegroupAsync"/> over <paramref name="ids"/>: each article not fixed by a
    /// correction is taken out of its story and placed again among its candidate stories (its own included), under the
    /// same rules as on arrival; it moves when another eligible story now matches it clearly better (StoryEngine.Moves).
    /// Returns how many moved.
    /// </summary>
    private int RefineBatch(IReadOnlyList<long> ids)
    {
        var placed = new List<(long Article, long Story, MemberFeatures Features)>();
        using (var cmd = Command("SELECT ArticleId, StoryId, Features FROM StoryMemberships WHERE ArticleId IN (SELECT value FROM json_each($ids)) AND Features IS NOT NULL",
            ("$ids", JsonSerializer.Serialize(ids))))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) placed.Add((r.GetInt64(0), r.GetInt64(1), MemberFeatures.Deserialise(r.GetInt64(0), (byte[])r.GetValue(2))));
        var locks = ReadLocks(ids);
        var byId = placed.ToDictionary(p => p.Article);
        var signatures = new Dictionary<long, StorySignature>();
        var dirty = new HashSet<long>();
        var now = DateTime.UtcNow;
        var moved = 0;
        foreach (var id in ids)
        {
            if (locks.ContainsKey(id) || !byId.TryGetValue(id, out var p)) continue;
            var story = p.Story;
            var a = p.Features.ToProfile();
            if (LoadSignature(story, signatures) is not { } own) continue;
            var rest = Without(own, a);
            var candidates = LoadSignatures(Candidates(a).Where(c => c != story).ToList(), signatures).Take(MaxCandidates - 1).Prepend(rest).ToList();
            var d = StoryEngine.Choose(a, candidates, _options);
            if (!StoryEngine.Moves(a, rest, d, _options) || d.Story is null) continue;
            // Moved: weigh it from its text again so the explanation names the shared words.
            var text = LoadArticles([id]).Select(TermCounts.Count).Select(c => ArticleProfile.Weigh(c, t => StoryEngine.Idf(t, DocumentFrequency(t), _documents, _options.Background, _complete), _options)).FirstOrDefault() ?? a;
            var why = StoryEngine.Explain(text, d.Story, d.Explanation.Score, d.Explanation.Method);
            signatures[story] = rest;
            d.Story.Add(text);
            dirty.Add(story);
            dirty.Add(d.Story.Id);
            InsertMembership(text, d.Story.Id, why, now);
            Post(PostingTerms(text, null), d.Story.Id);
            Departed(story, d.Story.Id);
            moved++;
        }
        foreach (var id in dirty)
        {
            SaveSignature(signatures[id]);
            Touched(id, RefreshStory(id, now));
        }
        MergeRecentIndex();
        return moved;
    }

    // Stories of at least StoryEngine.MinSplitMembers placed into or refined since the last split check, with the
    // members their refresh read (so the check need not read them again).
    private readonly Dictionary<long, List<MemberFeatures>> _touched = [];

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
    /// Splits each of <paramref name="storyIds"/> whose members are two events (<see cref="StoryEngine.Bisect"/>), and
    /// the halves again if they are: the half holding the story's earliest article keeps the story, the other opens a
    /// new one, and the two are linked as related. Stories with an article fixed by a correction are left as people
    /// made them. Returns how many splits were made.
    /// </summary>
    private int SplitStories(IEnumerable<long> storyIds)
    {
        var work = new Stack<long>(storyIds);
        var now = DateTime.UtcNow;
        var splits = 0;
        // No lock can appear while this write transaction runs, so a store without any needs no query per story.
        var anyLocks = Scalar("SELECT EXISTS (SELECT 1 FROM StoryLocks)") != 0;
        while (work.Count > 0)
        {
            var id = work.Pop();
            var members = _touched.Remove(id, out var read) ? read : LoadMembers(id);
            if (members.Count < StoryEngine.MinSplitMembers || (anyLocks && HasLockedMember(id))) { Flag(id, null); continue; }
            // The bisection does not depend on the threshold: asked with the (higher) flag threshold it gives the same
            // halves, and their cross similarity decides between a split, a flag and neither.
            var vectors = members.Select(m => m.Weights).ToList();
            var halves = _options.SplitBelow <= 0 ? null
                : StoryEngine.Bisect(vectors, _options with { SplitBelow = Math.Max(_options.SplitBelow, FlagBelow) });
            if (halves is not var (keep, move, cross)) { Flag(id, null); continue; }
            if (cross >= _options.SplitBelow)
            {
                Flag(id, ProposedSplit.EachHasOwnTerms(vectors, keep, move)
                    ? new ProposedSplit(keep.Select(i => members[i].ArticleId).ToList(), move.Select(i => members[i].ArticleId).ToList(), Math.Round(cross, 4))
                    : null);
                continue;
            }
            var other = InsertStory(HeadlineOf(members[move[0]].ArticleId), now);
            var opener = OpenerOf(id);
            // The words behind the stored term hashes, for the explanations (the weights are the stored ones).
            var text = LoadArticles(members.Select(m => m.ArticleId).ToList()).AsParallel()
                .ToDictionary(x => x.Id, x => TermCounts.Count(x).Text);
            foreach (var (half, story) in new[] { (keep, id), (move, other) })
            {
                var profiles = half.Select(i => members[i].ToProfile(text.GetValueOrDefault(members[i].ArticleId))).ToList();
                var whole = StorySignature.Of(story, profiles);
                whole.WeighedAt = (int)Math.Min(_documents, int.MaxValue);
                SaveSignature(whole);
                foreach (var a in profiles)
                {
                    if (a.Id == opener && story == id) continue;
                    var why = StoryEngine.Rejoin(a, profiles, _options);
                    Exec("""
                        UPDATE StoryMemberships SET StoryId = $s, Score = $score, Method = $m, SharedNames = $n, SharedTerms = $t, GapDays = $g WHERE ArticleId = $a;
                        UPDATE Articles SET StoryId = $s WHERE Id = $a;
                        """, ("$a", a.Id), ("$s", story), ("$score", why.Score), ("$m", why.Method),
                        ("$n", JsonSerializer.Serialize(why.SharedNames)), ("$t", JsonSerializer.Serialize(why.SharedTerms)), ("$g", why.GapDays));
                    if (story == other) Post(Vectors.Strongest(a.Weights, IndexedTerms).Select(t => t.Key), other);
                }
            }
            Exec("INSERT OR IGNORE INTO StoryLinks (StoryId, RelatedStoryId, Score) VALUES ($a, $b, $x)", ("$a", id), ("$b", other), ("$x", Math.Round(cross, 4)));
            foreach (var story in new[] { id, other })
            {
                Touched(story, RefreshStory(story, now));
                work.Push(story);
            }
            splits++;
        }
        if (splits > 0) MergeRecentIndex();
        return splits;
    }

    /// <summary>Flags a story as possibly mixed with <paramref name="split"/>, or clears the flag; its inferred dates follow.</summary>
    private void Flag(long storyId, ProposedSplit? split)
    {
        var json = split?.Serialise();
        using var cmd = Command("UPDATE Stories SET MixedSplit = $m WHERE Id = $s AND MixedSplit IS NOT $m", ("$s", storyId), ("$m", json));
        if (cmd.ExecuteNonQuery() > 0) LendDates(storyId);
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

    /// <summary>A story's signature without one of its members (dates re-read when the member was at an edge).</summary>
    private StorySignature Without(StorySignature s, ArticleProfile a)
    {
        var rest = new StorySignature { Id = s.Id, Members = s.Members - 1, WeighedAt = s.WeighedAt, Centroid = new Dictionary<uint, float>(s.Centroid) };
        foreach (var (k, w) in a.Weights)
            if (rest.Centroid.TryGetValue(k, out var x))
            {
                if (x - w > 1e-6f) rest.Centroid[k] = x - w;
                else rest.Centroid.Remove(k);
            }
        foreach (var l in s.Languages) rest.Languages.Add(l);
        (rest.FirstDay, rest.LastDay) = (s.FirstDay, s.LastDay);
        if (a.Day is int day && (day == s.FirstDay || day == s.LastDay))
        {
            using var cmd = Command("""
                SELECT MIN(Published), MAX(Published) FROM Articles WHERE StoryId = $s AND Id <> $a AND PublishedInferred = 0 AND Published IS NOT NULL
                """, ("$s", s.Id), ("$a", a.Id));
            using var r = cmd.ExecuteReader();
            (rest.FirstDay, rest.LastDay) = (null, null);
            if (r.Read() && !r.IsDBNull(0)
                && DateOnly.TryParse(r.GetString(0), CultureInfo.InvariantCulture, out var f) && DateOnly.TryParse(r.GetString(1), CultureInfo.InvariantCulture, out var l))
                (rest.FirstDay, rest.LastDay) = (f.DayNumber, l.DayNumber);
        }
        return rest;
    }

    /// <summary>
    /// The terms an article posts under its story: its strongest terms as the collection stands (what later reports
    /// of the event already share with it) and, while importing, its strongest terms counting the ones no other
    /// article has yet (what the next report may bring). With only the latter, a small store indexes each article
    /// by its unique words and the next report of the same event never finds it as a candidate.
    /// </summary>
    private static IEnumerable<uint> PostingTerms(ArticleProfile score, ArticleProfile? keep)
    {
        var terms = Vectors.Strongest(score.Weights, IndexedTerms).Select(kv => kv.Key);
        return keep is null ? terms : terms.Union(Vectors.Strongest(keep.Weights, IndexedTerms).Select(kv => kv.Key));
    }

    private readonly Dictionary<long, long> _lockedStories = [];

    private long? LockedStory(long lockGroup)
    {
        if (_lockedStories.TryGetValue(lockGroup, out var s)) return s;
        using var cmd = Command("""
            SELECT m.StoryId FROM StoryLocks l JOIN StoryMemberships m ON m.ArticleId = l.ArticleId WHERE l.LockGroup = $g LIMIT 1
            """, ("$g", lockGroup));
        return cmd.ExecuteScalar() is long id ? _lockedStories[lockGroup] = id : null;
    }

    private Dictionary<long, long> ReadLocks(IReadOnlyList<long> ids)
    {
        var locks = new Dictionary<long, long>();
        using var cmd = Command("SELECT ArticleId, LockGroup FROM StoryLocks WHERE ArticleId IN (SELECT value FROM json_each($ids))", ("$ids", JsonSerializer.Serialize(ids)));
        using var r = cmd.ExecuteReader();
        while (r.Read()) locks[r.GetInt64(0)] = r.GetInt64(1);
        return locks;
    }

    /// <summary>Stories sharing the article's most distinctive terms, most recent postings first, best-sharing first.</summary>
    private List<long> Candidates(ArticleProfile a)
    {
        var score = new Dictionary<long, double>();
        foreach (var (term, weight) in Vectors.Strongest(a.Weights, CandidateTerms))
            foreach (var story in Postings(term))
                score[story] = score.GetValueOrDefault(story) + weight;
        return score.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).Take(MaxCandidates).Select(kv => kv.Key).ToList();
    }

    // The postings lists this transaction has read, kept as they would read now: Post adds to them what it writes. A
    // batch's articles share many strongest terms (several reports of one event or topic arrive together), and each
    // list read again from SQLite cost a statement. Only postings are ever added while grouping (regroup empties the
    // tables before its first batch), so a list plus what was posted since is what the query would return.
    // InTransaction starts each transaction with none kept, so nothing a rolled-back batch posted outlives it.
    private readonly Dictionary<uint, List<long>> _postings = [];

    /// <summary>The newest <see cref="PostingsPerTerm"/> stories posted under <paramref name="term"/>, newest first.</summary>
    private List<long> Postings(uint term)
    {
        if (_postings.TryGetValue(term, out var stories)) return stories;
        stories = new List<long>(PostingsPerTerm);
        // The term's most recent stories across both postings tables, each story once.
        using (var r = Prepared(PostingsQuery, ("$t", (long)term)).ExecuteReader())
            while (r.Read()) stories.Add(r.GetInt64(0));
        return _postings[term] = stories;
    }

    // The newest PostingsPerTerm of each table, merged by SQLite (UNION drops a story both hold), newest first: one
    // statement and at most PostingsPerTerm rows per term instead of two statements and twice the rows.
    private static readonly string PostingsQuery = $"""
        SELECT StoryId FROM (SELECT StoryId FROM StoryPostings WHERE TermHash = $t ORDER BY StoryId DESC LIMIT {PostingsPerTerm})
        UNION
        SELECT StoryId FROM (SELECT StoryId FROM StoryPostingsRecent WHERE TermHash = $t ORDER BY StoryId DESC LIMIT {PostingsPerTerm})
        ORDER BY StoryId DESC LIMIT {PostingsPerTerm}
        """;

    /// <summary>Posts <paramref name="storyId"/> under each of <paramref name="terms"/> (one statement for them all).</summary>
    private void Post(IEnumerable<uint> terms, long storyId)
    {
        var list = terms as IReadOnlyCollection<uint> ?? terms.ToList();
        Exec("INSERT OR IGNORE INTO StoryPostingsRecent (TermHash, StoryId) SELECT value, $s FROM json_each($t)",
            ("$t", JsonSerializer.Serialize(list)), ("$s", storyId));
        foreach (var term in list)
        {
            if (!_postings.TryGetValue(term, out var stories)) continue;
            var at = stories.BinarySearch(storyId, Newest);
            if (at >= 0) continue;
            stories.Insert(~at, storyId);
            if (stories.Count > PostingsPerTerm) stories.RemoveAt(PostingsPerTerm);
        }
    }

    private static readonly Comparer<long> Newest = Comparer<long>.Create((x, y) => y.CompareTo(x));

    /// <summary>
    /// Rows a recent table of the grouping index may hold before it is merged into its large table. New postings and
    /// document-frequency changes go to small tables (StoryPostingsRecent, StoryTermStatsRecent) whose pages stay in
    /// the cache; the merge inserts them in key order. Inserted one at a time at random terms, they dirtied nearly
    /// every page of the large B-trees in every transaction, so the bytes written per article grew with the store.
    /// </summary>
    internal int RecentRowsLimit { get; init; } = 250_000;

    private void MergeRecentIndex()
    {
        if (Count("StoryPostingsRecent") >= RecentRowsLimit)
            Exec("""
                INSERT OR IGNORE INTO StoryPostings (TermHash, StoryId) SELECT TermHash, StoryId FROM StoryPostingsRecent ORDER BY TermHash, StoryId;
                DELETE FROM StoryPostingsRecent;
                """);
        if (Count("StoryTermStatsRecent") >= RecentRowsLimit)
            Exec("""
                INSERT INTO StoryTermStats (TermHash, Df) SELECT TermHash, Df FROM StoryTermStatsRecent WHERE true ORDER BY TermHash
                    ON CONFLICT (TermHash) DO UPDATE SET Df = Df + excluded.Df;
                DELETE FROM StoryTermStatsRecent;
                """);
    }

    private long Count(string table) => Scalar($"SELECT COUNT(*) FROM {table}");

    private StorySignature? LoadSignature(long id, Dictionary<long, StorySignature> cache) =>
        LoadSignatures([id], cache) is [var s] ? s : null;

    // A stored signature as grouping uses it. Weights drift as the store grows (a story opened when the store held 50
    // articles was weighed against those 50). Once the store has doubled since, its members are weighed again: each
    // story is redone only a logarithmic number of times over its life.
    private StorySignature Current(long id, byte[] data)
    {
        var s = StorySignature.Deserialise(id, data);
        return _documents > 2L * s.WeighedAt && _documents >= 20 ? Reweigh(id) : s;
    }

    /// <summary>
    /// The signatures of <paramref name="ids"/> in that order (those with none left out), as <see cref="LoadSignature"/>
    /// gives them, with one query for all those <paramref name="cache"/> does not hold.
    /// </summary>
    private List<StorySignature> LoadSignatures(List<long> ids, Dictionary<long, StorySignature> cache)
    {
        var missing = ids.Where(id => !cache.ContainsKey(id)).ToList();
        var data = new Dictionary<long, byte[]>(missing.Count);
        if (missing.Count > 0)
            using (var r = Prepared("SELECT StoryId, Data FROM StorySignatures WHERE StoryId IN (SELECT value FROM json_each($ids))",
                ("$ids", JsonSerializer.Serialize(missing))).ExecuteReader())
                while (r.Read()) data[r.GetInt64(0)] = (byte[])r.GetValue(1);
        var list = new List<StorySignature>(ids.Count);
        foreach (var id in ids)
        {
            if (!cache.TryGetValue(id, out var s))
            {
                if (!data.TryGetValue(id, out var bytes)) continue;
                s = cache[id] = Current(id, bytes);
            }
            list.Add(s);
        }
        return list;
    }

    private void SaveSignature(StorySignature s) =>
        Exec("INSERT OR REPLACE INTO StorySignatures (StoryId, Data) VALUES ($s, $d)", ("$s", s.Id), ("$d", s.Serialise()));

    private Dictionary<long, long> _batchDf = [];
    private long _documents;
    private bool _complete;

    private StorySignature Reweigh(long storyId)
    {
        var s = new StorySignature { Id = storyId, WeighedAt = (int)Math.Min(_documents, int.MaxValue) };
        foreach (var m in LoadMembers(storyId)) s.Add(m.Reweigh(t => StoryEngine.Idf(t, DocumentFrequency(t), _documents, _options.Background, _complete), _options));
        SaveSignature(s);
        return s;
    }

    private long DocumentFrequency(uint term)
    {
        if (_batchDf.TryGetValue(term, out var d) || _df.TryGetValue(term, out d)) return d;
        d = (long)Prepared(DfQuery, ("$t", (long)term)).ExecuteScalar()!;
        _df.Set(term, d);
        return d;
    }

    private long InsertStory(string? title, DateTime now)
    {
        return (long)Prepared("""
            INSERT INTO Stories (Title, ArticleCount, IndependentCount, OutletCount, UpdatedAt) VALUES ($t, 0, 0, 0, $u) RETURNING Id
            """, ("$t", string.IsNullOrWhiteSpace(title) ? "(untitled)" : title.Trim()), ("$u", Stamp(now))).ExecuteScalar()!;
    }

    private void InsertMembership(ArticleProfile a, long storyId, StoryExplanation why, DateTime now)
    {
        Exec("""
            INSERT OR REPLACE INTO StoryMemberships (ArticleId, StoryId, Score, Method, SharedNames, SharedTerms, GapDays, AssignedAt, Features)
            VALUES ($a, $s, $score, $m, $n, $t, $g, $at, $f);
            UPDATE Articles SET StoryId = $s WHERE Id = $a;
            """,
            ("$a", a.Id), ("$s", storyId), ("$score", why.Score), ("$m", why.Method),
            ("$n", JsonSerializer.Serialize(why.SharedNames)), ("$t", JsonSerializer.Serialize(why.SharedTerms)),
            ("$g", why.GapDays), ("$at", Stamp(now)), ("$f", MemberFeatures.From(a).Serialise()));
    }

    /// <summary>
    /// Recomputes a story's copies, counts, dates, title and inferred dates; drops it when empty (recording where its
    /// articles went, when known). Returns the members it read.
    /// </summary>
    private List<MemberFeatures> RefreshStory(long storyId, DateTime now)
    {
        var members = LoadMembers(storyId);
        if (members.Count == 0)
        {
            if (_departed.Remove(storyId, out var went)) Retire(storyId, went, went.Count == 1 ? "merged" : "split", now);
            Exec("DELETE FROM StorySignatures WHERE StoryId = $s; DELETE FROM Stories WHERE Id = $s;", ("$s", storyId));
            return members;
        }
        _departed.Remove(storyId);
        var copies = members.Count <= 400 ? StoryEngine.CopySources(members, _options) : [];
        // Rows are written only where a value changes: an UPDATE rewrites the row and its indexes even when it sets
        // what is already there, and most of a touched story's rows do not change.
        Exec("UPDATE Articles SET CopyOfArticleId = NULL WHERE StoryId = $s AND CopyOfArticleId IS NOT NULL AND Id NOT IN (SELECT value FROM json_each($c))",
            ("$s", storyId), ("$c", JsonSerializer.Serialize(copies.Keys)));
        foreach (var (copy, source) in copies)
            Exec("UPDATE Articles SET CopyOfArticleId = $c WHERE Id = $a AND CopyOfArticleId IS NOT $c", ("$c", source), ("$a", copy));
        var headlines = new Dictionary<long, string?>();
        using (var r = Prepared("SELECT Id, Headline FROM Articles WHERE StoryId = $s AND +IsLatest = 1", ("$s", storyId)).ExecuteReader())
            while (r.Read()) headlines[r.GetInt64(0)] = r.IsDBNull(1) ? null : r.GetString(1);
        var title = StoryTitles.Choose(members.Where(m => headlines.ContainsKey(m.ArticleId))
            .Select(m => (m.ArticleId, headlines[m.ArticleId], copies.ContainsKey(m.ArticleId), m.Weights)).ToList());
        Exec("""
            UPDATE Stories SET
                ArticleCount = (SELECT COUNT(*) FROM Articles WHERE StoryId = $s AND IsLatest = 1),
                IndependentCount = (SELECT COUNT(*) FROM Articles WHERE StoryId = $s AND IsLatest = 1 AND CopyOfArticleId IS NULL),
                OutletCount = (SELECT COUNT(DISTINCT COALESCE(Outlet, Site)) FROM Articles WHERE StoryId = $s AND IsLatest = 1),
                FirstDate = (SELECT MIN(Published) FROM Articles WHERE StoryId = $s AND PublishedInferred = 0),
                LastDate = (SELECT MAX(Published) FROM Articles WHERE StoryId = $s AND PublishedInferred = 0),
                Title = COALESCE($title, Title),
                TitleArticleId = CASE WHEN $title IS NULL THEN TitleArticleId ELSE $titleArticle END,
                TitleSource = CASE WHEN $title IS NULL THEN TitleSource ELSE $titleSource END,
                MixedSplit = CASE WHEN $members < $min THEN NULL ELSE MixedSplit END,
                UpdatedAt = $u
            WHERE Id = $s;
            """, ("$s", storyId), ("$u", Stamp(now)), ("$title", title?.Headline), ("$titleArticle", title?.ArticleId), ("$titleSource", title?.Source),
            ("$members", members.Count), ("$min", StoryEngine.MinSplitMembers));
        LendDates(storyId);
        return members;
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
                AND NOT (Articles.Published IS d.Published AND Articles.PublishedFromArticleId IS d.FromId
                         AND Articles.PublishedInferred IS (d.Published IS NOT NULL)
                         AND Articles.PublishedSource IS (CASE WHEN d.Published IS NULL THEN NULL ELSE $src END));
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
                ON CONFLICT (StoryId, SuccessorId) DO UPDATE SET Articles = Articles + excluded.Articles
                """, ("$s", storyId), ("$n", successor), ("$c", count), ("$r", reason), ("$at", Stamp(now)));
    }

    private List<MemberFeatures> LoadMembers(long storyId)
    {
        var list = new List<MemberFeatures>();
        using var r = Prepared("SELECT ArticleId, Features FROM StoryMemberships WHERE StoryId = $s ORDER BY ArticleId", ("$s", storyId)).ExecuteReader();
        while (r.Read())
            if (!r.IsDBNull(1)) list.Add(MemberFeatures.Deserialise(r.GetInt64(0), (byte[])r.GetValue(1)));
        return list;
    }

    /// <summary>Rebuilds a story's summed vector from its members (after a correction took some away).</summary>
    private void RebuildSignature(long storyId)
    {
        var s = StorySignature.Of(storyId, LoadMembers(storyId).Select(m => m.ToProfile()));
        if (s.Members > 0) SaveSignature(s);
    }

    // ---- document frequencies ------------------------------------------------------------------------------

    // Document frequencies read or written by this store object, so later batches need not ask the database again.
    // Only a cache of StoryTermStats, exact for every term it holds: a compact table with a byte budget that drops
    // its rarest terms when full (a few million terms fit), and the collection size beside it.
    private readonly TermCountTable _df = new(DfCacheBytes);
    private long? _dfDocuments;
    private const long DfCacheBytes = 32L << 20;

    private void ClearDocumentFrequencies()
    {
        _df.Clear();
        _dfDocuments = null;
    }

    private void AddDocumentFrequencies(IReadOnlyList<TermCounts> counts)
    {
        var delta = new Dictionary<long, int> { [DocumentsKey] = counts.Count };
        foreach (var c in counts) foreach (var t in c.Counts.Keys) delta[t] = delta.GetValueOrDefault(t) + 1;
        // One statement for the batch's tens of thousands of terms: one statement each cost more than their upserts.
        Exec("""
            INSERT INTO StoryTermStatsRecent (TermHash, Df) SELECT CAST(key AS INTEGER), value FROM json_each($d) WHERE true
            ON CONFLICT (TermHash) DO UPDATE SET Df = Df + excluded.Df
            """, ("$d", JsonSerializer.Serialize(delta)));
        // Terms the table holds are updated in place; the others are read when the batch asks for them.
        foreach (var (t, d) in delta)
            if (t != DocumentsKey && _df.TryGetValue((uint)t, out var held)) _df.Set((uint)t, held + d);
        if (_dfDocuments is long docs) _dfDocuments = docs + counts.Count;
        Exec("INSERT OR REPLACE INTO StoryGroupingInfo (Name, Value) VALUES ('features', $v)", ("$v", TextSignals.FeaturesVersion));
    }

    /// <summary>Whether articles are grouped and the store's grouping index was built on another version of the term features.</summary>
    private bool GroupedWithOtherFeatures()
    {
        using var cmd = Command("""
            SELECT EXISTS (SELECT 1 FROM StoryMemberships)
               AND COALESCE((SELECT Value FROM StoryGroupingInfo WHERE Name = 'features'), 0) <> $v
            """, ("$v", TextSignals.FeaturesVersion));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    // A term's count is its row in the large table plus its row in the recent one (see RecentRowsLimit); 0 without either.
    private const string DfQuery = """
        SELECT COALESCE((SELECT Df FROM StoryTermStats WHERE TermHash = $t), 0) + COALESCE((SELECT Df FROM StoryTermStatsRecent WHERE TermHash = $t), 0)
        """;

    private Dictionary<long, long> ReadDocumentFrequencies(IReadOnlyList<TermCounts> counts)
    {
        var df = new Dictionary<long, long>();
        using var cmd = Command(DfQuery, ("$t", 0L));
        foreach (var c in counts)
            foreach (var t in c.Counts.Keys)
            {
                if (df.ContainsKey(t)) continue;
                if (!_df.TryGetValue(t, out var d))
                {
                    cmd.Parameters["$t"].Value = (long)t;
                    d = (long)cmd.ExecuteScalar()!;
                    _df.Set(t, d);
                }
                df[t] = d;
            }
        if (_dfDocuments is not long n)
        {
            cmd.Parameters["$t"].Value = DocumentsKey;
            _dfDocuments = n = (long)cmd.ExecuteScalar()!;
        }
        df[DocumentsKey] = n;
        return df;
    }

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
            DateOnly? published = !r.IsDBNull(5) && DateOnly.TryParse(r.GetString(5), CultureInfo.InvariantCulture, out var d) ? d : null;
            list.Add(new StoryArticle(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), paragraphs,
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), published));
        }
        return list;
    }

    // ---- corrections ---------------------------------------------------------------------------------------

    /// <summary>
    /// Places the given articles again after a person corrected what grouping reads (date, headline, outlet, language):
    /// each grouped article that no correction of the grouping holds in place leaves its story and is placed as on
    /// arrival; ungrouped latest articles are placed as new ones.
    /// </summary>
    /// <param name="articleIds">The articles.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<GroupingReport> PlaceAgainAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var ids = articleIds.Distinct().ToList();
        GroupingReport report;
        await OpenAsync(cancellationToken);
        try
        {
            report = InTransaction(() =>
            {
                var locks = ReadLocks(ids);
                var left = new List<long>();
                var placed = new List<long>();
                foreach (var id in ids)
                {
                    if (locks.ContainsKey(id) || StoryOf(id) is not long story) continue;
                    Exec("""
                        DELETE FROM StoryMemberships WHERE ArticleId = $a;
                        UPDATE Articles SET StoryId = NULL, CopyOfArticleId = NULL WHERE Id = $a;
                        UPDATE Articles SET Published = NULL, PublishedSource = NULL, PublishedInferred = 0 WHERE Id = $a AND PublishedInferred = 1;
                        """, ("$a", id));
                    left.Add(story);
                    placed.Add(id);
                }
                Finish([.. left.Distinct()]);
                // Their terms are already counted in the document frequencies: placing them must not count them twice.
                return placed.Count == 0 ? new GroupingReport(0, 0, 0, 0) : AssignBatch(placed, updateDf: false);
            });
        }
        finally
        {
            await CloseAsync();
        }
        var ungrouped = await _db.Articles.Where(a => ids.Contains(a.Id) && a.IsLatest && a.StoryId == null).Select(a => a.Id).ToListAsync(cancellationToken);
        return ungrouped.Count == 0 ? report : await AssignAsync(ungrouped, cancellationToken);
    }

    /// <summary>Moves an article to another story, or to a new one of its own; recorded, and kept by <see cref="RegroupAsync"/>.</summary>
    /// <param name="articleId">The article.</param>
    /// <param name="toStoryId">The story to move it to; null for a new story.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The story the article is now in.</returns>
    public Task<long> MoveAsync(long articleId, long? toStoryId, string reason, CancellationToken cancellationToken = default) =>
        CorrectAsync(() =>
        {
            var from = StoryOf(articleId) ?? throw new StoryCorrectionException($"article {articleId} is not in any story (not imported, superseded, or not grouped yet)");
            if (toStoryId == from) throw new StoryCorrectionException($"article {articleId} is already in story {from}");
            var target = toStoryId ?? InsertStory(HeadlineOf(articleId), DateTime.UtcNow);
            if (toStoryId is long t && !StoryExists(t)) throw new StoryCorrectionException($"story {t} does not exist");
            Record("move", [articleId], from, target, reason);
            Reassign([articleId], target, "moved");
            Relock([articleId], from, target);
            Finish(from, target);
            return target;
        }, reason, cancellationToken);

    /// <summary>Splits the given articles out of a story into a new one; recorded, and kept by <see cref="RegroupAsync"/>.</summary>
    /// <param name="storyId">The story.</param>
    /// <param name="articleIds">The articles that form the new story (some, not all, of the story's articles).</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new story's id.</returns>
    public Task<long> SplitAsync(long storyId, IReadOnlyCollection<long> articleIds, string reason, CancellationToken cancellationToken = default) =>
        CorrectAsync(() => Split(storyId, articleIds, reason), reason, cancellationToken);

    /// <summary>
    /// Applies the split proposed for a story flagged as possibly holding more than one event
    /// (<see cref="ProposedSplit"/>): its <see cref="ProposedSplit.Move"/> group becomes a new story. Recorded as a
    /// <c>split</c> correction, and kept by <see cref="RegroupAsync"/>.
    /// </summary>
    /// <param name="storyId">The flagged story.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new story's id.</returns>
    public Task<long> ApplyProposedSplitAsync(long storyId, string reason, CancellationToken cancellationToken = default) =>
        CorrectAsync(() =>
        {
            if (!StoryExists(storyId)) throw new StoryCorrectionException($"story {storyId} does not exist");
            using var cmd = Command("SELECT MixedSplit FROM Stories WHERE Id = $s", ("$s", storyId));
            var split = ProposedSplit.Parse(cmd.ExecuteScalar() as string);
            if (split is null) throw new StoryCorrectionException($"story {storyId} has no proposed split");
            if (!split.Describes(MembersOf(storyId)))
                throw new StoryCorrectionException($"story {storyId} has changed since its split was proposed");
            return Split(storyId, split.Move, reason);
        }, reason, cancellationToken);

    private long Split(long storyId, IReadOnlyCollection<long> articleIds, string reason)
    {
        if (!StoryExists(storyId)) throw new StoryCorrectionException($"story {storyId} does not exist");
        var members = MembersOf(storyId);
        var outsiders = articleIds.Where(a => !members.Contains(a)).ToList();
        if (outsiders.Count > 0) throw new StoryCorrectionException($"article(s) {string.Join(", ", outsiders)} are not in story {storyId}");
        if (articleIds.Count == 0 || articleIds.Distinct().Count() == members.Count)
            throw new StoryCorrectionException($"name some but not all of story {storyId}'s {members.Count} articles to split off");
        var target = InsertStory(HeadlineOf(articleIds.First()), DateTime.UtcNow);
        Record("split", articleIds, storyId, target, reason);
        Reassign(articleIds, target, "split");
        Relock(articleIds, storyId, target);
        Finish(storyId, target);
        return target;
    }

    /// <summary>Merges <paramref name="otherStoryId"/> into <paramref name="storyId"/>; recorded, and kept by <see cref="RegroupAsync"/>.</summary>
    /// <param name="storyId">The story that remains.</param>
    /// <param name="otherStoryId">The story merged into it (then deleted).</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The remaining story's id.</returns>
    public Task<long> MergeAsync(long storyId, long otherStoryId, string reason, CancellationToken cancellationToken = default) =>
        CorrectAsync(() =>
        {
            if (storyId == otherStoryId) throw new StoryCorrectionException("cannot merge a story with itself");
            foreach (var s in new[] { storyId, otherStoryId })
                if (!StoryExists(s)) throw new StoryCorrectionException($"story {s} does not exist");
            var moving = MembersOf(otherStoryId).ToList();
            Record("merge", moving, otherStoryId, storyId, reason);
            var all = MembersOf(storyId).Concat(moving).ToList();
            var merged = NewLockGroup();
            // Every lock group either story used becomes the merged one, so earlier corrections agree with this one.
            Exec("""
                UPDATE StoryLocks SET LockGroup = $g WHERE LockGroup IN
                    (SELECT l.LockGroup FROM StoryLocks l WHERE l.ArticleId IN (SELECT value FROM json_each($ids)))
                """, ("$g", merged), ("$ids", JsonSerializer.Serialize(all)));
            SetLock(all, merged);
            Reassign(moving, storyId, "merged");
            Exec("DELETE FROM StoryLinks WHERE StoryId = $o OR RelatedStoryId = $o", ("$o", otherStoryId));
            Finish(otherStoryId, storyId);
            return storyId;
        }, reason, cancellationToken);

    private async Task<long> CorrectAsync(Func<long> action, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new StoryCorrectionException("a correction needs a reason");
        await OpenAsync(ct);
        try { return InTransaction(action); }
        finally { await CloseAsync(); }
    }

    private long Record(string kind, IReadOnlyCollection<long> articles, long? from, long? to, string reason)
    {
        using var cmd = Command("""
            INSERT INTO StoryCorrections (Kind, ArticleIds, FromStoryId, ToStoryId, Reason, At) VALUES ($k, $a, $f, $t, $r, $at) RETURNING Id
            """, ("$k", kind), ("$a", JsonSerializer.Serialize(articles)), ("$f", from), ("$t", to), ("$r", reason.Trim()), ("$at", Stamp(DateTime.UtcNow)));
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// After the articles were reassigned: locks them with <paramref name="to"/>'s group and what remains of <paramref name="from"/> with its
    /// own, so regrouping keeps them apart and together as the person said.
    /// </summary>
    private void Relock(IReadOnlyCollection<long> articles, long from, long to)
    {
        Exec("DELETE FROM StoryLocks WHERE ArticleId IN (SELECT value FROM json_each($ids))", ("$ids", JsonSerializer.Serialize(articles)));
        LockOf(from);
        LockOf(to);
    }

    /// <summary>The story's lock group, locking all its articles under a new one if it had none.</summary>
    private long LockOf(long storyId)
    {
        long group;
        using (var cmd = Command("SELECT l.LockGroup FROM StoryLocks l JOIN StoryMemberships m ON m.ArticleId = l.ArticleId WHERE m.StoryId = $s LIMIT 1", ("$s", storyId)))
            group = cmd.ExecuteScalar() is long g ? g : NewLockGroup();
        SetLock(MembersOf(storyId), group);
        return group;
    }

    private long NewLockGroup()
    {
        using var cmd = Command("SELECT COALESCE(MAX(LockGroup), 0) + 1 FROM StoryLocks");
        return (long)cmd.ExecuteScalar()!;
    }

    private void SetLock(IEnumerable<long> articles, long group)
    {
        foreach (var a in articles)
            Exec("INSERT INTO StoryLocks (ArticleId, LockGroup) VALUES ($a, $g) ON CONFLICT (ArticleId) DO UPDATE SET LockGroup = excluded.LockGroup", ("$a", a), ("$g", group));
    }

    private void Reassign(IEnumerable<long> articles, long storyId, string method)
    {
        foreach (var a in articles)
        {
            if (StoryOf(a) is long from) Departed(from, storyId);
            Exec("""
                UPDATE StoryMemberships SET StoryId = $s, Method = $m, AssignedAt = $at WHERE ArticleId = $a;
                UPDATE Articles SET StoryId = $s, CopyOfArticleId = NULL WHERE Id = $a;
                """, ("$a", a), ("$s", storyId), ("$m", method), ("$at", Stamp(DateTime.UtcNow)));
        }
    }

    private void Finish(params long[] stories)
    {
        var now = DateTime.UtcNow;
        foreach (var s in stories)
        {
            // Inferred dates are recomputed from the story's known dates, so clear them before refreshing.
            Exec("UPDATE Articles SET Published = NULL, PublishedSource = NULL, PublishedInferred = 0, PublishedFromArticleId = NULL WHERE StoryId = $s AND PublishedInferred = 1", ("$s", s));
            // People have decided what the story holds.
            Exec("UPDATE Stories SET MixedSplit = NULL WHERE Id = $s AND MixedSplit IS NOT NULL", ("$s", s));
            RebuildSignature(s);
            RefreshStory(s, now);
        }
    }

    private long? StoryOf(long articleId)
    {
        using var cmd = Command("SELECT StoryId FROM StoryMemberships WHERE ArticleId = $a", ("$a", articleId));
        return cmd.ExecuteScalar() as long?;
    }

    private string? HeadlineOf(long articleId)
    {
        using var cmd = Command("SELECT Headline FROM Articles WHERE Id = $a", ("$a", articleId));
        return cmd.ExecuteScalar() as string;
    }

    private bool StoryExists(long storyId)
    {
        using var cmd = Command("SELECT 1 FROM Stories WHERE Id = $s", ("$s", storyId));
        return cmd.ExecuteScalar() is not null;
    }

    private HashSet<long> MembersOf(long storyId)
    {
        var set = new HashSet<long>();
        using var cmd = Command("SELECT ArticleId FROM StoryMemberships WHERE StoryId = $s", ("$s", storyId));
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetInt64(0));
        return set;
    }

    // ---- queries for pages ---------------------------------------------------------------------------------

    /// <summary>Why <paramref name="articleId"/> is in its story, or null when it is not grouped.</summary>
    /// <param name="db">The open store.</param>
    /// <param name="articleId">The article.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<StoryExplanation?> ExplanationAsync(NewsDb db, long articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var m = await db.StoryMemberships.FirstOrDefaultAsync(x => x.ArticleId == articleId, cancellationToken);
        return m is null ? null : Explanation(m);
    }

    /// <summary>The explanation a stored membership records.</summary>
    /// <param name="m">A membership read from the store.</param>
    public static StoryExplanation Explanation(StoryMembership m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new StoryExplanation(m.Score, m.Method,
            JsonSerializer.Deserialize<List<string>>(m.SharedNames) ?? [], JsonSerializer.Deserialize<List<string>>(m.SharedTerms) ?? [], m.GapDays);
    }

    /// <summary>Stories linked to <paramref name="storyId"/> as related coverage, in time order (undated last).</summary>
    /// <param name="db">The open store.</param>
    /// <param name="storyId">The story.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<IReadOnlyList<Story>> RelatedAsync(NewsDb db, long storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.StoryLinks.Where(l => l.StoryId == storyId).Select(l => l.RelatedStoryId)
            .Concat(db.StoryLinks.Where(l => l.RelatedStoryId == storyId).Select(l => l.StoryId)).ToListAsync(cancellationToken);
        var stories = await db.Stories.Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        return stories.OrderBy(s => s.FirstDate is null).ThenBy(s => s.FirstDate).ThenBy(s => s.Id).ToList();
    }

    /// <summary>
    /// Where the articles of a retired story id are now: the current stories that hold them, each with how many, the
    /// largest share first (followed through later retirements); null when <paramref name="storyId"/> was never retired.
    /// </summary>
    /// <param name="db">The open store.</param>
    /// <param name="storyId">The story id asked for.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<RetiredStoryInfo?> SuccessorsAsync(NewsDb db, long storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.RetiredStories.AsNoTracking().Where(r => r.StoryId == storyId).ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var counts = new Dictionary<long, int>();
        var seen = new HashSet<long> { storyId };
        var work = new Queue<(long Id, int Articles)>(rows.Select(r => (r.SuccessorId, r.Articles)));
        while (work.Count > 0)
        {
            var (id, n) = work.Dequeue();
            if (await db.Stories.AnyAsync(s => s.Id == id, cancellationToken)) { counts[id] = counts.GetValueOrDefault(id) + n; continue; }
            if (!seen.Add(id)) continue;
            // Retired again since: its successors share its articles in proportion.
            var next = await db.RetiredStories.AsNoTracking().Where(r => r.StoryId == id).ToListAsync(cancellationToken);
            var all = Math.Max(1, next.Sum(r => r.Articles));
            foreach (var r in next) work.Enqueue((r.SuccessorId, Math.Max(1, (int)Math.Round((double)n * r.Articles / all))));
        }
        var titles = await db.Stories.AsNoTracking().Where(s => counts.Keys.Contains(s.Id)).Select(s => new { s.Id, s.Title }).ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        var successors = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Select(kv => new StorySuccessor(kv.Key, titles[kv.Key], kv.Value)).ToList();
        return new RetiredStoryInfo(storyId, rows[0].Reason, rows.Max(r => r.RetiredAt), successors);
    }

    /// <summary>The corrections people made, newest first.</summary>
    /// <param name="db">The open store.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<IReadOnlyList<StoryCorrection>> CorrectionsAsync(NewsDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.StoryCorrections.ToListAsync(cancellationToken)).OrderByDescending(c => c.Id).ToList();
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private async Task OpenAsync(CancellationToken ct)
    {
        _connection = (SqliteConnection)_db.Database.GetDbConnection();
        if (_connection.State != System.Data.ConnectionState.Open) await _db.Database.OpenConnectionAsync(ct);
        _restorePragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA cache_size = {Scalar("PRAGMA cache_size")}; PRAGMA wal_autocheckpoint = {Scalar("PRAGMA wal_autocheckpoint")};");
        Exec(GroupingPragmas);
        _lockedStories.Clear();
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

    private long Scalar(string sql)
    {
        using var cmd = Command(sql);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private async Task CloseAsync()
    {
        foreach (var cmd in _prepared.Values) await cmd.DisposeAsync();
        _prepared.Clear();
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
        _postings.Clear();
        // Within a regroup every batch is part of its one transaction, which commits or rolls back as a whole.
        if (_outer is not null) return work();
        using var tx = _connection.BeginTransaction();
        _tx = tx;
        try
        {
            var result = work();
            tx.Commit();
            return result;
        }
        catch
        {
            _lockedStories.Clear();
            _departed.Clear();
            ClearDocumentFrequencies();
            throw;
        }
        finally
        {
            _tx = null;
        }
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    // Statements run once per article or term are prepared once per run and reused.
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    private void Exec(string sql, params (string Name, object? Value)[] parameters) => Prepared(sql, parameters).ExecuteNonQuery();

    private SqliteCommand Prepared(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            _prepared[sql] = cmd;
        }
        cmd.Transaction = _tx;
        foreach (var (name, value) in parameters)
        {
            if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = value ?? DBNull.Value;
            else cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return cmd;
    }

    private static string Stamp(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}

/// <summary>A correction that cannot be applied (unknown story or article, missing reason…); the message says why.</summary>
public sealed class StoryCorrectionException(string message) : Exception(message);

