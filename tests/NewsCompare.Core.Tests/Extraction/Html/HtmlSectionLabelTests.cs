using NewsCompare.Core.Extraction.Html;
using static NewsCompare.Core.Tests.Extraction.Html.Pages;

namespace NewsCompare.Core.Tests.Extraction.Html;

/// <summary>Section labels and author tags around an HTML article.</summary>
public sealed class HtmlSectionLabelTests
{
    [Theory]
    [InlineData("World · Europe")]
    [InlineData("Mundo › Europa")]
    [InlineData("Welt / Europa")]
    [InlineData("Politics")]
    public void LeavesASectionLabelAboveTheArticleOutOfTheBody(string label)
    {
        var article = HtmlExtractor.Extract(Shell(Article($"<div>{label}</div>\n" + Paragraphs(Body))));

        article.Paragraphs.Should().Equal(Body);
        article.Removed.Should().Contain(r => r.Text == label);
    }

    [Theory]
    [InlineData("""<meta name="author" content="Jane Doe">""")]
    [InlineData("""<meta property="article:author" content="Jane Doe">""")]
    [InlineData("""<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Doe"}}</script>""")]
    public void TakesTheAuthorFromTheMetadataWhenThePagePrintsNoByline(string head)
    {
        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), head));

        article.Byline.Should().Be("Jane Doe");
        article.Hints.Author.Should().Be("Jane Doe");
    }
}
