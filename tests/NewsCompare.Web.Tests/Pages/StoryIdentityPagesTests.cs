using System.Net;
using System.Text.Json;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>Old story links after a regroup, the possibly-mixed flag, title and date provenance, on a store grouped by the real engine.</summary>
public sealed class StoryIdentityPagesTests(GroupedSite site) : IClassFixture<GroupedSite>
{
    private GroupedEvents E => site.Events;

    private Task<long> StoryOf(long article) => GroupedEvents.StoryOfAsync(site.DatabasePath, article);

    /// <summary>A first story id a regroup retired: the ferry report that stood alone, now in the topic's story.</summary>
    private long RetiredId => E.FirstStoryOf[E.Ferry[1]];

    [Fact]
    public async Task TheRegroupKeptTheIdsOfTheFirstStoriesItsStoriesMostlyHold()
    {
        var topic = await StoryOf(E.Bridge[0]);
        var marathon = await StoryOf(E.Marathon[0]);
        topic.Should().Be(E.FirstStoryOf[E.Bridge[0]]);
        marathon.Should().Be(E.FirstStoryOf[E.Marathon[0]]);
        foreach (var a in E.Ferry) (await StoryOf(a)).Should().Be(topic);
    }

    [Fact]
    public async Task AnOldLinkToAStoryMergedAwaySaysWhereItsArticlesWent()
    {
        using var response = await site.Reader().GetAsync($"/stories/{RetiredId}");

        response.StatusCode.Should().Be(HttpStatusCode.Gone);
        var page = await TestSite.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.Should().Be($"Story {RetiredId} no longer exists");
        var topic = await StoryOf(E.Ferry[1]);
        page.QuerySelector(".meta")!.TextContent.Should().Contain($"merged into another story").And.Contain($"now in story {topic}");
        page.QuerySelectorAll(".successors a").Select(a => a.GetAttribute("href")).Should().Equal($"/stories/{topic}");
    }

    [Fact]
    public async Task TheApiAnswersAnIdMergedAwayWithAPermanentRedirectToItsStory()
    {
        using var response = await site.Reader().GetAsync($"/api/stories/{RetiredId}");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.ToString().Should().Be($"/api/stories/{await StoryOf(E.Ferry[1])}");
    }

