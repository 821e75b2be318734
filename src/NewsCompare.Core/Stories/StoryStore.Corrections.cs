using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace NewsCompare.Core.Stories;

public sealed partial class StoryStore
{
    // ---- corrections ---------------------------------------------------------------------------------------

    /// <summary>
    /// Places the given articles again after a person corrected what grouping reads (date, headline, outlet, language):
    /// each grouped article that no correction of the grouping holds in place leaves its story and is placed as on
    /// arrival; ungrouped latest articles are placed as new ones.
    /// </summary>
    /// <param name="articleIds">The articles.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<GroupingReport> PlaceAgainAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var ids = articleIds.Distinct().ToList();
        GroupingReport report;
        await OpenAsync(cancellationToken);
        try
        {
            report = InTransaction(() =>
            {
                var locks = ReadLocks(ids);
                var left = new List<long>();
                var placed = new List<long>();
                foreach (var id in ids)
                {
                    if (locks.ContainsKey(id) || StoryOf(id) is not long story) continue;
                    Exec("""
                        DELETE FROM StoryMemberships WHERE ArticleId = $a;
                        UPDATE Articles SET StoryId = NULL, CopyOfArticleId = NULL WHERE Id = $a;
                        UPDATE Articles SET Published = NULL, PublishedSource = NULL, PublishedInferred = 0 WHERE Id = $a AND PublishedInferred = 1;
                        """, ("$a", id));
                    left.Add(story);
                    placed.Add(id);
                }
                Finish([.. left.Distinct()]);
                // Their terms are already counted in the document frequencies: placing them must not count them twice.
                return placed.Count == 0 ? new GroupingReport(0, 0, 0, 0) : AssignBatch(placed, updateDf: false);
            });
        }
        finally
        {
            await CloseAsync();
        }
        var ungrouped = await _db.Articles.Where(a => ids.Contains(a.Id) && a.IsLatest && a.StoryId == null).Select(a => a.Id).ToListAsync(cancellationToken);
        return ungrouped.Count == 0 ? report : await AssignAsync(ungrouped, cancellationToken);
    }

    /// <summary>Moves an article to another story, or to a new one of its own; recorded, and kept by <see cref="RegroupAsync"/>.</summary>
    /// <param name="articleId">The article.</param>
    /// <param name="toStoryId">The story to move it to; null for a new story.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The story the article is now in.</returns>
    public Task<long> MoveAsync(long articleId, long? toStoryId, string reason, CancellationToken cancellationToken = default) =>
        CorrectAsync(() =>
        {
            var from = StoryOf(articleId) ?? throw new StoryCorrectionException($"article {articleId} is not in any story (not imported, superseded, or not grouped yet)");
            if (toStoryId == from) throw new StoryCorrectionException($"article {articleId} is already in story {from}");
            var target = toStoryId ?? InsertStory(HeadlineOf(articleId), DateTime.UtcNow);
            if (toStoryId is long t && !StoryExists(t)) throw new StoryCorrectionException($"story {t} does not exist");
            Record("move", [articleId], from, target, reason);
            Reassign([articleId], target, "moved");
            Relock([articleId], from, target);
            Finish(from, target);
            return target;
        }, reason, cancellationToken);

    /// <summary>Splits the given articles out of a story into a new one; recorded, and kept by <see cref="RegroupAsync"/>.</summary>
    /// <param name="storyId">The story.</param>
    /// <param name="articleIds">The articles that form the new story (some, not all, of the story's articles).</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new story's id.</returns>
    public Task<long> SplitAsync(long storyId, IReadOnlyCollection<long> articleIds, string reason, CancellationToken cancellationToken = default) =>
        CorrectAsync(() => Split(storyId, articleIds, reason), reason, cancellationToken);

    /// <summary>
    /// Applies the split proposed for a story flagged as possibly holding more than one event
    /// (<see cref="ProposedSplit"/>): its <see cref="ProposedSplit.Move"/> group becomes a new story. Recorded as a
    /// <c>split</c> correction, and kept by <see cref="RegroupAsync"/>.
    /// </summary>
    /// <param name="storyId">The flagged story.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new story's id.</returns>
    public Task<long> ApplyProposedSplitAsync(long storyId, string reason, CancellationToken cancellationToken = default) =>
        CorrectAsync(() =>
        {
            if (!StoryExists(storyId)) throw new StoryCorrectionException($"story {storyId} does not exist");
            using var cmd = Command("SELECT MixedSplit FROM Stories WHERE Id = $s", ("$s", storyId));
            var split = ProposedSplit.Parse(cmd.ExecuteScalar() as string);
            if (split is null) throw new StoryCorrectionException($"story {storyId} has no proposed split");
            if (!split.Describes(MembersOf(storyId)))
                throw new StoryCorrectionException($"story {storyId} has changed since its split was proposed");
            return Split(storyId, split.Move, reason);
        }, reason, cancellationToken);

    private long Split(long storyId, IReadOnlyCollection<long> articleIds, string reason)
    {
        if (!StoryExists(storyId)) throw new StoryCorrectionException($"story {storyId} does not exist");
        var members = MembersOf(storyId);
        var outsiders = articleIds.Where(a => !members.Contains(a)).ToList();
        if (outsiders.Count > 0) throw new StoryCorrectionException($"article(s) {string.Join(", ", outsiders)} are not in story {storyId}");
        if (articleIds.Count == 0 || articleIds.Distinct().Count() == members.Count)
            throw new StoryCorrectionException($"name some but not all of story {storyId}'s {members.Count} articles to split off");
        var target = InsertStory(HeadlineOf(articleIds.First()), DateTime.UtcNow);
        Record("split", articleIds, storyId, target, reason);
        Reassign(articleIds, target, "split");
        Relock(articleIds, storyId, target);
        Finish(storyId, target);
        return target;
    }

    /// <summary>Merges <paramref name="otherStoryId"/> into <paramref name="storyId"/>; recorded, and kept by <see cref="RegroupAsync"/>.</summary>
    /// <param name="storyId">The story that remains.</param>
    /// <param name="otherStoryId">The story merged into it (then deleted).</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The remaining story's id.</returns>
    public Task<long> MergeAsync(long storyId, long otherStoryId, string reason, CancellationToken cancellationToken = default) =>
        CorrectAsync(() =>
        {
            if (storyId == otherStoryId) throw new StoryCorrectionException("cannot merge a story with itself");
            foreach (var s in new[] { storyId, otherStoryId })
                if (!StoryExists(s)) throw new StoryCorrectionException($"story {s} does not exist");
            var moving = MembersOf(otherStoryId).ToList();
            Record("merge", moving, otherStoryId, storyId, reason);
            var all = MembersOf(storyId).Concat(moving).ToList();
            var merged = NewLockGroup();
            // Every lock group either story used becomes the merged one, so earlier corrections agree with this one.
            Exec("""
                UPDATE StoryLocks SET LockGroup = $g WHERE LockGroup IN
                    (SELECT l.LockGroup FROM StoryLocks l WHERE l.ArticleId IN (SELECT value FROM json_each($ids)))
                """, ("$g", merged), ("$ids", JsonSerializer.Serialize(all)));
            SetLock(all, merged);
            Reassign(moving, storyId, "merged");
            Exec("DELETE FROM StoryLinks WHERE StoryId = $o OR RelatedStoryId = $o", ("$o", otherStoryId));
            Finish(otherStoryId, storyId);
            return storyId;
        }, reason, cancellationToken);

    private async Task<long> CorrectAsync(Func<long> action, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new StoryCorrectionException("a correction needs a reason");
        await OpenAsync(ct);
        try { return InTransaction(action); }
        finally { await CloseAsync(); }
    }

    private long Record(string kind, IReadOnlyCollection<long> articles, long? from, long? to, string reason)
    {
        using var cmd = Command("""
            INSERT INTO StoryCorrections (Kind, ArticleIds, FromStoryId, ToStoryId, Reason, At) VALUES ($k, $a, $f, $t, $r, $at) RETURNING Id
            """, ("$k", kind), ("$a", JsonSerializer.Serialize(articles)), ("$f", from), ("$t", to), ("$r", reason.Trim()), ("$at", Stamp(DateTime.UtcNow)));
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// After the articles were reassigned: locks them with <paramref name="to"/>'s group and what remains of <paramref name="from"/> with its
    /// own, so regrouping keeps them apart and together as the person said.
    /// </summary>
    private void Relock(IReadOnlyCollection<long> articles, long from, long to)
    {
        Exec("DELETE FROM StoryLocks WHERE ArticleId IN (SELECT value FROM json_each($ids))", ("$ids", JsonSerializer.Serialize(articles)));
        LockOf(from);
        LockOf(to);
    }

    /// <summary>The story's lock group, locking all its articles under a new one if it had none.</summary>
    private long LockOf(long storyId)
    {
        long group;
        using (var cmd = Command("SELECT l.LockGroup FROM StoryLocks l JOIN StoryMemberships m ON m.ArticleId = l.ArticleId WHERE m.StoryId = $s LIMIT 1", ("$s", storyId)))
            group = cmd.ExecuteScalar() is long g ? g : NewLockGroup();
        SetLock(MembersOf(storyId), group);
        return group;
    }

    private long NewLockGroup()
    {
        using var cmd = Command("SELECT COALESCE(MAX(LockGroup), 0) + 1 FROM StoryLocks");
        return (long)cmd.ExecuteScalar()!;
    }

    private void SetLock(IEnumerable<long> articles, long group)
    {
        foreach (var a in articles)
            Exec("INSERT INTO StoryLocks (ArticleId, LockGroup) VALUES ($a, $g) ON CONFLICT (ArticleId) DO UPDATE SET LockGroup = excluded.LockGroup", ("$a", a), ("$g", group));
    }

    private void Reassign(IEnumerable<long> articles, long storyId, string method)
    {
        foreach (var a in articles)
        {
            if (StoryOf(a) is long from) Departed(from, storyId);
            Exec("""
                UPDATE StoryMemberships SET StoryId = $s, Method = $m, AssignedAt = $at WHERE ArticleId = $a;
                UPDATE Articles SET StoryId = $s, CopyOfArticleId = NULL WHERE Id = $a;
                """, ("$a", a), ("$s", storyId), ("$m", method), ("$at", Stamp(DateTime.UtcNow)));
        }
    }

    private void Finish(params long[] stories)
    {
        var now = DateTime.UtcNow;
        foreach (var s in stories)
        {
            // Inferred dates are recomputed from the story's known dates, so clear them before refreshing.
            Exec("UPDATE Articles SET Published = NULL, PublishedSource = NULL, PublishedInferred = 0, PublishedFromArticleId = NULL WHERE StoryId = $s AND PublishedInferred = 1", ("$s", s));
            // People have decided what the story holds.
            Exec("UPDATE Stories SET MixedSplit = NULL WHERE Id = $s AND MixedSplit IS NOT NULL", ("$s", s));
            RebuildSignature(s);
            RefreshStory(s, now);
        }
    }

    private long? StoryOf(long articleId)
    {
        using var cmd = Command("SELECT StoryId FROM StoryMemberships WHERE ArticleId = $a", ("$a", articleId));
        return cmd.ExecuteScalar() as long?;
    }

    private string? HeadlineOf(long articleId)
    {
        using var cmd = Command("SELECT Headline FROM Articles WHERE Id = $a", ("$a", articleId));
        return cmd.ExecuteScalar() as string;
    }

    private bool StoryExists(long storyId)
    {
        using var cmd = Command("SELECT 1 FROM Stories WHERE Id = $s", ("$s", storyId));
        return cmd.ExecuteScalar() is not null;
    }

    private HashSet<long> MembersOf(long storyId)
    {
        var set = new HashSet<long>();
        using var cmd = Command("SELECT ArticleId FROM StoryMemberships WHERE StoryId = $s", ("$s", storyId));
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetInt64(0));
        return set;
    }

    // Lock groups: articles a correction holds together.

    private readonly Dictionary<long, long> _lockedStories = [];

    private long? LockedStory(long lockGroup)
    {
        if (_lockedStories.TryGetValue(lockGroup, out var s)) return s;
        using var cmd = Command("""
            SELECT m.StoryId FROM StoryLocks l JOIN StoryMemberships m ON m.ArticleId = l.ArticleId WHERE l.LockGroup = $g LIMIT 1
            """, ("$g", lockGroup));
        return cmd.ExecuteScalar() is long id ? _lockedStories[lockGroup] = id : null;
    }

    private Dictionary<long, long> ReadLocks(IReadOnlyList<long> ids)
    {
        var locks = new Dictionary<long, long>();
        using var cmd = Command("SELECT ArticleId, LockGroup FROM StoryLocks WHERE ArticleId IN (SELECT value FROM json_each($ids))", ("$ids", JsonSerializer.Serialize(ids)));
        using var r = cmd.ExecuteReader();
        while (r.Read()) locks[r.GetInt64(0)] = r.GetInt64(1);
        return locks;
    }
}
