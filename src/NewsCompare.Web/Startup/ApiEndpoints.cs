using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Startup;

public sealed record ClutterItem(string Text, string Reason, string Description);

public sealed record ArticleDetail(ArticleView Article, IReadOnlyList<ClutterItem> Clutter, string RawUrl);

/// <summary>The read-only JSON API under /api, described at /openapi/v1.json. Filters match the HTML pages'.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddNewsApi(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.WriteIndented = false);
        return services;
    }

    public static WebApplication MapNewsApi(this WebApplication app)
    {
        app.MapOpenApi();
        var api = app.MapGroup("/api").WithTags("NewsCompare").CacheOutput(PageCaching.Policy);

        api.MapGet("/stories", async ([AsParameters] ListFilter filter, NewsDb db, ListCounts counts, CancellationToken ct) =>
            TypedResults.Ok(await StoryList.QueryAsync(db, counts, filter, ct)))
            .WithName("ListStories").WithSummary("Stories, newest first or by coverage, with the home page's filters");

        api.MapGet("/stories/{id:long}", async Task<Results<Ok<StoryDetail>, NotFound>> (long id, NewsDb db, CancellationToken ct) =>
            await StoryDetail.LoadAsync(db, id, ct) is { } story ? TypedResults.Ok(story) : TypedResults.NotFound())
            .WithName("GetStory").WithSummary("A story and its articles");

        api.MapGet("/articles", async ([AsParameters] ListFilter filter, NewsDb db, ListCounts counts, CancellationToken ct) =>
            TypedResults.Ok(await ArticleList.QueryAsync(db, counts, filter, ct)))
            .WithName("ListArticles").WithSummary("Articles (latest versions), newest first, with the articles page's filters");

        api.MapGet("/articles/{id:long}", async Task<Results<Ok<ArticleDetail>, NotFound>> (long id, NewsDb db, CancellationToken ct) =>
        {
            var article = (await ArticleView.LoadAsync(db, [id], ct)).FirstOrDefault();
            if (article is null) return TypedResults.NotFound();
            var clutter = await db.ClutterLines.Where(c => c.ArticleId == id).OrderBy(c => c.Position)
                .Select(c => new { c.Text, c.Reason }).ToListAsync(ct);
            return TypedResults.Ok(new ArticleDetail(article,
                clutter.Select(c => new ClutterItem(c.Text, c.Reason, Core.Extraction.RemovalReasons.Describe(c.Reason))).ToList(),
                $"/articles/{id}/raw"));
        }).WithName("GetArticle").WithSummary("An article with metadata provenance and the clutter removed from it");

        api.MapGet("/compare", async Task<Results<Ok<CompareView>, BadRequest<string>>> ([Microsoft.AspNetCore.Mvc.FromQuery(Name = "ids")] string[]? ids, NewsDb db, ListCounts counts, CancellationToken ct) =>
        {
            var requested = CompareView.Parse(ids);
            if (requested.Count < 2) return TypedResults.BadRequest("give two to four article ids: /api/compare?ids=1&ids=2 or ?ids=1,2");
            return TypedResults.Ok((await CompareView.LoadAsync(db, counts, requested, ct)).View);
        }).WithName("CompareArticles").WithSummary("Two to four articles aligned statement by statement, as on the compare page");

        api.MapGet("/outlets", async (StoreFacets facets, CancellationToken ct) => TypedResults.Ok(await facets.OutletsAsync(ct)))
            .WithName("ListOutlets").WithSummary("Outlets with their article and story counts and date span");
        return app;
    }
}
