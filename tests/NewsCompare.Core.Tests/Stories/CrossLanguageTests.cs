using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class CrossLanguageTests
{
    private static StoryArticle Article(long id, (string Headline, string Body) text, DateOnly? published = null, string? language = null) =>
        new(id, text.Headline, text.Body.Split("\n\n"), $"outlet{id}", language, published);

    private static IEnumerable<StoryArticle> Background() => Fixtures.Background(40).Select((t, i) => Article(1000 + i, t));

    [Theory]
    [InlineData("Патрушев", "Patrushev")]
    [InlineData("Patruşev", "Patrushev")]
    [InlineData("Шойгу", "Shoigu")]
    [InlineData("Нарышкин", "Naryshkin")]
    [InlineData("Αθήνα", "Athina")]
    [InlineData("Çavuşoğlu", "Cavusoglu")]
    [InlineData("Diyarbakır", "Diyarbakir")]
    public void ANameWrittenInAnotherScriptOrSpellingGetsTheSameKey(string other, string latin) =>
        TextSignals.Normalise(other).Should().Be(TextSignals.Normalise(latin));

    [Theory]
    [InlineData("1.500", "1,500")]
    [InlineData("2,5", "2.5")]
    [InlineData("٢٠٢٣", "2023")]
    [InlineData("12.000.000", "12,000,000")]
    public void AFigureWrittenTheWayOfAnyLanguageIsOneTerm(string other, string english) =>
        TextSignals.Normalise(other).Should().Be(TextSignals.Normalise(english));

    [Theory]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("الحكومة", "حكومه")]
    [InlineData("بالرئيس", "الرئيس")]
    [InlineData("الـرئيس", "رئيس")]
    [InlineData("إيران", "ايران")]
    public void ArabicSpellingsOfOneWordGetOneKey(string one, string other) =>
        TextSignals.Normalise(one).Should().Be(TextSignals.Normalise(other));

    [Fact]
    public void ATurkishSuffixAfterANameLeavesTheNameAsItsTerm()
    {
        var tokens = TextSignals.Tokenise(null, ["Heyet Türkiye'nin başkenti Ankara'da Erdoğan'ın davetlisi olarak bulundu."]);
        tokens.Select(t => t.Text).Should().Contain(["turkiye", "ankara", "erdogan"]).And.NotContain(t => t.Contains('\''));
    }

    [Fact]
    public void ArabicWordsLoseTheArticleWrittenOntoThem() =>
        TextSignals.Normalise("الرئيس").Should().Be(TextSignals.Normalise("رئيس"));

    [Theory]
    [InlineData("Sağlık Bakanı açıkladı: yeni kararlar ile birlikte okullar bir hafta daha kapalı olacak ve bu karar için toplantı yapıldı", "tr")]
    [InlineData("وقال الوزير في مؤتمر صحفي إن الحكومة ستعلن عن خطة جديدة من أجل دعم الاقتصاد على المدى القريب", "ar")]
    [InlineData("Министр заявил, что правительство не объявит о новом плане и что он будет на встрече в Москве по этому вопросу", "ru")]
    [InlineData("Der Minister sagte, dass die Regierung einen neuen Plan für die Wirtschaft vorstellen wird", "de")]
    public void TheLanguageOfAnArticleIsToldByItsScriptAndTheWordsEveryArticleOfItUses(string text, string language)
    {
        var tokens = TextSignals.Tokenise(null, [text]);
        TextSignals.GuessLanguage(tokens, text).Should().Be(language);
    }

    [Fact]
    public void ARussianReportJoinsTheEnglishReportsOfItsMeetingThroughItsNamesAndFigures()
    {
        var english1 = ("Patrushev and Naryshkin meet Shoigu in Murmansk on Arctic fleet",
            "Nikolai Patrushev and Sergei Naryshkin met Sergei Shoigu in Murmansk on Tuesday to discuss the Arctic fleet. The three agreed on 14 new patrol vessels for the Northern Fleet by 2027, officials said.");
        var english2 = ("Shoigu, Patrushev agree 14 Arctic patrol ships in Murmansk",
            "Meeting in Murmansk, Sergei Shoigu, Nikolai Patrushev and Sergei Naryshkin approved 14 patrol vessels for the Northern Fleet, to be delivered by 2027, according to a readout.");
        var russian = ("Патрушев и Нарышкин встретились с Шойгу в Мурманске",
            "Николай Патрушев и Сергей Нарышкин во вторник встретились в Мурманске с Сергеем Шойгу. Стороны договорились о 14 новых патрульных кораблях для Северного флота к 2027 году.");
        var result = StoryEngine.Group([Article(1, english1), Article(2, english2), Article(3, russian), .. Background()]);

        result.Placements[3].Story.Should().Be(result.Placements[1].Story, "names in Cyrillic are the same people");
        result.Placements[3].Explanation.Method.Should().Be("names");
        result.Placements[3].Explanation.SharedNames.Should().Contain("Патрушев", "the explanation uses the report's own words")
            .And.Contain(n => n.Contains("Нарышкин", StringComparison.Ordinal));
    }

    [Fact]
    public void ATurkishReportSpellingANameItsOwnWayStillSharesItWithTheOthers()
    {
        var english = ("Patrushev hosts Wang Yi in Moscow for security talks",
            "Nikolai Patrushev hosted Wang Yi in Moscow on Tuesday for security talks; Lavrov joins them on Wednesday.");
        var turkish = ("Patruşev, Wang Yi'yi Moskova'da ağırladı",
            "Rusya Güvenlik Konseyi Sekreteri Nikolay Patruşev, Çin Dışişleri Bakanı Wang Yi ile Moskova'da bir araya geldi ve Lavrov ile görüşme yapıldı.");
        var result = StoryEngine.Group([Article(1, english), Article(2, turkish), .. Background()]);

        result.Placements[2].Story.Should().Be(result.Placements[1].Story);
    }

    [Fact]
    public void TwoEventsOfOneCompanyADayApartFormTwoStories()
    {
        var day = new DateOnly(2024, 3, 4);
        var dismissal1 = ("Norvex board dismisses chief executive Lena Brandt",
            "The board of Norvex dismissed chief executive Lena Brandt on Monday after a vote of seven to two, citing a loss of confidence over the failed Aurel takeover.\n\nBrandt, who led Norvex for six years, was escorted from the Rotterdam headquarters; she said she would contest the dismissal in court.");
        var dismissal2 = ("Lena Brandt ousted as Norvex chief after board vote",
            "Norvex's directors voted seven to two to remove Lena Brandt as chief executive, blaming the collapsed Aurel deal. Brandt told reporters in Rotterdam she would fight the decision in court.");
        var interim1 = ("Norvex names finance chief Tomas Keller interim CEO",
            "A day after the board ousted its chief executive, Norvex appointed finance director Tomas Keller as interim chief executive on Tuesday while it searches for a permanent leader.\n\nKeller, 52, joined from Halden Bank in 2019 and will keep the finance role until a successor is found, the company said.");
        var interim2 = ("Keller steps in as Norvex interim chief",
            "Tomas Keller, the finance director of Norvex, became interim chief executive on Tuesday. The former Halden Bank banker, 52, will run the company until the board hires a permanent successor.");
        var result = StoryEngine.Group([Article(1, dismissal1, day), Article(2, dismissal2, day), Article(3, interim1, day.AddDays(1)), Article(4, interim2, day.AddDays(1)), .. Background()]);
        int StoryOf(long id) => result.Placements[id].Story;

        StoryOf(2).Should().Be(StoryOf(1));
        StoryOf(4).Should().Be(StoryOf(3));
        StoryOf(3).Should().NotBe(StoryOf(1), "the interim appointment is another event of the same crisis, a day later");
    }

    [Fact]
    public void EachKindOfEvidenceReportsItsShareOfTheScore()
    {
        var result = StoryEngine.Group([Article(1, Fixtures.FirstMeeting(0)), Article(2, Fixtures.FirstMeeting(1)), .. Background()]);

        var joined = result.Placements.Values.Single(p => p.ArticleId is 1 or 2 && p.Explanation.Method == "matched").Explanation;
        joined.Features.Keys.Should().Contain([SimilarityFeature.Words, SimilarityFeature.Names]);
        joined.Features.Values.Sum().Should().BeApproximately(joined.Score, 0.002, "the features are the score's parts");
    }

    [Fact]
    public void AWeightsFileWithoutAWeightIsRefusedNamingTheFile()
    {
        var act = () => GroupingWeights.Parse("{\"words\": 1, \"names\": 1}", "my-weights.json");

        act.Should().Throw<InvalidDataException>().WithMessage("*my-weights.json*numbers*");
    }

    [Fact]
    public void TheShippedWeightsReadBackAsWritten()
    {
        var shipped = GroupingWeights.Default;

        GroupingWeights.Parse(shipped.Write(), "round trip").Should().Be(shipped);
        shipped.Join.Should().BeGreaterThan(0);
    }
}
