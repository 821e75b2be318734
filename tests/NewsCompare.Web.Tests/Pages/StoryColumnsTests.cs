using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Web.Pages.Stories;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>
/// A story of more versions than the page has columns (two more, one undated, in three languages), an older version of
/// one of them, and a small story whose stored count says more articles than it holds.
/// </summary>
public class CrowdedStorySite : TestSite
{
    public const int Versions = StoryModel.MaxColumns + 2;

    public long Large { get; private set; }
    public long Small { get; private set; }

    /// <summary>The large story's versions in the page's order: by date, undated last, then by id.</summary>
    public List<Article> InOrder { get; } = [];

    protected override async Task SeedAsync()
    {
        string[] languages = ["en", "de", "fr"];
        var articles = new List<Article>();
        for (var i = 0; i < Versions; i++)
            articles.Add(await Store.ArticleAsync(new Article
            {
                // Dates run backwards against the ids, so the order is the dates', not the insertion's.
                Headline = $"Dam report {i}", Outlet = $"Outlet {i % 7}", Language = languages[i % 3],
                Published = i == 5 ? null : new DateOnly(2024, 5, 1).AddDays(Versions - i),
                Paragraphs = [$"Paragraph of version {i} about the dam.", $"Second paragraph of version {i}."],
            }));
        var older = await Store.ArticleAsync(new Article
        {
            Headline = "Dam report, first draft", Outlet = "Outlet 0", IsLatest = false, Published = new DateOnly(2024, 4, 1),
            Paragraphs = ["An older version nobody reads any more."],
        });
        Large = (await Store.StoryAsync("Dam opens", [.. articles, older])).Id;
        InOrder.AddRange(articles.OrderBy(a => a.Published is null).ThenBy(a => a.Published).ThenBy(a => a.Id));

        var pair = new[]
        {
            await Store.ArticleAsync("Bridge closes", "Outlet 1", new DateOnly(2024, 6, 1), "The bridge closed for repairs."),
            await Store.ArticleAsync("Bridge shut", "Outlet 2", new DateOnly(2024, 6, 2), "Repairs shut the bridge."),
        };
        Small = (await Store.StoryAsync("Bridge closes", pair)).Id;
        // A count that says more than the story holds (as a store mid-regroup might): the page shows what is there.
        await using var db = Open();
        var small = await db.Stories.FindAsync(Small);
        small!.ArticleCount = StoryModel.MaxColumns + 5;
        await db.SaveChangesAsync();
    }
}

public sealed class PostgresCrowdedStorySite : CrowdedStorySite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public sealed class StoryColumnsTestsOnSqlite(CrowdedStorySite site) : StoryColumnsTests<CrowdedStorySite>(site);

public sealed class StoryColumnsTestsOnPostgres(PostgresCrowdedStorySite site) : StoryColumnsTests<PostgresCrowdedStorySite>(site);

/// <summary>The story page's columns and headline strip, for stories larger and smaller than its columns.</summary>
public abstract class StoryColumnsTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : CrowdedStorySite
{
    private readonly TSite site = TestSite.Ready(site);

    [SkippableFact]
    public async Task ALargeStoryShowsItsFirstVersionsInFullAndListsEveryLatestVersionInTheStrip()
    {
        var page = await site.PageAsync($"/stories/{site.Large}");
        var columns = page.QuerySelectorAll("article.column").ToList();
        columns.Select(c => c.Id).Should().Equal(site.InOrder.Take(StoryModel.MaxColumns).Select(a => $"article-{a.Id}"));
        columns[0].QuerySelector(".body")!.TextContent.Should().Contain($"Paragraph of version {CrowdedStorySite.Versions - 1} about the dam.");
        columns.Select(c => c.GetAttribute("lang")).Should().Equal(site.InOrder.Take(StoryModel.MaxColumns).Select(a => a.Language));
        page.QuerySelectorAll(".headlines li a.headline").Select(a => a.TextContent)
            .Should().Equal(site.InOrder.Select(a => a.Headline), "the strip lists every latest version, the undated one last");
        page.QuerySelector(".versions-section .hint")!.TextContent
            .Should().Contain($"Showing the first {StoryModel.MaxColumns} of {CrowdedStorySite.Versions} versions");
        page.Body!.TextContent.Should().NotContain("first draft", "an older version is not the story's");
    }

    [SkippableFact]
    public async Task AStoryWhoseCountSaysMoreThanItHoldsShowsWhatItHolds()
    {
        var page = await site.PageAsync($"/stories/{site.Small}");
        page.QuerySelectorAll("article.column h3").Select(h => h.TextContent.Trim()).Should().Equal("Bridge closes", "Bridge shut");
        page.QuerySelectorAll(".headlines li a.headline").Select(a => a.TextContent).Should().Equal("Bridge closes", "Bridge shut");
    }

    [SkippableFact]
    public async Task TheApiGivesTheSameArticlesInTheSameOrder()
    {
        using var client = site.Reader();
        var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/stories/{site.Large}")).RootElement;
        json.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetInt64())
            .Should().Equal(site.InOrder.Select(a => a.Id));
    }
}
