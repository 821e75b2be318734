namespace NewsCompare.Core.Stories;

/// <summary>
/// The grouping loop, written once: placement in placement order, refinement against the finished stories, and the
/// two-event split or flag. It decides with <see cref="StoryEngine"/>'s scoring (<see cref="StoryEngine.Choose"/>,
/// <see cref="StoryEngine.Moves"/>, <see cref="StoryEngine.Bisect"/>) and keeps what it decides in an
/// <see cref="IGroupingState"/>: in memory for <see cref="StoryEngine.Group"/>, in SQLite for <see cref="StoryStore"/>.
/// </summary>
internal static class GroupingLoop
{
    /// <summary>Related links kept per placed article, the most similar first.</summary>
    internal const int RelatedPerArticle = 5;

    /// <summary>
    /// Places each article in the order given (the caller's placement order): an article a correction holds joins its
    /// lock group's story (or opens it); any other joins the story <see cref="StoryEngine.Choose"/> picks among its
    /// candidates, or opens a new one, and links the related stories it came near.
    /// </summary>
    /// <param name="state">Where stories are kept.</param>
    /// <param name="articles">Each article as weighed to decide (<c>Score</c>) and, when it differs, as kept (<c>Keep</c>).</param>
    /// <returns>Articles placed, joined, stories opened and stories touched.</returns>
    public static GroupingReport Place(IGroupingState state, IReadOnlyList<(ArticleProfile Score, ArticleProfile? Keep)> articles)
    {
        var o = state.Options;
        var touched = new HashSet<long>();
        int joined = 0, opened = 0;
        foreach (var (a, keep) in articles)
        {
            StorySignature? target = null;
            StoryExplanation why;
            IReadOnlyList<(long StoryId, double Score)> related = [];
            if (state.IsLocked(a.Id, out var lockedStory))
            {
                target = lockedStory is long held ? state.Signature(held) : null;
                why = target is null ? new StoryExplanation(1, "corrected", [], [], null) : StoryEngine.Explain(a, target, 0, "corrected", options: o);
            }
            else
            {
                var d = StoryEngine.Choose(a, state.Candidates(a, except: null, StoryEngine.MaxCandidates), o);
                (target, why, related) = (d.Story, d.Explanation, d.Related);
            }
            if (target is null)
            {
                target = state.Open(a);
                opened++;
            }
            else joined++;
            var stored = keep ?? a;
            target.Add(stored);
            touched.Add(target.Id);
            state.Join(a, stored, target, why, PostingTerms(a, keep));
            foreach (var (other, score) in related.OrderByDescending(r => r.Score).Take(RelatedPerArticle))
                if (other != target.Id) state.Link(other, target.Id, score);
        }
        state.Flush();
        return new GroupingReport(articles.Count, joined, opened, touched.Count);
    }

    /// <summary>
    /// The terms an article posts under its story: its strongest terms as the collection stands (what later reports
    /// of the event already share with it) and, while importing, its strongest terms counting the ones no other
    /// article has yet (<paramref name="keep"/>: what the next report may bring). With only the latter, a small store
    /// indexes each article by its unique words and the next report of the same event never finds it as a candidate.
    /// </summary>
    internal static IEnumerable<uint> PostingTerms(ArticleProfile score, ArticleProfile? keep)
    {
        var terms = Vectors.Strongest(score.Weights, StoryEngine.IndexedTerms).Select(kv => kv.Key);
        return keep is null ? terms : terms.Union(Vectors.Strongest(keep.Weights, StoryEngine.IndexedTerms).Select(kv => kv.Key));
    }

