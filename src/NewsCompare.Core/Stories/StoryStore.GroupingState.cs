namespace NewsCompare.Core.Stories;

public sealed partial class StoryStore
{
    /// <summary>
    /// <see cref="IGroupingState"/> over the store, for one step of <see cref="GroupingLoop"/> inside one transaction:
    /// signatures read once per step and written at its end, stories refreshed (copies, counts, title, inferred dates)
    /// once per step, the candidate index and document frequencies as <see cref="StoryCandidateIndex"/> and
    /// <see cref="StoryDocumentFrequencies"/> keep them.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="locks">Lock groups of the step's articles that corrections hold (article → group).</param>
    /// <param name="placing">The articles a placement step places (their headlines and stated dates), or null.</param>
    /// <param name="noteSmall">Whether one-article stories the step opens or comes near are noted for a refinement of them.</param>
    private sealed class SqliteGroupingState(StoryStore store, Dictionary<long, long> locks, IReadOnlyDictionary<long, StoryArticle>? placing, bool noteSmall) : IGroupingState
    {
        // Articles placed in this step whose own row does not name their story yet (article -> story): the story's
        // refresh writes it with the article's copy and inferred date, one new row version instead of two or three.
        // Nothing in a placement step reads an article's story from its row before the step's Flush.
        private readonly Dictionary<long, long> _placed = [];
        private readonly Dictionary<long, StorySignature> _signatures = [];
        private readonly HashSet<long> _dirty = [];
        private readonly Dictionary<long, MemberFeatures> _features = [];
        // The articles of stories refinement took members out of, read once per story for this step (see Without).
        private readonly Dictionary<long, List<StoryArticleRow>> _articles = [];
        private readonly DateTime _now = DateTime.UtcNow;
        private bool? _anyLocks;
        private bool _changed;

        public StoryEngineOptions Options => store._options;

        public bool IsLocked(long articleId, out long? story)
        {
            story = null;
            if (!locks.TryGetValue(articleId, out var group)) return false;
            story = store.LockedStory(group);
            return true;
        }

        public bool HasLockedMember(long storyId)
        {
            // No lock can appear while this write transaction runs, so a store without any needs no query per story.
            _anyLocks ??= store.Scalar("SELECT EXISTS (SELECT 1 FROM StoryLocks)") != 0;
            return _anyLocks.Value && store.HasLockedMember(storyId);
        }

        private readonly SignaturesAhead _ahead = new();

        /// <summary>
        /// Reads ahead on PostgreSQL, for a step that is about to place or refine <paramref name="articles"/>, the
        /// signatures of their candidate stories as the candidate index stands now and of <paramref name="stories"/>
        /// (<see cref="SignaturesAhead"/>): what the step then asks for is nearly all read in a few statements instead
        /// of one or three round trips per article. SQLite, in the process, reads as the step asks. Call after the
        /// index has read the articles' postings (<see cref="StoryCandidateIndex.Prefetch"/>).
        /// </summary>
        public void ReadAhead(IEnumerable<ArticleProfile> articles, IEnumerable<long>? stories = null)
        {
            if (store._sql.Postgres) store.ReadAhead(articles.SelectMany(store._index.Candidates).Concat(stories ?? []), _signatures, _ahead);
        }

        public List<StorySignature> Candidates(ArticleProfile a, long? except, int take)
        {
            var ids = store._index.Candidates(a);
            if (except is long e) ids.Remove(e);
            var list = store.LoadSignatures(ids, _signatures, _ahead);
            if (list.Count > take) list.RemoveRange(take, list.Count - take);
            if (noteSmall) foreach (var c in list) if (c.Members == 1) store._smallCandidates.Add(c.Id);
            return list;
        }

        public StorySignature? Signature(long storyId) => store.LoadSignature(storyId, _signatures, _ahead);

        public StorySignature Without(StorySignature story, ArticleProfile a)
        {
            if (!_articles.ContainsKey(story.Id)) Read([story.Id]);
            return StoryStore.Without(story, a, _articles[story.Id]);
        }

        /// <summary>
        /// Reads the articles of those of <paramref name="storyIds"/> not read yet in one statement, for <see cref="Without"/>:
        /// a refinement step takes each of its articles out of its story, and reading the rest's outlets and dates
        /// per article cost a statement or two each. A story an article joins or leaves is read again when next needed.
        /// </summary>
        public void Read(IEnumerable<long> storyIds)
        {
            var missing = storyIds.Where(id => !_articles.ContainsKey(id)).Distinct().ToList();
            if (missing.Count > 0) foreach (var (id, rows) in store.LoadStoryArticles(missing)) _articles[id] = rows;
        }

