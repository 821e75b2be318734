namespace NewsCompare.Web.Editing;

/// <summary>The outcome of an editor's change: the story to show next, and a sentence for the editor.</summary>
public sealed record StoryEditResult(bool Succeeded, long? StoryId, string Message);

/// <summary>
/// Editors' corrections to the grouping. The story page's forms call it; the host registers the stories service
/// behind it (see docs/web.md). Each method's editor and reason say who made the change and why, for the corrections log.
/// </summary>
public interface IStoryEditor
{
    /// <summary>Moves one article into another story.</summary>
    Task<StoryEditResult> MoveArticleAsync(long articleId, long targetStoryId, string editor, string reason, CancellationToken cancellationToken);

    /// <summary>Takes the given articles out of their story into a new story of their own.</summary>
    Task<StoryEditResult> SplitAsync(long storyId, IReadOnlyList<long> articleIds, string editor, string reason, CancellationToken cancellationToken);

    /// <summary>Applies the split proposed for a story flagged as possibly holding more than one event.</summary>
    Task<StoryEditResult> ApplyProposedSplitAsync(long storyId, string editor, string reason, CancellationToken cancellationToken);

    /// <summary>Merges story <paramref name="otherStoryId"/> into story <paramref name="storyId"/>.</summary>
    Task<StoryEditResult> MergeAsync(long storyId, long otherStoryId, string editor, string reason, CancellationToken cancellationToken);
}
