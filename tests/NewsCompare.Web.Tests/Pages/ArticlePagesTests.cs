using System.Net;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

public sealed class ArticlePagesTestsOnSqlite(NewsroomSite site) : ArticlePagesTests<NewsroomSite>(site);

public sealed class ArticlePagesTestsOnPostgres(PostgresNewsroomSite site) : ArticlePagesTests<PostgresNewsroomSite>(site);

public abstract class ArticlePagesTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NewsroomSite
{
    private readonly TSite site = TestSite.Ready(site);

    private static List<string> Headlines(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".article-list .headline").Select(e => e.TextContent.Trim()).ToList();

    [SkippableFact]
    public async Task ArticlesListShowsLatestArticlesNewestFirstWithUndatedLast()
    {
        var page = await site.PageAsync("/articles");
        var headlines = Headlines(page);
        headlines.Should().HaveCount(8);
        headlines[0].Should().Be("Bridge inspection finds cracks");
        headlines[^1].Should().Be("Lantern festival announced");
        page.QuerySelector(".summary .count")!.TextContent.Should().Be("8 articles");
    }

    [SkippableFact]
    public async Task ArticlesListFiltersBySeveralOutletsAndSaysSo()
    {
        var page = await site.PageAsync("/articles?outlet=Harbour%20Times&outlet=Northern%20Echo");
        Headlines(page).Should().BeEquivalentTo("River deal reached", "Ministers sign river treaty", "Dockers end port strike");
        page.QuerySelector(".summary")!.TextContent.Should().Contain("from Harbour Times, Northern Echo");
        page.QuerySelectorAll("input[name=outlet][checked]").Select(e => e.GetAttribute("value"))
            .Should().BeEquivalentTo("Harbour Times", "Northern Echo");
    }

    [SkippableFact]
    public async Task DateFilterKeepsOnlyStatedDatesUnlessUndatedAndInferredAreIncluded()
    {
        var stated = Headlines(await site.PageAsync("/articles?from=2024-03-01&to=2024-03-31"));
        stated.Should().BeEquivalentTo("Ministers sign river treaty after night of talks", "River deal reached");

        var widened = Headlines(await site.PageAsync("/articles?from=2024-03-01&to=2024-03-31&undated=true"));
        widened.Should().BeEquivalentTo("Ministers sign river treaty after night of talks", "River deal reached",
            "Ministers sign river treaty", "Lantern festival announced");
    }

    [SkippableFact]
    public async Task SearchFindsWordsInBodiesAndHeadlinesWhateverTheCase()
    {
        Headlines(await site.PageAsync("/articles?q=QUOTAS")).Should().BeEquivalentTo(
            "Ministers sign river treaty after night of talks", "River deal reached");
        Headlines(await site.PageAsync("/articles?q=greve")).Should().BeEquivalentTo("Fin de la grève au port");
        Headlines(await site.PageAsync("/articles?q=%22%29%20OR%20*%20NEAR(")).Should().BeEmpty("FTS syntax in the input is only words");
    }

    [SkippableFact]
    public async Task OnlyUngroupedListsArticlesWithoutAStory()
    {
        Headlines(await site.PageAsync("/articles?ungrouped=true")).Should().BeEquivalentTo(
            "Bridge inspection finds cracks", "<script>alert('headline')</script> Budget vote delayed");
    }

    [SkippableFact]
    public async Task ArticlePageShowsEachValueWithWhereItCameFrom()
    {
        var page = await site.PageAsync($"/articles/{site.TreatyPlanet.Id}");
        page.QuerySelector("h1")!.TextContent.Should().Be("Ministers sign river treaty after night of talks");
        page.QuerySelectorAll(".body p").Select(p => p.TextContent).Should().Equal(
            "The two ministers signed the river treaty at dawn.", "Fishermen welcomed the agreement on quotas.");
        var provenance = page.QuerySelectorAll(".provenance dt").Zip(page.QuerySelectorAll(".provenance dd"))
            .ToDictionary(p => p.First.TextContent.Trim(), p => p.Second.TextContent);
        provenance["Outlet"].Should().Contain("Daily Planet").And.Contain("the address's host");
        provenance["Date"].Should().Contain("2 Mar 2024").And.Contain("the page's HTML metadata (article:published_time)");
        provenance["Byline"].Should().Contain("By Lois Lane").And.Contain("the page's structure");
        provenance["Address"].Should().Contain("the import's sources manifest");
        page.QuerySelector($"a[href='/stories/{site.TreatyStory}']").Should().NotBeNull();
        page.QuerySelector("a[href='/outlets/Daily%20Planet']").Should().NotBeNull();
    }

