using System.Net;
using System.Text.Json;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Api;

public sealed class ApiTestsOnSqlite(NewsroomSite site) : ApiTests<NewsroomSite>(site);

public sealed class ApiTestsOnPostgres(PostgresNewsroomSite site) : ApiTests<PostgresNewsroomSite>(site);

public abstract class ApiTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NewsroomSite
{
    private readonly TSite site = TestSite.Ready(site);

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await site.Reader().GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [SkippableFact]
    public async Task StoriesApiTakesTheHomePageFiltersAndPages()
    {
        var json = await JsonAsync("/api/stories?outlet=Harbour%20Times&sort=coverage");
        json.GetProperty("total").GetInt32().Should().Be(2);
        json.GetProperty("page").GetInt32().Should().Be(1);
        var items = json.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("title").GetString()).Should().Equal("Ministers sign river treaty", "Port strike ends");
        items[0].GetProperty("articleCount").GetInt32().Should().Be(3);
        items[0].GetProperty("firstDate").GetString().Should().Be("2024-03-02");
        items[0].GetProperty("outlets").EnumerateArray().Select(o => o.GetString()).Should().Contain("Northern Echo");
    }

    [SkippableFact]
    public async Task StoryApiListsItsArticlesWithDateProvenance()
    {
        var json = await JsonAsync($"/api/stories/{site.TreatyStory}");
        var articles = json.GetProperty("articles").EnumerateArray().ToList();
        articles.Should().HaveCount(3);
        var echo = articles.Single(a => a.GetProperty("outlet").GetString() == "Northern Echo");
        echo.GetProperty("publishedInferred").GetBoolean().Should().BeTrue();
        echo.GetProperty("copyOfArticleId").GetInt64().Should().Be(site.TreatyPlanet.Id);
    }

    [SkippableFact]
    public async Task ArticleApiCarriesTextProvenanceAndClutter()
    {
        var json = await JsonAsync($"/api/articles/{site.TreatyPlanet.Id}");
        var article = json.GetProperty("article");
        article.GetProperty("headline").GetString().Should().Be("Ministers sign river treaty after night of talks");
        article.GetProperty("publishedSource").GetString().Should().Be("html:article:published_time");
        article.GetProperty("paragraphs").GetArrayLength().Should().Be(2);
        json.GetProperty("clutter").EnumerateArray().Select(c => c.GetProperty("reason").GetString())
            .Should().Equal("share", "share", "navigation");
        json.GetProperty("rawUrl").GetString().Should().Be($"/articles/{site.TreatyPlanet.Id}/raw");
    }

    [SkippableFact]
    public async Task ArticlesAndOutletsApisListWhatThePagesList()
    {
        var articles = await JsonAsync("/api/articles?q=dockers");
        articles.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("headline").GetString())
            .Should().BeEquivalentTo("Dockers end port strike", "Fin de la grève au port");
        var outlets = await JsonAsync("/api/outlets");
        outlets.EnumerateArray().Select(o => o.GetProperty("name").GetString())
            .Should().Equal("Daily Planet", "Harbour Times", "Northern Echo", "Valley Gazette");
    }

    [SkippableFact]
    public async Task MissingThingsAreNotFoundInJson()
    {
        foreach (var url in new[] { "/api/stories/424242", "/api/articles/424242" })
        {
            using var response = await site.Reader().GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
            // The site's HTML error page is for browsers; an API client must not be handed it.
            response.Content.Headers.ContentType?.MediaType.Should().NotBe("text/html", url);
        }
    }

    [SkippableFact]
    public async Task OpenApiDocumentDescribesEveryRoute()
    {
        var json = await JsonAsync("/openapi/v1.json");
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().BeEquivalentTo("/api/stories", "/api/stories/{id}", "/api/articles", "/api/articles/{id}", "/api/compare", "/api/outlets", "/api/outlets/{name}");
        var parameters = json.GetProperty("paths").GetProperty("/api/stories").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        parameters.Should().Contain(["outlet", "from", "to", "undated", "q", "lang", "sort", "page"]);
    }

    private async Task<JsonElement> ProblemAsync(string url, HttpStatusCode status)
    {
        using var response = await site.Reader().GetAsync(url);
        response.StatusCode.Should().Be(status, url);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", url);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("   at ", "a problem never carries a stack trace").And.NotContain("Exception");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [SkippableTheory]
    [InlineData("/api/stories?from=notadate", "from", "is not a date")]
    [InlineData("/api/articles?to=2024-13-40", "to", "is not a date")]
    [InlineData("/api/stories?page=zero", "page", "is not a page number")]
    [InlineData("/api/stories?from=2024-05-01&to=2024-01-01", "to", "is before from")]
    [InlineData("/api/stories?undated=perhaps", "undated", "neither true nor false")]
    [InlineData("/api/stories?sort=random", "sort", "use date or coverage")]
    public async Task AQueryValueThatCannotBeReadIsAProblemNamingTheParameterAndTheReason(string url, string parameter, string reason)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.BadRequest);

        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.GetProperty("errors").GetProperty(parameter)[0].GetString().Should().Contain(reason);
        problem.GetProperty("detail").GetString().Should().StartWith(parameter + ":");
    }

    [SkippableTheory]
    [InlineData("/api/stories/999999", "There is no story 999999.")]
    [InlineData("/api/articles/999999", "There is no article 999999.")]
    public async Task AMissingRecordIsANotFoundProblemSayingWhat(string url, string detail)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.NotFound);

        problem.GetProperty("status").GetInt32().Should().Be(404);
        problem.GetProperty("detail").GetString().Should().Be(detail);
    }

    [SkippableFact]
    public async Task AnUnknownApiAddressIsANotFoundProblem() =>
        (await ProblemAsync("/api/nothing-here", HttpStatusCode.NotFound)).GetProperty("status").GetInt32().Should().Be(404);

    [SkippableFact]
    public async Task APageBeyondTheEndIsEmptyWithTheTrueCounts()
    {
        var json = await JsonAsync("/api/stories?page=999");

        json.GetProperty("items").GetArrayLength().Should().Be(0);
        json.GetProperty("total").GetInt32().Should().Be(3);
        (json.GetProperty("from").GetInt32(), json.GetProperty("to").GetInt32()).Should().Be((0, 0));
        var first = await JsonAsync("/api/stories");
        (first.GetProperty("from").GetInt32(), first.GetProperty("to").GetInt32()).Should().Be((1, 3));
    }
}
