using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Web.Reading;

public sealed record StoryArticle(long Id, string? Outlet, string? Headline, DateOnly? Published, string? PublishedSource,
    bool PublishedInferred, string? Byline, string? Language, long? CopyOfArticleId, long? PublishedFromArticleId = null)
{
    /// <summary>An article as its story lists it, as a projection queries can compose (and compile).</summary>
    public static readonly Expression<Func<Core.Articles.Article, StoryArticle>> FromArticle =
        a => new StoryArticle(a.Id, a.Outlet, a.Headline, a.Published, a.PublishedSource, a.PublishedInferred,
            a.Byline, a.Language, a.CopyOfArticleId, a.PublishedFromArticleId);

    /// <summary>The same from an article's full view, already read.</summary>
    public static StoryArticle Of(ArticleView a) => new(a.Id, a.Outlet, a.Headline, a.Published, a.PublishedSource, a.PublishedInferred,
        a.Byline, a.Language, a.CopyOfArticleId, a.PublishedFromArticleId);

    /// <summary>Why it is in the story, feature by feature (filled for the API; null when it is not grouped).</summary>
    public GroupingReason? Why { get; init; }
}

/// <summary>Where a story's title came from: the article whose headline it is, and how it was chosen.</summary>
public sealed record TitleOrigin(long? ArticleId, string? Source, string Description);

/// <summary>A story flagged as possibly holding more than one event, with the split proposed: the two groups of articles.</summary>
public sealed record MixedFlag(IReadOnlyList<long> Keep, IReadOnlyList<long> Move, double Cross);

/// <summary>A story with its articles (latest versions) in publication order, undated last.</summary>
public sealed record StoryDetail(long Id, string Title, DateOnly? FirstDate, DateOnly? LastDate, int ArticleCount,
    int IndependentCount, int OutletCount, IReadOnlyList<StoryArticle> Articles, TitleOrigin? TitleOrigin = null, MixedFlag? Mixed = null)
{
    /// <summary>How many of the independent versions (not copies) come from state-controlled outlets (filled for the API).</summary>
    public int? StateControlledCount { get; init; }

    /// <summary>Those state-controlled outlets, by name (filled for the API).</summary>
    public IReadOnlyList<string>? StateControlledOutlets { get; init; }

    /// <summary>
    /// The story as the API gives it: each article with why it is here (<see cref="GroupingReason"/>), and the
    /// state-controlled share of its independent versions, counted as the story page counts it.
    /// </summary>
    public async Task<StoryDetail> ForApiAsync(NewsDb db, OutletDirectory outlets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outlets);
        var ids = Articles.Select(a => a.Id).ToList();
        var reasons = (await db.StoryMemberships.Where(m => ids.Contains(m.ArticleId)).ToListAsync(ct))
            .ToDictionary(m => m.ArticleId, m => GroupingReason.From(StoryStore.Explanation(m)));
        var share = outlets.StateShare(Articles.Where(a => a.CopyOfArticleId is null).Select(a => a.Outlet));
        return this with
        {
            Articles = Articles.Select(a => a with { Why = reasons.GetValueOrDefault(a.Id) }).ToList(),
            StateControlledCount = share.StateControlled,
            StateControlledOutlets = share.StateOutlets,
        };
    }

    /// <summary>
    /// The story with the full text of its first <paramref name="columns"/> articles (in the story's order), as the story
    /// page shows them: one statement, compiled once per engine, for a story of at most that many articles (by its
    /// count); a larger one reads its first articles' texts and its article list in two more.
    /// </summary>
    public static async Task<(StoryDetail Story, IReadOnlyList<ArticleView> Columns)?> LoadWithColumnsAsync(NewsDb db, long id, int columns, CancellationToken ct)
    {
        var queries = StoryPageQueries.For(db);
        StoryWithColumns? row = null;
        await foreach (var found in queries.StoryWithColumns(db, id, columns).WithCancellation(ct)) row = found;
        if (row is null) return null;
        IReadOnlyList<ArticleView> views = row.Columns;
        IReadOnlyList<StoryArticle> articles;
        if (row.ArticleCount <= columns)
            articles = [.. views.Select(StoryArticle.Of)];
        else
        {
            views = await queries.ColumnsOf(db, id, columns).ToListAsync(ct);
            articles = await queries.ArticlesOf(db, id).ToListAsync(ct);
        }
        return (Create(row.Id, row.Title, row.FirstDate, row.LastDate, row.ArticleCount, row.IndependentCount, row.OutletCount,
            row.TitleArticleId, row.TitleSource, row.MixedSplit, articles), views.Take(columns).ToList());
    }

    public static async Task<StoryDetail?> LoadAsync(NewsDb db, long id, CancellationToken ct)
    {
        // The story's row and its articles in one statement (a round trip less per page).
        var story = await db.Stories.Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount, s.TitleArticleId, s.TitleSource, s.MixedSplit,
                Articles = db.Articles.Where(a => a.StoryId == s.Id && a.IsLatest)
                    .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id)
                    .Select(StoryArticle.FromArticle)
                    .ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return story is null ? null
            : Create(story.Id, story.Title, story.FirstDate, story.LastDate, story.ArticleCount, story.IndependentCount, story.OutletCount,
                story.TitleArticleId, story.TitleSource, story.MixedSplit, story.Articles);
    }

    private static StoryDetail Create(long id, string title, DateOnly? firstDate, DateOnly? lastDate, int articleCount, int independentCount,
        int outletCount, long? titleArticleId, string? titleSource, string? mixedSplit, IReadOnlyList<StoryArticle> articles)
    {
        // A proposal made before the story last changed no longer says what to split.
        var split = ProposedSplit.Parse(mixedSplit) is { } p && p.Describes(articles.Select(a => a.Id).ToHashSet()) ? p : null;
        return new StoryDetail(id, title, firstDate, lastDate, articleCount, independentCount, outletCount, articles,
            new TitleOrigin(titleArticleId, titleSource, StoryTitles.Describe(titleSource)),
            split is null ? null : new MixedFlag(split.Keep, split.Move, split.Cross));
    }
}
