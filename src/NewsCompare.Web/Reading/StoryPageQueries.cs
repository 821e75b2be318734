using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Web.Reading;

/// <summary>A story's row with the full views of its first articles (the story page's columns).</summary>
public sealed class StoryWithColumns
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public DateOnly? FirstDate { get; init; }
    public DateOnly? LastDate { get; init; }
    public int ArticleCount { get; init; }
    public int IndependentCount { get; init; }
    public int OutletCount { get; init; }
    public long? TitleArticleId { get; init; }
    public string? TitleSource { get; init; }
    public string? MixedSplit { get; init; }
    public List<ArticleView> Columns { get; init; } = [];
}

/// <summary>A story linked to another as related coverage: what its page lists of it.</summary>
public sealed record RelatedRow(long Id, string Title, DateOnly? FirstDate, DateOnly? LastDate);

/// <summary>
/// The story page's statements, compiled once per model (EF runs a compiled query on one model only). Left to EF,
/// each statement is translated again at every request: its expression walked for parameters and looked up in the
/// query cache, about a tenth of the page's CPU for its five statements.
/// </summary>
public sealed record StoryPageQueries(
    Func<NewsDb, long, int, IAsyncEnumerable<StoryWithColumns>> StoryWithColumns,
    Func<NewsDb, long, IAsyncEnumerable<StoryArticle>> ArticlesOf,
    Func<NewsDb, long, int, IAsyncEnumerable<ArticleView>> ColumnsOf,
    Func<NewsDb, long, IAsyncEnumerable<StoryMembership>> Memberships,
    Func<NewsDb, long, IAsyncEnumerable<RelatedRow>> Related,
    Func<NewsDb, long, int, IAsyncEnumerable<Core.Stories.StoryCorrection>> Corrections)
{
    /// <summary>The queries compiled against <paramref name="db"/>'s model (one per engine in the app).</summary>
    public static StoryPageQueries For(NewsDb db) => ByModel.GetValue(db.Model, _ => Compile());

    private static readonly ConditionalWeakTable<IModel, StoryPageQueries> ByModel = [];

    private static StoryPageQueries Compile() => new(
        EF.CompileAsyncQuery((NewsDb db, long id, int columns) => db.Stories.Where(s => s.Id == id)
            .Select(s => new StoryWithColumns
            {
                Id = s.Id, Title = s.Title, FirstDate = s.FirstDate, LastDate = s.LastDate, ArticleCount = s.ArticleCount,
                IndependentCount = s.IndependentCount, OutletCount = s.OutletCount, TitleArticleId = s.TitleArticleId,
                TitleSource = s.TitleSource, MixedSplit = s.MixedSplit,
                // Only a story that fits in the columns (Take inside this projection would number every story's articles);
                // its count as a sub-query of its own, which the engine reads once (on the row, EF would need a lateral join).
                Columns = db.Articles.Where(a => a.StoryId == s.Id && a.IsLatest
                        && db.Stories.Where(c => c.Id == id).Select(c => c.ArticleCount).FirstOrDefault() <= columns)
                    .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id)
                    .Select(ArticleView.FromArticle)
                    .ToList(),
            })),
        EF.CompileAsyncQuery((NewsDb db, long id) => db.Articles.Where(a => a.StoryId == id && a.IsLatest)
            .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id)
            .Select(StoryArticle.FromArticle)),
        EF.CompileAsyncQuery((NewsDb db, long id, int columns) => db.Articles.Where(a => a.StoryId == id && a.IsLatest)
            .OrderBy(a => a.Published == null).ThenBy(a => a.Published).ThenBy(a => a.Id)
            .Take(columns)
            .Select(ArticleView.FromArticle)),
        EF.CompileAsyncQuery((NewsDb db, long storyId) => db.StoryMemberships.AsNoTracking().Where(m => m.StoryId == storyId)),
        EF.CompileAsyncQuery((NewsDb db, long storyId) => db.Stories
            .Where(s => db.StoryLinks.Where(l => l.StoryId == storyId).Select(l => l.RelatedStoryId)
                .Concat(db.StoryLinks.Where(l => l.RelatedStoryId == storyId).Select(l => l.StoryId))
                .Contains(s.Id))
            .Select(s => new RelatedRow(s.Id, s.Title, s.FirstDate, s.LastDate))),
        EF.CompileAsyncQuery((NewsDb db, long storyId, int take) => db.StoryCorrections.AsNoTracking()
            .Where(c => c.FromStoryId == storyId || c.ToStoryId == storyId)
            .OrderByDescending(c => c.Id)
            .Take(take)));
}
