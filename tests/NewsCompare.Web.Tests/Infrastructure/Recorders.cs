using System.Collections.Concurrent;
using NewsCompare.Core.Import;
using NewsCompare.Web.Editing;
using NewsCompare.Web.Importing;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Tests.Infrastructure;

/// <summary>Records the files handed to import and reports each as imported, except names containing "broken".</summary>
public sealed class RecordingImporter : ICaptureImporter
{
    public ConcurrentQueue<CaptureFile> Received { get; } = new();

    public Task<ImportReport> ImportAsync(IReadOnlyList<CaptureFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files) Received.Enqueue(file);
        return Task.FromResult(new ImportReport(files.Select(f => f.Name.Contains("broken", StringComparison.Ordinal)
            ? new ImportResult(f.Name, ImportOutcome.Failed, "no article text found")
            : new ImportResult(f.Name, ImportOutcome.Imported)).ToList()));
    }
}

/// <summary>Records editors' regrouping calls and reports success, sending the browser to the target story.</summary>
public sealed class RecordingStoryEditor : IStoryEditor
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task<StoryEditResult> MoveArticleAsync(long articleId, long targetStoryId, string editor, string reason, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"move {articleId} to {targetStoryId} by {editor} because {reason}");
        return Task.FromResult(new StoryEditResult(true, targetStoryId, $"Moved article {articleId}."));
    }

    public Task<StoryEditResult> SplitAsync(long storyId, IReadOnlyList<long> articleIds, string editor, string reason, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"split {string.Join(",", articleIds)} from {storyId} by {editor} because {reason}");
        return Task.FromResult(new StoryEditResult(true, storyId, "Split."));
    }

    public Task<StoryEditResult> ApplyProposedSplitAsync(long storyId, string editor, string reason, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"apply proposed split of {storyId} by {editor} because {reason}");
        return Task.FromResult(new StoryEditResult(true, storyId, "Split as proposed."));
    }

    public Task<StoryEditResult> MergeAsync(long storyId, long otherStoryId, string editor, string reason, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"merge {otherStoryId} into {storyId} by {editor} because {reason}");
        return Task.FromResult(new StoryEditResult(true, storyId, "Merged."));
    }
}

/// <summary>Insights set per story by the test data; stories without an entry have none.</summary>
public sealed class CannedInsights : IStoryInsights
{
    public ConcurrentDictionary<long, StoryInsight> ByStory { get; } = new();

    public Task<StoryInsight> ForStoryAsync(long storyId, CancellationToken cancellationToken) =>
        Task.FromResult(ByStory.GetValueOrDefault(storyId, StoryInsight.None));
}