        public StorySignature Open(ArticleProfile first)
        {
            var headline = placing is not null && placing.TryGetValue(first.Id, out var p) ? p.Headline : store.HeadlineOf(first.Id);
            var s = new StorySignature { Id = store.InsertStory(headline, _now), WeighedAt = (int)Math.Min(store._documents, int.MaxValue) };
            _signatures[s.Id] = s;
            if (store._sql.Postgres) _flags[s.Id] = null; // a new story is not flagged (see ReadForSplit)
            if (noteSmall) store._smallCandidates.Add(s.Id);
            return s;
        }

        public void Join(ArticleProfile a, ArticleProfile stored, StorySignature story, StoryExplanation why, IEnumerable<uint> terms)
        {
            _signatures[story.Id] = story;
            _dirty.Add(story.Id);
            _changed = true;
            _articles.Remove(story.Id);
            var deferred = placing is not null && placing.ContainsKey(a.Id);
            store.InsertMembership(stored, story.Id, why, _now, writeArticle: !deferred);
            if (deferred) _placed[a.Id] = story.Id;
            if (locks.TryGetValue(a.Id, out var group)) store._lockedStories[group] = story.Id;
            store._index.Post(terms, story.Id);
        }

        public ArticleProfile WithText(ArticleProfile a) =>
            store.LoadArticles([a.Id]).Select(TermCounts.Count).Select(c => ArticleProfile.Weigh(c, store.Idf, store._options)).FirstOrDefault() ?? a;

        public void Moved(ArticleProfile a, StorySignature rest, StorySignature to, StoryExplanation why)
        {
            _signatures[rest.Id] = rest;
            _dirty.Add(rest.Id);
            _dirty.Add(to.Id);
            _changed = true;
            _articles.Remove(rest.Id);
            _articles.Remove(to.Id);
            store.InsertMembership(a, to.Id, why, _now);
            store._index.Post(GroupingLoop.PostingTerms(a, null), to.Id);
            store.Departed(rest.Id, to.Id);
        }

        public void Link(long storyId, long otherStoryId, double score) =>
            _links.Add((Math.Min(storyId, otherStoryId), Math.Max(storyId, otherStoryId), Math.Round(score, 4)));

        // Related links made in this step, in order (the first score of a pair is the one kept), written at its end
        // in one statement: nothing in a step reads them, and a placed article makes up to five.
        private readonly List<(long Story, long Related, double Score)> _links = [];

        private void WriteLinks()
        {
            if (_links.Count == 0) return;
            if (store._sql.Postgres)
                store.Exec("""
                    INSERT INTO StoryLinks (StoryId, RelatedStoryId, Score)
                    SELECT l.s, l.r, l.score FROM unnest(CAST($s AS bigint[]), CAST($r AS bigint[]), CAST($score AS double precision[])) WITH ORDINALITY AS l(s, r, score, n)
                    ORDER BY l.n ON CONFLICT DO NOTHING
                    """, ("$s", _links.Select(l => l.Story).ToArray()), ("$r", _links.Select(l => l.Related).ToArray()), ("$score", _links.Select(l => l.Score).ToArray()));
            else
                store.Exec("INSERT OR IGNORE INTO StoryLinks (StoryId, RelatedStoryId, Score) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each($l) ORDER BY key",
                    ("$l", System.Text.Json.JsonSerializer.Serialize(_links.Select(l => new object[] { l.Story, l.Related, l.Score }))));
            _links.Clear();
        }

        // What a split check read of its stories before it began (ReadForSplit): members not kept from their refresh,
        // and flags as stored, kept as the check sets them.
        private readonly Dictionary<long, List<MemberFeatures>> _membersRead = [];
        private readonly Dictionary<long, string?> _flags = [];

        /// <summary>
        /// Reads on PostgreSQL, for a split check of <paramref name="storyIds"/>, in one statement each, the members of
        /// those whose refresh did not leave them (<see cref="Touched"/>) and every one's flag: read story by story,
        /// they were a round trip or two per story checked. A check changes a story's members only by splitting it,
        /// and then keeps what the split's refresh read. SQLite reads them story by story, as the check asks.
        /// </summary>
        public void ReadForSplit(IReadOnlyCollection<long> storyIds)
        {
            if (!store._sql.Postgres) return;
            var unread = storyIds.Where(id => store._touched.GetValueOrDefault(id) is null).ToList();
            if (unread.Count > 0) foreach (var (id, members) in store.LoadMembers(unread)) _membersRead[id] = members;
            foreach (var (id, flag) in store.ReadFlags(storyIds)) _flags[id] = flag;
        }

        public IReadOnlyList<ArticleProfile> Members(long storyId)
        {
            // The members a refresh just read, when it did (the check after a step need not read them again).
            var members = store._touched.Remove(storyId, out var read) && read is not null ? read
                : _membersRead.Remove(storyId, out var ahead) ? ahead : store.LoadMembers(storyId);
            foreach (var m in members) _features[m.ArticleId] = m;
            return members.Select(m => m.ToProfile()).ToList();
        }