    [SkippableFact]
    public async Task InferredDateIsMarkedAsInferred()
    {
        var page = await site.PageAsync($"/articles/{site.TreatyEcho.Id}");
        page.QuerySelector(".kicker .badge")!.TextContent.Should().Be("inferred");
        page.QuerySelectorAll(".provenance dd").Should().Contain(d => d.TextContent.Contains("inferred from its story"));
    }

    [SkippableFact]
    public async Task RemovedClutterSitsInAToggleGroupedByReason()
    {
        var page = await site.PageAsync($"/articles/{site.TreatyPlanet.Id}");
        var details = page.QuerySelector("details.clutter")!;
        details.HasAttribute("open").Should().BeFalse();
        details.QuerySelector("summary")!.TextContent.Should().Contain("3 lines");
        var groups = details.QuerySelectorAll(".clutter-group").ToDictionary(g => g.GetAttribute("data-reason")!,
            g => g.QuerySelectorAll("li").Select(li => li.TextContent).ToList());
        groups["share"].Should().Equal("Share on Facebook", "Subscribe to our newsletter");
        groups["navigation"].Should().Equal("Home > World > Europe");
        details.TextContent.Should().Contain("Share, follow or subscribe prompt");
        page.QuerySelector(".body")!.TextContent.Should().NotContain("Share on Facebook");
    }

    [SkippableFact]
    public async Task MarkupInCapturedTextComesOutAsTextNeverAsElements()
    {
        using var response = await site.Reader().GetAsync($"/articles/{site.Hostile.Id}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await TestSite.ParseAsync(response);
        page.QuerySelectorAll("script").Should().OnlyContain(s => s.GetAttribute("src") != null, "only the site's own script file");
        page.QuerySelectorAll("img, b").Should().BeEmpty();
        page.QuerySelector("h1")!.TextContent.Should().Be("<script>alert('headline')</script> Budget vote delayed");
        page.QuerySelector(".body")!.TextContent.Should().Contain("<img src=x onerror=alert('body')>");
        page.QuerySelectorAll("a[href^='javascript']").Should().BeEmpty("a javascript: address is shown as text");
        html.Should().Contain("&lt;script&gt;");
    }

    [SkippableFact]
    public async Task RawCaptureIsPlainTextThatCannotBeSniffedOrRun()
    {
        using var response = await site.Reader().GetAsync($"/articles/{site.Hostile.Id}/raw");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("sandbox");
        (await response.Content.ReadAsStringAsync()).Should().Be("<html><body><script>alert('raw')</script>Budget vote delayed</body></html>");
    }

    [SkippableFact]
    public async Task EveryPageCarriesTheSecurityHeaders()
    {
        foreach (var url in new[] { "/", "/articles", $"/articles/{site.TreatyPlanet.Id}", "/outlets", "/account/signin" })
        {
            using var response = await site.Reader().GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
            var page = await TestSite.ParseAsync(response);
            page.QuerySelectorAll("script:not([src])").Should().BeEmpty($"{url} has no inline script");
            page.QuerySelectorAll("[style]").Should().BeEmpty($"{url} has no inline style");
        }
    }

    [SkippableFact]
    public async Task UnknownArticleIsNotFound()
    {
        using var response = await site.Reader().GetAsync("/articles/987654");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TestSite.ParseAsync(response)).QuerySelector("h1")!.TextContent.Should().Be("Not found");
    }
}
