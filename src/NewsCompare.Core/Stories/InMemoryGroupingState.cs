namespace NewsCompare.Core.Stories;

/// <summary>
/// <see cref="IGroupingState"/> in memory, for <see cref="StoryEngine.Group"/>: stories are numbered from 0 in the
/// order they open, members are kept in the order they joined, and the candidate index keeps every story posted under
/// a term (a collection held in memory is small enough not to cap it).
/// </summary>
internal sealed class InMemoryGroupingState(StoryEngineOptions options) : IGroupingState
{
    private readonly Dictionary<uint, List<int>> _postings = [];
    private readonly Dictionary<long, ArticleProfile> _profiles = [];

    public StoryEngineOptions Options { get; } = options;

    /// <summary>Signatures by story number.</summary>
    public List<StorySignature> Stories { get; } = [];

    /// <summary>Members by story number, in the order they joined.</summary>
    public List<List<ArticleProfile>> Members { get; } = [];

    /// <summary>Each placed article's story number and why it is there.</summary>
    public Dictionary<long, (int Story, StoryExplanation Why)> Explanations { get; } = [];

    /// <summary>Related stories, as pairs of story numbers (smaller first).</summary>
    public HashSet<(int, int)> Related { get; } = [];

    /// <summary>Stories flagged as possibly holding two events, with the proposed split.</summary>
    public Dictionary<int, ProposedSplit> Flags { get; } = [];

    /// <summary>Each placed article with its story, in <paramref name="order"/>, the story read when the article's turn comes.</summary>
    public IEnumerable<(ArticleProfile Article, long Story)> Placed(IEnumerable<ArticleProfile> order)
    {
        foreach (var a in order)
            if (Explanations.TryGetValue(a.Id, out var e)) yield return (_profiles[a.Id], e.Story);
    }

    public bool IsLocked(long articleId, out long? story)
    {
        story = null;
        return false;
    }

    public bool HasLockedMember(long storyId) => false;

    // The non-empty stories sharing most weight with the article's strongest terms, most shared first (ties to the newer story).
    public List<StorySignature> Candidates(ArticleProfile a, long? except, int take)
    {
        var shared = new Dictionary<int, double>();
        foreach (var (t, w) in Vectors.Strongest(a.Weights, StoryEngine.CandidateTerms))
            foreach (var i in _postings.GetValueOrDefault(t) ?? [])
                if (i != except && Members[i].Count > 0) shared[i] = shared.GetValueOrDefault(i) + w;
        return shared.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).Take(take).Select(kv => Stories[kv.Key]).ToList();
    }

    public StorySignature? Signature(long storyId) => Members[(int)storyId].Count > 0 ? Stories[(int)storyId] : null;

    public StorySignature Without(StorySignature story, ArticleProfile a) =>
        StorySignature.Of(story.Id, Members[(int)story.Id].Where(m => m.Id != a.Id));

    public StorySignature Open(ArticleProfile first)
    {
        var s = new StorySignature { Id = Stories.Count };
        Stories.Add(s);
        Members.Add([]);
        return s;
    }

    public void Join(ArticleProfile a, ArticleProfile stored, StorySignature story, StoryExplanation why, IEnumerable<uint> terms)
    {
        var index = (int)story.Id;
        Members[index].Add(stored);
        _profiles[a.Id] = stored;
        Post(terms, index);
        Explanations[a.Id] = (index, why);
    }

    private void Post(IEnumerable<uint> terms, int index)
    {
        foreach (var t in terms)
        {
            if (!_postings.TryGetValue(t, out var list)) _postings[t] = list = [];
            if (!list.Contains(index)) list.Add(index);
        }
    }

    public ArticleProfile WithText(ArticleProfile a) => a;

    public IReadOnlyList<ArticleProfile> WithText(IReadOnlyList<ArticleProfile> members) => members;

    public void Moved(ArticleProfile a, StorySignature rest, StorySignature to, StoryExplanation why)
    {
        var (from, index) = ((int)rest.Id, (int)to.Id);
        Members[from].RemoveAll(m => m.Id == a.Id);
        Stories[from] = rest;
        Members[index].Add(a);
        _profiles[a.Id] = a;
        Post(GroupingLoop.PostingTerms(a, null), index);
        Explanations[a.Id] = (index, why);
    }

    public void Link(long storyId, long otherStoryId, double score) =>
        Related.Add(((int)Math.Min(storyId, otherStoryId), (int)Math.Max(storyId, otherStoryId)));

    IReadOnlyList<ArticleProfile> IGroupingState.Members(long storyId) => Members[(int)storyId];

    public long? Opener(long storyId) =>
        Members[(int)storyId].Select(m => (long?)m.Id).FirstOrDefault(id => Explanations[id!.Value].Why.Method == "opened");

    public void Flag(long storyId, ProposedSplit? split)
    {
        if (split is null) Flags.Remove((int)storyId);
        else Flags[(int)storyId] = split;
    }

    public void Divided(StorySignature kept, IReadOnlyList<ArticleProfile> keep, StorySignature moved, IReadOnlyList<ArticleProfile> move,
        IReadOnlyDictionary<long, StoryExplanation> explanations, double cross)
    {
        var (k, m) = ((int)kept.Id, (int)moved.Id);
        (Stories[k], Members[k]) = (kept, keep.ToList());
        (Stories[m], Members[m]) = (moved, move.ToList());
        foreach (var (story, half) in new[] { (k, keep), (m, move) })
            foreach (var a in half)
                if (explanations.TryGetValue(a.Id, out var why)) Explanations[a.Id] = (story, why);
        Post(move.SelectMany(a => GroupingLoop.PostingTerms(a, null)).ToList(), m);
        Related.Add((Math.Min(k, m), Math.Max(k, m)));
        Flags.Remove(k);
    }

    public void Flush() { }
}
