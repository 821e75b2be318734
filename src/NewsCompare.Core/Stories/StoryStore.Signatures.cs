using System.Text.Json;

namespace NewsCompare.Core.Stories;

public sealed partial class StoryStore
{
    // ---- signatures ---------------------------------------------------------------------------------------

    private StorySignature? LoadSignature(long id, Dictionary<long, StorySignature> cache) =>
        LoadSignatures([id], cache) is [var s] ? s : null;

    // Weights drift as the store grows (a story opened when the store held 50 articles was weighed against those 50).
    // Once the store has doubled since, a stored signature is weighed again from its members: each story is redone
    // only a logarithmic number of times over its life.
    private bool Stale(StorySignature s) => _documents > 2L * s.WeighedAt && _documents >= 20;

    /// <summary>
    /// The signatures of <paramref name="ids"/> in that order (those with none left out), as grouping uses them (stale
    /// ones weighed again), with one query for all those <paramref name="cache"/> does not hold.
    /// </summary>
    private List<StorySignature> LoadSignatures(List<long> ids, Dictionary<long, StorySignature> cache)
    {
        var missing = ids.Where(id => !cache.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var read = new List<StorySignature>(missing.Count);
            using (var r = Prepared("SELECT StoryId, Data FROM StorySignatures WHERE StoryId IN (SELECT value FROM json_each($ids))",
                ("$ids", JsonSerializer.Serialize(missing))).ExecuteReader())
                while (r.Read()) read.Add(StorySignature.Deserialise(r.GetInt64(0), (byte[])r.GetValue(1)));
            foreach (var s in read) cache[s.Id] = s;
            foreach (var s in Reweigh(read.Where(Stale).Select(s => s.Id).ToList())) cache[s.Id] = s;
        }
        var list = new List<StorySignature>(ids.Count);
        foreach (var id in ids)
            if (cache.TryGetValue(id, out var s)) list.Add(s);
        return list;
    }

    private void SaveSignature(StorySignature s) =>
        Exec("INSERT INTO StorySignatures (StoryId, Data) VALUES ($s, $d) ON CONFLICT (StoryId) DO UPDATE SET Data = excluded.Data", ("$s", s.Id), ("$d", s.Serialise()));

    private Dictionary<long, long> _batchDf = [];
    private long _documents;
    private bool _complete;

    // The stories' signatures weighed again from their members against the current counts (members and outlets read
    // in one statement each for all of them), and saved.
    private List<StorySignature> Reweigh(List<long> storyIds)
    {
        if (storyIds.Count == 0) return [];
        var members = LoadMembers(storyIds);
        var articles = LoadStoryArticles(storyIds);
        _frequencies.Prefetch(members.Values.SelectMany(list => list.SelectMany(m => (m.Counts.Count > 0 ? m.Counts : m.Weights).Keys)));
        var signatures = new List<StorySignature>(storyIds.Count);
        foreach (var id in storyIds)
        {
            var s = new StorySignature { Id = id, WeighedAt = (int)Math.Min(_documents, int.MaxValue) };
            foreach (var m in members[id]) s.Add(m.Reweigh(t => StoryEngine.Idf(t, DocumentFrequency(t), _documents, _options.Background, _complete, _options.UnsharedTermWeight), _options));
            AddOutlets(s, articles[id]);
            SaveSignature(s);
            signatures.Add(s);
        }
        return signatures;
    }

    private long DocumentFrequency(uint term) => _batchDf.TryGetValue(term, out var d) ? d : _frequencies.Of(term);

    // A term's weight as the current batch weighs articles.
    private double Idf(uint term) => StoryEngine.Idf(term, DocumentFrequency(term), _documents, _options.Background, _complete, _options.UnsharedTermWeight);

    /// <summary>
    /// A story's signature without one of its members, its outlets and dates taken from <paramref name="articles"/> (the
    /// story's articles as <see cref="LoadStoryArticles"/> reads them): the dates are read again only when the member
    /// was at an edge.
    /// </summary>
    private static StorySignature Without(StorySignature s, ArticleProfile a, IReadOnlyList<StoryArticleRow> articles)
    {
        var rest = new StorySignature { Id = s.Id, Members = s.Members - 1, WeighedAt = s.WeighedAt, Centroid = new Dictionary<uint, float>(s.Centroid) };
        foreach (var (k, w) in a.Weights)
            if (rest.Centroid.TryGetValue(k, out var x))
            {
                if (x - w > 1e-6f) rest.Centroid[k] = x - w;
                else rest.Centroid.Remove(k);
            }
        foreach (var l in s.Languages) rest.Languages.Add(l);
        AddOutlets(rest, articles, except: a.Id);
        (rest.FirstDay, rest.LastDay) = (s.FirstDay, s.LastDay);
        if (a.Day is int day && (day == s.FirstDay || day == s.LastDay))
        {
            var stated = articles.Where(row => row.Id != a.Id && row.Stated is not null).Select(row => row.Stated!.Value.DayNumber).ToList();
            (rest.FirstDay, rest.LastDay) = stated.Count == 0 ? ((int?)null, (int?)null) : (stated.Min(), stated.Max());
        }
        return rest;
    }

    /// <summary>An article of a story as <see cref="Without"/> needs it: whether it is the latest version, its outlet (or site), its stated date.</summary>
    // Not the refresh's StoryRow: that one also reads each article's copy link, a column SQLite keeps after the
    // article's text, and a signature, read far more often, needs neither it nor the headline.
    private readonly record struct StoryArticleRow(long Id, bool Latest, string? Outlet, DateOnly? Stated);

    /// <summary>The articles (every version) of each of <paramref name="storyIds"/>, in one statement; a story without any maps to an empty list.</summary>
    private Dictionary<long, List<StoryArticleRow>> LoadStoryArticles(IReadOnlyCollection<long> storyIds)
    {
        var rows = storyIds.Distinct().ToDictionary(id => id, _ => new List<StoryArticleRow>());
        using var r = Prepared("""
            SELECT StoryId, Id, IsLatest, COALESCE(Outlet, Site), CASE WHEN PublishedInferred = 0 THEN Published END
            FROM Articles WHERE StoryId IN (SELECT value FROM json_each($s))
            """, ("$s", JsonSerializer.Serialize(rows.Keys))).ExecuteReader();
        while (r.Read())
            rows[r.GetInt64(0)].Add(new StoryArticleRow(r.GetInt64(1), Convert.ToBoolean(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                r.IsDBNull(3) ? null : r.GetString(3), StoreCommands.Date(r, 4)));
        return rows;
    }

    /// <summary>Rebuilds a story's summed vector from its members (after a correction took some away).</summary>
    private void RebuildSignature(long storyId)
    {
        var s = StorySignature.Of(storyId, LoadMembers(storyId).Select(m => m.ToProfile()));
        AddOutlets(s, LoadStoryArticles([storyId])[storyId]);
        if (s.Members > 0) SaveSignature(s);
    }

    /// <summary>Adds the outlets (or sites) of a story's latest articles, but <paramref name="except"/>'s, to its signature.</summary>
    private static void AddOutlets(StorySignature s, IEnumerable<StoryArticleRow> articles, long? except = null)
    {
        foreach (var row in articles)
            if (row.Id != except && row.Latest) s.AddOutlet(row.Outlet);
    }
}
