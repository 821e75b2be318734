using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>
/// The app as a user first starts it: an empty store, the repository's seeds imported by the real importer,
/// grouped by the real story store. No test doubles.
/// </summary>
public sealed class SeededSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nc-seeded-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("NewsCompare:Database", Path.Combine(_folder, "store.db"));
        builder.UseSetting("NewsCompare:SeedOnFirstStart", "true");
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        StartServer();
        return Task.CompletedTask;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

public sealed class SeedsEndToEndTests(SeededSite site) : IClassFixture<SeededSite>
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string url)
    {
        using var response = await site.CreateClient().GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await TestSite.ParseAsync(response);
    }

    [Fact]
    public async Task FirstStartImportsTheSeedsAndTheHomePageListsTheirStories()
    {
        var page = await PageAsync("/");

        var titles = page.QuerySelectorAll(".story-list .story-title").Select(t => t.TextContent.Trim()).ToList();
        titles.Should().NotBeEmpty().And.Contain(t => t.Contains("Russia", StringComparison.Ordinal));
        page.QuerySelectorAll(".story-list .outlet-tags li").Select(t => t.TextContent.Trim())
            .Should().Contain(["Press TV", "Sputnik"]);
    }

    [Fact]
    public async Task AnArticlePageShowsTheCleanTextWithProvenanceAndTheRemovedClutter()
    {
        var articles = await PageAsync("/articles?outlet=Sputnik");
        var link = articles.QuerySelector(".article-list a[href^='/articles/']")!.GetAttribute("href")!;

        var page = await PageAsync(link);

        page.QuerySelector("h1")!.TextContent.Should().Contain("Russian-Chinese Coordination");
        page.Body!.TextContent.Should().Contain("a date in the address");
        var clutter = page.QuerySelector("details")!.TextContent;
        clutter.Should().Contain("Subscribe");
        page.QuerySelectorAll("main p").Select(p => p.TextContent).Should().NotContain(p => p.Trim() == "Subscribe");
    }

    [Fact]
    public async Task ComparingTwoSeededArticlesMarksTheSentencesTheyShare()
    {
        var articles = await PageAsync("/articles");
        var ids = articles.QuerySelectorAll(".article-list a[href^='/articles/']")
            .Select(a => a.GetAttribute("href")!.Split('/').Last()).Distinct().ToList();
        ids.Should().HaveCount(5);

        var page = await PageAsync("/compare?ids=" + string.Join(',', ids));

        page.QuerySelectorAll("article.column").Should().HaveCount(4, "at most four versions are compared");
        page.QuerySelectorAll("article.column .unique").Should().NotBeEmpty();
        page.QuerySelectorAll("article.column .distinctive").Should().HaveCount(4);
    }

    [Fact]
    public async Task ComparingTwoReportsOfRecurringMeetingsShowsTheQuotationTheyShare()
    {
        async Task<string> IdOf(string outlet) =>
            (await PageAsync("/articles?outlet=" + Uri.EscapeDataString(outlet)))
                .QuerySelector(".article-list a[href^='/articles/']")!.GetAttribute("href")!.Split('/').Last();

        var page = await PageAsync($"/compare?ids={await IdOf("CTV News")},{await IdOf("Sputnik")}");

        // Both carry Patrushev's line on Taiwan, Xinjiang, Tibet and Hong Kong, seven months apart.
        // The quotes by speaker list one quotation with both outlets' words.
        page.QuerySelectorAll(".speaker-quotes > li")
            .Where(q => q.TextContent.Contains("Hong Kong", StringComparison.Ordinal))
            .Should().Contain(q => q.QuerySelectorAll("li strong").Select(s => s.TextContent).Distinct().Count() == 2);
    }

    [Fact]
    public async Task QuotesBySpeakerOnTheSeedsNameEachPersonOnceAndLeaveTheScareQuoteOut()
    {
        async Task<string> IdOf(string outlet) =>
            (await PageAsync("/articles?outlet=" + Uri.EscapeDataString(outlet)))
                .QuerySelector(".article-list a[href^='/articles/']")!.GetAttribute("href")!.Split('/').Last();

        var page = await PageAsync($"/compare?ids={await IdOf("CTV News")},{await IdOf("Press TV")},{await IdOf("Sputnik")}");

        // CTV writes "Patrushev", Press TV "Nikolay Patrushev", Sputnik "Nikolai Patrushev": one person, one heading.
        var quotes = page.QuerySelector("[aria-labelledby=quotes-heading]")!;
        var headings = quotes.QuerySelectorAll("h3").Select(h => h.TextContent).ToList();
        headings.Where(h => h.Contains("Patrushev", StringComparison.Ordinal)).Should().ContainSingle().Which.Should().EndWith("Patrushev").And.Contain(" ");
        quotes.TextContent.Should().NotContain("special military operation");
    }
}
