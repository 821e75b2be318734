using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>The join decision's level per language (GroupingWeights.LanguageJoin), learned by learn-grouping.</summary>
public sealed class LanguageLevelTests
{
    // Two reports of one event by two outlets, in three languages.
    public static TheoryData<string, string, string[], string, string[]> TwoReports => new()
    {
        {
            "en", "Storm floods the old town of Mostar",
            ["Heavy rain flooded the old town of Mostar on Sunday, and firefighters pumped water out of cellars along the river Neretva.", "The mayor said the bridge stayed open and that schools would close on Monday."],
            "Mostar old town under water after storm",
            ["Firefighters in Mostar pumped water from flooded cellars by the Neretva after a night of heavy rain.", "Schools will close on Monday, the mayor said, while the old bridge remains open."]
        },
        {
            "de", "Unwetter überflutet die Altstadt von Mostar",
            ["Starker Regen hat am Sonntag die Altstadt von Mostar überflutet, die Feuerwehr pumpte Wasser aus Kellern entlang der Neretva.", "Der Bürgermeister sagte, die Brücke bleibe offen und die Schulen würden am Montag schließen."],
            "Mostars Altstadt nach Unwetter unter Wasser",
            ["Die Feuerwehr in Mostar pumpte nach einer Nacht mit starkem Regen Wasser aus überfluteten Kellern an der Neretva.", "Die Schulen schließen am Montag, sagte der Bürgermeister, die alte Brücke bleibt offen."]
        },
        {
            "tr", "Fırtına Mostar'ın eski şehrini sular altında bıraktı",
            ["Pazar günü şiddetli yağmur Mostar'ın eski şehrini sular altında bıraktı, itfaiye Neretva nehri boyunca bodrumlardan su tahliye etti.", "Belediye başkanı köprünün açık kaldığını ve okulların pazartesi kapanacağını söyledi."],
            "Mostar'da eski şehir fırtınanın ardından sular altında",
            ["Mostar'da itfaiye, şiddetli yağmurla geçen gecenin ardından Neretva kıyısındaki bodrumlardan su tahliye etti.", "Belediye başkanı okulların pazartesi kapanacağını, eski köprünün ise açık kaldığını söyledi."]
        },
    };

    private static List<StoryArticle> Pair(string language, string h1, string[] b1, string h2, string[] b2) =>
        [new(1, h1, b1, "Neretva News", language, null), new(2, h2, b2, "Balkan Daily", language, null)];

    private static double Lowest(IReadOnlyList<StoryArticle> articles)
    {
        var m = StoryEngine.Similarities(articles, StoryEngineOptions.Default);
        return Math.Min(m[0, 1], m[1, 0]);
    }

    [Theory]
    [MemberData(nameof(TwoReports))]
    public void AnArticleJoinsAtItsOwnLanguagesLevelNotTheCommonOne(string language, string h1, string[] b1, string h2, string[] b2)
    {
        var articles = Pair(language, h1, b1, h2, b2);
        var sim = Lowest(articles);
        sim.Should().BeGreaterThan(0.05, "the two reports share their event's words");
        var common = GroupingWeights.Plain with { Join = sim - 0.03 };
        var strictHere = common with { LanguageJoin = new Dictionary<string, double> { [language] = sim + 0.03 } };
        var strictElsewhere = common with { LanguageJoin = new Dictionary<string, double> { [language == "en" ? "de" : "en"] = sim + 0.03 } };
        var o = StoryEngineOptions.Default with { RefinePasses = 0, SplitBelow = 0 };

        StoryEngine.Group(articles, o with { Weights = common }).Stories.Should().HaveCount(1, "the common level is below their similarity");
        StoryEngine.Group(articles, o with { Weights = strictElsewhere }).Stories.Should().HaveCount(1, "another language's level does not apply");
        var split = StoryEngine.Group(articles, o with { Weights = strictHere });
        split.Stories.Should().HaveCount(2, "their language asks more than they share");
        // Whichever report is placed second (the one with more distinct terms goes first) was compared and refused.
        var opened = split.Placements.Values.Select(p => p.Explanation.Breakdown!).Single(b => b.Compared is not null);
        opened.Rule.Should().Be(ScoreBreakdown.BelowThreshold);
        opened.Threshold.Should().BeApproximately(sim + 0.03, 0.0001, "the explanation shows the level the article was compared with");
    }

