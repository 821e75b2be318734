using NewsCompare.Core.Extraction;
using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Tests.Metadata;

public sealed class MetadataResolverTests
{
    private static readonly string[] Body =
    [
        "The council met on Tuesday and agreed to widen the programme to every district in the region.",
        "Officials said the decision would take effect next month and that the budget had been approved.",
    ];

    private static ResolvedMetadata Resolve(ExtractedArticle article, string? url = null, string? outlet = null, DateOnly? published = null,
        IReadOnlyList<string>? edges = null) =>
        MetadataResolver.Resolve(new MetadataInput
        {
            Article = article,
            ManifestUrl = url,
            ManifestOutlet = outlet,
            ManifestPublished = published,
            EdgeLines = edges ?? [],
        }, OutletRegistry.Default);

    private static ExtractedArticle Article(PageHints? hints = null, string? dateline = null, IEnumerable<RemovedLine>? removed = null,
        IEnumerable<string>? captions = null, string? byline = null, string? headline = "Council widens programme") => new()
    {
        Headline = headline,
        Byline = byline,
        Dateline = dateline,
        Paragraphs = Body,
        Captions = captions?.ToList() ?? [],
        Removed = removed?.ToList() ?? [],
        Hints = hints ?? PageHints.None,
    };

    [Fact]
    public void PrefersTheManifestAddressToThePagesOwn()
    {
        var hints = new PageHints { CanonicalUrl = "https://example.com/canonical", SavedFromUrl = "https://example.com/saved" };
        Resolve(Article(hints), url: "https://example.com/manifest").Url.Should().Be(new Sourced<string>("https://example.com/manifest", "manifest"));
        Resolve(Article(hints)).Url.Should().Be(new Sourced<string>("https://example.com/canonical", "html:canonical"));
        Resolve(Article(new PageHints { SavedFromUrl = "https://example.com/saved" })).Url.Should().Be(new Sourced<string>("https://example.com/saved", "html:saved-from"));
        Resolve(Article(), url: "not an address").Url.Should().BeNull();
    }

    [Fact]
    public void NamesTheSiteThroughTheRegistryOrKeepsItsHost()
    {
        Resolve(Article(), url: "https://edition.cnn.com/2024/01/02/world/story").Site.Should().Be(new Sourced<string>("CNN", "url-host"));
        Resolve(Article(), url: "https://www.small-town-gazette.example/story").Site.Should().Be(new Sourced<string>("small-town-gazette.example", "url-host"));
    }

    [Fact]
    public void TakesTheOutletFromTheManifestThenThePageThenTheHost()
    {
        var hints = new PageHints { SiteName = "The Guardian" };
        Resolve(Article(hints), url: "https://www.theguardian.com/x", outlet: "Guardian News").Outlet.Should().Be(new Sourced<string>("Guardian News", "manifest"));
        Resolve(Article(hints), url: "https://unknown.example/x").Outlet.Should().Be(new Sourced<string>("The Guardian", "html:og:site_name"));
        Resolve(Article(), url: "https://www.theguardian.com/x").Outlet.Should().Be(new Sourced<string>("The Guardian", "url-host"));
    }

    [Fact]
    public void NormalisesAKnownOutletNameFromTheManifest() =>
        Resolve(Article(), outlet: "afp").Outlet.Should().Be(new Sourced<string>("Agence France-Presse", "manifest"));

    [Fact]
    public void FindsTheOutletInASignatureLineWhenTheHostIsUnknown()
    {
        var removed = new[] { new RemovedLine("Press TV’s website can also be accessed at the following alternate addresses:", RemovalReasons.Footer) };
        Resolve(Article(removed: removed), url: "https://unknown.example/x").Outlet.Should().Be(new Sourced<string>("Press TV", "text:signature"));
    }

    [Fact]
    public void FallsBackToTheHostWhenNothingNamesTheOutlet() =>
        Resolve(Article(), url: "https://news.unknown.example/x").Outlet.Should().Be(new Sourced<string>("news.unknown.example", "url-host"));

    [Fact]
    public void KeepsBothTheMirrorSiteAndTheOriginalOutletOfAMirroredPage()
    {
        var removed = new[] { new RemovedLine("CTVNews.ca Top Stories", RemovalReasons.Spillover) };

        var meta = Resolve(Article(removed: removed), url: "http://mirror-site.example/world/story-1.6282482");

        meta.Site.Should().Be(new Sourced<string>("mirror-site.example", "url-host"));
        meta.Origin.Should().Be(new Sourced<string>("CTV News", "text:signature"));
        meta.Outlet!.Value.Should().Be("CTV News");
    }

    [Fact]
    public void CreditsAWireStoryOnAKnownSiteToTheAgencyInTheDateline()
    {
        var meta = Resolve(Article(dateline: "MOSCOW (Reuters) -"), url: "https://www.cnn.com/2024/01/02/world/story");

        meta.Outlet.Should().Be(new Sourced<string>("CNN", "url-host"));
        meta.Origin.Should().Be(new Sourced<string>("Reuters", "text:dateline"));
    }

    [Fact]
    public void GivesNoOriginWhenTheTextCreditsTheSiteItself()
    {
        var meta = Resolve(Article(dateline: "MOSCOW (Sputnik) -", removed: [new RemovedLine("- Sputnik International, 1920", RemovalReasons.Navigation)]),
            url: "https://sputnikglobe.com/20230919/story-1113488676.html");

        meta.Outlet.Should().Be(new Sourced<string>("Sputnik", "url-host"));
        meta.Origin.Should().BeNull();
    }

