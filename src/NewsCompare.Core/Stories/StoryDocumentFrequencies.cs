using System.Globalization;
using System.Text.Json;

namespace NewsCompare.Core.Stories;

/// <summary>
/// The store's document frequencies: in how many articles each term occurs (StoryTermStats, with changes in
/// StoryTermStatsRecent until they are merged), the collection size under <see cref="DocumentsKey"/>, and the version
/// of the term features they were counted on. Read through a cache that is exact for every term it holds: a compact
/// table with a byte budget that drops its rarest terms when full (a few million terms fit).
/// </summary>
/// <param name="sql">Statements on the grouping's connection.</param>
internal sealed class StoryDocumentFrequencies(StoreCommands sql)
{
    /// <summary>The key under which the collection size is counted.</summary>
    public const long DocumentsKey = -1;
    private const long CacheBytes = 32L << 20;

    private readonly TermCountTable _cache = new(CacheBytes);
    private long? _documents;

    /// <summary>Forgets what was read (after a rollback, or when the counts are rebuilt).</summary>
    public void Clear()
    {
        _cache.Clear();
        _documents = null;
    }

    /// <summary>Counts <paramref name="counts"/>' articles and their terms in, and records the features version.</summary>
    public void Add(IReadOnlyList<TermCounts> counts)
    {
        var delta = new Dictionary<long, int> { [DocumentsKey] = counts.Count };
        foreach (var c in counts) foreach (var t in c.Counts.Keys) delta[t] = delta.GetValueOrDefault(t) + 1;
        // One statement for the batch's tens of thousands of terms: one statement each cost more than their upserts.
        // PostgreSQL takes them as two arrays, which its driver sends in binary: as a JSON object, both sides spent
        // their time writing and parsing digits.
        if (sql.Postgres)
            sql.Exec("""
                INSERT INTO StoryTermStatsRecent (TermHash, Df) SELECT t, d FROM unnest(CAST($t AS bigint[]), CAST($d AS bigint[])) AS x(t, d)
                ON CONFLICT (TermHash) DO UPDATE SET Df = StoryTermStatsRecent.Df + excluded.Df
                """, ("$t", delta.Keys.ToArray()), ("$d", delta.Values.Select(d => (long)d).ToArray()));
        else
            sql.Exec("""
                INSERT INTO StoryTermStatsRecent (TermHash, Df) SELECT CAST(key AS INTEGER), value FROM json_each($d) WHERE true
                ON CONFLICT (TermHash) DO UPDATE SET Df = StoryTermStatsRecent.Df + excluded.Df
                """, ("$d", JsonSerializer.Serialize(delta)));
        // Terms the table holds are updated in place; the others are read when the batch asks for them.
        foreach (var (t, d) in delta)
            if (t != DocumentsKey && _cache.TryGetValue((uint)t, out var held)) _cache.Set((uint)t, held + d);
        if (_documents is long docs) _documents = docs + counts.Count;
        sql.Exec("INSERT INTO StoryGroupingInfo (Name, Value) VALUES ('features', $v) ON CONFLICT (Name) DO UPDATE SET Value = excluded.Value", ("$v", TextSignals.FeaturesVersion));
    }

