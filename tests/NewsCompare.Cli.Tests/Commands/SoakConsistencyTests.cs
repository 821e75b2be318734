using NewsCompare.Cli.Benchmarks;

namespace NewsCompare.Cli.Tests.Commands;

public sealed class SoakConsistencyTests
{
    private static readonly StoreState Store = new(Articles: 20_025, Stories: 2_731, NewestStory: 2_731, NewestArticle: 20_025, NewestArticleStory: 2_731);

    private static List<PageReading> PagesShowing(StoreState state) =>
    [
        new("/", StoreFact.Stories, state.Stories),
        new("/articles", StoreFact.Articles, state.Articles),
        new("/api/stories", StoreFact.NewestStory, state.NewestStory),
        new("/api/articles/20025", StoreFact.NewestArticle, state.NewestArticle),
        new("/api/articles/20025", StoreFact.NewestArticleStory, state.NewestArticleStory),
    ];

    [Fact]
    public void AcceptsPagesThatShowExactlyWhatTheStoreHolds()
    {
        var verdict = SoakConsistency.Judge(Store, PagesShowing(Store), Store);

        verdict.Consistent.Should().BeTrue();
        verdict.Mismatch.Should().BeNull();
    }

    [Fact]
    public void NamesTheFirstPageThatStillShowsTheCountFromBeforeTheImport()
    {
        var pages = PagesShowing(Store);
        pages[1] = pages[1] with { Value = 20_000 };
        pages[2] = pages[2] with { Value = 2_700 };

        var verdict = SoakConsistency.Judge(Store, pages, Store);

        verdict.Settled.Should().BeTrue();
        verdict.Consistent.Should().BeFalse();
        verdict.Mismatch.Should().Be("/articles shows 20,000 articles; the store holds 20,025 articles");
    }

    [Fact]
    public void CountsAnArticleThePageDoesNotKnowAsInconsistent()
    {
        var pages = PagesShowing(Store);
        pages[3] = pages[3] with { Value = null };

        var verdict = SoakConsistency.Judge(Store, pages, Store);

        verdict.Consistent.Should().BeFalse();
        verdict.Mismatch.Should().Be("/api/articles/20025 shows no newest article; the store holds article 20025 as the newest");
    }

    [Fact]
    public void CountsAnUngroupedNewestArticleAsInconsistentWhenTheStoreHasGroupedIt()
    {
        var pages = PagesShowing(Store);
        pages[4] = pages[4] with { Value = null };

        SoakConsistency.Judge(Store, pages, Store).Mismatch.Should().Be("/api/articles/20025 shows the newest article in no story; the store holds the newest article in story 2731");
    }

    [Fact]
    public void ConcludesNothingWhenTheStoreMovedWhileThePagesWereRead()
    {
        var regrouped = Store with { Stories = 1_990, NewestStory = 4_100, NewestArticleStory = 4_100 };

        // The pages show either state, or a mixture: no verdict can be drawn, and the check is taken again.
        foreach (var pages in new[] { PagesShowing(Store), PagesShowing(regrouped), [.. PagesShowing(Store).Take(2), .. PagesShowing(regrouped).Skip(2)] })
        {
            var verdict = SoakConsistency.Judge(Store, pages, regrouped);
            verdict.Settled.Should().BeFalse();
            verdict.Consistent.Should().BeFalse();
            verdict.Mismatch.Should().BeNull();
        }
    }

    [Theory]
    [InlineData("<p class=\"summary\" role=\"status\"><strong class=\"count\">20,025 articles</strong> newest first</p>", 20_025L)]
    [InlineData("<strong class=\"count\">1 story</strong>", 1L)]
    [InlineData("<strong class=\"count\">1,234,567 stories</strong>", 1_234_567L)]
    public void ReadsTheCountInAListPagesSummary(string html, long count) =>
        SoakConsistency.CountOnPage(html).Should().Be(count);

    [Theory]
    [InlineData("<main><h1>Stories</h1><p>Nothing imported yet.</p></main>")]
    [InlineData("<strong class=\"count\">many stories</strong>")]
    public void ReadsNoCountFromAPageWithoutASummary(string html) =>
        SoakConsistency.CountOnPage(html).Should().BeNull();

    [Fact]
    public void ReadsTheTotalAndTheFirstItemOfAnApiList()
    {
        const string json = """{"items":[{"id":4100,"title":"Überschwemmung in Passau","firstDate":"2024-06-01"},{"id":12,"title":"x"}],"total":2731,"page":1,"pageSize":20}""";

        SoakConsistency.ListSummary(json).Should().Be((2731L, 4100L));
    }

    [Theory]
    [InlineData("""{"items":[],"total":0,"page":1,"pageSize":20}""", 0L, null)]
    [InlineData("<!DOCTYPE html><title>Error</title>", null, null)]
    [InlineData("""[1,2,3]""", null, null)]
    [InlineData("""{"items":[7],"total":1}""", 1L, null)]
    public void ReadsWhatAnApiListHasAndNothingFromWhatIsNotOne(string body, long? total, long? first) =>
        SoakConsistency.ListSummary(body).Should().Be((total, first));

    [Theory]
    [InlineData("""{"article":{"id":20025,"headline":"الفيضانات في الجنوب","storyId":2731},"clutter":[]}""", 20_025L, 2_731L)]
    [InlineData("""{"article":{"id":20026,"headline":"Séisme au large","storyId":null}}""", 20_026L, null)]
    [InlineData("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","status":404}""", null, null)]
    public void ReadsAnApiArticlesIdAndStory(string body, long? id, long? story) =>
        SoakConsistency.ArticleSummary(body).Should().Be((id, story));
}