    /// <summary>
    /// One refinement pass over <paramref name="placed"/> (placed articles and their stories, in placement order):
    /// greedy placement decided each article against the stories as they stood when it came, and a later report can
    /// show it belonged elsewhere. Each article not held by a correction is taken out of its story and placed again
    /// among its candidate stories, its own (without it) included, under the same rules (<see cref="StoryEngine.Choose"/>);
    /// it moves only to an eligible story it matches clearly better (<see cref="StoryEngine.Moves"/>).
    /// </summary>
    /// <returns>How many articles moved.</returns>
    public static int Refine(IGroupingState state, IEnumerable<(ArticleProfile Article, long Story)> placed)
    {
        var o = state.Options;
        var moved = 0;
        foreach (var (a, story) in placed)
        {
            if (state.IsLocked(a.Id, out _) || state.Signature(story) is not { } own) continue;
            var rest = state.Without(own, a);
            // Its own story (without it) is always a candidate, in place of the last of the others.
            var candidates = state.Candidates(a, except: story, StoryEngine.MaxCandidates - 1).Prepend(rest).ToList();
            var d = StoryEngine.Choose(a, candidates, o);
            if (!StoryEngine.Moves(a, rest, d, o) || d.Story is null) continue;
            // Moved: explained with the words behind its terms (a stored member has only their hashes).
            var text = state.WithText(a);
            var why = ReferenceEquals(text, a) ? d.Explanation
                : StoryEngine.Explain(text, d.Story, d.Explanation.Score, d.Explanation.Method, d.Explanation.Method == "names", o)
                    with { Breakdown = d.Explanation.Breakdown }; // the figures are the decision's own; the words come from the text
            d.Story.Add(text);
            state.Moved(text, rest, d.Story, why);
            moved++;
        }
        state.Flush();
        return moved;
    }

    /// <summary>
    /// The proposed split of a story whose top split is <paramref name="top"/> (groups <paramref name="keepAt"/> and
    /// <paramref name="moveAt"/> of its members, which may hold more than the groups compared), when its groups are less
    /// alike than <paramref name="flagBelow"/> and each has words of its own; else null.
    /// </summary>
    private static ProposedSplit? Flag(IReadOnlyList<ArticleProfile> members, IReadOnlyList<Dictionary<uint, float>> vectors, StoryEngine.TopSplit top,
        List<int> keepAt, List<int> moveAt, double flagBelow)
    {
        if (top.Cross >= flagBelow || !ProposedSplit.EachHasOwnTerms(vectors, top.Keep, top.Move)) return null;
        if (!keepAt.Contains(0)) (keepAt, moveAt) = (moveAt, keepAt);
        return new ProposedSplit(keepAt.Select(i => members[i].Id).ToList(), moveAt.Select(i => members[i].Id).ToList(), Math.Round(top.Cross, 4));
    }

    /// <summary>
    /// A story whose lone member stays may still hold two events in the rest (reports of three events of one topic,
    /// none far enough from the others to leave): the rest is split at its top as the story would be, flagged below
    /// <paramref name="flagBelow"/>, and the lone member proposed with the group it resembles more.
    /// </summary>
    private static ProposedSplit? InnerFlag(IReadOnlyList<ArticleProfile> members, IReadOnlyList<Dictionary<uint, float>> vectors, int loner, double flagBelow, StoryEngineOptions o)
    {
        var rest = Enumerable.Range(0, members.Count).Where(i => i != loner).ToList();
        if (o.OutlierBelow <= 0 || rest.Count < StoryEngine.MinSplitMembers) return null;
        var restVectors = rest.Select(i => vectors[i]).ToList();
        if (StoryEngine.Bisect(restVectors) is not { Halves: true } inner) return null;
        var (keepAt, moveAt) = (inner.Keep.Select(i => rest[i]).ToList(), inner.Move.Select(i => rest[i]).ToList());
        double Closeness(List<int> group) => group.Average(i => Vectors.Dot(vectors[loner], vectors[i]));
        if (Closeness(keepAt) >= Closeness(moveAt)) keepAt.Add(loner);
        else moveAt.Add(loner);
        return Flag(members, restVectors, inner, keepAt.Order().ToList(), moveAt.Order().ToList(), flagBelow);
    }

