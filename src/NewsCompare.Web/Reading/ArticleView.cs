using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

/// <summary>An article's text and metadata, each value with where it came from. Shared by the story, compare and article views and the API.</summary>
public sealed record ArticleView(
    long Id, long CaptureId, string? Url, string? UrlSource, int Version, bool IsLatest,
    string? Outlet, string? OutletSource, string? Site, string? SiteSource, string? Origin, string? OriginSource,
    string? Headline, string? HeadlineSource, string? Standfirst, string? Byline, string? BylineSource, string? Dateline,
    DateOnly? Published, string? PublishedSource, bool PublishedInferred, string? Language, string? LanguageSource,
    IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Captions, int WordCount,
    long? StoryId, long? CopyOfArticleId, DateTime ImportedAt, long? PublishedFromArticleId = null)
{
    /// <summary>Loads the given articles, in the order of <paramref name="ids"/>; unknown ids are left out.</summary>
    public static async Task<IReadOnlyList<ArticleView>> LoadAsync(NewsDb db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await db.Articles.Where(a => ids.Contains(a.Id)).Select(FromArticle).ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary>The view of an article, as a projection queries can compose (and compile).</summary>
    public static readonly Expression<Func<Core.Articles.Article, ArticleView>> FromArticle =
        a => new ArticleView(
            a.Id, a.CaptureId, a.Url, a.UrlSource, a.Version, a.IsLatest,
            a.Outlet, a.OutletSource, a.Site, a.SiteSource, a.Origin, a.OriginSource,
            a.Headline, a.HeadlineSource, a.Standfirst, a.Byline, a.BylineSource, a.Dateline,
            a.Published, a.PublishedSource, a.PublishedInferred, a.Language, a.LanguageSource,
            a.Paragraphs, a.Captions, a.WordCount, a.StoryId, a.CopyOfArticleId, a.ImportedAt, a.PublishedFromArticleId);
}
