using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;
using NewsCompare.Web.Reading;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>
/// <see cref="GroupedEvents"/>' articles grouped by the real engine with its default rules on real SQLite, read by the
/// app's own explanations; one membership's figures are removed, as in a store grouped before they were kept.
/// </summary>
public sealed class ExplainedSite : TestSite
{
    public GroupedEvents Events { get; private set; } = null!;
    protected override bool RealInsights => true;

    /// <summary>The article whose membership has no recorded figures.</summary>
    public long Unrecorded => Events.Bridge[2];

    protected override async Task SeedAsync()
    {
        Events = await GroupedEvents.SeedAsync(Store, DatabasePath, regroup: false);
        await using var db = await NewsStore.OpenAsync(DatabasePath);
        await new StoryStore(db).RegroupAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE StoryMemberships SET Breakdown = NULL WHERE ArticleId = {0}", Unrecorded);
    }
}

public sealed class WhyItIsHereTests(ExplainedSite site) : IClassFixture<ExplainedSite>
{
    private GroupedEvents E => site.Events;

    private static double Number(string text) =>
        double.Parse(text.Trim().Replace('−', '-'), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The figure a cell starts with ("0.22" of "0.22" followed by its bar).</summary>
    private static double Cell(IElement cell) => Number(cell.TextContent.Trim().Split(' ', '\n')[0]);

    [Fact]
    public async Task EachJoinedVersionShowsEveryFeaturesSubScoreWeightAndShareAddingUpToItsScore()
    {
        var story = await GroupedEvents.StoryOfAsync(site.DatabasePath, E.Bridge[0]);
        var page = await site.PageAsync($"/stories/{story}");

        var table = page.QuerySelector($"#article-{E.Bridge[1]} table.why-figures")!;
        table.Should().NotBeNull("the second bridge report joined the first");
        table.QuerySelector("caption")!.TextContent.Should().StartWith("Joined: ").And.Contain(" (≥ ").And.Contain("names");
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        rows.Select(r => r.QuerySelector("th")!.TextContent).Should().Equal("Words", "Names", "Figures", "Headline", "Date gap (weeks)");
        foreach (var r in rows)
        {
            var cells = r.QuerySelectorAll("td").ToList();
            Cell(cells[2]).Should().BeApproximately(Cell(cells[0]) * Number(cells[1].TextContent.Replace("×", "", StringComparison.Ordinal)), 0.011,
                "each feature adds its sub-score times its weight");
            r.QuerySelector("svg.bar[aria-hidden=true] rect").Should().NotBeNull();
        }
        var score = Cell(table.QuerySelector("tfoot td")!);
        rows.Sum(r => Cell(r.QuerySelectorAll("td")[2])).Should().BeApproximately(score, 0.03, "the parts add up to the score");
        table.QuerySelector("tfoot th")!.TextContent.Should().Contain("join threshold");
        score.Should().BeGreaterThanOrEqualTo(StoryEngineOptions.Default.JoinThreshold);
    }

    [Fact]
    public async Task AVersionThatOpenedItsStorySaysWhatItWasComparedWith()
    {
        var story = await GroupedEvents.StoryOfAsync(site.DatabasePath, E.Ferry[0]);
        var page = await site.PageAsync($"/stories/{story}");

        var opener = new[] { E.Ferry[0], E.Ferry[1] }
            .Select(id => page.QuerySelector($"#article-{id}")!)
            .Single(a => a.QuerySelector(".why")!.TextContent.Contains("opened the story", StringComparison.Ordinal));
        var said = opener.QuerySelector("table.why-figures caption")?.TextContent ?? opener.QuerySelector(".why-decision")!.TextContent;
        said.Should().StartWith("Opened a new story: ");
    }

    [Fact]
    public async Task AVersionGroupedBeforeFiguresWereKeptSaysTheyWereNotRecorded()
    {
        var story = await GroupedEvents.StoryOfAsync(site.DatabasePath, site.Unrecorded);
        var page = await site.PageAsync($"/stories/{story}");

        var column = page.QuerySelector($"#article-{site.Unrecorded}")!;
        column.QuerySelector("table.why-figures").Should().BeNull();
        column.QuerySelector(".why-decision")!.TextContent.Should().Contain("not recorded");
        column.QuerySelector(".why")!.TextContent.Should().Contain("Why it is here", "the sentence is still there");
    }

    [Fact]
    public async Task TheStoryApiGivesEachArticlesFeaturesAndTheStateControlledCount()
    {
        var story = await GroupedEvents.StoryOfAsync(site.DatabasePath, E.Bridge[0]);
        using var response = await site.Reader().GetAsync($"/api/stories/{story}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        json.GetProperty("stateControlledCount").GetInt32().Should().Be(0, "no outlet of the bridge story is state-controlled");
        var articles = json.GetProperty("articles").EnumerateArray().ToList();
        var joined = articles.Single(a => a.GetProperty("id").GetInt64() == E.Bridge[1]).GetProperty("why");
        joined.GetProperty("recorded").GetBoolean().Should().BeTrue();
        joined.GetProperty("rule").ValueKind.Should().Be(JsonValueKind.Null);
        var features = joined.GetProperty("features").EnumerateArray().ToList();
        features.Select(f => f.GetProperty("feature").GetString()).Should().Equal("words", "names", "numbers", "headline", "gap");
        features.Sum(f => f.GetProperty("contribution").GetDouble()).Should().BeApproximately(joined.GetProperty("compared").GetDouble(), 0.001);
        joined.GetProperty("compared").GetDouble().Should().BeGreaterThanOrEqualTo(joined.GetProperty("threshold").GetDouble());
        var old = articles.Single(a => a.GetProperty("id").GetInt64() == site.Unrecorded).GetProperty("why");
        old.GetProperty("recorded").GetBoolean().Should().BeFalse();
        old.GetProperty("features").GetArrayLength().Should().Be(0);
        old.GetProperty("decision").GetString().Should().Be(GroupingReason.NotRecorded);
    }

    [Fact]
    public async Task TheArticleApiSaysWhyTheArticleIsInItsStory()
    {
        using var response = await site.Reader().GetAsync($"/api/articles/{E.Bridge[1]}");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var why = json.GetProperty("why");
        why.GetProperty("method").GetString().Should().Be("matched");
        why.GetProperty("decision").GetString().Should().StartWith("Joined: ");
        why.GetProperty("features").GetArrayLength().Should().Be(5);
    }
}

/// <summary>The seeds as a first start imports them: the story API counts state-controlled versions as the page does.</summary>
public sealed class SeededStoryApiTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task TheStoryApiCountsStateControlledVersionsAsTheStoryPageDoes()
    {
        var client = site.CreateClient();
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/stories?outlet=Sputnik")).RootElement;
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt64();

        var story = JsonDocument.Parse(await client.GetStringAsync($"/api/stories/{id}")).RootElement;
        using var page = await client.GetAsync($"/stories/{id}");
        var share = (await TestSite.ParseAsync(page)).QuerySelector(".state-share strong")!.TextContent;

        var count = story.GetProperty("stateControlledCount").GetInt32();
        count.Should().BeGreaterThan(0, "Sputnik is state-controlled");
        share.Should().StartWith($"{count} of ");
        story.GetProperty("stateControlledOutlets").EnumerateArray().Select(o => o.GetString()).Should().Contain("Sputnik");
        story.GetProperty("articles").EnumerateArray().Should().OnlyContain(a => a.GetProperty("why").ValueKind == JsonValueKind.Object);
    }
}

public sealed class GroupingReasonTests
{
    private static readonly FeatureScore[] Parts =
    [
        new(SimilarityFeature.Words, 0.22, 1, 0.22), new(SimilarityFeature.Names, 0.06, 2, 0.12), new(SimilarityFeature.Numbers, 0, 1, 0),
        new(SimilarityFeature.Headline, 0.08, 1, 0.08), new(SimilarityFeature.Gap, 2, -0.005, -0.01),
    ];

