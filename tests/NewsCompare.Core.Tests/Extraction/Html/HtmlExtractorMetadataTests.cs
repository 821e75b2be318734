using NewsCompare.Core.Extraction.Html;
using static NewsCompare.Core.Tests.Extraction.Html.Pages;

namespace NewsCompare.Core.Tests.Extraction.Html;

public class HtmlExtractorMetadataTests
{
    [Fact]
    public void TakesTheHeadlineFromTheH1ThatMatchesTheTitle()
    {
        var page = Shell("<div class=\"logo\"><h1>The Daily Example</h1></div>" + Article(Paragraphs(Body)));

        var article = HtmlExtractor.Extract(page);

        article.Headline.Should().Be("Harbour bridge to close to lorries");
        article.Paragraphs.Should().NotContain("Harbour bridge to close to lorries");
    }

    [Theory]
    [InlineData("Harbour bridge to close to lorries | The Daily Example")]
    [InlineData("Harbour bridge to close to lorries - The Daily Example")]
    [InlineData("Harbour bridge to close to lorries – Local news – The Daily Example")]
    [InlineData("The Daily Example | Harbour bridge to close to lorries")]
    public void StripsTheSiteNameFromTheTitleWhenThereIsNoHeading(string title)
    {
        var page = $"<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"The Daily Example\"></head>"
                   + $"<body><div class=\"content\">{Paragraphs(Body)}</div></body></html>";

        var article = HtmlExtractor.Extract(page);

        article.Headline.Should().Be("Harbour bridge to close to lorries");
        article.Hints.Title.Should().Be(title);
    }

    [Fact]
    public void KeepsATitleWhoseDashIsPartOfTheHeadline()
    {
        var page = $"<html><head><title>Smith - Jones merger approved</title></head><body><div>{Paragraphs(Body)}</div></body></html>";

        HtmlExtractor.Extract(page).Headline.Should().Be("Smith - Jones merger approved");
    }

