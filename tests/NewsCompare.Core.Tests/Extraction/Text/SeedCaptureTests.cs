using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Text;

namespace NewsCompare.Core.Tests.Extraction.Text;

/// <summary>The five real captures in seeds/: what a reader must get from each.</summary>
public sealed class SeedCaptureTests
{
    internal static string SeedPath(string prefix)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsCompare.sln"))) dir = dir.Parent;
        dir.Should().NotBeNull("the tests run inside the repository");
        return Directory.GetFiles(Path.Combine(dir!.FullName, "seeds"), prefix + "_*.txt").Single();
    }

    internal static ExtractedArticle Seed(string prefix) => PlainTextExtractor.Extract(File.ReadAllText(SeedPath(prefix)));

    private static string Body(ExtractedArticle article) => string.Join("\n", article.Paragraphs);

    // Captures carry no-break spaces where the page had them; compare lines with ordinary single spaces.
    private static string Spaced(string text) => string.Join(' ', text.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));

    private static string ReasonOf(ExtractedArticle article, string line) =>
        article.Removed.Should().ContainSingle(r => Spaced(r.Text) == Spaced(line), $"\"{line}\" is clutter").Subject.Reason;

    [Fact]
    public void CtvCaptureKeepsTheArticleAndDropsTheSpamLineAndTopStories()
    {
        var article = Seed("000");

        article.Headline.Should().Be("Kremlin official urges deeper ties with China to resist West");
        article.Dateline.Should().Be("MOSCOW");
        article.Paragraphs[0].Should().StartWith("Russia's security head on Tuesday held talks");
        article.Paragraphs[^1].Should().Be("Wang is also set to hold talks Wednesday with Russian Foreign Minister Sergey Lavrov. The Kremlin said that a meeting with Putin is also possible.");
        article.Paragraphs.Should().HaveCount(12);

        ReasonOf(article, "麻豆影视").Should().Be(RemovalReasons.ForeignScript);
        ReasonOf(article, "Skip to main content").Should().Be(RemovalReasons.Navigation);
        ReasonOf(article, "Share").Should().Be(RemovalReasons.Share);
        ReasonOf(article, "CTVNews.ca Top Stories").Should().Be(RemovalReasons.Spillover);
        ReasonOf(article, "Why brain aging can vary dramatically between people").Should().Be(RemovalReasons.Spillover);
        Body(article).Should().NotContain("dockworkers").And.NotContain("Local Spotlight").And.NotContain("Vancouver").And.NotContain("麻豆");
    }

    [Fact]
    public void PressTvCaptureSplitsBreadcrumbCaptionAndAlternateAddressFooter()
    {
        var article = Seed("001");

        article.Headline.Should().Be("Russia, China must stick together against West: Russian official");
        article.Captions.Should().ContainSingle().Which.Should().EndWith("(Photo by EPA)");
        article.Paragraphs[0].Should().StartWith("Nikolay Patrushev, the secretary of Russia's Security Council, has told China's top diplomat");
        article.Paragraphs[^1].Should().StartWith("China has sovereignty over Chinese Taipei");
        article.Paragraphs.Should().Contain("Wang will meet with Russian Foreign Minister Sergei Lavrov on Wednesday.", "a one-sentence paragraph is still a paragraph");

        ReasonOf(article, "News / China / Russia").Should().Be(RemovalReasons.Navigation);
        ReasonOf(article, "Press TV’s website can also be accessed at the following alternate addresses:").Should().Be(RemovalReasons.Footer);
        ReasonOf(article, "www.presstv.co.uk").Should().Be(RemovalReasons.Footer);
        ReasonOf(article, "SHARE THIS ARTICLE").Should().Be(RemovalReasons.Share);
        Body(article).Should().NotContain("Photo by EPA").And.NotContain("presstv").And.NotContain("Roku");
    }

    [Fact]
    public void BlogCaptureDropsReadTimeReactionRatingCommentFormAndNextPost()
    {
        var article = Seed("002");

        article.Headline.Should().Be("Russia Seeks Closer Security Ties With China as Key Goal");
        article.Byline.Should().Be("kpakpandofm");
        article.Paragraphs[0].Should().StartWith("A top Russian security official has declared on a visit to China");
        article.Paragraphs[^1].Should().StartWith("During his meeting with Xi on Thursday, Putin praised China’s president");
        article.Paragraphs.Should().Contain("Patrushev is one of Putin’s closest associates.");

        ReasonOf(article, "Read Time:1 Minute, 37 Second").Should().Be(RemovalReasons.Widget);
        article.Removed.Where(r => r.Text is "Happy" or "Sleppy" or "Surprise" or "0 %" or "5 Star" or "0%")
            .Should().NotBeEmpty().And.OnlyContain(r => r.Reason == RemovalReasons.Widget);
        ReasonOf(article, "Average Rating").Should().Be(RemovalReasons.Widget);
        ReasonOf(article, "Leave a Reply").Should().Be(RemovalReasons.Comments);
        ReasonOf(article, "Your email address will not be published. Required fields are marked *").Should().Be(RemovalReasons.Comments);
        ReasonOf(article, "Next Post").Should().Be(RemovalReasons.Spillover);
        ReasonOf(article, "Osun States Alumni Association Praises Management For A Stable Academic Calendar").Should().Be(RemovalReasons.Spillover);
        Body(article).Should().NotContain("Osun").And.NotContain("Star").And.NotContain("Reply").And.NotContain("Shoutcast");
    }

    [Fact]
    public void SummaryCaptureTakesTheMachineSummaryAsStandfirst()
    {
        var article = Seed("003");

        article.Headline.Should().Be("Kremlin Calls for Closer Alliance with China as West's Containment efforts Escalate");
        article.Standfirst.Should().StartWith("The article discusses the growing coordination");
        article.Paragraphs.Should().HaveCount(4);
        article.Paragraphs[0].Should().StartWith("In a bid to counter Western efforts to contain them");
        article.Paragraphs[^1].Should().StartWith("Furthermore, China has put forward a peace plan for Ukraine");
        Body(article).Should().NotContain("The article discusses");
    }

    [Fact]
    public void SputnikCaptureSplitsDatelineCaptionsAndTheRelatedArticleBlock()
    {
        var article = Seed("004");

        article.Headline.Should().Be("Russian-Chinese Coordination Important Amid West's Containment Campaign - Top Security Official");
        article.Dateline.Should().Be("MOSCOW (Sputnik)");
        article.Paragraphs[0].Should().StartWith("The further deepening of Russian-Chinese coordination is particularly important");
        article.Paragraphs[^1].Should().StartWith("\"In October, we look forward to detailed bilateral negotiations");
        article.Captions.Should().HaveCount(3, "the photo credit glued to the first caption is kept apart");
        article.Captions[0].Should().StartWith("© Sputnik").And.EndWith("Go to the mediabank");
        article.Captions[1].Should().StartWith("Secretary of the Russian Security Council");
        article.Captions[2].Should().EndWith("- Sputnik International, 1920, 19.09.2023");

        ReasonOf(article, "Subscribe").Should().Be(RemovalReasons.Share);
        ReasonOf(article, "China, Russia Bear Special Responsibility for Global Strategic Stability - Wang Yi").Should().Be(RemovalReasons.Spillover);
        article.Removed.Should().Contain(r => r.Text.StartsWith("Russian Foreign Minister Sergey Lavrov and Chinese Central Foreign Affairs", StringComparison.Ordinal)
                                              && r.Reason == RemovalReasons.Spillover);
        ReasonOf(article, "log in or register").Should().Be(RemovalReasons.Login);
        ReasonOf(article, "Заголовок открываемого материала").Should().Be(RemovalReasons.ForeignScript);
        Body(article).Should().NotContain("18th round").And.NotContain("Sputnik International").And.NotContain("Subscribe")
            .And.NotContain("MOSCOW (Sputnik)");
    }
}
