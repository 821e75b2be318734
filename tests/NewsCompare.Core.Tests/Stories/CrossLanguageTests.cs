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

    [Fact]
    public void ArabicWordsLoseTheArticleWrittenOntoThem() =>
        TextSignals.Normalise("الرئيس").Should().Be(TextSignals.Normalise("رئيس"));

    [Theory]
    [InlineData("Sağlık Bakanı açıkladı: yeni kararlar ile birlikte okullar bir hafta daha kapalı olacak ve bu karar için toplantı yapıldı", "tr")]
    [InlineData("وقال الوزير في مؤتمر صحفي إن الحكومة ستعلن عن خطة جديدة من أجل دعم الاقتصاد على المدى القريب", "ar")]
    [InlineData("Министр заявил, что правительство объявит о новом плане поддержки экономики", "ru")]
    [InlineData("Der Minister sagte, dass die Regierung einen neuen Plan für die Wirtschaft vorstellen wird", "de")]
    public void TheLanguageOfAnArticleIsToldByTheWordsEveryArticleOfItUsesOrElseByItsScript(string text, string language)
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
        result.Placements[3].Explanation.SharedNames.Should().Contain(["patrusev", "naryskin"]);
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
