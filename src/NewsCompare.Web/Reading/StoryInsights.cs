using System.Globalization;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;
using NewsCompare.Core.Stories;
using NewsCompare.Web.Editing;
using NewsCompare.Web.Pages.Shared;

namespace NewsCompare.Web.Reading;

/// <summary>Reads the grouping engine's explanations, related stories and the corrections log for a story page.</summary>
public sealed class StoryInsights(NewsDb db) : IStoryInsights
{
    public async Task<StoryInsight> ForStoryAsync(long storyId, CancellationToken cancellationToken)
    {
        var queries = StoryPageQueries.For(db);
        var related = new List<RelatedRow>();
        await foreach (var row in queries.Related(db, storyId).WithCancellation(cancellationToken)) related.Add(row);

        // One query for the whole story: the memberships already hold each article's explanation.
        var explained = new Dictionary<long, StoryExplanation>();
        await foreach (var m in queries.Memberships(db, storyId).WithCancellation(cancellationToken)) explained[m.ArticleId] = StoryStore.Explanation(m);
        var why = explained.ToDictionary(kv => kv.Key, kv => Describe(kv.Value));

        var corrections = new List<Core.Stories.StoryCorrection>();
        await foreach (var c in queries.Corrections(db, storyId, 50).WithCancellation(cancellationToken)) corrections.Add(c);

        var lines = corrections.Select(Describe).ToList();
        var shown = await EditorAccounts.DisplayNamesAsync(db, lines.Select(l => l.Editor).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), cancellationToken);
        // In time order, undated last.
        var relatedStories = related.OrderBy(r => r.FirstDate is null).ThenBy(r => r.FirstDate).ThenBy(r => r.Id)
            .Select(r => new RelatedStory(r.Id, r.Title, Display.Range(r.FirstDate, r.LastDate))).ToList();
        return new StoryInsight(relatedStories, why, [.. lines.Select(l => shown.TryGetValue(l.Editor, out var name) ? l with { PublicEditor = name } : l)])
        {
            Reasons = explained.ToDictionary(kv => kv.Key, kv => GroupingReason.From(kv.Value)),
        };
    }

    /// <summary>A log line: the editor once (the stored reason carries the signature), what changed, and why.</summary>
    public static Reading.StoryCorrection Describe(Core.Stories.StoryCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var (editor, reason) = StoryEditor.Unsign(correction.Reason);
        return new Reading.StoryCorrection(correction.At, editor, $"{correction.Kind} of article(s) {correction.ArticleIds.Trim('[', ']')}: {reason}");
    }

    /// <summary>A sentence a reader can follow: what the article shares with the story and how strongly.</summary>
    public static string Describe(StoryExplanation e)
    {
        var opening = e.Method switch
        {
            "opened" => "The first article found about this event: it opened the story.",
            "moved" or "split" or "merged" or "corrected" => $"Placed here by an editor's correction ({e.Method}).",
            _ => null,
        };
        if (opening is not null) return opening;
        var method = e.Method == "names" ? "matched on names (another language)" : "matched";
        var parts = new List<string>();
        if (e.SharedNames.Count > 0) parts.Add("names " + string.Join(", ", e.SharedNames.Take(8)));
        if (e.SharedTerms.Count > 0) parts.Add("words " + string.Join(", ", e.SharedTerms.Take(8)));
        var shared = parts.Count > 0 ? "shares " + string.Join("; ", parts) : "shares no listed terms";
        var gap = e.GapDays is { } days ? $", {days} day(s) from the story's dates" : "";
        return $"{method}: {shared} (score {e.Score.ToString("0.00", CultureInfo.InvariantCulture)}{gap})";
    }
}
