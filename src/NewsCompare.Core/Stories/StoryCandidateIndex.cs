using System.Text.Json;

namespace NewsCompare.Core.Stories;

/// <summary>
/// The store's candidate index: stories posted under their members' strongest terms (StoryPostings, with new
/// postings in StoryPostingsRecent until it is merged), and the candidate stories of an article read from it.
/// </summary>
/// <param name="sql">Statements on the grouping's connection.</param>
internal sealed class StoryCandidateIndex(StoreCommands sql)
{
    /// <summary>How many stories a term's postings list returns (the newest).</summary>
    internal const int PostingsPerTerm = 40;

    // The postings lists this transaction has read, kept as they would read now: Post adds to them what it writes. A
    // batch's articles share many strongest terms (several reports of one event or topic arrive together), and each
    // list read again from SQLite cost a statement. Only postings are ever added while grouping (regroup empties the
    // tables before its first batch), so a list plus what was posted since is what the query would return.
    // Each transaction starts with none kept (Forget), so nothing a rolled-back batch posted outlives it.
    private readonly Dictionary<uint, List<long>> _postings = [];

    /// <summary>Forgets the postings lists read so far and any postings not written (at the start of each transaction).</summary>
    public void Forget()
    {
        _postings.Clear();
        _unwritten.Clear();
    }

    /// <summary>
    /// The <see cref="StoryEngine.MaxCandidates"/> stories sharing most weight with the article's strongest terms
    /// (<see cref="StoryEngine.CandidateTerms"/>), from each term's newest postings, best-sharing first (ties to the newer story).
    /// </summary>
    public List<long> Candidates(ArticleProfile a)
    {
        var score = new Dictionary<long, double>();
        foreach (var (term, weight) in Vectors.Strongest(a.Weights, StoryEngine.CandidateTerms))
            foreach (var story in Postings(term))
                score[story] = score.GetValueOrDefault(story) + weight;
        var ranked = score.ToList();
        ranked.Sort(static (x, y) => x.Value != y.Value ? y.Value.CompareTo(x.Value) : y.Key.CompareTo(x.Key));
        return ranked.Take(StoryEngine.MaxCandidates).Select(kv => kv.Key).ToList();
    }

    /// <summary>The newest <see cref="PostingsPerTerm"/> stories posted under <paramref name="term"/>, newest first.</summary>
    private List<long> Postings(uint term)
    {
        if (_postings.TryGetValue(term, out var stories)) return stories;
        Write();
        stories = new List<long>(PostingsPerTerm);
        // The term's most recent stories across both postings tables, each story once.
        using (var r = sql.Prepared(PostingsQuery, ("$t", (long)term)).ExecuteReader())
            while (r.Read()) stories.Add(r.GetInt64(0));
        return _postings[term] = stories;
    }

    // The newest PostingsPerTerm of each table, merged by SQLite (UNION drops a story both hold), newest first: one
    // statement and at most PostingsPerTerm rows per term instead of two statements and twice the rows.
    private static readonly string PostingsQuery = $"""
        SELECT StoryId FROM (SELECT StoryId FROM StoryPostings WHERE TermHash = $t ORDER BY StoryId DESC LIMIT {PostingsPerTerm}) AS p
        UNION
        SELECT StoryId FROM (SELECT StoryId FROM StoryPostingsRecent WHERE TermHash = $t ORDER BY StoryId DESC LIMIT {PostingsPerTerm}) AS r
        ORDER BY StoryId DESC LIMIT {PostingsPerTerm}
        """;

