using AngleSharp.Html.Dom;
using NewsCompare.Core.Data;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

public sealed class StoryPagesTestsOnSqlite(NewsroomSite site) : StoryPagesTests<NewsroomSite>(site);

public sealed class StoryPagesTestsOnPostgres(PostgresNewsroomSite site) : StoryPagesTests<PostgresNewsroomSite>(site);

public abstract class StoryPagesTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NewsroomSite
{
    private readonly TSite site = TestSite.Ready(site);

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll(".story-title").Select(e => e.TextContent.Trim()).ToList();

    [SkippableFact]
    public async Task HomeListsStoriesNewestFirstWithTheirCountsAndOutlets()
    {
        var page = await site.PageAsync("/");
        Titles(page).Should().Equal("Port strike ends", "Ministers sign river treaty", "Lantern festival announced");
        var treaty = page.QuerySelectorAll(".story-card").Single(c => c.TextContent.Contains("river treaty"));
        treaty.QuerySelector(".meta")!.TextContent.Should().Contain("2 Mar 2024 – 3 Mar 2024")
            .And.Contain("3 versions").And.Contain("2 independent").And.Contain("3 outlets");
        treaty.QuerySelectorAll(".outlet-tags li").Select(li => li.TextContent)
            .Should().Equal("Daily Planet", "Harbour Times", "Northern Echo");
        page.QuerySelector(".summary .count")!.TextContent.Should().Be("3 stories");
    }

    [SkippableFact]
    public async Task HomeFiltersStoriesByOutletsAndSaysWhatIsFiltered()
    {
        var page = await site.PageAsync("/?outlet=Valley%20Gazette");
        Titles(page).Should().Equal("Port strike ends", "Lantern festival announced");
        page.QuerySelector(".summary")!.TextContent.Should().Contain("2 stories").And.Contain("from Valley Gazette");
    }

    [SkippableFact]
    public async Task HomeDateFilterLeavesUndatedStoriesOutUnlessAsked()
    {
        Titles(await site.PageAsync("/?from=2024-03-03&to=2024-04-30")).Should().Equal("Ministers sign river treaty");
        Titles(await site.PageAsync("/?from=2024-03-03&to=2024-04-30&undated=true"))
            .Should().Equal("Ministers sign river treaty", "Lantern festival announced");
    }

    [SkippableFact]
    public async Task HomeDateRangeKeepsAStoryThatStartsInsideItAndEndsAfterIt()
    {
        // The treaty runs from 2 to 3 March: a range ending on the 2nd still overlaps it.
        Titles(await site.PageAsync("/?from=2024-03-02&to=2024-03-02")).Should().Equal("Ministers sign river treaty");
        Titles(await site.PageAsync("/?from=2024-03-03&to=2024-03-03")).Should().Equal("Ministers sign river treaty");
        Titles(await site.PageAsync("/?to=2024-03-02&sort=coverage")).Should().Contain("Ministers sign river treaty");
        Titles(await site.PageAsync("/?to=9999-12-31")).Should().Contain("Ministers sign river treaty");
    }

    [SkippableFact]
    public async Task FilterFormListsTickedOutletsFirstEachWithItsOwnLabel()
    {
        var page = await site.PageAsync("/?outlet=Valley%20Gazette");
        var boxes = page.QuerySelectorAll(".outlet-choices input[name=outlet]").ToList();
        boxes.Select(b => b.GetAttribute("value")).Should().StartWith("Valley Gazette").And.Contain("Daily Planet");
        boxes.Where(b => b.HasAttribute("checked")).Select(b => b.GetAttribute("value")).Should().Equal("Valley Gazette");
        foreach (var box in boxes)
            page.QuerySelector($"label[for='{box.Id}']")!.TextContent.Should().Be(box.GetAttribute("value"));
        boxes.Select(b => b.Id).Should().OnlyHaveUniqueItems();
    }

    [SkippableFact]
    public async Task HomeFiltersByLanguageAndWords()
    {
        Titles(await site.PageAsync("/?lang=fr")).Should().Equal("Port strike ends");
        Titles(await site.PageAsync("/?q=fishermen")).Should().Equal("Ministers sign river treaty");
    }