    [Theory]
    [MemberData(nameof(TwoReports))]
    public void AJoinThresholdSetByHandOverridesEveryLanguagesLevel(string language, string h1, string[] b1, string h2, string[] b2)
    {
        var articles = Pair(language, h1, b1, h2, b2);
        var sim = Lowest(articles);
        var weights = GroupingWeights.Plain with { Join = 0.9, LanguageJoin = new Dictionary<string, double> { [language] = 0.95 } };

        StoryEngine.Group(articles, StoryEngineOptions.Default with { Weights = weights, JoinThreshold = sim - 0.03, RefinePasses = 0, SplitBelow = 0 })
            .Stories.Should().HaveCount(1);
    }

    [Theory]
    [MemberData(nameof(TwoReports))]
    public async Task TheStoreComparesAnArticleWithItsLanguagesLevelAsTheEngineDoes(string language, string h1, string[] b1, string h2, string[] b2)
    {
        var sim = Lowest(Pair(language, h1, b1, h2, b2));
        var weights = GroupingWeights.Plain with { Join = sim - 0.03, LanguageJoin = new Dictionary<string, double> { [language] = sim + 0.03 } };
        var o = StoryEngineOptions.Default with { Weights = weights };
        await using var store = await TestStore.CreateAsync();
        var first = await store.AddAsync(h1, string.Join("\n\n", b1), "Neretva News", null, language);
        var second = await store.AddAsync(h2, string.Join("\n\n", b2), "Balkan Daily", null, language);

        await new StoryStore(store.Db, o).RegroupAsync();
        var stories = await store.Db.Articles.AsNoTracking().Where(a => a.Id == first || a.Id == second).Select(a => a.StoryId).ToListAsync();

        stories.Distinct().Should().HaveCount(2, "their language's level is above their similarity, in the store as in memory");
        var why = new[] { await StoryStore.ExplanationAsync(store.Db, first), await StoryStore.ExplanationAsync(store.Db, second) };
        why.Should().Contain(w => w != null && w.Breakdown != null && w.Breakdown.Compared != null && Math.Abs(w.Breakdown.Threshold - (sim + 0.03)) < 0.0001,
            "the stored explanation shows the level the article was compared with");
        StoryEngine.Group(Pair(language, h1, b1, h2, b2), o).Stories.Should().HaveCount(2);
    }

    [Fact]
    public void LanguageLevelsReadBackAsWritten()
    {
        var weights = GroupingWeights.Plain with { Join = 0.18, LanguageJoin = new Dictionary<string, double> { ["tr"] = 0.26, ["ar"] = 0.22 } };

        var read = GroupingWeights.Parse(weights.Write(), "levels.json");

        read.Should().Be(weights);
        read.JoinFor("tr").Should().Be(0.26);
        read.JoinFor("pt").Should().Be(0.18, "a language without a level of its own takes the common one");
        read.JoinFor(null).Should().Be(0.18);
    }

    [Fact]
    public void ALanguageLevelThatIsNotANumberIsRefusedNamingTheLanguage()
    {
        const string json = """{"words": 1, "names": 1, "numbers": 1, "headline": 1, "gap": 0, "join": 0.16, "languages": {"tr": "high"}}""";

        var act = () => GroupingWeights.Parse(json, "my-weights.json");

        act.Should().Throw<InvalidDataException>().WithMessage("*my-weights.json*\"tr\"*");
    }
}
