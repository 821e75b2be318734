using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Stories;

public sealed partial class StoryStore
{
    // ---- queries for pages ---------------------------------------------------------------------------------

    /// <summary>Why <paramref name="articleId"/> is in its story, or null when it is not grouped.</summary>
    /// <param name="db">The open store.</param>
    /// <param name="articleId">The article.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<StoryExplanation?> ExplanationAsync(NewsDb db, long articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var m = await db.StoryMemberships.FirstOrDefaultAsync(x => x.ArticleId == articleId, cancellationToken);
        return m is null ? null : Explanation(m);
    }

    /// <summary>The explanation a stored membership records.</summary>
    /// <param name="m">A membership read from the store.</param>
    public static StoryExplanation Explanation(StoryMembership m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new StoryExplanation(m.Score, m.Method,
            JsonSerializer.Deserialize<List<string>>(m.SharedNames) ?? [], JsonSerializer.Deserialize<List<string>>(m.SharedTerms) ?? [], m.GapDays)
        {
            Breakdown = ScoreBreakdown.Parse(m.Breakdown),
        };
    }

    /// <summary>
    /// Where the articles of a retired story id are now: the current stories that hold them, each with how many, the
    /// largest share first (followed through later retirements); null when <paramref name="storyId"/> was never retired.
    /// </summary>
    /// <param name="db">The open store.</param>
    /// <param name="storyId">The story id asked for.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<RetiredStoryInfo?> SuccessorsAsync(NewsDb db, long storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.RetiredStories.AsNoTracking().Where(r => r.StoryId == storyId).ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var counts = new Dictionary<long, int>();
        var seen = new HashSet<long> { storyId };
        var work = new Queue<(long Id, int Articles)>(rows.Select(r => (r.SuccessorId, r.Articles)));
        while (work.Count > 0)
        {
            var (id, n) = work.Dequeue();
            if (await db.Stories.AnyAsync(s => s.Id == id, cancellationToken)) { counts[id] = counts.GetValueOrDefault(id) + n; continue; }
            if (!seen.Add(id)) continue;
            // Retired again since: its successors share its articles in proportion.
            var next = await db.RetiredStories.AsNoTracking().Where(r => r.StoryId == id).ToListAsync(cancellationToken);
            var all = Math.Max(1, next.Sum(r => r.Articles));
            foreach (var r in next) work.Enqueue((r.SuccessorId, Math.Max(1, (int)Math.Round((double)n * r.Articles / all))));
        }
        var titles = await db.Stories.AsNoTracking().Where(s => counts.Keys.Contains(s.Id)).Select(s => new { s.Id, s.Title }).ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        var successors = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Select(kv => new StorySuccessor(kv.Key, titles[kv.Key], kv.Value)).ToList();
        return new RetiredStoryInfo(storyId, rows[0].Reason, rows.Max(r => r.RetiredAt), successors);
    }

    /// <summary>The corrections people made, newest first.</summary>
    /// <param name="db">The open store.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<IReadOnlyList<StoryCorrection>> CorrectionsAsync(NewsDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.StoryCorrections.ToListAsync(cancellationToken)).OrderByDescending(c => c.Id).ToList();
    }
}