    [SkippableFact]
    public async Task TheLanguageFilterKnowsOnlyTheLanguagesOfLatestVersions()
    {
        var page = await site.PageAsync("/");
        page.QuerySelectorAll("#lang option").Select(o => o.GetAttribute("value")).Should().Contain(["en", "fr"]).And.NotContain("it", "the only Italian text is an earlier version of a page since re-captured in English");
        Titles(await site.PageAsync("/?lang=it")).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task HomeSortsByCoverageWhenAsked()
    {
        var page = await site.PageAsync("/?sort=coverage");
        Titles(page).Should().Equal("Ministers sign river treaty", "Port strike ends", "Lantern festival announced");
        page.QuerySelector("#sort option[selected]")!.GetAttribute("value").Should().Be("coverage");
    }

    [SkippableFact]
    public async Task HomePointsToArticlesNotYetGrouped()
    {
        var page = await site.PageAsync("/");
        page.QuerySelector("#ungrouped-heading + p")!.TextContent.Should().Contain("2 articles are not in a story yet");
        page.QuerySelector(".ungrouped a[href='/articles?ungrouped=true']").Should().NotBeNull();
    }

    [SkippableFact]
    public async Task StoryPageShowsEveryVersionSideBySideInPublicationOrder()
    {
        var page = await site.PageAsync($"/stories/{site.TreatyStory}");
        page.QuerySelector("h1")!.TextContent.Should().Be("Ministers sign river treaty");
        var columns = page.QuerySelectorAll(".columns .column").ToList();
        columns.Select(c => string.Join(' ', c.QuerySelector(".outlet")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Should()
            .Equal("Daily Planet", "Harbour Times", "Northern Echo copy of Daily Planet");
        columns[0].QuerySelector("h3")!.TextContent.Should().Be("Ministers sign river treaty after night of talks");
        columns[0].QuerySelector(".byline")!.TextContent.Should().Be("By Lois Lane");
        columns[0].QuerySelectorAll(".body p").Should().HaveCount(2);
        columns[0].QuerySelector(".meta")!.TextContent.Should().Contain("the page's HTML metadata");
        columns[2].QuerySelector(".meta .badge")!.TextContent.Should().Be("inferred");
    }

    [SkippableFact]
    public async Task AnInferredDateNamesTheVersionItWasTakenFrom()
    {
        var page = await site.PageAsync($"/stories/{site.TreatyStory}");
        var echo = page.QuerySelectorAll(".columns .column").Single(c => c.Id == $"article-{site.TreatyEcho.Id}");
        var lender = echo.QuerySelector(".meta .source a")!;
        lender.TextContent.Should().Be("Harbour Times version");
        lender.GetAttribute("href").Should().Be($"#article-{site.TreatyHarbour.Id}");
        page.QuerySelector(lender.GetAttribute("href")!).Should().NotBeNull("the link leads to the lending version's column");
        var planet = page.QuerySelectorAll(".columns .column").Single(c => c.Id == $"article-{site.TreatyPlanet.Id}");
        planet.QuerySelector(".meta .source a").Should().BeNull("a stated date names its source, not another version");
    }

    [SkippableFact]
    public async Task StoryPageComparesHeadlinesInOneStripAndDrawsTheTimeline()
    {
        var page = await site.PageAsync($"/stories/{site.TreatyStory}");
        page.QuerySelectorAll(".headlines li .headline").Select(h => h.TextContent)
            .Should().Equal("Ministers sign river treaty after night of talks", "River deal reached", "Ministers sign river treaty");
        page.QuerySelectorAll(".headlines li.copy").Should().ContainSingle();

        var marks = page.QuerySelectorAll("svg.timeline-svg circle").ToList();
        marks.Should().HaveCount(3);
        marks.Count(m => m.ClassList.Contains("inferred")).Should().Be(1);
        var x = marks.Select(m => double.Parse(m.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        x[0].Should().BeLessThan(x[1], "the first day is left of the second");
        page.QuerySelectorAll("svg.timeline-svg .row-label").Select(t => t.TextContent)
            .Should().Equal("Daily Planet", "Harbour Times", "Northern Echo");
    }

    [SkippableFact]
    public async Task StoryPageShowsRelatedStoriesReasonsAndCorrectionsWhenTheGroupingEngineGivesThem()
    {
        var page = await site.PageAsync($"/stories/{site.TreatyStory}");
        page.QuerySelector($".related a[href='/stories/{site.StrikeStory}']")!.TextContent.Should().Be("Port strike ends");
        page.QuerySelector($"#article-{site.TreatyHarbour.Id} .why")!.TextContent.Should().Contain("same ministers");
        page.QuerySelector(".corrections")!.TextContent.Should().Contain("moved the Harbour Times version in");

        var plain = await site.PageAsync($"/stories/{site.StrikeStory}");
        plain.QuerySelector(".related").Should().BeNull();
        plain.QuerySelector(".why").Should().BeNull();
    }

    [SkippableFact]
    public async Task CompareMarksSentencesSharedByAllAndUniqueToOne()
    {
        var page = await site.PageAsync($"/compare?ids={site.TreatyPlanet.Id},{site.TreatyEcho.Id}");
        var planet = page.QuerySelectorAll(".column")[0];
        planet.QuerySelector(".shared-all")!.TextContent.Should().StartWith("The two ministers signed the river treaty at dawn");
        planet.QuerySelector(".unique")!.TextContent.Should().StartWith("Fishermen welcomed");
        planet.QuerySelector(".share-count")!.TextContent.Should().Contain("1 of 2 sentences in every version");
        planet.QuerySelector(".shared-all .also")!.TextContent.Should().Be("in all 2");
        var echoDate = page.QuerySelectorAll(".column")[1].QuerySelector(".meta")!.TextContent;
        echoDate.Should().Contain("from its story");
        echoDate.Split("inferred").Should().HaveCount(2, "the badge says the date is inferred, once");
    }

    [SkippableFact]
    public async Task StoryPageHidesEditorToolsFromReaders()
    {
        var page = await site.PageAsync($"/stories/{site.TreatyStory}");
        page.QuerySelector(".editor-tools").Should().BeNull();
        page.QuerySelectorAll("form[method=post]").Should().BeEmpty();
    }

    [SkippableFact]
    public async Task ComparePageShowsTheChosenArticlesSideBySideWithALink()
    {
        var page = await site.PageAsync($"/compare?ids={site.TreatyHarbour.Id},{site.StrikeValley.Id}");
        page.QuerySelectorAll(".column h2").Select(h => h.TextContent).Should().Equal("River deal reached", "Fin de la grève au port");
        page.QuerySelectorAll(".column")[1].GetAttribute("lang").Should().Be("fr");
        page.QuerySelector($"a[href='/compare?ids={site.TreatyHarbour.Id},{site.StrikeValley.Id}']").Should().NotBeNull();
    }

    [SkippableFact]
    public async Task CompareSaysWhichArticlesDoNotExist()
    {
        var page = await site.PageAsync($"/compare?ids={site.TreatyHarbour.Id}&ids=999999");
        page.QuerySelector(".notice")!.TextContent.Should().Contain("999999");
        page.QuerySelectorAll(".column").Should().ContainSingle();
    }

    [SkippableFact]
    public async Task OutletsPageCountsArticlesStoriesAndDates()
    {
        var page = await site.PageAsync("/outlets");
        var rows = page.QuerySelectorAll("table.outlets tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());
        rows.Keys.Should().Equal("Daily Planet", "Harbour Times", "Northern Echo", "Valley Gazette");
        rows["Daily Planet"].Should().Equal("not in the outlet registry", "3", "1", "2 Mar 2024 – 1 Jun 2024");
        rows["Harbour Times"].Should().Equal("not in the outlet registry", "2", "2", "3 Mar 2024 – 10 May 2024");
        rows["Northern Echo"][3].Should().Be("3 Mar 2024 (inferred)", "its only date is inferred");
    }

    [SkippableFact]
    public async Task OutletPageListsItsArticlesFilteredByDate()
    {
        var page = await site.PageAsync("/outlets/Daily%20Planet?from=2024-04-01");
        page.QuerySelector("h1")!.TextContent.Should().Be("Daily Planet");
        page.QuerySelectorAll(".article-list .headline").Select(h => h.TextContent).Should()
            .Equal("Bridge inspection finds cracks", "<script>alert('headline')</script> Budget vote delayed");
    }

    [SkippableFact]
    public async Task UnknownStoryAndOutletAreNotFound()
    {
        (await site.Reader().GetAsync("/stories/99999")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await site.Reader().GetAsync("/outlets/Nobody")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task AOneVersionStoryOffersNoComparison()
    {
        var single = await site.PageAsync($"/stories/{site.FestivalStory}");
        single.QuerySelectorAll(".headlines input[type=checkbox]").Should().BeEmpty();
        single.QuerySelector(".compare-form button").Should().BeNull();

        var several = await site.PageAsync($"/stories/{site.TreatyStory}");
        several.QuerySelectorAll(".headlines input[type=checkbox]").Should().HaveCount(3);
    }

    [SkippableFact]
    public async Task AReversedDateRangeSaysWhyNothingMatches()
    {
        var page = await site.PageAsync("/?from=2024-06-01&to=2024-01-01");

        page.QuerySelector(".date-hint")!.TextContent.Should().Contain("“From” is after “to”");
        (await site.PageAsync("/?from=2024-01-01&to=2024-06-01")).QuerySelector(".date-hint").Should().BeNull();
    }

    [SkippableFact]
    public async Task TheSignInPageNamesTheStoreEditorsAreLookedUpIn()
    {
        var page = await site.PageAsync("/account/signin");

        page.QuerySelector(".store-path code")!.TextContent.Should().Be(site.Target.Provider == StoreProvider.Sqlite ? site.DatabasePath
            : StoreTarget.Configure("postgres", site.Target.ConnectionString, null, ".").Display, "the store's path or server and database, never a password");
    }
}
