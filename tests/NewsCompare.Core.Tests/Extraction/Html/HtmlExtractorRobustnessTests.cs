using System.Text;
using NewsCompare.Core.Extraction.Html;
using static NewsCompare.Core.Tests.Extraction.Html.Pages;

namespace NewsCompare.Core.Tests.Extraction.Html;

public class HtmlExtractorRobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("<")]
    [InlineData("<html")]
    [InlineData("<!-- saved from url=(0010)")]
    [InlineData("<html><head><title></title></head></html>")]
    [InlineData("<script>")]
    [InlineData("<table><tr><td><table><tr>")]
    [InlineData("\0\0\u0001<p>\uFFFF\uD800</p>")]
    [InlineData("<meta property=\"article:published_time\" content=\"not a date\"><time datetime=\"0000-99-99\">")]
    public void ReturnsAnArticleForBrokenOrEmptyMarkup(string html)
    {
        var act = () => HtmlExtractor.Extract(html);

        act.Should().NotThrow().Which.Should().NotBeNull();
    }

    [Fact]
    public void ReturnsNothingForAnEmptyPage()
    {
        var article = HtmlExtractor.Extract("");

        article.Paragraphs.Should().BeEmpty();
        article.Headline.Should().BeNull();
    }

    [Fact]
    public void ExtractsWhatItCanFromATruncatedPage()
    {
        var full = Shell(Article(Paragraphs(Body)));
        var truncated = full[..full.IndexOf(Body[3], StringComparison.Ordinal)] + Body[3][..40];

        var article = HtmlExtractor.Extract(truncated);

        article.Headline.Should().Be("Harbour bridge to close to lorries");
        article.Paragraphs.Should().StartWith(Body[..3]);
    }

    [Fact]
    public void ReadsTextWithoutAnyMarkup()
    {
        var article = HtmlExtractor.Extract(string.Join("\n", Body));

        article.Paragraphs.Should().ContainSingle().Which.Should().StartWith("The city council voted");
    }

    [Fact]
    public void SurvivesVeryDeepNesting()
    {
        var depth = 20_000;
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < depth; i++) html.Append("<div>");
        html.Append(Paragraphs(Body));
        for (var i = 0; i < depth; i++) html.Append("</div>");
        html.Append("</body></html>");

        var article = HtmlExtractor.Extract(html.ToString());

        string.Join(" ", article.Paragraphs).Should().Contain("harbour bridge to lorries");
    }

    [Fact]
    public void SurvivesDeeplyNestedInlineMarkupInsideTheArticle()
    {
        var open = string.Concat(Enumerable.Repeat("<span><b>", 5_000));
        var close = string.Concat(Enumerable.Repeat("</b></span>", 5_000));

        var article = HtmlExtractor.Extract(Shell(Article($"<p>{open}{Body[0]}{close}</p>" + Paragraphs(Body[1..]))));

        article.Paragraphs.Should().Contain(p => p.Contains("harbour bridge to lorries"));
    }

    [Fact]
    public void CopesWithAHugePageAndCapsRemovedLines()
    {
        var menu = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<li><a href=\"/{i}\">Section {i}</a></li>"));
        var hugeFooter = new string('x', 50_000);
        var page = Shell($"<nav class=\"menu\"><ul>{menu}</ul></nav>" + Article(Paragraphs(Body)) + $"<footer><p>{hugeFooter}</p></footer>");

        var article = HtmlExtractor.Extract(page);

        article.Paragraphs.Should().Equal(Body);
        article.Removed.Should().OnlyContain(r => r.Text.Length <= 1_001);
        article.Removed.Should().Contain(r => r.Text.EndsWith('…'));
    }

    [Fact]
    public void NeverThrowsOnRandomTagSoup()
    {
        string[] pieces =
        [
            "<div class=\"content\">", "</div>", "<p>", "</p>", "<h1>", "</h1>", "<a href=\"#\">", "</a>", "<br>", "<table><tr><td>",
            "</td></tr></table>", "<figure>", "<figcaption>", "<script type=\"application/ld+json\">{\"@graph\":[", "]}</script>",
            "<meta property=\"article:published_time\" content=\"2020-02-30\">", "<time datetime=\"", "\">", "<!--", "-->",
            "&amp;", "&#x0;", "&bogus;", "<nav>", "</nav>", "<span style=\"display:none\">", "</span>", "<ul><li>", "</li>",
            "MOSCOW (Reuters) - ", "Words, words, words, and more words. ", "\u0000", "\uD83D", "<", ">", "\"", "<title>", "</title>",
        ];
        var random = new Random(20240229);
        for (var page = 0; page < 300; page++)
        {
            var html = new StringBuilder();
            var count = random.Next(1, 120);
            for (var i = 0; i < count; i++) html.Append(pieces[random.Next(pieces.Length)]);

            var act = () => HtmlExtractor.Extract(html.ToString());

            act.Should().NotThrow($"page {page} was: {html}");
        }
    }

    [Fact]
    public void NeverThrowsOnAPageCutAtAnyPoint()
    {
        var head = """
            <meta property="og:title" content="Harbour bridge"><link rel="canonical" href="/news/bridge">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-01-02","author":[{"name":"Jane Doe"}]}]}</script>
            """;
        var page = Shell(Article("<p class=\"byline\">By Jane Doe</p><figure><img src=\"x.jpg\"><figcaption>A caption</figcaption></figure>" + Paragraphs(Body)), head,
            "<!-- saved from url=(0027)https://example.org/bridge -->");

        for (var cut = 0; cut < page.Length; cut += 7)
        {
            var truncated = page[..cut];

            var act = () => HtmlExtractor.Extract(truncated);

            act.Should().NotThrow($"the page cut at {cut} was: {truncated}");
        }
    }

    [Fact]
    public void HandlesUnclosedParagraphsAndStrayEndTags()
    {
        var inner = string.Concat(Body.Select(b => "<p>" + b)) + "</span></div></div></table>";

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal(Body);
    }
}
