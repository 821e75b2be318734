using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsCompare.Core.Data;
using NewsCompare.Web.Importing;
using NewsCompare.Web.Reading;
using NewsCompare.Web.Startup;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

public sealed class OutletPagesTestsOnSqlite(OutletSite site) : OutletPagesTests<OutletSite>(site);

public sealed class OutletPagesTestsOnPostgres(PostgresOutletSite site) : OutletPagesTests<PostgresOutletSite>(site);

public abstract class OutletPagesTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : OutletSite
{
    private readonly TSite site = TestSite.Ready(site);

    [SkippableFact]
    public async Task OutletsPageSaysWhoEachOutletIsAndLinksToTheSource()
    {
        var page = await site.PageAsync("/outlets");

        var rows = page.QuerySelectorAll("table.outlets tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim());
        var press = rows["Press TV"].QuerySelector("a.owner-badge")!;
        press.TextContent.Should().Be("state-controlled · Iran");
        press.GetAttribute("href").Should().Be("https://en.wikipedia.org/wiki/Press_TV");
        rows["BBC"].QuerySelector(".owner-badge")!.TextContent.Should().Be("state-funded public service · United Kingdom");
        rows["State Herald"].QuerySelector(".owner-badge")!.TextContent.Should().Be("state-controlled · Belarus", "the user's file adds outlets");
        rows["Valley Gazette"].QuerySelector(".owner-badge").Should().BeNull();
        rows["Valley Gazette"].TextContent.Should().Contain("not in the outlet registry");
        page.QuerySelector(".summary")!.TextContent.Should().Contain("3 are state-controlled", "Press TV, and the user's State Herald and Harbour Times");
        page.QuerySelector(".owner-types dl")!.TextContent.Should().Contain("state-funded public service").And.Contain("stock exchange");
    }

    [SkippableFact]
    public async Task OutletPageListsCountryLanguageOwnerHomepageAndSource()
    {
        var page = await site.PageAsync("/outlets/Press%20TV");

        var facts = page.QuerySelectorAll(".outlet-facts dt").ToDictionary(dt => dt.TextContent, dt => dt.NextElementSibling!);
        facts.Keys.Should().Equal("Owner type", "Owner", "Country", "Main language", "Kind", "Home page", "Source");
        facts["Owner type"].TextContent.Trim().Should().Be("state-controlled · Iran");
        facts["Owner"].TextContent.Should().Contain("Islamic Republic of Iran Broadcasting");
        facts["Country"].TextContent.Should().Be("Iran");
        facts["Main language"].TextContent.Should().Be("English");
        facts["Home page"].QuerySelector("a")!.GetAttribute("href").Should().Be("https://www.presstv.ir");
        facts["Source"].QuerySelector("a")!.GetAttribute("href").Should().Be("https://en.wikipedia.org/wiki/Press_TV");
    }

    [SkippableFact]
    public async Task OutletPageShowsInferredDatesAsInferredAndCountsArticlesOnce()
    {
        var page = await site.PageAsync("/outlets/Northern%20Echo");

        page.QuerySelector(".meta")!.TextContent.Should().Be("1 story · 3 Mar 2024 (inferred)");
        page.QuerySelector(".article-list .badge")!.TextContent.Should().Be("inferred");
        page.Body!.TextContent.Split("1 article").Length.Should().Be(2, "the count is said once");
        page.QuerySelector(".list-main .hint")!.TextContent.Should().Contain("does not describe this outlet");

        var outlets = await site.PageAsync("/outlets");
        var echo = outlets.QuerySelectorAll("table.outlets tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Northern Echo");
        echo.QuerySelectorAll("td").Last().TextContent.Should().Be("3 Mar 2024 (inferred)");
    }

    [SkippableFact]
    public async Task AnOutletWithASlashInItsNameLinksToItsPage()
    {
        var outlets = await site.PageAsync("/outlets");
        var href = outlets.QuerySelectorAll("table.outlets th a").Single(a => a.TextContent == "Radio Free Europe/Radio Liberty").GetAttribute("href")!;

        foreach (var url in new[] { href, "/outlets/Radio%20Free%20Europe%2FRadio%20Liberty" })
        {
            var page = await site.PageAsync(url);
            page.QuerySelector("h1")!.TextContent.Should().Be("Radio Free Europe/Radio Liberty", url);
            page.QuerySelectorAll(".article-list .headline").Select(h => h.TextContent).Should().Equal("Pipeline pact draws criticism");
            page.QuerySelector(".outlet-facts .owner-badge")!.TextContent.Should().Be("state-funded public service · United States");
        }
    }

    [SkippableFact]
    public async Task StoryPageCountsTheIndependentVersionsFromStateControlledOutlets()
    {
        var page = await site.PageAsync($"/stories/{site.PipelineStory}");

        // Press TV and the user's State Herald; the Harbour Times copy of Press TV is not independent.
        var share = page.QuerySelector(".story-header .state-share")!;
        Normalise(share.TextContent).Should().Be("2 of 4 independent versions come from state-controlled outlets: Press TV, State Herald.");
        var strip = page.QuerySelectorAll(".headlines li")
            .ToDictionary(li => li.QuerySelector(".outlet")!.FirstChild!.TextContent.Trim(), li => li.QuerySelector(".owner-badge")?.TextContent);
        strip["Press TV"].Should().Be("state-controlled · Iran");
        strip["BBC"].Should().Be("state-funded public service · United Kingdom");
        page.QuerySelectorAll(".column .outlet .owner-badge").Should().HaveCount(5);

        var strike = await site.PageAsync($"/stories/{site.StrikeStory}");
        Normalise(strike.QuerySelector(".state-share")!.TextContent).Should()
            .Be("1 of 2 independent versions comes from state-controlled outlets: Harbour Times. 1 is from outlets the registry does not describe.");
        var festival = await site.PageAsync($"/stories/{site.FestivalStory}");
        festival.QuerySelector(".state-share").Should().BeNull("no version's outlet is described");
    }

    [SkippableFact]
    public async Task OutletsApiSaysWhoEachOutletIs()
    {
        using var list = JsonDocument.Parse(await site.Reader().GetStringAsync("/api/outlets"));
        var press = list.RootElement.EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Press TV");
        var about = press.GetProperty("about");
        about.GetProperty("ownerType").GetString().Should().Be("state-controlled");
        about.GetProperty("country").GetString().Should().Be("IR");
        about.GetProperty("language").GetString().Should().Be("en");
        about.GetProperty("source").GetString().Should().Be("https://en.wikipedia.org/wiki/Press_TV");
        list.RootElement.EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Valley Gazette")
            .GetProperty("about").ValueKind.Should().Be(JsonValueKind.Null);

        using var one = JsonDocument.Parse(await site.Reader().GetStringAsync("/api/outlets/Radio%20Free%20Europe/Radio%20Liberty"));
        one.RootElement.GetProperty("about").GetProperty("ownerType").GetString().Should().Be("state-funded-public-service");
        (await site.Reader().GetAsync("/api/outlets/Nobody")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task UploadsAreImportedWithTheUsersOutletsFile()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDb>();
        var importer = new StoreCaptureImporter(db, scope.ServiceProvider.GetRequiredService<IOptions<NewsCompareOptions>>(),
            scope.ServiceProvider.GetRequiredService<OutletDirectory>());
        var text = "Herald hails harvest record\n\nThe harvest this year broke every record, officials said on Friday in the capital.\n\n"
                   + "Farmers in the north reported the largest grain yields since records began, the ministry said.\n";
        var manifest = """[{"file": "harvest.txt", "url": "https://news.stateherald.example/harvest-record"}]""";

        var report = await importer.ImportAsync([new CaptureFile("harvest.txt", Encoding.UTF8.GetBytes(text)),
            new CaptureFile("sources.json", Encoding.UTF8.GetBytes(manifest))], CancellationToken.None);

        report.Results.Should().Contain(r => r.File == "harvest.txt");
        (await db.Articles.AsNoTracking().SingleAsync(a => a.Headline == "Herald hails harvest record")).Outlet.Should().Be("State Herald");
    }

    [SkippableFact]
    public async Task TheAppRefusesToStartWithAnInvalidOutletsFileAndNamesIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nc-bad-outlets-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """[{"name": "Valley Courier", "ownerType": "government"}]""");
        try
        {
            await using var bad = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Testing");
                b.UseSetting("NewsCompare:Database", Path.ChangeExtension(file, ".db"));
                b.UseSetting("NewsCompare:SeedOnFirstStart", "false");
                b.UseSetting("NewsCompare:Outlets", file);
            });
            var start = () => bad.CreateClient();
            start.Should().Throw<OptionsValidationException>()
                .Which.Message.Should().Contain(file).And.Contain("\"Valley Courier\": ownerType \"government\" is not one of");
        }
        finally
        {
            File.Delete(file);
            File.Delete(Path.ChangeExtension(file, ".db"));
        }
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class SeededOutletTests(SeededSite site) : IClassFixture<SeededSite>
{
    [SkippableFact]
    public async Task TheSeedsStoriesNameTheirStateControlledVersions()
    {
        var home = await TestSite.ParseAsync(await site.CreateClient().GetAsync("/"));
        var shares = new List<string>();
        var badges = new List<string>();
        foreach (var link in home.QuerySelectorAll(".story-list .story-title a").Select(a => a.GetAttribute("href")!))
        {
            var page = await TestSite.ParseAsync(await site.CreateClient().GetAsync(link));
            shares.AddRange(page.QuerySelectorAll(".state-share").Select(p => p.TextContent));
            badges.AddRange(page.QuerySelectorAll(".headlines .owner-badge").Select(b => b.TextContent));
        }

        shares.Should().Contain(s => s.Contains("from state-controlled outlets: Press TV", StringComparison.Ordinal))
            .And.Contain(s => s.Contains("Sputnik", StringComparison.Ordinal));
        badges.Should().Contain(["state-controlled · Iran", "state-controlled · Russia", "public · Canada"]);
    }
}
