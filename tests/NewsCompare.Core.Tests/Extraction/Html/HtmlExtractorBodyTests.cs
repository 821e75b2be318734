using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Html;
using static NewsCompare.Core.Tests.Extraction.Html.Pages;

namespace NewsCompare.Core.Tests.Extraction.Html;

public class HtmlExtractorBodyTests
{
    [Fact]
    public void KeepsTheArticleParagraphsInReadingOrder()
    {
        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body))));

        article.Paragraphs.Should().Equal(Body);
    }

    [Fact]
    public void ChoosesTheArticleOverALongerCommentThreadAndRelatedList()
    {
        var comments = string.Concat(Enumerable.Range(1, 3).Select(i =>
            $"<div class=\"comment\"><p>Reader {i} wrote: I cross that bridge every day and, frankly, it has been shaking for years now.</p></div>"));
        var related = """
            <div class="related-stories"><h2>Related</h2><ul>
              <li><a href="/x">Bridge inspections to be doubled, says minister in statement</a></li>
              <li><a href="/y">Lorry drivers protest over fuel prices in the city centre</a></li>
            </ul></div>
            """;
        var page = Shell(Article(Paragraphs(Body)) + related + $"<section id=\"comments\">{comments}</section>");

        var article = HtmlExtractor.Extract(page);

        article.Paragraphs.Should().Equal(Body);
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Comments && r.Text.Contains("Reader 1 wrote"));
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Spillover && r.Text.Contains("Bridge inspections"));
    }

    [Fact]
    public void RecordsMenusSidebarAndFooterAsRemovedWithTheirReasons()
    {
        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body))));

        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Navigation && r.Text.Contains("Home"));
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Spillover && r.Text.Contains("Storm warning"));
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Footer && r.Text.Contains("Privacy policy"));
        article.Paragraphs.Should().NotContain(p => p.Contains("Storm warning") || p.Contains("Privacy"));
    }

    [Fact]
    public void SendsFigureCaptionsToCaptionsNotTheBody()
    {
        var inner = Paragraphs(Body[0], Body[1])
                    + "<figure><img src=\"bridge.jpg\" alt=\"\"><figcaption>The bridge seen from the north bank. Photo: J. Smith</figcaption></figure>"
                    + Paragraphs(Body[2], Body[3]);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Captions.Should().ContainSingle().Which.Should().Be("The bridge seen from the north bank. Photo: J. Smith");
        article.Paragraphs.Should().Equal(Body);
    }

    [Fact]
    public void KeepsABodyWhoseWrapperIsNamedLikeChromeOrCaptions()
    {
        var page = Shell($"<article><h1>Harbour bridge to close to lorries</h1><div class=\"story has-captions\"><div class=\"share-enabled\">{Paragraphs(Body)}</div></div></article>");

        var article = HtmlExtractor.Extract(page);

        article.Paragraphs.Should().Equal(Body);
        article.Captions.Should().BeEmpty();
    }

    [Fact]
    public void KeepsGalleryButtonsAndCountersOutOfTheCaptions()
    {
        var gallery = "<figure class=\"gallery\"><img src=\"a.jpg\"><button>Close</button><span>Image 1 of 12</span>"
                      + "<figcaption>Lorries queue at the harbour bridge.</figcaption><span class=\"credit\">Getty Images</span></figure>";

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body[0], Body[1]) + gallery + Paragraphs(Body[2], Body[3]))));

        article.Captions.Should().Equal("Lorries queue at the harbour bridge.", "Getty Images");
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Widget && r.Text.Contains("Image 1 of 12"));
    }

    [Fact]
    public void SendsCreditLinesSetAsParagraphsToCaptions()
    {
        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs([Body[0], "Photo: Jane Smith / Daily Example", .. Body[1..]]))));

        article.Paragraphs.Should().Equal(Body);
        article.Captions.Should().Equal("Photo: Jane Smith / Daily Example");
    }

    [Fact]
    public void DropsAnAuthorBiographyAtTheFootOfTheArticle()
    {
        var bio = "<div class=\"author-bio\"><p>Jane Doe covers transport for the Daily Example. She previously reported on city politics, housing and the port, and has won two regional awards.</p></div>";

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body) + bio)));

        article.Paragraphs.Should().Equal(Body);
        article.Removed.Should().Contain(r => r.Text.StartsWith("Jane Doe covers transport"));
    }

    [Fact]
    public void DropsShareBarsAndNewsletterBoxesInsideTheBodyWithReasons()
    {
        var inner = "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>"
                    + Paragraphs(Body[0], Body[1])
                    + "<div class=\"newsletter-signup\"><p>Get the morning briefing in your inbox every day.</p><form><input type=\"email\"><button>Sign me up</button></form></div>"
                    + Paragraphs(Body[2], Body[3]);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal(Body);
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Share && r.Text.Contains("Share on Facebook"));
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Share && r.Text.Contains("morning briefing"));
    }

    [Fact]
    public void DropsAdvertLabelsAndReadMoreLinesBetweenParagraphs()
    {
        var inner = Paragraphs(Body[0]) + "<div class=\"ad-slot\"><span>Advertisement</span></div>" + Paragraphs(Body[1])
                    + "<p><strong>Read more:</strong> <a href=\"/z\">Why the harbour matters to the city</a></p>" + Paragraphs(Body[2], Body[3]);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal(Body);
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Advert && r.Text == "Advertisement");
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Spillover && r.Text.StartsWith("Read more:"));
    }

    [Fact]
    public void KeepsProseThatOpensWithAWordUsedForLabels()
    {
        var prose = "Comments by the minister on Monday angered the unions, who called for a strike.";
        var subscribers = "Subscribers to the ferry pass will get a refund.";

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs([.. Body, prose, subscribers]))));

        article.Paragraphs.Should().EndWith([prose, subscribers]);
    }

    [Fact]
    public void NeverLetsScriptsOrStylesIntoTheText()
    {
        var inner = "<script>var secret = 'tracking-code-123';</script><style>.x{color:red}</style>"
                    + Paragraphs(Body) + "<noscript>Please enable JavaScript to see comments.</noscript><script type=\"text/template\">{{template}}</script>";

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        var everything = string.Join("\n", article.Paragraphs.Concat(article.Captions).Concat(article.Removed.Select(r => r.Text)));
        everything.Should().NotContain("tracking-code").And.NotContain("color:red").And.NotContain("{{template}}").And.NotContain("enable JavaScript");
        article.Paragraphs.Should().Equal(Body);
    }

    [Fact]
    public void KeepsSubheadsListsAndQuotesInsideTheBody()
    {
        var inner = Paragraphs(Body[0], Body[1]) + "<h2>What happens next</h2>"
                    + "<ul><li>Lorries will be diverted over the ring road bridge.</li><li>Buses and cars may still cross.</li></ul>"
                    + "<blockquote><p>We had no choice, the safety of drivers comes first.</p></blockquote>" + Paragraphs(Body[2], Body[3]);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal(Body[0], Body[1], "What happens next", "Lorries will be diverted over the ring road bridge.",
            "Buses and cars may still cross.", "We had no choice, the safety of drivers comes first.", Body[2], Body[3]);
    }

    [Fact]
    public void NormalisesWhitespaceAndDecodesEntities()
    {
        var inner = "<p>The   council&nbsp;said &quot;no&quot;\n   to the plan &amp; the&#8230; budget, officials confirmed on Monday afternoon.</p>" + Paragraphs(Body);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs[0].Should().Be("The council said \"no\" to the plan & the… budget, officials confirmed on Monday afternoon.");
    }

    [Fact]
    public void SplitsTheDatelineOffTheFirstParagraph()
    {
        var first = "LONDON (Reuters) - " + Body[0];

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs([first, .. Body[1..]]))));

        article.Dateline.Should().Be("LONDON (Reuters)");
        article.Paragraphs[0].Should().Be(Body[0]);
    }

    [Theory]
    [InlineData("(CNN) ", "(CNN)")]
    [InlineData("(Bloomberg) -- ", "(Bloomberg)")]
    [InlineData("WASHINGTON, March 3 (Reuters) - ", "WASHINGTON, March 3 (Reuters)")]
    [InlineData("NEW YORK — ", "NEW YORK")]
    public void SplitsDatelinesInTheirCommonForms(string opening, string dateline)
    {
        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs([opening + Body[0], .. Body[1..]]))));

        article.Dateline.Should().Be(dateline);
        article.Paragraphs[0].Should().Be(Body[0]);
    }

    [Fact]
    public void LeavesAnOrdinaryFirstSentenceWithADashAlone()
    {
        var first = "The plan - drawn up last year - " + Body[0];

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs([first, .. Body[1..]]))));

        article.Dateline.Should().BeNull();
        article.Paragraphs[0].Should().Be(first);
    }

    [Fact]
    public void ReadsADataTableRowByRow()
    {
        var table = "<table><tr><th>Bridge</th><th>Opened</th><th>Status</th></tr><tr><td>Harbour</td><td>1931</td><td>Closed to lorries</td></tr>"
                    + "<tr><td>Ring road</td><td>1978</td><td>Open</td></tr></table>";

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body[0], Body[1]) + table + Paragraphs(Body[2], Body[3]))));

        article.Paragraphs.Should().ContainInOrder("Bridge Opened Status", "Harbour 1931 Closed to lorries", "Ring road 1978 Open");
    }

    [Fact]
    public void FindsTheBodyInLineBreakSeparatedText()
    {
        var inner = $"<div class=\"story\">{Body[0]}<br><br>{Body[1]}<br><br>{Body[2]}<br><br>{Body[3]}</div>";

        var article = HtmlExtractor.Extract(Shell(inner));

        article.Paragraphs.Should().Equal(Body);
    }

    [Fact]
    public void DropsUnnamedTeaserCardsThatFollowTheArticle()
    {
        var cards = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"<div><a href=\"/t{i}\"><img src=\"t{i}.jpg\"></a><a href=\"/t{i}\">Teaser {i}</a><span>A short blurb about another story.</span></div>"));
        var inner = Paragraphs(Body) + $"<div><h2>Most popular</h2>{cards}</div>";

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal(Body);
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Spillover && r.Text.Contains("Teaser 1"));
    }

    [Fact]
    public void DropsAListOfOtherStoriesEvenWhenEachItemAddsUnlinkedWords()
    {
        var list = "<h3>More great stories</h3><ul><li>Storm warning: <a href=\"/1\">coast braces for high winds</a></li>"
                   + "<li>Schools: <a href=\"/2\">term dates moved after consultation</a></li><li>Transport: <a href=\"/3\">new bus routes for the north</a></li></ul>";

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body) + list)));

        article.Paragraphs.Should().Equal(Body);
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Spillover && r.Text.Contains("coast braces for high winds"));
    }

    [Fact]
    public void DropsTheHeadingThatIntroducesADroppedBoxButKeepsRealSubheads()
    {
        var related = "<h2>Read these next</h2><div class=\"related\"><a href=\"/1\">Storm warning for the coast</a> <a href=\"/2\">School dates moved</a></div>";
        var inner = Paragraphs(Body[0], Body[1]) + related + "<h2>What happens next</h2>" + Paragraphs(Body[2], Body[3]);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal(Body[0], Body[1], "What happens next", Body[2], Body[3]);
        article.Removed.Should().Contain(r => r.Reason == RemovalReasons.Spillover && r.Text.Contains("Read these next"));
    }

    [Fact]
    public void KeepsRemovedLinesInPageOrder()
    {
        var inner = Paragraphs(Body) + "<h2>What readers say</h2>";

        var removed = HtmlExtractor.Extract(Shell(Article(inner))).Removed.Select(r => r.Text).ToList();

        removed.FindIndex(t => t.Contains("Home")).Should().BeLessThan(removed.FindIndex(t => t.Contains("What readers say")));
        removed.FindIndex(t => t.Contains("What readers say")).Should().BeLessThan(removed.FindIndex(t => t.Contains("Storm warning")));
        removed.FindIndex(t => t.Contains("Storm warning")).Should().BeLessThan(removed.FindIndex(t => t.Contains("Privacy policy")));
    }

    [Fact]
    public void KeepsABulletListWithoutLinks()
    {
        var list = "<ul><li>Lorries over 7.5 tonnes are banned.</li><li>Buses may still cross.</li><li>Cyclists are not affected.</li></ul>";

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body[0], Body[1]) + list + Paragraphs(Body[2], Body[3]))));

        article.Paragraphs.Should().Contain("Buses may still cross.");
    }

    [Fact]
    public void KeepsAPhotoGalleryCaptionedWithoutLinks()
    {
        var gallery = string.Concat(Enumerable.Range(1, 3).Select(i => $"<figure><img src=\"g{i}.jpg\"><figcaption>Gallery photo {i} of the bridge</figcaption></figure>"));

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body[0], Body[1]) + $"<div>{gallery}</div>" + Paragraphs(Body[2], Body[3]))));

        article.Paragraphs.Should().Equal(Body);
        article.Captions.Should().Equal("Gallery photo 1 of the bridge", "Gallery photo 2 of the bridge", "Gallery photo 3 of the bridge");
    }

    [Fact]
    public void DropsTextHiddenFromReaders()
    {
        var inner = "<p style=\"display: none\">Hidden teaser text that readers never see on the page at all.</p>"
                    + "<span class=\"sr-only\">Skip to the next section</span>" + Paragraphs(Body);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Paragraphs.Should().Equal(Body);
    }
}
