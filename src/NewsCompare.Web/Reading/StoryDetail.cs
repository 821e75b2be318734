using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

public sealed record StoryArticle(long Id, string? Outlet, string? Headline, DateOnly? Published, string? PublishedSource,
    bool PublishedInferred, string? Byline, string? Language, long? CopyOfArticleId);

/// <summary>A story with its articles (latest versions) in publication order, undated last.</summary>
public sealed record StoryDetail(long Id, string Title, DateOnly? FirstDate, DateOnly? LastDate, int ArticleCount,
    int IndependentCount, int OutletCount, IReadOnlyList<StoryArticle> Articles)
{
    public static async Task<StoryDetail?> LoadAsync(NewsDb db, long id, CancellationToken ct)
    {
        var story = await db.Stories.Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Title, s.FirstDate, s.LastDate, s.ArticleCount, s.IndependentCount, s.OutletCount })
            .FirstOrDefaultAsync(ct);
        if (story is null) return null;
        var articles = await db.Articles.Where(a => a.StoryId == id && a.IsLatest)
            .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id)
            .Select(a => new StoryArticle(a.Id, a.Outlet, a.Headline, a.Published, a.PublishedSource, a.PublishedInferred,
                a.Byline, a.Language, a.CopyOfArticleId))
            .ToListAsync(ct);
        return new StoryDetail(story.Id, story.Title, story.FirstDate, story.LastDate, story.ArticleCount,
            story.IndependentCount, story.OutletCount, articles);
    }
}
