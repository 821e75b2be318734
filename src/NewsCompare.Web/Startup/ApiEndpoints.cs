using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Startup;

public sealed record ClutterItem(string Text, string Reason, string Description);

public sealed record MetadataChangeItem(string Field, string? OldValue, string? OldSource, string? NewValue, string NewSource, string? Editor, string Reason, DateTime At);

/// <summary>An article with its removed lines, the import's warnings about its capture, and the corrections of its metadata.</summary>
public sealed record ArticleDetail(ArticleView Article, IReadOnlyList<ClutterItem> Clutter, string RawUrl, IReadOnlyList<string> Warnings,
    IReadOnlyList<MetadataChangeItem> Corrections)
{
    /// <summary>Why it is in its story, feature by feature; null when it is not grouped.</summary>
    public GroupingReason? Why { get; init; }
}

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

        api.MapGet("/stories/{id:long}", async Task<Results<Ok<StoryDetail>, RedirectHttpResult, ProblemHttpResult>> (long id, NewsDb db, OutletDirectory outlets, CancellationToken ct) =>
        {
            if (await StoryDetail.LoadAsync(db, id, ct) is { } story) return TypedResults.Ok(await story.ForApiAsync(db, outlets, ct));
            if (await StoryStore.SuccessorsAsync(db, id, ct) is not { } retired) return ApiProblems.NotFound($"There is no story {id}.");
            // Merged into one story: that story is this one now. Split up, or emptied: gone, with where its articles went.
            if (retired.Successors is [var only]) return TypedResults.Redirect($"/api/stories/{only.StoryId}", permanent: true);
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "This story no longer exists",
                detail: retired.Successors.Count == 0 ? $"Story {id}'s articles are no longer in any story."
                    : $"Story {id}'s articles went to {retired.Successors.Count} stories.",
                extensions: new Dictionary<string, object?>
                {
                    ["retiredAt"] = retired.RetiredAt,
                    ["successors"] = retired.Successors.Select(s => new { s.StoryId, s.Title, s.Articles, url = $"/api/stories/{s.StoryId}" }).ToList(),
                });
        })
            .WithName("GetStory").WithSummary("A story and its articles, each with why it is here feature by feature, and the state-controlled count of its independent versions; a retired story id answers 301 to the story it was merged into, or 410 with where its articles went");

        api.MapGet("/articles", async ([AsParameters] ListFilter filter, NewsDb db, ListCounts counts, CancellationToken ct) =>
            TypedResults.Ok(await ArticleList.QueryAsync(db, counts, filter, ct)))
            .WithName("ListArticles").WithSummary("Articles (latest versions), newest first, with the articles page's filters");

        api.MapGet("/articles/{id:long}", async Task<Results<Ok<ArticleDetail>, ProblemHttpResult>> (long id, NewsDb db, CancellationToken ct) =>
        {
            var article = (await ArticleView.LoadAsync(db, [id], ct)).FirstOrDefault();
            if (article is null) return ApiProblems.NotFound($"There is no article {id}.");
            var clutter = await db.ClutterLines.Where(c => c.ArticleId == id).OrderBy(c => c.Position)
                .Select(c => new { c.Text, c.Reason }).ToListAsync(ct);
            var warnings = await db.Captures.Where(c => c.Id == article.CaptureId).Select(c => c.Warnings).FirstOrDefaultAsync(ct);
            var changes = await db.MetadataChanges.Where(c => c.ArticleId == id).OrderBy(c => c.Id)
                .Select(c => new MetadataChangeItem(c.Field, c.OldValue, c.OldSource, c.NewValue, c.NewSource, c.Editor, c.Reason, c.At)).ToListAsync(ct);
            var why = await StoryStore.ExplanationAsync(db, id, ct);
            return TypedResults.Ok(new ArticleDetail(article,
                clutter.Select(c => new ClutterItem(c.Text, c.Reason, Core.Extraction.RemovalReasons.Describe(c.Reason))).ToList(),
                $"/articles/{id}/raw", warnings?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [], changes)
            {
                Why = why is null ? null : GroupingReason.From(why),
            });
        }).WithName("GetArticle").WithSummary("An article with metadata provenance, the clutter removed from it, and why it is in its story");

        api.MapGet("/compare", async Task<Results<Ok<CompareView>, BadRequest<string>>> ([Microsoft.AspNetCore.Mvc.FromQuery(Name = "ids")] string[]? ids, NewsDb db, ListCounts counts, ReadVersions read, CancellationToken ct) =>
        {
            var requested = CompareView.Parse(ids);
            if (requested.Count < 2) return TypedResults.BadRequest("give two to four article ids: /api/compare?ids=1&ids=2 or ?ids=1,2");
            return TypedResults.Ok((await CompareView.LoadAsync(db, counts, read, requested, ct)).View);
        }).WithName("CompareArticles").WithSummary("Two to four articles aligned statement by statement, as on the compare page");

        api.MapGet("/outlets", async (StoreFacets facets, CancellationToken ct) => TypedResults.Ok(await facets.OutletsAsync(ct)))
            .WithName("ListOutlets").WithSummary("Outlets with their article and story counts, date span, and who they are (country, language, owner type, source)");
        api.MapGet("/outlets/{**name}", async Task<Results<Ok<OutletSummary>, NotFound>> (string name, StoreFacets facets, CancellationToken ct) =>
            await facets.OutletAsync(name, ct) is { } outlet ? TypedResults.Ok(outlet) : TypedResults.NotFound())
            .WithName("GetOutlet").WithSummary("One outlet: counts, date span, and who it is");
        return app;
    }
}
