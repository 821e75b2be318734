using System.Globalization;
using Microsoft.EntityFrameworkCore;
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
        var related = (await StoryStore.RelatedAsync(db, storyId, cancellationToken))
            .Select(s => new RelatedStory(s.Id, s.Title, Display.Range(s.FirstDate, s.LastDate)))
            .ToList();

        // One query for the whole story: the memberships already hold each article's explanation.
        var explained = (await db.StoryMemberships.Where(m => m.StoryId == storyId).ToListAsync(cancellationToken))
            .ToDictionary(m => m.ArticleId, StoryStore.Explanation);
        var why = explained.ToDictionary(kv => kv.Key, kv => Describe(kv.Value));

        var corrections = await db.StoryCorrections
            .Where(c => c.FromStoryId == storyId || c.ToStoryId == storyId)
            .OrderByDescending(c => c.Id)
            .Take(50)
            .ToListAsync(cancellationToken);

        var lines = corrections.Select(Describe).ToList();
        var shown = await EditorAccounts.DisplayNamesAsync(db, lines.Select(l => l.Editor).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), cancellationToken);
        return new StoryInsight(related, why, [.. lines.Select(l => shown.TryGetValue(l.Editor, out var name) ? l with { PublicEditor = name } : l)])
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