    [Fact]
    public async Task AnIdThatNeverExistedIsStillNotFound()
    {
        using var page = await site.Reader().GetAsync("/stories/987654");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var api = await site.Reader().GetAsync("/api/stories/987654");
        api.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AStoryOfTwoEventsIsFlaggedWithTheProposedSplitAndOnlyEditorsGetTheButton()
    {
        var topic = await StoryOf(E.Bridge[0]);

        var page = await site.PageAsync($"/stories/{topic}");

        var flag = page.QuerySelector(".mixed-flag")!;
        flag.QuerySelector("h2")!.TextContent.Should().Be("This story may hold more than one event");
        var groups = flag.QuerySelectorAll(".mixed-group").ToList();
        groups.Should().HaveCount(2);
        groups[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().BeEquivalentTo(E.Bridge.Select(b => $"#article-{b}"));
        groups[1].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().BeEquivalentTo(E.Ferry.Select(f => $"#article-{f}"));
        flag.QuerySelector("form").Should().BeNull();
        (await site.PageAsync($"/stories/{await StoryOf(E.Marathon[0])}")).QuerySelector(".mixed-flag").Should().BeNull();

        var editorPage = await site.PageAsync($"/stories/{topic}", await site.EditorAsync());
        editorPage.QuerySelector(".mixed-flag form button")!.TextContent.Should().Be("Apply the proposed split");
    }

    [Fact]
    public async Task TheApiShowsTheFlagAndTheTitlesOrigin()
    {
        var topic = await StoryOf(E.Bridge[0]);
        using var response = await site.Reader().GetAsync($"/api/stories/{topic}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var mixed = json.RootElement.GetProperty("mixed");
        mixed.GetProperty("move").EnumerateArray().Select(e => e.GetInt64()).Should().BeEquivalentTo(E.Ferry);
        json.RootElement.GetProperty("titleOrigin").GetProperty("source").GetString().Should().Be("representative");
    }

    [Fact]
    public async Task TheStoryPageSaysWhichVersionsHeadlineIsTheTitle()
    {
        var page = await site.PageAsync($"/stories/{await StoryOf(E.Bridge[0])}");

        var origin = page.QuerySelector(".title-origin")!;
        origin.TextContent.Should().Contain("the headline of the independent version most like the others");
        var href = origin.QuerySelector("a")!.GetAttribute("href")!;
        var titled = long.Parse(href["#article-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        E.Bridge.Concat(E.Ferry).Should().Contain(titled);
        page.QuerySelector($"#col-h-{titled}")!.TextContent.Trim().Should().Be(page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnInferredDateNamesTheArticleItCameFromAndAMixedStoryLendsNone()
    {
        var lent = await site.PageAsync($"/articles/{E.Marathon[1]}");
        var date = lent.QuerySelectorAll("dt").Single(d => d.TextContent == "Date").NextElementSibling!;
        date.TextContent.Should().Contain("12 May 2024").And.Contain("inferred");
        date.QuerySelector($"a[href='/articles/{E.Marathon[0]}']").Should().NotBeNull();

        var unlent = await site.PageAsync($"/articles/{E.Ferry[1]}");
        unlent.QuerySelectorAll("dt").Single(d => d.TextContent == "Date").NextElementSibling!.TextContent
            .Should().Contain("no date").And.NotContain("inferred");
    }
}

/// <summary>An editor applies the proposed split of a possibly mixed story (a fixture of its own: it changes the store).</summary>
public sealed class ApplyProposedSplitPageTests(GroupedSite site) : IClassFixture<GroupedSite>
{
    [Fact]
    public async Task OneClickSplitsTheStoryAsProposedAndRecordsItAsASplit()
    {
        var e = site.Events;
        var topic = await GroupedEvents.StoryOfAsync(site.DatabasePath, e.Bridge[0]);
        var editor = await site.EditorAsync();
        var page = await site.PageAsync($"/stories/{topic}", editor);
        var form = page.QuerySelector(".mixed-flag form")!;

        using var response = await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reason"] = form.QuerySelector("input[name=Reason]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = TestSite.Token(page),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var ferryStory = await GroupedEvents.StoryOfAsync(site.DatabasePath, e.Ferry[0]);
        ferryStory.Should().NotBe(topic);
        response.Headers.Location!.ToString().Should().Be($"/stories/{ferryStory}");
        foreach (var b in e.Bridge) (await GroupedEvents.StoryOfAsync(site.DatabasePath, b)).Should().Be(topic);
        var after = await site.PageAsync($"/stories/{topic}");
        after.QuerySelector(".mixed-flag").Should().BeNull();
        // Each half now lends its own date.
        var ferry = await site.PageAsync($"/articles/{e.Ferry[1]}");
        ferry.QuerySelectorAll("dt").Single(d => d.TextContent == "Date").NextElementSibling!.TextContent.Should().Contain("20 Apr 2024");
    }
}

/// <summary>A story id a regroup split between two stories.</summary>
public sealed class SplitStoryLinkTests(SplitRegroupSite site) : IClassFixture<SplitRegroupSite>
{
    [Fact]
    public async Task TheApiAnswersAnIdSplitUpWith410AndWhereEachPartWent()
    {
        var bridge = await GroupedEvents.StoryOfAsync(site.DatabasePath, site.Events.Bridge[0]);
        var ferry = await GroupedEvents.StoryOfAsync(site.DatabasePath, site.Events.Ferry[0]);
        var marathon = await GroupedEvents.StoryOfAsync(site.DatabasePath, site.Events.Marathon[0]);
        new[] { bridge, ferry, marathon }.Should().OnlyHaveUniqueItems();

        using var response = await site.Reader().GetAsync($"/api/stories/{site.SplitStory}");

        response.StatusCode.Should().Be(HttpStatusCode.Gone);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetInt32().Should().Be(410);
        json.RootElement.GetProperty("successors").EnumerateArray().Select(s => s.GetProperty("url").GetString())
            .Should().BeEquivalentTo($"/api/stories/{bridge}", $"/api/stories/{ferry}", $"/api/stories/{marathon}");
    }

    [Fact]
    public async Task ThePageOfAnIdSplitUpListsTheStoriesItsArticlesWentTo()
    {
        using var response = await site.Reader().GetAsync($"/stories/{site.SplitStory}");

        response.StatusCode.Should().Be(HttpStatusCode.Gone);
        var page = await TestSite.ParseAsync(response);
        page.QuerySelector(".meta")!.TextContent.Should().Contain("went to 3 stories");
        page.QuerySelectorAll(".successors li").Select(li => li.TextContent).Should().AllSatisfy(t => t.Should().Contain("1 article of this one"));
    }
}
