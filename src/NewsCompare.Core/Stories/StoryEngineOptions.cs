namespace NewsCompare.Core.Stories;

/// <summary>The grouping engine's few thresholds. docs/stories.md explains each value.</summary>
public sealed record StoryEngineOptions
{
    /// <summary>
    /// How the sub-scores of similarity (words, names, figures, headline, date gap) are weighed, and the score from
    /// which an article joins a story: learned by <c>learn-grouping</c> (<see cref="GroupingWeights.Default"/>).
    /// </summary>
    public GroupingWeights Weights { get; init; } = GroupingWeights.Default;

    private readonly double? _join;

    /// <summary>
    /// Combined similarity of the article to the story's members (average over members, sub-scores weighed by
    /// <see cref="Weights"/>) from which an article joins a story; <see cref="GroupingWeights.Join"/> unless set.
    /// </summary>
    public double JoinThreshold { get => _join ?? Weights.Join; init => _join = value; }

    /// <summary>
    /// The score from which an article in <paramref name="language"/> joins a story: <see cref="JoinThreshold"/> when
    /// set, else the language's learned level (<see cref="GroupingWeights.JoinFor"/>).
    /// </summary>
    /// <param name="language">The article's language code.</param>
    public double JoinFor(string? language) => _join ?? Weights.JoinFor(language);
    /// <summary>Cosine similarity from which two stories that may not be joined are linked as related coverage.</summary>
    public double RelatedThreshold { get; init; } = 0.08;
    /// <summary>
    /// Distinct terms an article must share with a story before it may join: ordinary words in one language (shared
    /// names alone are a topic's recurring cast, not an event), names across languages.
    /// </summary>
    public int MinSharedTerms { get; init; } = 3;
    /// <summary>How much more a name or number weighs than an ordinary word.</summary>
    public double NameBoost { get; init; } = 1.5;
    /// <summary>Known dates further than this from a story's known dates rule the article out of it.</summary>
    public int MaxGapDays { get; init; } = 7;
    /// <summary>
    /// How much more than the join threshold an article must resemble a story whose members all come from its own
    /// outlet (or site): what two articles of one outlet share is partly the outlet (its page furniture, section
    /// words, authors), and one outlet reports one event twice far more rarely than two outlets do. A story another
    /// outlet has reported too asks no more. 0 turns it off.
    /// </summary>
    public double SameOutletMargin { get; init; } = 0.15;
    /// <summary>
    /// In a full grouping, whether a term an article shares with more of its own outlet's articles than chance would
    /// give weighs less (<see cref="SiteTerms"/>): an outlet's page furniture is evidence of the outlet, not the event.
    /// </summary>
    public bool SiteTermDiscount { get; init; }
    /// <summary>
    /// For an article without a date of its own: how much more (in average cosine similarity) it must resemble a story
    /// than that story resembles a candidate story whose known dates make it another event of the same topic. The
    /// seeds' undated report of a 2022 meeting in Nanping resembles the February 2023 story by 0.01–0.07 more than the
    /// February and September 2023 stories resemble each other; the undated reports of those two meetings, by 0.14–0.24
    /// (measured with a temporary diagnostic; docs/stories.md §2).
    /// </summary>
    public double EventMargin { get; init; } = 0.1;
    /// <summary>Estimated share of the shorter text's 3-word phrases found in the other from which it is a copy or light rewrite.</summary>
    public double CopyContainment { get; init; } = 0.45;
    /// <summary>Term-vector cosine from which a same-story article counts as a rewrite of another even when its phrasing was spun.</summary>
    public double RewriteCosine { get; init; } = 0.9;

    /// <summary>
    /// Whether runs of names also count as name phrases ("wang yi", "foreign minister wang"; docs/stories.md §1). On
    /// for now: without them the engine's pair similarity ranks story-pairs-dev's rated pairs better (ROC area 0.870 →
    /// 0.901) but the seeds with their sources no longer form exactly their three events (docs/stories.md §8).
    /// </summary>
    public bool NamePhrases { get; init; } = true;

