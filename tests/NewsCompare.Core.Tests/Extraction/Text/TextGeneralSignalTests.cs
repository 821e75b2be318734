using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Text;
using static NewsCompare.Core.Tests.Extraction.Text.TextFixtures;

namespace NewsCompare.Core.Tests.Extraction.Text;

/// <summary>Signals that hold on any site and in any language: a brief's dateline, a list the article announces,
/// a note that names the byline's author, and the vocabulary's coverage of ten languages.</summary>
public sealed class TextGeneralSignalTests
{
    private static readonly string Menu = string.Join("\n",
        "World", "Business", "Markets", "Sport", "Science", "Weather", "Podcasts", "Pictures", "Lifestyle", "Technology",
        "Health", "Politics", "Europe", "Africa", "Asia", "Americas", "Travel", "Culture", "Books", "Music");

    private const string Brief =
        "BRIDGETON, March 4 (Bridgeton Wire) - Ministers agreed on Monday to release emergency funding of 40 million pounds for towns in the flooded river valley, where hundreds of homes have stood under water for a week, and promised to rebuild the two bridges the current swept away, the finance office said in a statement.";

    // An "about us" box in the footer: more words than the brief, and no section label between them.
    private const string AboutBox = """
        Bridgeton Media, the news division of Bridgeton Holdings, is the world's largest multimedia news provider, reaching billions of people worldwide every day. Bridgeton Media provides business, financial, national and international news to professionals via desktop terminals, the world's media organizations, industry events and directly to consumers.
        Bridgeton Products
        Ledger
        Build the strongest argument relying on authoritative content, attorney-editor expertise, and industry defining technology.
        Harbour
        The most comprehensive solution to manage all your complex and ever-expanding tax and compliance needs.
        Beacon
        The industry leader for online information for tax, accounting and finance professionals, with news and analysis every day.
        """;

    [Fact]
    public void KeepsAOneParagraphBriefOverAHeavierAboutUsBoxFurtherDownTheSamePart()
    {
        var capture = $"Home\n{Menu}\nMinisters Agree Emergency Funding For Flooded Valley Towns\nBridgeton Wire\nMarch 4, 2024\n{Brief}\n"
                      + $"Writing by Jane Doe; Editing by John Roe\n{Menu}\n{AboutBox}";

        var article = PlainTextExtractor.Extract(capture);

        article.Paragraphs.Should().ContainSingle().Which.Should().StartWith("Ministers agreed on Monday");
        article.Dateline.Should().Be("BRIDGETON, March 4 (Bridgeton Wire)");
        article.Paragraphs.Should().NotContain(p => p.Contains("multimedia news provider"));
    }

    public static TheoryData<string, string[]> AnnouncedLists => new()
    {
        { "The shortlisted bridge designs in full:", ["Arch Bridge", "Beam Bridge", "Cable Stay", "Lark Span", "River Gate", "Meadow Crossing", "Town Link"] },
        { "Die Entwürfe in der engeren Wahl im Überblick:", ["Bogenbrücke", "Balkenbrücke", "Schrägseilbrücke", "Lark-Steg", "Flusstor", "Wiesenquerung", "Stadtband"] },
    };

    [Theory]
    [MemberData(nameof(AnnouncedLists))]
    public void KeepsTheListThatTheArticlesLastLineAnnouncesUpToTheNextSectionLabel(string announcement, string[] items)
    {
        var capture = Capture("", $"{announcement}\n{string.Join("\n", items)}\nComments\nBe the first to comment");

        var article = PlainTextExtractor.Extract(capture);

        article.Paragraphs.Should().StartWith(Paragraphs);
        article.Paragraphs.Skip(Paragraphs.Length).Should().Equal([announcement, .. items]);
    }

