using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Stories;

/// <summary>One story in an export.</summary>
/// <param name="Id">Story id.</param>
/// <param name="Title">Title.</param>
/// <param name="FirstDate">Earliest known date.</param>
/// <param name="LastDate">Latest known date.</param>
/// <param name="Articles">Number of articles.</param>
/// <param name="IndependentVersions">Articles that are not copies or light rewrites of another.</param>
/// <param name="Outlets">Number of outlets.</param>
/// <param name="RelatedStories">Related stories' ids, in time order.</param>
/// <param name="ArticleIds">Its articles (latest versions), in id order.</param>
public sealed record StoryExportRecord(long Id, string Title, DateOnly? FirstDate, DateOnly? LastDate, int Articles, int IndependentVersions, int Outlets,
    IReadOnlyList<long> RelatedStories, IReadOnlyList<long> ArticleIds);

/// <summary>The stories listing (for `export --stories` and the `stories` verb), streamed page by page in id order.</summary>
public static class StoriesExport
{
    /// <summary>Every story in id (creation) order, each with its related stories in time order.</summary>
    /// <param name="db">The open store.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async IAsyncEnumerable<StoryExportRecord> ListAsync(NewsDb db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        long after = 0;
        while (true)
        {
            // Pages by id so a million stories never sit in memory; sorted by date within the output below.
            var page = await db.Stories.AsNoTracking().Where(s => s.Id > after).OrderBy(s => s.Id).Take(2000).ToListAsync(cancellationToken);
            if (page.Count == 0) yield break;
            var ids = page.Select(s => s.Id).ToList();
            var links = await db.StoryLinks.AsNoTracking().Where(l => ids.Contains(l.StoryId) || ids.Contains(l.RelatedStoryId)).ToListAsync(cancellationToken);
            var others = links.SelectMany(l => new[] { l.StoryId, l.RelatedStoryId }).Distinct().ToList();
            var members = (await db.Articles.AsNoTracking().Where(a => a.IsLatest && a.StoryId != null && ids.Contains(a.StoryId.Value))
                    .Select(a => new { StoryId = a.StoryId!.Value, a.Id }).ToListAsync(cancellationToken))
                .ToLookup(a => a.StoryId, a => a.Id);
            var dates = await db.Stories.AsNoTracking().Where(s => others.Contains(s.Id)).Select(s => new { s.Id, s.FirstDate }).ToDictionaryAsync(s => s.Id, s => s.FirstDate, cancellationToken);
            foreach (var s in page)
            {
                var related = links.Where(l => l.StoryId == s.Id || l.RelatedStoryId == s.Id)
                    .Select(l => l.StoryId == s.Id ? l.RelatedStoryId : l.StoryId).Distinct().Where(dates.ContainsKey)
                    .OrderBy(r => dates[r] is null).ThenBy(r => dates[r]).ThenBy(r => r).ToList();
                yield return new StoryExportRecord(s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount, related, [.. members[s.Id].Order()]);
            }
            after = page[^1].Id;
        }
    }
}
