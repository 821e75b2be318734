using NewsCompare.Web.Tests.Infrastructure;
using System.Net;
using System.Text.Json;

namespace NewsCompare.Web.Tests.Comparison;

public sealed class ComparePageTestsOnSqlite(CompareSite site) : ComparePageTests<CompareSite>(site);

public sealed class ComparePageTestsOnPostgres(PostgresCompareSite site) : ComparePageTests<PostgresCompareSite>(site);

public abstract class ComparePageTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : CompareSite
{
    private readonly TSite site = TestSite.Ready(site);

    [SkippableFact]
    public async Task LinksTheSameStatementAcrossColumnsAndSaysWhereElseItAppears()
    {
        var page = await site.PageAsync($"/compare?ids={site.Versions.Ids}");

        var columns = page.QuerySelectorAll(".column");
        columns.Should().HaveCount(3);
        var said = columns[0].QuerySelectorAll(".sentence").Single(s => s.TextContent.StartsWith("Mayor Ivan Petrov said", StringComparison.Ordinal));
        var group = said.GetAttribute("data-group");
        group.Should().NotBeNullOrEmpty();
        columns[1].QuerySelectorAll($".sentence[data-group='{group}']").Should().ContainSingle()
            .Which.TextContent.Should().StartWith("According to Mayor Ivan Petrov");
        columns[2].QuerySelectorAll($".sentence[data-group='{group}']").Should().ContainSingle();
        said.QuerySelector(".also")!.TextContent.Should().Be("in all 3");
        columns[0].QuerySelectorAll(".sentence").Single(s => s.TextContent.StartsWith("Rail services", StringComparison.Ordinal))
            .QuerySelector(".also")!.TextContent.Should().Be("also in Evening Brief");
        said.GetAttribute("tabindex").Should().Be("0", "a sentence with counterparts can be chosen by keyboard");
    }

    [SkippableFact]
    public async Task ShowsTheDifferingFiguresSideBySide()
    {
        var page = await site.PageAsync($"/compare?ids={site.Versions.Ids}");

        var row = page.QuerySelectorAll("table.differences tbody tr").Should().ContainSingle().Subject;
        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Should().Equal("1,200 residents", "1,100 residents", "not reported");
        page.QuerySelectorAll(".column")[1].QuerySelector(".sentence .also")!.TextContent.Should().Contain("other figures");
    }

    [SkippableFact]
    public async Task ListsWhatEachVersionLeavesOutAndTheQuotesBySpeaker()
    {
        var page = await site.PageAsync($"/compare?ids={site.Versions.Ids}");

        var leftOut = page.QuerySelectorAll(".summary-grid > div");
        leftOut[1].QuerySelector("h3")!.TextContent.Should().Be("Black Sea Post");
        leftOut[1].QuerySelectorAll(".left-out li").Should().ContainSingle().Which.TextContent.Should().StartWith("Rail services along the coast");

        var quotes = page.QuerySelector("[aria-labelledby=quotes-heading]")!;
        quotes.QuerySelector("h3")!.TextContent.Should().Be("Mayor Ivan Petrov");
        var uses = quotes.QuerySelectorAll(".speaker-quotes > li > ul > li").Select(li => li.TextContent).ToList();
        uses[0].Should().Contain("Coast Wire").And.Contain("quoted");
        uses[1].Should().Contain("Black Sea Post").And.Contain("cut");
        uses[^1].Should().Contain("Not in Evening Brief");
    }

    [SkippableFact]
    public async Task ChoosesArticlesFromAListWithASearchBoxNotByNumber()
    {
        var page = await site.PageAsync("/compare?q=Varna");

        page.QuerySelector("input[type=search][name=q]").Should().NotBeNull();
        page.QuerySelectorAll("input[type=text][name=ids]").Should().BeEmpty();
        var boxes = page.QuerySelectorAll(".picker-list input[type=checkbox][name=ids]").Select(b => b.GetAttribute("value")).ToList();
        boxes.Should().BeEquivalentTo([site.Versions.Wire.Id.ToString(), site.Versions.Rewrite.Id.ToString(), site.Versions.Brief.Id.ToString()]);

        var list = await site.PageAsync("/compare");
        list.QuerySelectorAll(".picker-list input[name=ids]").Should().HaveCount(4, "without a search the newest articles are listed");
    }

    [SkippableFact]
    public async Task TheApiReturnsTheSameAlignmentAsThePage()
    {
        using var response = await site.Reader().GetAsync($"/api/compare?ids={site.Versions.Ids}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var versions = json.RootElement.GetProperty("comparison").GetProperty("versions");
        versions.GetArrayLength().Should().Be(3);
        var first = versions[0].GetProperty("paragraphs")[1][0];
        first.GetProperty("coverage").GetString().Should().Be("All");
        var page = await site.PageAsync($"/compare?ids={site.Versions.Ids}");
        page.QuerySelector($"#{first.GetProperty("id").GetString()}")!.GetAttribute("data-group")
            .Should().Be(first.GetProperty("group").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.RootElement.GetProperty("comparison").GetProperty("quotes")[0].GetProperty("versions")[1].GetProperty("use").GetString().Should().Be("Cut");

        using var one = await site.Reader().GetAsync($"/api/compare?ids={site.Versions.Wire.Id}");
        one.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