        public IReadOnlyList<ArticleProfile> WithText(IReadOnlyList<ArticleProfile> members)
        {
            // The words behind the stored term hashes, for the explanations (the weights are the stored ones).
            var text = store.LoadArticles(members.Select(m => m.Id).ToList()).AsParallel().ToDictionary(x => x.Id, TermCounts.Count);
            return members.Select(m => text.GetValueOrDefault(m.Id) is { } c ? _features[m.Id].ToProfile(c.Text, surface: c.Surface) : _features[m.Id].ToProfile()).ToList();
        }

        public long? Opener(long storyId) => store.OpenerOf(storyId);

        public void Flag(long storyId, ProposedSplit? split)
        {
            if (!_flags.TryGetValue(storyId, out var stored))
            {
                store.Flag(storyId, split);
                return;
            }
            var json = split?.Serialise();
            if (json == stored) return;
            _flags[storyId] = json;
            store.SetFlag(storyId, json);
        }

        public void Divided(StorySignature kept, IReadOnlyList<ArticleProfile> keep, StorySignature moved, IReadOnlyList<ArticleProfile> move,
            IReadOnlyDictionary<long, StoryExplanation> explanations, double cross)
        {
            _changed = true;
            _articles.Remove(kept.Id);
            _articles.Remove(moved.Id);
            foreach (var (half, whole) in new[] { (keep, kept), (move, moved) })
            {
                store.SaveSignature(whole);
                _signatures[whole.Id] = whole;
                foreach (var a in half)
                {
                    if (!explanations.TryGetValue(a.Id, out var why)) continue;
                    store.Exec("""
                        UPDATE StoryMemberships SET StoryId = $s, Score = $score, Method = $m, SharedNames = $n, SharedTerms = $t, GapDays = $g, Breakdown = $b WHERE ArticleId = $a;
                        UPDATE Articles SET StoryId = $s WHERE Id = $a AND StoryId IS DISTINCT FROM $s;
                        """, ("$a", a.Id), ("$s", whole.Id), ("$score", why.Score), ("$m", why.Method),
                        ("$n", System.Text.Json.JsonSerializer.Serialize(why.SharedNames)), ("$t", System.Text.Json.JsonSerializer.Serialize(why.SharedTerms)), ("$g", why.GapDays),
                        ("$b", why.Breakdown?.Serialise()));
                }
            }
            store._index.Post(move.SelectMany(a => GroupingLoop.PostingTerms(a, null)).Distinct().ToList(), moved.Id);
            Link(kept.Id, moved.Id, cross);
            foreach (var id in new[] { kept.Id, moved.Id })
            {
                var members = store.RefreshStory(id, _now);
                // The refresh clears the flag of a story too small to split.
                if (members.Count < StoryEngine.MinSplitMembers && _flags.ContainsKey(id)) _flags[id] = null;
                store.Touched(id, members);
            }
        }

        public void Flush()
        {
            store._index.Write();
            WriteLinks();
            // The members and headlines of every story the step changed, in two statements rather than two per story.
            var (members, articles) = _dirty.Count > 0 ? (store.LoadMembers(_dirty), store.LoadStoryRows(_dirty)) : ([], []);
            var placed = _placed.GroupBy(p => p.Value, p => placing![p.Key]).ToDictionary(g => g.Key, g => g.ToList());
            var mixed = placed.Count > 0 ? store.FlaggedStories(placed.Keys) : [];
            foreach (var id in _dirty)
            {
                store.SaveSignature(_signatures[id]);
                var rows = articles[id];
                var joined = placed.GetValueOrDefault(id) ?? [];
                if (joined.Count > 0)
                {
                    var ids = joined.Select(a => a.Id).ToHashSet();
                    rows.RemoveAll(r => ids.Contains(r.Id));
                    // Their copy links are the refresh's to decide and write.
                    rows.AddRange(joined.Select(a => new StoryRow(a.Id, true, a.Headline, a.Published, CopyOf: null, a.Outlet)));
                }
                // The refresh lends the earliest stated date unless the story stays flagged (RefreshStory clears a
                // small story's flag); the articles it places are written with it.
                var flagged = mixed.Contains(id) && members[id].Count >= StoryEngine.MinSplitMembers;
                var lender = flagged ? null : rows.Where(r => r.Stated is not null).OrderBy(r => r.Stated).ThenBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefault();
                store.Touched(id, store.RefreshStory(id, _now, members[id], rows,
                    joined.Select(a => (a.Id, Dated: a.Published is not null)).ToList(), lender));
            }
            _placed.Clear();
            _dirty.Clear();
            if (_changed) store.MergeRecentIndex();
            _changed = false;
        }
    }
}
