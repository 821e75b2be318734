using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Web.Editing;

/// <summary>Editors' corrections, carried out by the Core story store and recorded with the editor's name and reason.</summary>
public sealed class StoryEditor(NewsDb db) : IStoryEditor
{
    public Task<StoryEditResult> MoveArticleAsync(long articleId, long targetStoryId, string editor, string reason, CancellationToken cancellationToken) =>
        Run(store => store.MoveAsync(articleId, targetStoryId, Signed(editor, reason), cancellationToken),
            story => $"Moved article {articleId} to story {story}.");

    public Task<StoryEditResult> SplitAsync(long storyId, IReadOnlyList<long> articleIds, string editor, string reason, CancellationToken cancellationToken) =>
        Run(store => store.SplitAsync(storyId, articleIds, Signed(editor, reason), cancellationToken),
            story => $"Split {articleIds.Count} article(s) into new story {story}.");

    public Task<StoryEditResult> ApplyProposedSplitAsync(long storyId, string editor, string reason, CancellationToken cancellationToken) =>
        Run(store => store.ApplyProposedSplitAsync(storyId, Signed(editor, reason), cancellationToken),
            story => $"Split story {storyId} as proposed: the other group is now story {story}.");

    public Task<StoryEditResult> MergeAsync(long storyId, long otherStoryId, string editor, string reason, CancellationToken cancellationToken) =>
        Run(store => store.MergeAsync(storyId, otherStoryId, Signed(editor, reason), cancellationToken),
            story => $"Merged story {otherStoryId} into story {story}.");

    /// <summary>The corrections log keeps one reason text; it names the editor so the log says who decided.</summary>
    public static string Signed(string editor, string reason) => $"{reason.Trim()} {EditorMark}{editor})";

    /// <summary>The editor a <see cref="Signed"/> reason names; a correction made from the command line names none.</summary>
    public static string SignedBy(string reason) => Unsign(reason).Editor;

    /// <summary>A <see cref="Signed"/> reason split back into who decided and why; "command line" when it names no editor.</summary>
    public static (string Editor, string Reason) Unsign(string reason)
    {
        var at = reason.LastIndexOf(EditorMark, StringComparison.Ordinal);
        return at >= 0 && reason.EndsWith(')') ? (reason[(at + EditorMark.Length)..^1], reason[..at].TrimEnd()) : (CommandLine, reason);
    }

    private const string EditorMark = "(editor: ";

    /// <summary>Who a correction made from the command line is attributed to.</summary>
    public const string CommandLine = "command line";

    private async Task<StoryEditResult> Run(Func<StoryStore, Task<long>> change, Func<long, string> describe)
    {
        try
        {
            var story = await change(new StoryStore(db));
            return new StoryEditResult(true, story, describe(story));
        }
        catch (StoryCorrectionException e)
        {
            return new StoryEditResult(false, null, $"Not changed: {e.Message}.");
        }
    }
}
