using AngleSharp.Html.Dom;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

public sealed class SearchTestsOnSqlite(NewsroomSite site) : SearchTests<NewsroomSite>(site);

public sealed class SearchTestsOnPostgres(PostgresNewsroomSite site) : SearchTests<PostgresNewsroomSite>(site);

/// <summary>Search in the newsroom's English, French and Italian versions, the same answers on either engine.</summary>
public abstract class SearchTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NewsroomSite
{
    private readonly TSite site = TestSite.Ready(site);

    private static List<string> Headlines(IHtmlDocument page) =>
        page.QuerySelectorAll(".article-list .headline").Select(e => e.TextContent.Trim()).ToList();

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll(".story-title").Select(e => e.TextContent.Trim()).ToList();

    [SkippableFact]
    public async Task AWordFindsItsArticlesInEveryLanguageThatUsesIt()
    {
        Headlines(await site.PageAsync("/articles?q=dockers")).Should().BeEquivalentTo("Dockers end port strike", "Fin de la grève au port");
    }

    [SkippableFact]
    public async Task AccentsNeitherHideNorNarrowAMatch()
    {
        Headlines(await site.PageAsync("/articles?q=greve")).Should().Equal("Fin de la grève au port");
        Headlines(await site.PageAsync("/articles?q=gr%C3%A8ve%20salariale")).Should().Equal("Fin de la grève au port");
    }

    [SkippableFact]
    public async Task EveryWordMustMatchAndAStarMatchesTheStartOfAWord()
    {
        Headlines(await site.PageAsync("/articles?q=river%20quotas")).Should().BeEquivalentTo(
            "Ministers sign river treaty after night of talks", "River deal reached");
        Headlines(await site.PageAsync("/articles?q=lant*")).Should().Equal("Lantern festival announced");
        Headlines(await site.PageAsync("/articles?q=river%20lant*")).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task StoriesAreFoundByTheirEarlierVersionsInAnotherLanguage()
    {
        Titles(await site.PageAsync("/?q=citt%C3%A0")).Should().Equal("Lantern festival announced");
        Headlines(await site.PageAsync("/articles?q=citt%C3%A0")).Should().BeEmpty("the Italian version is not the latest");
    }

    [SkippableFact]
    public async Task ASearchCombinesWithTheLanguageFilter()
    {
        Titles(await site.PageAsync("/?q=dockers&lang=fr")).Should().Equal("Port strike ends");
        Headlines(await site.PageAsync("/articles?q=dockers&lang=en")).Should().Equal("Dockers end port strike");
    }
}
