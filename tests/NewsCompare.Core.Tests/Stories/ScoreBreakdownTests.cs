using NewsCompare.Core.Data;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class ScoreBreakdownTests
{
    private static StoryArticle Article(long id, (string Headline, string Body) text, DateOnly? published = null, string? language = null) =>
        new(id, text.Headline, text.Body.Split("\n\n"), $"outlet{id}", language, published);

    private static IEnumerable<StoryArticle> Background() => Fixtures.Background(40).Select((t, i) => Article(1000 + i, t));

    /// <summary>Weights unlike plain cosine, so a breakdown that ignored them could not add up.</summary>
    private static readonly StoryEngineOptions Weighed = new()
    {
        Weights = new GroupingWeights { Words = 0.6, Names = 1.8, Numbers = 1.3, Headline = 0.9, Gap = -0.05, Join = 0.12 },
    };

    private static void ShouldAddUp(ScoreBreakdown b, double score)
    {
        b.Features.Select(f => f.Feature).Should().Equal(Enum.GetValues<SimilarityFeature>(), "every feature is listed, in order");
        foreach (var f in b.Features)
            f.Contribution.Should().BeApproximately(f.Value * f.Weight, 0.0002, $"{f.Feature} adds its sub-score times its weight");
        b.Features.Sum(f => f.Contribution).Should().BeApproximately(score, 0.001, "the contributions are the score's parts");
    }

    [Fact]
    public void AJoinedArticlesFeaturesAddUpToItsScoreWhichReachedTheJoinThreshold()
    {
        var day = new DateOnly(2023, 2, 21);
        var result = StoryEngine.Group([Article(1, Fixtures.FirstMeeting(0), day), Article(2, Fixtures.FirstMeeting(1), day.AddDays(3)), .. Background()], Weighed);

        var joined = result.Placements.Values.Single(p => p.ArticleId is 1 or 2 && p.Explanation.Method == "matched").Explanation;
        var b = joined.Breakdown!;
        b.Rule.Should().BeNull("the score alone decided");
        b.Threshold.Should().Be(0.12);
        b.Compared.Should().BeApproximately(joined.Score, 0.0001);
        b.Compared.Should().BeGreaterThanOrEqualTo(b.Threshold);
        b.Features.Single(f => f.Feature == SimilarityFeature.Names).Weight.Should().Be(1.8);
        b.Features.Single(f => f.Feature == SimilarityFeature.Gap).Value.Should().BeApproximately(3 / 7.0, 0.0001, "three days are 3/7 of a week");
        b.Features.Single(f => f.Feature == SimilarityFeature.Gap).Contribution.Should().BeNegative("a gap counts against joining");
        ShouldAddUp(b, joined.Score);
    }

    [Fact]
    public void AnArticleThatOpensAStoryShowsItsBestCandidateBelowTheThreshold()
    {
        // Two reports of one meeting, asked to agree (in plain cosine) more than they can.
        var strict = new StoryEngineOptions { Weights = GroupingWeights.Plain, JoinThreshold = 0.97 };
        var result = StoryEngine.Group([Article(1, Fixtures.FirstMeeting(0)), Article(2, Fixtures.FirstMeeting(1)), .. Background()], strict);

        var second = new[] { result.Placements[1], result.Placements[2] }.Select(p => p.Explanation).Single(e => e.Breakdown!.Compared is not null);
        second.Method.Should().Be("opened");
        var b = second.Breakdown!;
        b.Rule.Should().Be(ScoreBreakdown.BelowThreshold);
        b.Threshold.Should().Be(0.97);
        b.Compared.Should().BeGreaterThan(0, "the reports share the meeting's names and words").And.BeLessThan(0.97);
        ShouldAddUp(b, b.Compared!.Value);
    }

    [Fact]
    public void TheFirstArticleOfACollectionOpensAStoryWithNoCandidateToCompare()
    {
        var result = StoryEngine.Group([Article(1, Fixtures.FirstMeeting(0))]);

        var why = result.Placements[1].Explanation;
        why.Method.Should().Be("opened");
        why.Breakdown!.Compared.Should().BeNull();
        why.Breakdown.Features.Should().BeEmpty();
        why.Breakdown.Threshold.Should().Be(StoryEngineOptions.Default.JoinThreshold);
    }

    [Fact]
    public void AReportOfTheSameMeetingMonthsLaterIsTurnedDownForItsDatesNotItsScore()
    {
        var result = StoryEngine.Group([Article(1, Fixtures.FirstMeeting(0), new DateOnly(2023, 2, 21)),
            Article(2, Fixtures.FirstMeeting(1), new DateOnly(2023, 5, 2)), .. Background()]);

        result.Placements[2].Story.Should().NotBe(result.Placements[1].Story);
        var b = result.Placements.Values.Select(p => p.Explanation).Where(e => e.Breakdown?.Compared is not null && e.Method == "opened")
            .Select(e => e.Breakdown!).First(x => x.Features.Any(f => f.Feature == SimilarityFeature.Names && f.Value > 0));
        b.Rule.Should().Be(ScoreBreakdown.DatesApart);
        b.Compared.Should().BeGreaterThanOrEqualTo(b.Threshold, "the text alone would have joined");
        b.Features.Single(f => f.Feature == SimilarityFeature.Gap).Value.Should().BeApproximately(70 / 7.0, 0.0001);
    }

    [Fact]
    public void AReportInAnotherLanguageIsScoredOnItsNamesAndFiguresAlone()
    {
        var english1 = ("Halvorsen and Okonjo sign Tallinn grid pact worth 380 million",
            "Norwegian minister Ingrid Halvorsen and Nigerian minister Adaeze Okonjo signed a power grid pact in Tallinn on Monday. The deal, worth 380 million euros, links the Baltic grid to new solar farms in Kano by 2029.");
        var english2 = ("Okonjo, Halvorsen agree 380 million euro grid deal in Tallinn",
            "In Tallinn, Adaeze Okonjo and Ingrid Halvorsen agreed a 380 million euro grid deal linking Kano solar farms to the Baltic network by 2029, officials said.");
        var german = ("Halvorsen und Okonjo unterzeichnen Netzabkommen in Tallinn",
            "Die norwegische Ministerin Ingrid Halvorsen und die nigerianische Ministerin Adaeze Okonjo haben am Montag in Tallinn ein Stromnetzabkommen unterzeichnet. Das Abkommen im Wert von 380 Millionen Euro verbindet das baltische Netz bis 2029 mit Solarparks in Kano.");
        var result = StoryEngine.Group([Article(1, english1), Article(2, english2), Article(3, german, language: "de"), .. Background()], Weighed);

        var why = result.Placements[3].Explanation;
        result.Placements[3].Story.Should().Be(result.Placements[1].Story);
        why.Method.Should().Be("names");
        var b = why.Breakdown!;
        b.Features.Single(f => f.Feature == SimilarityFeature.Words).Value.Should().Be(0, "across languages only names and figures count");
        b.Features.Single(f => f.Feature == SimilarityFeature.Names).Contribution.Should().BePositive();
        ShouldAddUp(b, why.Score);
    }

    [Fact]
    public void TheHalvesOfASplitStoryAreExplainedByTheirOwnHalf()
    {
        var articles = Fixtures.PortDispute(second: false).Concat(Fixtures.PortDispute(second: true)).Select((t, i) => Article(i + 1, t)).Concat(Background()).ToList();

        var result = StoryEngine.Group(articles);

        var split = result.Placements.Values.Where(p => p.ArticleId <= 4).Select(p => p.Explanation).Where(e => e.Breakdown?.Rule == ScoreBreakdown.SplitHalf).ToList();
        split.Should().NotBeEmpty("the dispute's two events were one story until the split");
        foreach (var e in split) ShouldAddUp(e.Breakdown!, e.Score);
    }

    [Fact]
    public void ABreakdownReadsBackAsItWasWrittenAndUnreadableTextAsNotRecorded()
    {
        var b = new ScoreBreakdown(0.16, 0.41, null,
        [
            new FeatureScore(SimilarityFeature.Words, 0.22, 1, 0.22), new FeatureScore(SimilarityFeature.Names, 0.12, 1, 0.12),
            new FeatureScore(SimilarityFeature.Gap, 2, -0.01, -0.02),
        ]);

        var back = ScoreBreakdown.Parse(b.Serialise())!;

        back.Should().BeEquivalentTo(b);
        b.Serialise().Should().Contain("[\"names\",0.12,1,0.12]", "features are stored by name, not by number, and compactly");
        b.Serialise().Should().NotContain("rule", "a null rule is left out");
        ScoreBreakdown.Parse(null).Should().BeNull();
        ScoreBreakdown.Parse("").Should().BeNull();
        ScoreBreakdown.Parse("{not json").Should().BeNull();
        ScoreBreakdown.Parse("[1, 2]").Should().BeNull();
        ScoreBreakdown.Parse("{\"threshold\": 0.16, \"features\": [[\"smell\", 1, 1, 1]]}").Should().BeNull();
        ScoreBreakdown.Parse("{\"threshold\": 0.16, \"features\": [[\"words\", 1, \"one\", 1]]}").Should().BeNull();
        ScoreBreakdown.Parse("{\"threshold\": 0.16, \"features\": [[\"words\", 1]]}").Should().BeNull();
    }

    [SkippableTheory]
    [EveryStore]
    public async Task TheStoreKeepsEachPlacementsBreakdownAndReadsItBack(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, _, _) = await StoryStoreTests.SeedAsync(store, options: Weighed);

        var why = (await StoryStore.ExplanationAsync(store.Db, first[1]))!;

        why.Method.Should().Be("matched");
        why.Breakdown.Should().NotBeNull();
        why.Breakdown!.Threshold.Should().Be(0.12);
        why.Breakdown.Compared.Should().BeApproximately(why.Score, 0.0001);
        ShouldAddUp(why.Breakdown, why.Score);
        var opener = (await StoryStore.ExplanationAsync(store.Db, first[0]))!;
        opener.Method.Should().Be("opened");
        opener.Breakdown.Should().NotBeNull("an opened story records what it was compared with, even nothing");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AMembershipStoredBeforeBreakdownsWereKeptReadsAsNotRecorded(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await StoryStoreTests.SeedAsync(store);
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql("UPDATE StoryMemberships SET Breakdown = NULL WHERE ArticleId = {0}"), first[1]);
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql("UPDATE StoryMemberships SET Breakdown = {0} WHERE ArticleId = {1}"), "{\"threshold\":", second[1]);

        var old = (await StoryStore.ExplanationAsync(store.Db, first[1]))!;
        var damaged = (await StoryStore.ExplanationAsync(store.Db, second[1]))!;

        old.Breakdown.Should().BeNull();
        old.Method.Should().Be("matched", "the rest of the explanation is read as before");
        old.SharedNames.Should().NotBeEmpty();
        damaged.Breakdown.Should().BeNull();
    }
}