    [Fact]
    public void ReadsSignaturesInTheShortHeaderAndFooterLinesOfAPlainCapture()
    {
        var meta = Resolve(Article(), edges: ["- Sputnik International, 1920", "World", "Get the latest news from around the world."]);
        meta.Outlet.Should().Be(new Sourced<string>("Sputnik", "text:signature"));
        meta.Origin.Should().Be(new Sourced<string>("Sputnik", "text:signature"));
    }

    [Fact]
    public void IgnoresOutletNamesInsideTheArticlesOwnSentences()
    {
        var article = Article() with { Paragraphs = ["Patrushev said so, according to a statement cited by the Reuters news agency and the BBC on Tuesday."] };
        var meta = Resolve(article, url: "https://unknown.example/x");
        meta.Origin.Should().BeNull();
        meta.Outlet!.Value.Should().Be("unknown.example");
    }

    [Fact]
    public void DoesNotTakeAnOrdinaryWordForAnOutletOfThatName()
    {
        var removed = new[] { new RemovedLine("Read Time:1 Minute, 37 Second", RemovalReasons.Widget), new RemovedLine("The Sun is shining", RemovalReasons.Furniture) };
        Resolve(Article(removed: removed), url: "https://unknown.example/x").Origin.Should().BeNull();
    }

    [Theory]
    [InlineData("https://www.presstv.ir/Detail/2023/02/21/698635/Story", "2023-02-21")]
    [InlineData("https://sputnikglobe.com/20230919/story-1113488676.html", "2023-09-19")]
    [InlineData("https://example.com/news/2023-09-19/story", "2023-09-19")]
    [InlineData("https://example.com/2023/9/1/story", "2023-09-01")]
    public void ReadsTheDateInTheAddresssPath(string url, string expected) =>
        Resolve(Article(), url: url).Published.Should().Be(new Sourced<DateOnly>(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), "url-path"));

    [Theory]
    [InlineData("https://example.com/2023/02/story")]
    [InlineData("https://example.com/story-1113488676")]
    [InlineData("https://example.com/2023/13/45/story")]
    public void FindsNoDateInAnAddressWithoutAFullOne(string url) => Resolve(Article(), url: url).Published.Should().BeNull();

    [Fact]
    public void PrefersTheManifestDateThenThePagesOwnThenTheAddress()
    {
        var hints = new PageHints { Published = new DateOnly(2023, 2, 20), PublishedSource = "html:article:published_time" };
        const string url = "https://example.com/2023/02/21/story";
        Resolve(Article(hints), url: url, published: new DateOnly(2023, 2, 19)).Published.Should().Be(new Sourced<DateOnly>(new DateOnly(2023, 2, 19), "manifest"));
        Resolve(Article(hints), url: url).Published.Should().Be(new Sourced<DateOnly>(new DateOnly(2023, 2, 20), "html:article:published_time"));
        Resolve(Article(), url: url).Published.Should().Be(new Sourced<DateOnly>(new DateOnly(2023, 2, 21), "url-path"));
    }

    [Fact]
    public void ReadsTheDateStampThatClosesTheArticlesCaption()
    {
        var captions = new[] { "Secretary of the Security Council, right, and the visiting minister - Example Agency, 19.09.2023" };
        Resolve(Article(captions: captions)).Published.Should().Be(new Sourced<DateOnly>(new DateOnly(2023, 9, 19), "text:caption"));
    }

    [Fact]
    public void ReadsADateInTheBylineOrDateline()
    {
        Resolve(Article(byline: "By Jane Doe | September 19, 2023")).Published.Should().Be(new Sourced<DateOnly>(new DateOnly(2023, 9, 19), "text:byline"));
        Resolve(Article(dateline: "LONDON, 3 March 2024 -")).Published.Should().Be(new Sourced<DateOnly>(new DateOnly(2024, 3, 3), "text:dateline"));
    }

    [Fact]
    public void NeverTakesAnOlderEventInACaptionForThePublicationDate()
    {
        var captions = new[] { "The two ministers meet ahead of a G20 event in Bali in July, 2022. (Photo by EPA)" };
        var article = Article(captions: captions) with { Paragraphs = [.. captions, .. Body] };
        Resolve(article).Published.Should().BeNull();
    }

    [Fact]
    public void LeavesTheDateUnknownWhenNothingStatesIt() => Resolve(Article()).Published.Should().BeNull();

    [Fact]
    public void TakesTheLanguageThePageDeclaresElseDetectsIt()
    {
        Resolve(Article(new PageHints { Language = "FR" })).Language.Should().Be(new Sourced<string>("fr", "html:lang"));
        Resolve(Article(new PageHints { Language = "pt-BR" })).Language.Should().Be(new Sourced<string>("pt", "html:lang"));
        Resolve(Article(new PageHints { Language = "{{lang}}" })).Language.Should().Be(new Sourced<string>("en", "detected"));
        Resolve(Article()).Language.Should().Be(new Sourced<string>("en", "detected"));
    }

    [Fact]
    public void TakesTheHeadlineAndBylineFromTheExtractionElseThePageMetadata()
    {
        var hints = new PageHints { Title = "Title tag", Author = "Jane Doe" };
        var meta = Resolve(Article(hints, headline: null));
        meta.Headline.Should().Be(new Sourced<string>("Title tag", "html:title"));
        meta.Byline.Should().Be(new Sourced<string>("Jane Doe", "html:author"));
        var extracted = Resolve(Article(hints, byline: "By John Roe"));
        extracted.Headline.Should().Be(new Sourced<string>("Council widens programme", "extraction"));
        extracted.Byline.Should().Be(new Sourced<string>("By John Roe", "extraction"));
    }
}