    /// <summary>The default of <see cref="UnsharedTermWeight"/>.</summary>
    public const double DefaultUnsharedTermWeight = 0.25;

    /// <summary>
    /// What a term no other article of the collection uses counts, relative to its full weight, when a full grouping
    /// (<see cref="StoryEngine.Group"/>, a regroup or a first import into an empty store) weighs the articles: it cannot
    /// tie the article to anything, but it says the article is about something of its own.
    /// </summary>
    public double UnsharedTermWeight { get; init; } = DefaultUnsharedTermWeight;

    /// <summary>How many of an article's strongest terms its vector keeps.</summary>
    public int ArticleTerms { get; init; } = 120;

    /// <summary>
    /// Similarity is scaled by terms / (terms + this): a headline-only or one-line item shares its few words easily,
    /// so it needs closer agreement before it joins.
    /// </summary>
    public double ShortTextTerms { get; init; } = 10;

    /// <summary>
    /// How common terms are in news in general, counted as extra documents beside the store's own while the store is
    /// small (<see cref="BackgroundTerms.Default"/> is the shipped sample). Off by default: measured on the
    /// development set it cost incremental grouping more than it gained (docs/stories.md, known limits).
    /// </summary>
    public BackgroundTerms Background { get; init; } = BackgroundTerms.None;

    /// <summary>
    /// A story of at least <see cref="StoryEngine.MinSplitMembers"/> articles is split in two when its members fall
    /// into two halves (average-linkage bisection of their term vectors) whose average cosine similarity to each other
    /// is below this. Greedy placement lets a story take in a neighbouring event of its topic through that event's
    /// first report, which then pulls in the rest of its event; the halves of such a story are each far more alike
    /// inside than across. On the development set without dates it lifts the engine from 0.966 to 0.976 B-cubed F1
    /// (0.25–0.28 is a plateau; docs/stories.md §2); 0 turns it off.
    /// </summary>
    public double SplitBelow { get; init; } = 0.25;

    /// <summary>
    /// A story's lone member leaves it for a story of its own (linked as related) when the top split of the story
    /// (<see cref="StoryEngine.Bisect"/>) sets it apart from at least <see cref="StoryEngine.MinOutlierRest"/> others and
    /// its average cosine to them is below this share of how alike they are to each other. Greedy placement lets a
    /// report of another event of the topic join a story it resembles about as much as the topic's events resemble
    /// each other; in a small collection, where every word of the topic is rare, that is above any fixed level, but
    /// still well below how the event's own reports hang together. 0 turns it off.
    /// </summary>
    public double OutlierBelow { get; init; } = 0.85;


    /// <summary>
    /// Passes of re-assignment after the greedy, date-ordered placement of a full grouping (<see cref="StoryEngine.Group"/>
    /// and <c>regroup</c>): each article, taken out of its story, goes to the story it now matches best under the same
    /// rules; stops early when nothing moves. 2 by default: on the development set it lifts full grouping from 0.939 to
    /// 0.955 B-cubed F1 without dates and from 0.983 to 0.993 with them (docs/stories.md §2); 0 keeps the greedy result.
    /// </summary>
    public int RefinePasses { get; init; } = 2;

    /// <summary>
    /// Whether imports refine too: after each batch, one step covers the batch and the members of the one-article
    /// stories it opened or came near. Off by default: it costs a quarter to a third more grouping time per import and
    /// did not bring imports closer to <c>regroup</c> on the development set.
    /// </summary>
    public bool RefineImports { get; init; }

    /// <summary>Whether an import (not a full grouping) runs the refinement step.</summary>
    internal bool RefinesImports => RefineImports && RefinePasses > 0;

    /// <summary>The defaults.</summary>
    public static StoryEngineOptions Default { get; } = new();
}
