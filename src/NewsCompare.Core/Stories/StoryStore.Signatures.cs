using System.Text.Json;

namespace NewsCompare.Core.Stories;

public sealed partial class StoryStore
{
    // ---- signatures ---------------------------------------------------------------------------------------

    private StorySignature? LoadSignature(long id, Dictionary<long, StorySignature> cache, SignaturesAhead? ahead = null) =>
        LoadSignatures([id], cache, ahead) is [var s] ? s : null;

    // Weights drift as the store grows (a story opened when the store held 50 articles was weighed against those 50).
    // Once the store has doubled since, a stored signature is weighed again from its members: each story is redone
    // only a logarithmic number of times over its life.
    private bool Stale(StorySignature s) => _documents > 2L * s.WeighedAt && _documents >= 20;

    /// <summary>
    /// The signatures of <paramref name="ids"/> in that order (those with none left out), as grouping uses them (stale
    /// ones weighed again), with one query for all those <paramref name="cache"/> does not hold and
    /// <paramref name="ahead"/> has not read.
    /// </summary>
    private List<StorySignature> LoadSignatures(List<long> ids, Dictionary<long, StorySignature> cache, SignaturesAhead? ahead = null)
    {
        var missing = ids.Where(id => !cache.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var read = new List<StorySignature>(missing.Count);
            var unread = ahead is null ? missing : missing.Where(id => !ahead.Take(id, read)).ToList();
            if (unread.Count > 0) read.AddRange(ReadSignatures(unread));
            foreach (var s in read) cache[s.Id] = s;
            foreach (var s in Reweigh(read.Where(Stale).Select(s => s.Id).ToList(), ahead)) cache[s.Id] = s;
        }
        var list = new List<StorySignature>(ids.Count);
        foreach (var id in ids)
            if (cache.TryGetValue(id, out var s)) list.Add(s);
        return list;
    }

    /// <summary>The stored signatures of <paramref name="ids"/> (those with none left out), in one statement.</summary>
    private List<StorySignature> ReadSignatures(IReadOnlyCollection<long> ids)
    {
        var read = new List<StorySignature>(ids.Count);
        using var r = Prepared("SELECT StoryId, Data FROM StorySignatures WHERE StoryId IN (SELECT value FROM json_each($ids))",
            ("$ids", JsonSerializer.Serialize(ids))).ExecuteReader();
        while (r.Read()) read.Add(StorySignature.Deserialise(r.GetInt64(0), (byte[])r.GetValue(1)));
        return read;
    }

    /// <summary>
    /// Stored signatures a step read before it asked for them, with what weighing the stale ones again takes (their
    /// members and articles), each read for all of them in one statement. Placing an article asked for the signatures
    /// of those of its candidates not read yet, and then for the members and articles of the stale ones: on PostgreSQL
    /// a round trip each, two or three per placed article. Nothing a step writes changes what was read ahead of a
    /// story before the step asks for it (a story is joined, left or saved only after it was asked for), so a
    /// signature taken from here is the one the store would return, and it is weighed again (and saved) only when
    /// asked for, as before.
    /// </summary>
    private sealed class SignaturesAhead
    {
        private readonly Dictionary<long, StorySignature?> _stored = [];

        /// <summary>Members and articles of the stale signatures read ahead, by story.</summary>
        public Dictionary<long, List<MemberFeatures>> Members { get; } = [];

        /// <summary>See <see cref="Members"/>.</summary>
        public Dictionary<long, List<StoryArticleRow>> Articles { get; } = [];

        /// <summary>Whether <paramref name="id"/> was read ahead (adding its signature to <paramref name="read"/> when it has one).</summary>
        public bool Take(long id, List<StorySignature> read)
        {
            if (!_stored.Remove(id, out var s)) return false;
            if (s is not null) read.Add(s);
            return true;
        }

        /// <summary>Whether <paramref name="id"/> was read ahead and not taken yet.</summary>
        public bool Holds(long id) => _stored.ContainsKey(id);

        /// <summary>Keeps what was read of <paramref name="ids"/>: <paramref name="read"/> holds those with a signature.</summary>
        public void Keep(IEnumerable<long> ids, IEnumerable<StorySignature> read)
        {
            foreach (var id in ids) _stored[id] = null;
            foreach (var s in read) _stored[s.Id] = s;
        }
    }

    /// <summary>
    /// Reads ahead (<see cref="SignaturesAhead"/>) the stored signatures of <paramref name="ids"/> that neither
    /// <paramref name="cache"/> nor <paramref name="ahead"/> holds, and the members and articles of the stale ones.
    /// </summary>
    private void ReadAhead(IEnumerable<long> ids, Dictionary<long, StorySignature> cache, SignaturesAhead ahead)
    {
        var missing = ids.Where(id => !cache.ContainsKey(id) && !ahead.Holds(id)).Distinct().ToList();
        if (missing.Count == 0) return;
        var read = ReadSignatures(missing);
        ahead.Keep(missing, read);
        var stale = read.Where(Stale).Select(s => s.Id).ToList();
        if (stale.Count == 0) return;
        foreach (var (id, members) in LoadMembers(stale)) ahead.Members[id] = members;
        foreach (var (id, rows) in LoadStoryArticles(stale)) ahead.Articles[id] = rows;
        _frequencies.Prefetch(stale.SelectMany(id => ahead.Members[id].SelectMany(m => m.TermsToWeigh.Keys)));
    }

    private void SaveSignature(StorySignature s) =>
        Exec("INSERT INTO StorySignatures (StoryId, Data) VALUES ($s, $d) ON CONFLICT (StoryId) DO UPDATE SET Data = excluded.Data", ("$s", s.Id), ("$d", s.Serialise()));

    private Dictionary<long, long> _batchDf = [];
    private long _documents;
    private bool _complete;

    // The stories' signatures weighed again from their members against the current counts (members and outlets read
    // in one statement each for all of them), and saved.
    private List<StorySignature> Reweigh(List<long> storyIds, SignaturesAhead? ahead = null)
    {
        if (storyIds.Count == 0) return [];
        var members = storyIds.All(id => ahead?.Members.ContainsKey(id) == true) ? storyIds.ToDictionary(id => id, id => ahead!.Members[id]) : LoadMembers(storyIds);
        var articles = storyIds.All(id => ahead?.Articles.ContainsKey(id) == true) ? storyIds.ToDictionary(id => id, id => ahead!.Articles[id]) : LoadStoryArticles(storyIds);
        _frequencies.Prefetch(members.Values.SelectMany(list => list.SelectMany(m => m.TermsToWeigh.Keys)));
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