    [Theory]
    [InlineData("By Jane Doe", "Jane Doe is a reporter covering transport and planning for the Bridgeton Times. Send tips to the newsroom.")]
    [InlineData("Por María López", "María López es periodista de la sección de infraestructuras y escribe sobre transporte desde 2015.")]
    [InlineData("Von Hans Müller", "Hans Müller ist Korrespondent für Verkehr und Stadtplanung und berichtet seit 2012 aus der Region.")]
    public void DropsAClosingNoteThatNamesTheBylinesAuthorInAnyLanguage(string byline, string note)
    {
        var capture = $"{Headline}\n\n{byline}\n\n{Body}\n\n{note}\n";

        var article = PlainTextExtractor.Extract(capture);

        article.Paragraphs.Should().Equal(Paragraphs);
        article.Removed.Should().Contain(r => r.Text == note);
    }

    [Fact]
    public void KeepsAClosingParagraphThatQuotesSomeoneOtherThanTheAuthor()
    {
        const string closing = "Helen Ashdown is expected to present the final design to residents at a public meeting next month, officials said.";
        var capture = $"{Headline}\n\nBy Jane Doe\n\n{Body}\n\n{closing}\n";

        var article = PlainTextExtractor.Extract(capture);

        article.Paragraphs.Should().Equal([.. Paragraphs, closing]);
    }

    public static TheoryData<string> TenLanguages => new() { "en", "es", "de", "fr", "it", "pt", "ru", "tr", "ar", "zh" };

    [Theory]
    [MemberData(nameof(TenLanguages))]
    public void HasWidgetPhrasesInEveryCoreGroupForEachOfTheTenLanguages(string language)
    {
        string[] core = ["share", "login", "comments", "section-label", "advert", "navigation", "byline"];

        ClutterVocabulary.Default.Languages.Should().ContainKey(language);
        ClutterVocabulary.Default.Languages[language].Keys.Should().Contain(core);
    }

    [Theory]
    [InlineData("Compartir", RemovalReasons.Share)]
    [InlineData("Artikel teilen", RemovalReasons.Share)]
    [InlineData("Laisser un commentaire", RemovalReasons.Comments)]
    [InlineData("Pubblicità", RemovalReasons.Advert)]
    [InlineData("Deixe um comentário", RemovalReasons.Comments)]
    [InlineData("Giriş yap", RemovalReasons.Login)]
    public void DropsAWidgetLineUnderTheArticleInEachLanguageWithItsReason(string widget, string reason)
    {
        var article = PlainTextExtractor.Extract(Capture(widget, ""));

        article.Paragraphs.Should().Equal(Paragraphs);
        article.Removed.Should().Contain(r => r.Text == widget && r.Reason == reason);
    }

    // On a page in another script these lines go as foreign-script chrome whatever they say; the vocabulary itself
    // still knows them, for pages written in their own script.
    [Theory]
    [InlineData("Скопировать ссылку", "share")]
    [InlineData("Читайте также", "section-label")]
    [InlineData("نسخ الرابط", "share")]
    [InlineData("اقرأ أيضا", "section-label")]
    [InlineData("发表评论", "comments")]
    [InlineData("相关阅读", "section-label")]
    public void KnowsTheWidgetPhrasesOfLanguagesInOtherScripts(string widget, string group)
    {
        var normalised = ClutterVocabulary.Normalise(widget);

        ClutterVocabulary.Default.Match(normalised, widget.Split(' ').Length).Should().Be(group);
    }

    [Theory]
    [InlineData("because")]
    [InlineData("desde")]
    [InlineData("zwischen")]
    [InlineData("après")]
    [InlineData("которые")]
    [InlineData("tarafından")]
    public void LeavesTheTextToolkitsStopWordsOfEveryLanguageOutOfAPassagesSubject(string word) =>
        ClutterVocabulary.Default.IsStopword(Subject.Hash(word)).Should().BeTrue();

    [Fact]
    public void KeepsContentWordsInAPassagesSubject() =>
        ClutterVocabulary.Default.IsStopword(Subject.Hash("harbour")).Should().BeFalse();
}
