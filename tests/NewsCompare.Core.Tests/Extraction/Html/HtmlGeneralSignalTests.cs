using NewsCompare.Core.Extraction.Html;
using static NewsCompare.Core.Tests.Extraction.Html.Pages;

namespace NewsCompare.Core.Tests.Extraction.Html;

/// <summary>Signals that hold on any site: repeated part classes, classes shared with prose, the shape of a credit.</summary>
public sealed class HtmlGeneralSignalTests
{
    private static readonly string[] Posts =
    [
        "Rescue teams reached the last of the flooded villages on Sunday morning, after the river fell by almost a metre overnight, and began moving the remaining families to the school in the valley, officials said, adding that nobody had been hurt.",
        "The regional government said it would pay for temporary housing, and that engineers would inspect every bridge on the valley road before it reopens to traffic, a process that could take two weeks.",
        "Farmers along the lower river said their fields would stay under water for days, and asked for help with feed for their animals, which have been moved to higher ground since Thursday.",
        "Forecasters expect more rain on Tuesday, but much less than last week, and the river authority said the new barriers at the old mill should hold, though it will keep crews on standby.",
    ];

    // A live report: each post sits five wrappers deep, and the posts share one class at the top of their stack.
    private static string LivePost(string text) => $"""
        <div class="live-post"><div class="live-post__wrapper"><div class="live-post__body"><div class="live-post__article">
          <div class="post-text"><div class="post-text__inner"><p>{text}</p></div></div>
        </div></div></div></div>
        """;

    [Fact]
    public void KeepsEveryPostOfALiveReportWhosePostsShareOneClassFarAboveTheirText()
    {
        var page = Shell($"""<div class="live-blog">{string.Concat(Posts.Select(LivePost))}</div>""");

        var article = HtmlExtractor.Extract(page);

        article.Paragraphs.Should().Equal(Posts);
    }

    [Fact]
    public void KeepsShortParagraphsNamedLikeAPaywallWhenTheArticlesProseCarriesTheSameClass()
    {
        var inner = string.Concat(Body.Select(p => $"<p class=\"paywall\">{p}</p>\n"))
                    + "<p class=\"paywall\">She laughed.</p>\n<p class=\"paywall\">“That is the whole plan!” he said.</p>\n";

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal([.. Body, "She laughed.", "“That is the whole plan!” he said."]);
    }

    [Fact]
    public void StillDropsAParagraphNamedLikeChromeWhenNoProseShareItsClass()
    {
        var inner = Paragraphs(Body) + "<p class=\"newsletter-promo\">Get our morning briefing</p>\n";

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal(Body);
    }

    [Theory]
    [InlineData("Jane Doe | AFP | Getty Images")]
    [InlineData("Juan Pérez | EFE | Archivo")]
    [InlineData("Hans Müller | DPA | Picture Alliance")]
    public void TakesANameAgencyAndArchiveBetweenBarsForAPhotoCreditInAnyLanguage(string credit)
    {
        var inner = Paragraphs(Body[0], Body[1]) + $"<p>{credit}</p>\n" + Paragraphs(Body[2], Body[3]);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal(Body);
        article.Captions.Should().Contain(credit);
    }

    [Fact]
    public void KeepsAShortLineWithBarsThatReadsAsASentence()
    {
        BodyCollector.IsPipedCredit("Prices rose | Wages fell | Rents climbed again.").Should().BeFalse();
        BodyCollector.IsPipedCredit("Jane Doe | AFP").Should().BeFalse();
        BodyCollector.IsPipedCredit("Jane Doe | AFP | Getty Images").Should().BeTrue();
    }

    [Theory]
    [InlineData("border:0;clip:rect(0 0 0 0);height:1px;margin:-1px;overflow:hidden;padding:0;position:absolute;width:1px")]
    [InlineData("position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%)")]
    public void LeavesOutTextThatOnlyScreenReadersGetInsideALink(string style)
    {
        var linked = $"The council published the <a href=\"/report\">engineers' report<span style=\"{style}\">, opens new tab</span></a> on Tuesday, and the bridge will close to lorries at the start of next month, the council said.";
        var inner = Paragraphs(Body[0], linked, Body[2]);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Contain(p => p.StartsWith("The council published the engineers' report on Tuesday", StringComparison.Ordinal));
        article.Paragraphs.Should().NotContain(p => p.Contains("opens new tab"));
    }
}
