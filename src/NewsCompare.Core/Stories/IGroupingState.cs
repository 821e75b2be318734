namespace NewsCompare.Core.Stories;

/// <summary>
/// What <see cref="GroupingLoop"/> reads and writes while it places articles: the candidate index, the stories'
/// signatures and members, the corrections that hold articles in place, related links and flags. Two implementations:
/// <see cref="InMemoryGroupingState"/> (behind <see cref="StoryEngine.Group"/>) and the store's SQLite one (behind
/// <see cref="StoryStore"/>'s placement, refinement and split checks). The loop decides; the state only keeps.
/// </summary>
internal interface IGroupingState
{
    /// <summary>Thresholds and weights.</summary>
    StoryEngineOptions Options { get; }

    /// <summary>
    /// Whether a correction holds <paramref name="articleId"/> in place; <paramref name="story"/> is the story its lock
    /// group is in now, or null when none of the group is placed yet.
    /// </summary>
    bool IsLocked(long articleId, out long? story);

    /// <summary>Whether any member of the story is held in place by a correction (such stories are never split).</summary>
    bool HasLockedMember(long storyId);

    /// <summary>
    /// The signatures of up to <paramref name="take"/> stories sharing most weight with <paramref name="a"/>'s strongest
    /// terms (<see cref="StoryEngine.CandidateTerms"/>), best first, leaving out <paramref name="except"/>.
    /// </summary>
    List<StorySignature> Candidates(ArticleProfile a, long? except, int take);

    /// <summary>A story's signature as grouping uses it, or null when it has none.</summary>
    StorySignature? Signature(long storyId);

    /// <summary><paramref name="story"/>'s signature without <paramref name="a"/> (what is left if it leaves).</summary>
    StorySignature Without(StorySignature story, ArticleProfile a);

    /// <summary>Opens an empty story for <paramref name="first"/> (its first member, or the first of a split's half).</summary>
    StorySignature Open(ArticleProfile first);

    /// <summary>
    /// Records that <paramref name="a"/> joined <paramref name="story"/> (whose signature already counts
    /// <paramref name="stored"/>, the profile kept for it) with <paramref name="why"/>, posting <paramref name="terms"/>.
    /// </summary>
    void Join(ArticleProfile a, ArticleProfile stored, StorySignature story, StoryExplanation why, IEnumerable<uint> terms);

    /// <summary><paramref name="a"/> with the words behind its term hashes, for explanations (itself when it has them).</summary>
    ArticleProfile WithText(ArticleProfile a);

    /// <summary>
    /// Records that refinement moved <paramref name="a"/> out of the story <paramref name="rest"/> now describes into
    /// <paramref name="to"/> (whose signature already counts it).
    /// </summary>
    void Moved(ArticleProfile a, StorySignature rest, StorySignature to, StoryExplanation why);

    /// <summary>Links two stories as related coverage (same topic, another event).</summary>
    void Link(long storyId, long otherStoryId, double score);

    /// <summary>A story's members, as stored (weights only: their words come from <see cref="WithText(IReadOnlyList{ArticleProfile})"/>).</summary>
    IReadOnlyList<ArticleProfile> Members(long storyId);

    /// <summary><paramref name="members"/> with the words behind their term hashes, in the same order.</summary>
    IReadOnlyList<ArticleProfile> WithText(IReadOnlyList<ArticleProfile> members);

    /// <summary>The article that opened the story (its explanation stays when the story is split), if any.</summary>
    long? Opener(long storyId);

    /// <summary>Flags a story as possibly holding two events with <paramref name="split"/>, or clears its flag (null).</summary>
    void Flag(long storyId, ProposedSplit? split);

    /// <summary>
    /// Records a split: <paramref name="kept"/> (the story's id) holds <paramref name="keep"/>, the newly opened
    /// <paramref name="moved"/> holds <paramref name="move"/>; <paramref name="explanations"/> say why each article
    /// that is explained anew is where it is; the two are linked as related with score <paramref name="cross"/>.
    /// </summary>
    void Divided(StorySignature kept, IReadOnlyList<ArticleProfile> keep, StorySignature moved, IReadOnlyList<ArticleProfile> move,
        IReadOnlyDictionary<long, StoryExplanation> explanations, double cross);

    /// <summary>Ends a step (placement, refinement or split checks) of the loop: whatever it changed is kept.</summary>
    void Flush();
}
