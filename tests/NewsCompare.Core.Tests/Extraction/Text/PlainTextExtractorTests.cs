using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Text;
using static NewsCompare.Core.Tests.Extraction.Text.TextFixtures;

namespace NewsCompare.Core.Tests.Extraction.Text;

/// <summary>Each kind of clutter a plain-text capture brings, on synthetic captures around one invented article.</summary>
public sealed class PlainTextExtractorTests
{
    private static string[] Lines(string block) =>
        block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static void ShouldKeepTheWholeArticle(ExtractedArticle article)
    {
        article.Headline.Should().Be(Headline);
        article.Paragraphs.Should().Equal(Paragraphs);
    }

    private static void ShouldRemove(ExtractedArticle article, string block, string reason)
    {
        foreach (var line in Lines(block))
            article.Removed.Should().Contain(r => r.Text == line && r.Reason == reason, $"\"{line}\" is {reason}");
    }

    [Fact]
    public void DropsSkipLinksAndMenusAsNavigation()
    {
        var article = PlainTextExtractor.Extract(Capture(SkipLinksAndMenu, ""));

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, SkipLinksAndMenu, RemovalReasons.Navigation);
    }

    [Fact]
    public void DropsCopyrightNoticesWrittenInHangulOrHanAsFooter()
    {
        const string notices = "Bridgeton Times 무단전재 및 재배포 금지\nBridgeton Times Online 版权所有";
        var article = PlainTextExtractor.Extract(Capture("", notices));

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, notices, RemovalReasons.Footer);
    }

    [Fact]
    public void DropsBreadcrumbsAsNavigation()
    {
        var article = PlainTextExtractor.Extract(Capture(Breadcrumbs, ""));

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, Breadcrumbs, RemovalReasons.Navigation);
    }

    [Fact]
    public void DropsShareButtonsBetweenHeadlineAndBody()
    {
        var article = PlainTextExtractor.Extract($"{SkipLinksAndMenu}\n\n{Headline}\n\n{ShareSubscribeLogin}\n\n{Body}\n");

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, "Share\nFacebook\nTwitter\nWhatsApp\nShare this article\nSubscribe to our newsletter", RemovalReasons.Share);
        ShouldRemove(article, "Sign in\nRegister", RemovalReasons.Login);
    }

    [Fact]
    public void DropsReadTimeAndKeepsTheByline()
    {
        var article = PlainTextExtractor.Extract($"{Headline}\n\nBy Jane Doe\n{ReadTime}\n\n{Body}\n");

        ShouldKeepTheWholeArticle(article);
        article.Byline.Should().Be("By Jane Doe");
        ShouldRemove(article, ReadTime, RemovalReasons.Widget);
    }

    [Fact]
    public void DropsReactionAndRatingWidgetsAfterTheBody()
    {
        var article = PlainTextExtractor.Extract(Capture("", ReactionAndRating));

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, "Like\n12\nLove\n3\nAngry\n0\nAverage Rating\n5 Star\n80%\n4 Star\n20%", RemovalReasons.Widget);
    }

    [Fact]
    public void DropsTheCommentForm()
    {
        var article = PlainTextExtractor.Extract(Capture("", CommentForm));

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, CommentForm, RemovalReasons.Comments);
    }

    [Fact]
    public void EndsTheArticleAtNextPostAndTopStoriesEvenWhenTeasersAreProse()
    {
        var article = PlainTextExtractor.Extract(Capture(SkipLinksAndMenu, NextPostAndTopStories));

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, NextPostAndTopStories, RemovalReasons.Spillover);
    }

    [Fact]
    public void KeepsTheBodyOnBothSidesOfATrendingBoxOnTheSameSubject()
    {
        var half = Paragraphs.Length / 2;
        var text = $"{Headline}\n\n{string.Join("\n\n", Paragraphs[..half])}\n\nTrending News\n" +
                   "Local bakery wins national award for its sourdough loaf\nRacing pigeon found four hundred miles from home\n\n" +
                   $"{string.Join("\n\n", Paragraphs[half..])}\n";

        var article = PlainTextExtractor.Extract(text);

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, "Trending News\nLocal bakery wins national award for its sourdough loaf\nRacing pigeon found four hundred miles from home",
            RemovalReasons.Spillover);
    }

    [Fact]
    public void DoesNotJoinARelatedTeaserOnTheSameSubject()
    {
        const string teaser = "Residents of Bridgeton met on Monday to discuss the council's plans for a new bridge over the Lark river and the traffic it will bring.";
        var article = PlainTextExtractor.Extract(Capture(SkipLinksAndMenu, $"Related\n\nBridgeton residents debate river bridge plans\n\n{teaser}\n"));

        ShouldKeepTheWholeArticle(article);
        article.Removed.Should().Contain(r => r.Text == teaser && r.Reason == RemovalReasons.Spillover);
    }

    [Fact]
    public void DropsInlineAdvertsAndReadMoreLinksInsideTheBody()
    {
        var text = $"{Headline}\n\n{Paragraphs[0]}\n\nADVERTISEMENT\n\n{Paragraphs[1]}\n\nRead more: Why the old stone bridge is crumbling\n\n" +
                   $"{string.Join("\n\n", Paragraphs[2..])}\n";

        var article = PlainTextExtractor.Extract(text);

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, "ADVERTISEMENT", RemovalReasons.Advert);
        ShouldRemove(article, "Read more: Why the old stone bridge is crumbling", RemovalReasons.Spillover);
    }

    [Theory]
    [InlineData("Share\nJane Doe")]
    [InlineData("About Jane Doe")]
    public void DropsTheNoteAboutTheAuthorAfterTheBody(string opening)
    {
        const string note = "Jane Doe has covered transport and local politics for the Bridgeton Gazette since 2015.";
        var article = PlainTextExtractor.Extract(Capture(SkipLinksAndMenu, $"{opening}\n{note}\n\nRelated\nAnother story"));

        ShouldKeepTheWholeArticle(article);
        article.Removed.Select(r => r.Text).Should().Contain(Lines(opening)).And.Contain(note);
    }

    [Fact]
    public void DropsSiteFootersAndAlternateAddressNotices()
    {
        var article = PlainTextExtractor.Extract(Capture("", FooterAndAlternateAddresses));

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, FooterAndAlternateAddresses, RemovalReasons.Footer);
    }

    [Fact]
    public void DropsSpamLinesAboveThePage()
    {
        var article = PlainTextExtractor.Extract(Capture(SpamLine + "\n" + SkipLinksAndMenu, ""));

        ShouldKeepTheWholeArticle(article);
        ShouldRemove(article, SpamLine, RemovalReasons.Spam);
    }

    [Fact]
    public void DropsChromeWrittenInAnotherScriptThanTheArticle()
    {
        var article = PlainTextExtractor.Extract(Capture("中文娱乐城博彩\n" + SkipLinksAndMenu, ForeignScriptChrome));

        ShouldKeepTheWholeArticle(article);
        article.Removed.Should().Contain(r => r.Text == "中文娱乐城博彩" && (r.Reason == RemovalReasons.ForeignScript || r.Reason == RemovalReasons.Spam));
        ShouldRemove(article, ForeignScriptChrome, RemovalReasons.ForeignScript);
    }

    [Fact]
    public void KeepsAnArticleWrittenInAnotherScriptAndDropsItsLatinMenus()
    {
        var body = "Городской совет во вторник одобрил строительство нового моста через реку, завершив спор, который длился почти десять лет.\n\n" +
                   "Мэр города заявила, что новый мост сократит путь между двумя частями города с сорока минут до десяти.\n\n" +
                   "Противники проекта считают, что мост приведет к росту движения грузовиков через луга на северном берегу реки.";
        var article = PlainTextExtractor.Extract($"Skip to main content\nMenu\n\nГородской совет одобрил строительство нового моста\n\n{body}\n\nShare\n");

        article.Headline.Should().Be("Городской совет одобрил строительство нового моста");
        article.Paragraphs.Should().HaveCount(3);
        article.Removed.Select(r => r.Text).Should().Contain(["Skip to main content", "Menu", "Share"]);
    }

    [Fact]
    public void KeepsAnArticleInAScriptWrittenWithoutSpaces()
    {
        var article = PlainTextExtractor.Extract(TextFixtures.Chinese);

        article.Headline.Should().Be("城市议会批准修建新的跨河大桥");
        article.Byline.Should().Be("记者 王明");
        article.Paragraphs.Should().HaveCount(5);
        article.Paragraphs[0].Should().StartWith("市议会周二批准了");
        article.Paragraphs.Should().Contain("投票结果是一致通过。", "a one-sentence paragraph stays");
        article.Removed.Should().Contain(r => r.Text == "相关新闻" && r.Reason == RemovalReasons.Spillover);
        article.Removed.Should().Contain(r => r.Text == "另一座城市的图书馆将在下个月重新开放" && r.Reason == RemovalReasons.Spillover);
    }

    [Fact]
    public void KeepsAShortBlogPostAndDropsItsSidebarAndTheSiteDescription()
    {
        var article = PlainTextExtractor.Extract(TextFixtures.BlogPost);

        article.Headline.Should().Be("Why my tomatoes split this summer");
        article.Byline.Should().Be("Anna Green");
        article.Hints.Published.Should().Be(new DateOnly(2023, 7, 3));
        article.Paragraphs.Should().HaveCount(3);
        article.Paragraphs[0].Should().StartWith("This summer almost every tomato");
        article.Paragraphs[^1].Should().StartWith("When I came back I watered them heavily");
        article.Removed.Should().Contain(r => r.Text.StartsWith("My Garden Blog is a personal website", StringComparison.Ordinal));
        article.Removed.Should().Contain(r => r.Text == "Leave a Reply" && r.Reason == RemovalReasons.Comments);
        article.Removed.Should().Contain(r => r.Text == "Ten herbs that grow well on a windowsill" && r.Reason == RemovalReasons.Spillover);
    }

    [Fact]
    public void TakesTheTitleAboveAnUnpunctuatedStandfirstAsTheHeadline()
    {
        var article = PlainTextExtractor.Extract(TextFixtures.NewsPage);

        article.Headline.Should().Be("Floods hit northern towns as river bursts its banks");
        article.Standfirst.Should().Be("Hundreds of homes were evacuated overnight after the river Tame burst its banks");
        article.Byline.Should().Be("By John Smith, Environment correspondent");
        article.Captions.Should().Equal("Image caption: Residents were moved to a school hall");
        article.Paragraphs.Should().HaveCount(5);
        article.Removed.Should().Contain(r => r.Text == "Advertisement" && r.Reason == RemovalReasons.Advert);
        article.Removed.Should().Contain(r => r.Text == "Storm Ciara: flights cancelled across Europe" && r.Reason == RemovalReasons.Spillover);
        article.Removed.Should().Contain(r => r.Text == "Flood warnings issued across the north" && r.Reason == RemovalReasons.Spillover);
    }

    [Fact]
    public void TakesCaptionsAndCreditsOutOfTheBody()
    {
        var text = $"{Headline}\n\nThe planned bridge seen from the northern bank. (Photo by Jane Doe/Reuters)\n" +
                   "Councillors at Tuesday's meeting.\nCredit...\nJohn Smith/Bridgeton Gazette\n\n" +
                   $"{string.Join("\n\n", Paragraphs[..3])}\n\n© Agency / Jane Doe\n\n{string.Join("\n\n", Paragraphs[3..])}\n";

        var article = PlainTextExtractor.Extract(text);

        ShouldKeepTheWholeArticle(article);
        article.Captions.Should().Contain([
            "The planned bridge seen from the northern bank. (Photo by Jane Doe/Reuters)",
            "Councillors at Tuesday's meeting.",
            "© Agency / Jane Doe",
        ]);
        article.Paragraphs.Should().NotContain(p => p.Contains("Photo by", StringComparison.Ordinal) || p.Contains("Agency", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BRIDGETON, Ohio (AP) — ", "BRIDGETON, Ohio (AP)")]
    [InlineData("BRIDGETON (Gazette) - ", "BRIDGETON (Gazette)")]
    [InlineData("LONDON – ", "LONDON")]
    [InlineData("ISLAMABAD, March 4 (Reuters) - ", "ISLAMABAD, March 4 (Reuters)")]
    [InlineData("MADRID, 4 mar (EFE).- ", "MADRID, 4 mar (EFE)")]
    public void SplitsTheDatelineOffTheFirstParagraph(string opening, string dateline)
    {
        var text = $"{Headline}\n\n{opening}{Body}\n";

        var article = PlainTextExtractor.Extract(text);

        article.Dateline.Should().Be(dateline);
        article.Paragraphs[0].Should().Be(FirstParagraph);
        article.Paragraphs.Should().HaveCount(Paragraphs.Length);
    }

    [Fact]
    public void TakesADatelineStandingAloneAboveTheBody()
    {
        var article = PlainTextExtractor.Extract($"{Headline}\n\nShare\nBRIDGETON -\n\n{Body}\n");

        article.Dateline.Should().Be("BRIDGETON");
        ShouldKeepTheWholeArticle(article);
    }

    [Theory]
    [InlineData("By Jane Doe | Bridgeton Gazette", "By Jane Doe | Bridgeton Gazette")]
    [InlineData("Jane Doe", "Jane Doe")]
    [InlineData("Written by Jane Doe", "Written by Jane Doe")]
    public void FindsTheBylineBetweenHeadlineAndBody(string line, string byline)
    {
        var article = PlainTextExtractor.Extract($"{SkipLinksAndMenu}\n\n{Headline}\n\n{line}\n12 March 2024\n\n{Body}\n");

        article.Byline.Should().Be(byline);
        ShouldKeepTheWholeArticle(article);
        article.Removed.Should().Contain(r => r.Text == "12 March 2024");
    }

    [Fact]
    public void KeepsOneSentenceParagraphsInsideTheBody()
    {
        var article = PlainTextExtractor.Extract(Capture(SkipLinksAndMenu, CommentForm));

        article.Paragraphs.Should().Contain(ShortParagraph);
        article.Paragraphs.ToList().IndexOf(ShortParagraph).Should().Be(Array.IndexOf(Paragraphs, ShortParagraph));
    }

    [Fact]
    public void KeepsAStandfirstUnderTheHeadline()
    {
        const string standfirst = "Residents on both banks have waited almost ten years for a decision on the crossing.";
        var article = PlainTextExtractor.Extract($"{Headline}\n{standfirst}\n\nBy Jane Doe\n\n{Body}\n");

        article.Standfirst.Should().Be(standfirst);
        article.Byline.Should().Be("By Jane Doe");
        ShouldKeepTheWholeArticle(article);
    }

    [Fact]
    public void ClutterOnlyInputYieldsNoParagraphsAndRemovesEveryLine()
    {
        var text = SkipLinksAndMenu + "\n" + ShareSubscribeLogin + "\n" + FooterAndAlternateAddresses;

        var article = PlainTextExtractor.Extract(text);

        article.Paragraphs.Should().BeEmpty();
        article.Headline.Should().BeNull();
        article.Removed.Select(r => r.Text).Should().Equal(Lines(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n")]
    [InlineData("\u0000\u0001\u0002")]
    public void EmptyOrJunkInputYieldsAnEmptyArticle(string text)
    {
        var article = PlainTextExtractor.Extract(text);

        article.Paragraphs.Should().BeEmpty();
        article.Headline.Should().BeNull();
    }

    [Fact]
    public void SurvivesHostileInput()
    {
        var huge = string.Concat(Enumerable.Repeat("word ", 200_000));
        var junk = new string(Enumerable.Range(0, 50_000).Select(i => (char)(i * 7919 % 0xD7FF)).ToArray());
        var dashes = "MOSCOW " + new string('-', 100_000);

        foreach (var text in new[] { huge, junk, dashes, Capture(huge, junk) })
        {
            var act = () => PlainTextExtractor.Extract(text);
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void RejectsNullWithAClearError()
    {
        var act = () => PlainTextExtractor.Extract(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    public static TheoryData<string> AllCaptures()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in TextFixtures.All()) data.Add("fixture:" + name);
        foreach (var seed in new[] { "000", "001", "002", "003", "004" }) data.Add("seed:" + seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public void EveryInputLineIsAccountedFor(string capture)
    {
        var text = capture.StartsWith("seed:", StringComparison.Ordinal)
            ? File.ReadAllText(SeedCaptureTests.SeedPath(capture[5..]))
            : TextFixtures.All().Single(f => "fixture:" + f.Name == capture).Text;

        var article = PlainTextExtractor.Extract(text);

        var produced = new List<string>();
        if (article.Headline is not null) produced.Add(article.Headline);
        if (article.Standfirst is not null) produced.Add(article.Standfirst);
        // A byline read without its date stays, as printed, with the removed lines.
        if (article.Byline is not null && !article.Removed.Any(r => r.Text.Contains(article.Byline, StringComparison.Ordinal) && r.Text != article.Byline))
            produced.Add(article.Byline);
        // A credit glued to its caption in the capture comes out as two captions.
        var lines = Lines(text);
        for (var c = 0; c < article.Captions.Count; c++)
        {
            if (c + 1 < article.Captions.Count && !lines.Contains(article.Captions[c]) && lines.Contains(article.Captions[c] + article.Captions[c + 1]))
                produced.Add(article.Captions[c] + article.Captions[++c]);
            else
                produced.Add(article.Captions[c]);
        }
        produced.AddRange(article.Removed.Select(r => r.Text));
        var paragraphs = article.Paragraphs.ToList();
        // The dateline (without its dash) is either a line of its own or the opening of the first paragraph.
        if (article.Dateline is not null)
        {
            var opening = Lines(text).FirstOrDefault(l => paragraphs.Count > 0 && l.StartsWith(article.Dateline, StringComparison.Ordinal)
                && l.EndsWith(paragraphs[0], StringComparison.Ordinal) && l.Length > paragraphs[0].Length);
            if (opening is not null) paragraphs[0] = opening;
            else produced.Add(Lines(text).First(l => l.StartsWith(article.Dateline, StringComparison.Ordinal) && l.Length <= article.Dateline.Length + 3));
        }
        produced.AddRange(paragraphs);

        produced.Should().BeEquivalentTo(Lines(text), "every non-blank line ends up somewhere, once");
        foreach (var removed in article.Removed)
            RemovalReasons.Describe(removed.Reason).Should().NotBe(removed.Reason, "every reason is a known code");
    }

    [Fact]
    public void RemovedLinesKeepPageOrder()
    {
        var text = Capture(SkipLinksAndMenu, CommentForm + "\n\n" + FooterAndAlternateAddresses);

        var article = PlainTextExtractor.Extract(text);

        var order = Lines(text).Select((line, i) => (line, i)).ToDictionary(p => p.line, p => p.i);
        article.Removed.Select(r => order[r.Text]).Should().BeInAscendingOrder();
    }
}