    /// <summary>
    /// Reads the postings lists of the strongest terms of <paramref name="articles"/> that this transaction has not
    /// read yet, all in one statement, so <see cref="Candidates"/> finds them kept: reading lists one term at a time
    /// cost a statement per term, most of a grouped article's statements (on PostgreSQL each a round trip; on SQLite
    /// each a fresh run of the query with its own sort). The lists are those the per-term query would return now;
    /// <see cref="Post"/> keeps them current after.
    /// </summary>
    public void Prefetch(IEnumerable<ArticleProfile> articles)
    {
        var terms = articles.SelectMany(a => Vectors.Strongest(a.Weights, StoryEngine.CandidateTerms).Select(t => t.Key))
            .Where(t => !_postings.ContainsKey(t)).Distinct().ToList();
        if (terms.Count == 0) return;
        Write();
        var read = terms.ToDictionary(t => t, _ => new List<long>(PostingsPerTerm));
        using (var cmd = sql.Postgres
            ? sql.Command(BatchPostingsQuery, ("$terms", terms.Select(t => (long)t).ToArray()))
            : sql.Command(SqliteBatchPostingsQuery, ("$terms", JsonSerializer.Serialize(terms))))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) read[(uint)r.GetInt64(0)].Add(r.GetInt64(1));
        // Each term's rows hold the newest PostingsPerTerm of each table: merged, newest first, as PostingsQuery returns them.
        foreach (var (term, stories) in read)
        {
            stories.Sort(Newest);
            var list = new List<long>(PostingsPerTerm);
            foreach (var story in stories)
                if (list.Count < PostingsPerTerm && (list.Count == 0 || list[^1] != story)) list.Add(story);
            _postings[term] = list;
        }
    }

    // The newest PostingsPerTerm of each table for each of a list of terms. PostgreSQL: an array parameter and a lateral join.
    private static readonly string BatchPostingsQuery = $"""
        SELECT t.term, p.StoryId FROM unnest(CAST($terms AS bigint[])) AS t(term) CROSS JOIN LATERAL (
            SELECT StoryId FROM (SELECT StoryId FROM StoryPostings WHERE TermHash = t.term ORDER BY StoryId DESC LIMIT {PostingsPerTerm}) AS a
            UNION ALL
            SELECT StoryId FROM (SELECT StoryId FROM StoryPostingsRecent WHERE TermHash = t.term ORDER BY StoryId DESC LIMIT {PostingsPerTerm}) AS b) AS p
        """;

    // SQLite, which has no lateral join: each table's rows of a term from its PostingsPerTerm-th newest story on, a
    // range of the primary key whose start is found once per term.
    private static readonly string SqliteBatchPostingsQuery = $"""
        {SqliteNewest("StoryPostings")}
        UNION ALL
        {SqliteNewest("StoryPostingsRecent")}
        """;

    private static string SqliteNewest(string table) => $"""
        SELECT t.value, p.StoryId FROM json_each($terms) AS t JOIN {table} p ON p.TermHash = t.value AND p.StoryId >= COALESCE(
            (SELECT s.StoryId FROM {table} s WHERE s.TermHash = t.value ORDER BY s.StoryId DESC LIMIT 1 OFFSET {PostingsPerTerm - 1}), 0)
        """;

    /// <summary>
    /// Posts <paramref name="storyId"/> under each of <paramref name="terms"/>: at once in the lists kept, in the store
    /// by <see cref="Write"/> (before the store's postings are next read, and at the end of each grouping step).
    /// </summary>
    public void Post(IEnumerable<uint> terms, long storyId)
    {
        foreach (var term in terms)
        {
            _unwritten.Add([term, storyId]);
            if (!_postings.TryGetValue(term, out var stories)) continue;
            var at = stories.BinarySearch(storyId, Newest);
            if (at >= 0) continue;
            stories.Insert(~at, storyId);
            if (stories.Count > PostingsPerTerm) stories.RemoveAt(PostingsPerTerm);
        }
    }

    // Postings made since the last Write, as (term, story) pairs. A step posts each article's terms under its story;
    // written one statement per article, they were a statement for every article placed.
    private readonly List<long[]> _unwritten = [];

    /// <summary>Writes the postings made since the last call, in one statement.</summary>
    public void Write()
    {
        if (_unwritten.Count == 0) return;
        // On PostgreSQL as two arrays, sent in binary (see StoryDocumentFrequencies.Add).
        if (sql.Postgres)
            sql.Exec("INSERT INTO StoryPostingsRecent (TermHash, StoryId) SELECT t, s FROM unnest(CAST($t AS bigint[]), CAST($s AS bigint[])) AS p(t, s) ON CONFLICT DO NOTHING",
                ("$t", _unwritten.Select(p => p[0]).ToArray()), ("$s", _unwritten.Select(p => p[1]).ToArray()));
        else
            sql.Exec("INSERT OR IGNORE INTO StoryPostingsRecent (TermHash, StoryId) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($p)",
                ("$p", JsonSerializer.Serialize(_unwritten)));
        _unwritten.Clear();
    }

    private static readonly Comparer<long> Newest = Comparer<long>.Create((x, y) => y.CompareTo(x));

    /// <summary>Merges the recent postings into the large table once they are <paramref name="limit"/> rows or more.</summary>
    public void MergeRecent(int limit)
    {
        Write();
        if (sql.Scalar("SELECT COUNT(*) FROM StoryPostingsRecent") >= limit)
            sql.Exec("""
                INSERT OR IGNORE INTO StoryPostings (TermHash, StoryId) SELECT TermHash, StoryId FROM StoryPostingsRecent ORDER BY TermHash, StoryId;
                DELETE FROM StoryPostingsRecent;
                """);
    }
}
