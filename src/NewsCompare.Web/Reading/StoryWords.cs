using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Web.Reading;

/// <summary>
/// Shows explanations in the words the articles print (<see cref="StorySpellings"/>): reads the story's members'
/// texts, as grouping reads them, when a page or the API asks.
/// </summary>
public static class StoryWords
{
    /// <summary>
    /// Members read for the other side's spelling: enough to say how the story writes a term, and a bound on the work
    /// of one request however large the story.
    /// </summary>
    public const int MaxMembersRead = 100;

    /// <summary>The spellings of story <paramref name="storyId"/>'s articles (latest versions), <paramref name="articleId"/> always among them.</summary>
    public static async Task<StorySpellings> ForStoryAsync(NewsDb db, long storyId, long? articleId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.StoryId == storyId && a.IsLatest)
            .OrderBy(a => a.Id == articleId ? 0 : 1).ThenBy(a => a.Id)
            .Take(MaxMembersRead)
            .Select(a => new { a.Id, a.Headline, a.Paragraphs, a.Language })
            .ToListAsync(ct);
        return StorySpellings.Of(rows.Select(r => new Core.Stories.StoryArticle(r.Id, r.Headline, r.Paragraphs, null, r.Language, null)));
    }
}