    /// <summary>Whether articles are grouped and the store's grouping index was built on another version of the term features.</summary>
    public bool CountedWithOtherFeatures()
    {
        using var cmd = sql.Command("""
            SELECT EXISTS (SELECT 1 FROM StoryMemberships)
               AND COALESCE((SELECT Value FROM StoryGroupingInfo WHERE Name = 'features'), 0) <> $v
            """, ("$v", TextSignals.FeaturesVersion));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    // A term's count is its row in the large table plus its row in the recent one (see StoryStore.RecentRowsLimit); 0 without either.
    private const string DfQuery = """
        SELECT COALESCE((SELECT Df FROM StoryTermStats WHERE TermHash = $t), 0) + COALESCE((SELECT Df FROM StoryTermStatsRecent WHERE TermHash = $t), 0)
        """;

    /// <summary>The document frequency of every term of <paramref name="counts"/>, and the collection size under <see cref="DocumentsKey"/>.</summary>
    public Dictionary<long, long> Read(IReadOnlyList<TermCounts> counts)
    {
        // One look at the cache per term, then one statement for the terms it lacks (a batch's new words are most of
        // them): read one term per statement on SQLite, they were over a hundred thousand statements per 20,000 articles.
        var df = new Dictionary<long, long>();
        var missing = new List<long>();
        foreach (var c in counts)
            foreach (var t in c.Counts.Keys)
            {
                ref var d = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(df, t, out var seen);
                if (!seen && !_cache.TryGetValue(t, out d)) missing.Add(t);
            }
        // In key order, so each lookup lands near the one before it in the tables' B-trees.
        missing.Sort();
        ReadCounts(missing, (t, d) => df[t] = d);
        df[DocumentsKey] = Documents();
        return df;
    }

    // The counts of distinct terms the cache lacks, in one statement, into the cache and to `read`.
    private void ReadCounts(ICollection<long> terms, Action<long, long>? read)
    {
        if (terms.Count == 0) return;
        using var cmd = sql.Postgres
            ? sql.Command("""
              SELECT t.value, COALESCE(s.Df, 0) + COALESCE(r.Df, 0) FROM unnest(CAST($ts AS bigint[])) AS t(value)
              LEFT JOIN StoryTermStats s ON s.TermHash = t.value LEFT JOIN StoryTermStatsRecent r ON r.TermHash = t.value
              """, ("$ts", terms.ToArray()))
            : sql.Command("""
              SELECT t.value, COALESCE(s.Df, 0) + COALESCE(r.Df, 0) FROM json_each($ts) AS t
              LEFT JOIN StoryTermStats s ON s.TermHash = t.value LEFT JOIN StoryTermStatsRecent r ON r.TermHash = t.value
              """, ("$ts", JsonSerializer.Serialize(terms)));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var (t, d) = (reader.GetInt64(0), reader.GetInt64(1));
            _cache.Set((uint)t, d);
            read?.Invoke(t, d);
        }
    }

    /// <summary>How many articles are counted.</summary>
    public long Documents()
    {
        if (_documents is long n) return n;
        var d = (long)sql.Prepared(DfQuery, ("$t", DocumentsKey)).ExecuteScalar()!;
        _documents = d;
        return d;
    }

    /// <summary>
    /// Reads into the cache, in one statement on PostgreSQL, the counts of <paramref name="terms"/> it does not hold: there
    /// each statement is a round trip to the server, and a batch asks for tens of thousands of terms.
    /// </summary>
    public void Prefetch(IEnumerable<uint> terms)
    {
        if (!sql.Postgres) return;
        var missing = new HashSet<long>();
        foreach (var t in terms)
            if (!_cache.TryGetValue(t, out _)) missing.Add(t);
        ReadCounts(missing, null);
    }

    /// <summary>The document frequency of one term.</summary>
    public long Of(uint term)
    {
        if (_cache.TryGetValue(term, out var d)) return d;
        d = (long)sql.Prepared(DfQuery, ("$t", (long)term)).ExecuteScalar()!;
        _cache.Set(term, d);
        return d;
    }

    /// <summary>Merges the recent counts into the large table once they are <paramref name="limit"/> rows or more.</summary>
    public void MergeRecent(int limit)
    {
        if (sql.Scalar("SELECT COUNT(*) FROM StoryTermStatsRecent") >= limit)
            sql.Exec("""
                INSERT INTO StoryTermStats (TermHash, Df) SELECT TermHash, Df FROM StoryTermStatsRecent WHERE true ORDER BY TermHash
                    ON CONFLICT (TermHash) DO UPDATE SET Df = StoryTermStats.Df + excluded.Df;
                DELETE FROM StoryTermStatsRecent;
                """);
    }
}