    /// <summary>
    /// Whether the lone member's average cosine to the rest is below <see cref="StoryEngineOptions.OutlierBelow"/> of
    /// how alike the rest are to each other, counting each group of copies among the rest once (wire copies and mirrors
    /// are far more alike than independent reports of one event, and would make any independent report look apart),
    /// and at least <see cref="StoryEngine.MinOutlierRest"/> independent reports remain.
    /// </summary>
    private static bool StandsApart(IReadOnlyList<ArticleProfile> members, int loner, StoryEngineOptions o)
    {
        var features = members.Select(MemberFeatures.From).ToList();
        var independent = new List<int>();
        foreach (var i in Enumerable.Range(0, members.Count))
            if (i != loner && !independent.Any(j => StoryEngine.IsCopy(features[i], features[j], o))) independent.Add(i);
        if (independent.Count < StoryEngine.MinOutlierRest) return false;
        double inside = 0;
        for (var x = 0; x < independent.Count; x++)
            for (var y = x + 1; y < independent.Count; y++)
                inside += Vectors.Dot(members[independent[x]].Weights, members[independent[y]].Weights);
        var cohesion = inside / (independent.Count * (independent.Count - 1) / 2.0);
        var cross = independent.Average(i => Vectors.Dot(members[loner].Weights, members[i].Weights));
        return cross < o.OutlierBelow * cohesion;
    }

    /// <summary>
    /// Whether the lone member's cosine to the rest says how far it is from their event: it is in the language of all
    /// of them (a report in another language shares only names with them), and it has at least as many distinct terms
    /// as the shortest of them (a brief, a truncated capture or a bare headline is less alike to every full report);
    /// and each side names people or places the other never does (<see cref="ProposedSplit.EachHasOwnNames"/>): the
    /// rest share a cast the lone member lacks, and it has one of its own.
    /// </summary>
    private static bool Comparable(IReadOnlyList<ArticleProfile> members, int loner)
    {
        var lone = members[loner];
        var rest = members.Where((_, i) => i != loner).ToList();
        return rest.All(m => m.Language == lone.Language) && lone.Terms >= rest.Min(m => m.Terms)
            && ProposedSplit.EachHasOwnNames(members.Select(m => m.Weights).ToList(), [loner], Enumerable.Range(0, members.Count).Where(i => i != loner).ToList());
    }

    /// <summary>
    /// The member that resembles the rest of its story least (the lowest average cosine to the others), when it is a
    /// lone report of another event by the tests a top split's loner must pass (<see cref="Comparable"/>,
    /// <see cref="StandsApart"/>); else null.
    /// </summary>
    private static int? Hidden(IReadOnlyList<ArticleProfile> members, StoryEngineOptions o)
    {
        if (o.OutlierBelow <= 0 || members.Count <= StoryEngine.MinOutlierRest) return null;
        var least = Enumerable.Range(0, members.Count)
            .Select(i => (At: i, Alike: Enumerable.Range(0, members.Count).Where(j => j != i).Average(j => Vectors.Dot(members[i].Weights, members[j].Weights))))
            .MinBy(x => x.Alike).At;
        return Comparable(members, least) && StandsApart(members, least, o) ? least : null;
    }