    private static GroupingReason Reason(string method, double? compared, string? rule) =>
        GroupingReason.From(new StoryExplanation(method == "opened" ? 1 : compared ?? 0, method, ["Wang Yi"], ["talks"], 14)
        {
            Breakdown = new ScoreBreakdown(0.16, compared, rule, compared is null ? [] : Parts),
        });

    [Fact]
    public void AJoinedArticleSaysItsScoreAgainstTheThresholdAndTheNonZeroParts() =>
        Reason("matched", 0.41, null).Decision.Should().Be("Joined: 0.41 (≥ 0.16) = words 0.22 + names 0.12 + headline 0.08 − date gap 0.01.");

    [Theory]
    [InlineData(ScoreBreakdown.BelowThreshold, 0.12, "Opened a new story: best candidate 0.12 (< 0.16) = words")]
    [InlineData(ScoreBreakdown.DatesApart, 0.41, "known dates are too far")]
    [InlineData(ScoreBreakdown.OtherCast, 0.41, "name different people")]
    [InlineData(ScoreBreakdown.FewShared, 0.41, "too few distinct words")]
    [InlineData(ScoreBreakdown.OneOutlet, 0.22, "only this article's own outlet")]
    [InlineData(ScoreBreakdown.TopicOnly, 0.41, "undated")]
    public void AnArticleThatOpenedAStorySaysWhatKeptItFromTheClosestOne(string rule, double compared, string said) =>
        Reason("opened", compared, rule).Decision.Should().Contain(said);

    [Fact]
    public void AnArticleWithNoCandidateSaysNoEarlierStoryWasClose()
    {
        var reason = Reason("opened", null, null);

        reason.Decision.Should().Contain("no earlier story");
        reason.Features.Should().BeEmpty();
        reason.Recorded.Should().BeTrue();
    }

    [Fact]
    public void AnEditorsMoveDoesNotShowTheFiguresOfTheDecisionItOverrode()
    {
        var reason = Reason("moved", 0.41, null);

        reason.Features.Should().BeEmpty();
        reason.Decision.Should().Contain("editor");
    }

    [Fact]
    public void BarsCompareWithTheLargerOfTheThresholdAndThePositiveParts()
    {
        var reason = Reason("matched", 0.41, null);

        reason.BarLength(reason.Features[0]).Should().Be("52.4", "0.22 of 0.42");
        reason.BarLength(reason.Features[2]).Should().Be("0");
        reason.BarLength(reason.Features[4]).Should().Be("2.4", "a part against joining is drawn by its size");
    }
}