    [Fact]
    public void ReadsOpenGraphAndLinkTagsIntoHints()
    {
        var head = """
            <meta property="og:title" content="Harbour bridge to close to lorries">
            <meta property="og:site_name" content="The Daily Example">
            <meta property="og:url" content="https://example.org/news/bridge?utm=x">
            <link rel="canonical" href="https://example.org/news/bridge">
            <meta property="og:locale" content="fr_FR">
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2024-03-05T22:30:00-05:00">
            """;

        var hints = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), head)).Hints;

        hints.Title.Should().Be("Harbour bridge to close to lorries");
        hints.SiteName.Should().Be("The Daily Example");
        hints.CanonicalUrl.Should().Be("https://example.org/news/bridge");
        hints.Author.Should().Be("Jane Doe");
        hints.Published.Should().Be(new DateOnly(2024, 3, 5));
        hints.PublishedSource.Should().Be("html:article:published_time");
        hints.Language.Should().Be("en", "the html element's lang wins over og:locale");
    }

    [Fact]
    public void ReadsTheLanguageFromOgLocaleWhenTheHtmlElementStatesNone()
    {
        var page = $"<html><head><meta property=\"og:locale\" content=\"pt_BR\"></head><body><div>{Paragraphs(Body)}</div></body></html>";

        HtmlExtractor.Extract(page).Hints.Language.Should().Be("pt");
    }

    [Fact]
    public void ReadsTheSiteNameFromApplicationNameAsALastResort()
    {
        var hints = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), "<meta name=\"application-name\" content=\"Daily Example\">")).Hints;

        hints.SiteName.Should().Be("Daily Example");
    }

    [Fact]
    public void PrefersTheJsonLdPublisherToApplicationName()
    {
        var head = """
            <meta name="application-name" content="Example Reader App">
            <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"The Daily Example"}}</script>
            """;

        HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), head)).Hints.SiteName.Should().Be("The Daily Example");
    }

    [Fact]
    public void MakesARelativeCanonicalLinkAbsolute()
    {
        var head = "<link rel=\"canonical\" href=\"/news/bridge\"><meta property=\"og:url\" content=\"https://example.org/news/bridge?ref=rss\">";

        HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), head)).Hints.CanonicalUrl.Should().Be("https://example.org/news/bridge");
    }

    [Fact]
    public void PrefersTheArticleAuthorInJsonLdOverAPublisherInTheAuthorMetaTag()
    {
        var head = """
            <meta name="author" content="Example Media Group">
            <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Doe"}}</script>
            """;

        HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), head)).Hints.Author.Should().Be("Jane Doe");
    }

    [Fact]
    public void FallsBackToOgUrlWhenThereIsNoCanonicalLink()
    {
        var head = "<meta property=\"og:url\" content=\"https://example.org/news/bridge\">";

        HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), head)).Hints.CanonicalUrl.Should().Be("https://example.org/news/bridge");
    }

    [Fact]
    public void ReadsTheSavedFromUrlComment()
    {
        var page = Shell(Article(Paragraphs(Body)), beforeHtml: "<!-- saved from url=(0036)https://example.org/news/bridge.html -->\n");

        HtmlExtractor.Extract(page).Hints.SavedFromUrl.Should().Be("https://example.org/news/bridge.html");
    }

    [Fact]
    public void ReadsJsonLdInsideAGraph()
    {
        var head = """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example Web"},
              {"@type":["NewsArticle"],"headline":"Harbour bridge to close","datePublished":"2024-02-29T08:00:00Z",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Ali Khan"}],
               "publisher":{"@type":"Organization","name":"The Daily Example"}}
            ]}
            </script>
            """;

        var hints = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), head)).Hints;

        hints.Published.Should().Be(new DateOnly(2024, 2, 29));
        hints.PublishedSource.Should().Be("html:json-ld");
        hints.Author.Should().Be("Jane Doe, Ali Khan");
        hints.SiteName.Should().Be("The Daily Example");
    }

    [Fact]
    public void ReadsJsonLdGivenAsAList()
    {
        var head = """
            <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","datePublished":"2023-11-02","author":"Sam Lee"}]</script>
            """;

        var hints = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), head)).Hints;

        hints.Published.Should().Be(new DateOnly(2023, 11, 2));
        hints.Author.Should().Be("Sam Lee");
    }

    [Fact]
    public void FindsJsonLdAnywhereInThePageButNotInsideOtherScripts()
    {
        var head = "<script>var kind = 'application/ld+json'; var fake = {\"datePublished\":\"1999-01-01\"};</script>";
        var inBody = "<script data-id=\"x\" type='Application/LD+JSON'>{\"@type\":\"Article\",\"datePublished\":\"2024-06-30\"}</script>";

        var hints = HtmlExtractor.Extract(Shell(Article(inBody + Paragraphs(Body)), head)).Hints;

        hints.Published.Should().Be(new DateOnly(2024, 6, 30));
        hints.PublishedSource.Should().Be("html:json-ld");
    }

    [Fact]
    public void IgnoresBrokenJsonLd()
    {
        var head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\", \"datePublished\": </script>";

        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), head));

        article.Hints.Published.Should().BeNull();
        article.Paragraphs.Should().Equal(Body);
    }

    [Fact]
    public void TakesTheDateFromATimeElementWhenNoMetaStatesIt()
    {
        var inner = "<p class=\"meta\"><time datetime=\"2022-07-14T09:00\">14 July 2022</time></p>" + Paragraphs(Body);

        var article = HtmlExtractor.Extract(Shell(Article(inner)));

        article.Hints.Published.Should().Be(new DateOnly(2022, 7, 14));
        article.Hints.PublishedSource.Should().Be("html:time");
        article.Paragraphs.Should().Equal(Body);
    }

    [Fact]
    public void PrefersTheArticlesTimeElementToOneInALatestNewsList()
    {
        var latest = "<div class=\"latest\"><a href=\"/old\">Older story</a> <time datetime=\"2019-01-01\">1 Jan</time></div>";
        var inner = "<p class=\"meta\"><time datetime=\"2022-07-14\">14 July 2022</time></p>" + Paragraphs(Body);

        var hints = HtmlExtractor.Extract(Shell(latest + Article(inner))).Hints;

        hints.Published.Should().Be(new DateOnly(2022, 7, 14));
    }

    [Fact]
    public void ReadsMicrodataDatePublished()
    {
        var inner = "<meta itemprop=\"datePublished\" content=\"2021-01-09\">" + Paragraphs(Body);

        var hints = HtmlExtractor.Extract(Shell(Article(inner))).Hints;

        hints.Published.Should().Be(new DateOnly(2021, 1, 9));
    }

    [Fact]
    public void ReadsDublinCoreDates()
    {
        var hints = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), "<meta name=\"DC.date.issued\" content=\"2020-05-17\">")).Hints;

        hints.Published.Should().Be(new DateOnly(2020, 5, 17));
        hints.PublishedSource.Should().Be("html:dc.date.issued");
    }

    [Fact]
    public void TakesThePrintedBylineAndLeavesItOutOfTheBody()
    {
        var page = Shell($"""
            <article><h1>Harbour bridge to close to lorries</h1>
            <div class="byline">By <a rel="author" href="/staff/jane">Jane Doe</a>, Transport Correspondent</div>
            <div class="article-body">{Paragraphs(Body)}</div></article>
            """);

        var article = HtmlExtractor.Extract(page);

        article.Byline.Should().Be("By Jane Doe, Transport Correspondent");
        article.Paragraphs.Should().Equal(Body);
    }

    [Fact]
    public void KeepsBylinePartsThatOnlyStylingSeparatesApart()
    {
        var page = Shell($"""
            <article><h1>Harbour bridge to close to lorries</h1>
            <div class="byline"><span>By Jane Doe</span><span>Daily Example</span></div>
            <div class="article-body">{Paragraphs(Body)}</div></article>
            """);

        HtmlExtractor.Extract(page).Byline.Should().Be("By Jane Doe Daily Example");
    }

    [Fact]
    public void KeepsANameWhoseLastLetterIsStyledSeparately()
    {
        var page = Shell($"""
            <article><h1>Harbour bridge to close to lorries</h1>
            <div class="byline"><a href="/staff/jane">Jane Do<span class="last-letter">e</span></a></div>
            <div class="article-body">{Paragraphs(Body)}</div></article>
            """);

        HtmlExtractor.Extract(page).Byline.Should().Be("Jane Doe");
    }

    [Fact]
    public void FallsBackToTheMetaAuthorForTheByline()
    {
        var article = HtmlExtractor.Extract(Shell(Article(Paragraphs(Body)), "<meta name=\"author\" content=\"Jane Doe\">"));

        article.Byline.Should().Be("Jane Doe");
    }

    [Fact]
    public void TakesTheStandfirstUnderTheHeadline()
    {
        var page = Shell($"""
            <article><header><h1>Harbour bridge to close to lorries</h1>
            <p class="standfirst">Engineers found corrosion in the steel supports, and repairs will take two years.</p></header>
            <div class="article-body">{Paragraphs(Body)}</div></article>
            """);

        var article = HtmlExtractor.Extract(page);

        article.Standfirst.Should().Be("Engineers found corrosion in the steel supports, and repairs will take two years.");
        article.Paragraphs.Should().Equal(Body);
    }

    [Fact]
    public void TakesTheDescriptionAsStandfirstOnlyWhenItSitsUnderTheHeadline()
    {
        var description = "Engineers found corrosion in the steel supports, and repairs will take two years.";
        var head = $"<meta property=\"og:description\" content=\"{description}\">";
        var underHeadline = Shell($"<article><h1>Harbour bridge to close to lorries</h1><h2>{description}</h2><div class=\"article-body\">{Paragraphs(Body)}</div></article>", head);
        var asFirstParagraph = Shell(Article(Paragraphs([description, .. Body])), head);

        HtmlExtractor.Extract(underHeadline).Standfirst.Should().Be(description);
        var lede = HtmlExtractor.Extract(asFirstParagraph);
        lede.Standfirst.Should().BeNull();
        lede.Paragraphs[0].Should().Be(description);
    }
}