    /// <summary>
    /// Checks each of <paramref name="storyIds"/> for two events (<see cref="StoryEngine.Bisect"/>), and the halves of
    /// each split again: a story whose halves are less alike than <see cref="StoryEngineOptions.SplitBelow"/> is split
    /// (the half holding the article that opened it keeps it, the other opens a new story linked as related); one whose halves
    /// are less alike than <paramref name="flagBelow"/>, each with words of its own, is flagged with the proposed split.
    /// When the top split sets one article apart from the rest and it fits them far worse than they fit each other
    /// (<see cref="StoryEngineOptions.OutlierBelow"/>), it leaves for a story of its own, linked as related; the rest is
    /// then flagged below how alike that other event was to it plus <see cref="StoryEngineOptions.EventMargin"/>.
    /// Stories with a member held by a correction are left as people made them.
    /// </summary>
    /// <returns>How many splits were made.</returns>
    public static int Split(IGroupingState state, IEnumerable<long> storyIds, double flagBelow)
    {
        var o = state.Options;
        var work = storyIds.ToList();
        var splits = 0;
        // How alike a report of another event of the topic was to a story it left: the level below which the story's
        // own groups look like two events too.
        var topic = new Dictionary<long, double>();
        double Level(double otherEvent) => Math.Max(flagBelow, otherEvent + o.EventMargin);
        for (var k = 0; k < work.Count; k++)
        {
            var id = work[k];
            var members = state.Members(id);
            if (members.Count < StoryEngine.MinSplitMembers || state.HasLockedMember(id)) { state.Flag(id, null); continue; }
            var vectors = members.Select(m => m.Weights).ToList();
            if (o.SplitBelow <= 0 || StoryEngine.Bisect(vectors) is not { } top) { state.Flag(id, null); continue; }
            var (keepAt, moveAt, cross) = (top.Keep, top.Move, top.Cross);
            if (top.Loner is int loner)
            {
                // One member resembles the rest far less than they resemble each other: a report of another event.
                if (o.OutlierBelow <= 0 || !Comparable(members, loner) || !StandsApart(members, loner, o))
                {
                    state.Flag(id, InnerFlag(members, vectors, loner, flagBelow, o));
                    continue;
                }
                (keepAt, moveAt) = (Enumerable.Range(0, members.Count).Where(i => i != loner).ToList(), [loner]);
            }
            else if (!top.Halves) { state.Flag(id, null); continue; }
            else if (cross >= o.SplitBelow)
            {
                var flag = Flag(members, vectors, top, keepAt, moveAt, topic.TryGetValue(id, out var level) ? Level(level) : flagBelow);
                // Three events of one topic: the top split may pair the third event's lone report with one of the
                // others, so it is never the top split's loner. The member least like the rest is asked instead.
                if (flag is not null || Hidden(members, o) is not int hidden)
                {
                    state.Flag(id, flag);
                    continue;
                }
                (keepAt, moveAt) = (Enumerable.Range(0, members.Count).Where(i => i != hidden).ToList(), [hidden]);
                cross = keepAt.Average(i => Vectors.Dot(vectors[hidden], vectors[i]));
            }
            // The half that holds the story's opener keeps the story: which half holds the first member read depends
            // on ids, that is on import order, while the opener comes from the placement order.
            // A lone member that leaves opens its own story whichever it is.
            var opener = state.Opener(id);
            if (moveAt.Count > 1 && moveAt.Any(i => members[i].Id == opener)) (keepAt, moveAt) = (moveAt, keepAt);
            var profiles = state.WithText(members);
            var (keep, move) = (keepAt.Select(i => profiles[i]).ToList(), moveAt.Select(i => profiles[i]).ToList());
            var other = state.Open(move[0]);
            var (kept, moved) = (StorySignature.Of(id, keep), StorySignature.Of(other.Id, move));
            moved.WeighedAt = kept.WeighedAt = other.WeighedAt;
            if (move.Count == 1) topic[id] = cross;
            var explanations = new Dictionary<long, StoryExplanation>();
            foreach (var a in keep) if (a.Id != opener) explanations[a.Id] = StoryEngine.Rejoin(a, keep, o);
            foreach (var a in move) explanations[a.Id] = move.Count == 1 ? StoryEngine.LeftAlone(a, keep, o) : StoryEngine.Rejoin(a, move, o);
            state.Divided(kept, keep, moved, move, explanations, cross);
            splits++;
            // The kept half may hold two events again; the new half is checked in its turn.
            work.Add(other.Id);
            k--;
        }
        state.Flush();
        return splits;
    }
}
