namespace NewsCompare.Web.Reading;

/// <summary>A story linked to another, with why.</summary>
public sealed record RelatedStory(long StoryId, string Title, string Reason);

/// <summary>A correction an editor made to a story's grouping; <c>Editor</c> is the sign-in name (shown to editors only) or "command line".</summary>
public sealed record StoryCorrection(DateTime At, string Editor, string Description)
{
    /// <summary>What readers see: the editor's chosen display name, else "an editor". Sign-in names are never public.</summary>
    public string PublicEditor { get; init; } = Editor == Editing.StoryEditor.CommandLine ? Editor : "an editor";
}

/// <summary>What the grouping engine can say about one story. Empty parts are simply not shown.</summary>
/// <param name="Related">Stories about linked events.</param>
/// <param name="WhyArticle">For each article id, why it belongs in the story.</param>
/// <param name="Corrections">Editors' changes to the grouping, newest first.</param>
public sealed record StoryInsight(
    IReadOnlyList<RelatedStory> Related,
    IReadOnlyDictionary<long, string> WhyArticle,
    IReadOnlyList<StoryCorrection> Corrections)
{
    public static StoryInsight None { get; } = new([], new Dictionary<long, string>(), []);

    /// <summary>For each article id, the decision that placed it, in figures (absent: nothing to show but <see cref="WhyArticle"/>).</summary>
    public IReadOnlyDictionary<long, GroupingReason> Reasons { get; init; } = new Dictionary<long, GroupingReason>();
}

/// <summary>Explanations, related stories and corrections for a story page; the host registers the stories service behind it.</summary>
public interface IStoryInsights
{
    Task<StoryInsight> ForStoryAsync(long storyId, CancellationToken cancellationToken);
}
