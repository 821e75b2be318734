using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class WeightingOptionsTests
{
    private static ArticleProfile Weigh(string headline, string body, StoryEngineOptions options) =>
        ArticleProfile.Weigh(TermCounts.Count(new StoryArticle(1, headline, [body], null, null, null)), _ => 1.0, options);

    private static List<string> NameTerms(ArticleProfile p) =>
        p.Weights.Keys.Where(k => (k & TextSignals.NameBit) != 0).Select(k => p.Text[k]).ToList();

    [Theory]
    [InlineData("Talks in Moscow", "The talks went on for hours. Officials said Foreign Minister Wang Yi met Nikolai Patrushev in the capital.")]
    [InlineData("Conversaciones en Moscú", "Las conversaciones duraron horas. Según fuentes oficiales, el ministro Wang Yi se reunió con Nikolái Pátrushev en la capital.")]
    [InlineData("Переговоры в Москве", "Переговоры длились несколько часов. Как сообщили официальные лица, Ван И встретился с Николаем Патрушевым в столице.")]
    public void WithoutNamePhrasesAnArticleKeepsItsSingleNamesButNoRunOfThem(string headline, string body)
    {
        var with = NameTerms(Weigh(headline, body, StoryEngineOptions.Default));
        var without = NameTerms(Weigh(headline, body, StoryEngineOptions.Default with { NamePhrases = false }));

        with.Should().Contain(t => t.Contains(' '), "a run of names gives its 2- and 3-word parts as names");
        without.Should().NotContain(t => t.Contains(' '));
        without.Should().BeEquivalentTo(with.Where(t => !t.Contains(' ')));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void ATermNoOtherArticleUsesCountsTheUnsharedWeightOfItsFullWeightOnlyWhenTheCollectionIsComplete(double unshared)
    {
        var term = TextSignals.Hash("nanping", false);
        var full = StoryEngine.Idf(term, 1, 40, BackgroundTerms.None, complete: false, unshared: unshared);

        StoryEngine.Idf(term, 1, 40, BackgroundTerms.None, complete: true, unshared: unshared).Should().BeApproximately(full * unshared, 1e-12);
        StoryEngine.Idf(term, 2, 40, BackgroundTerms.None, complete: true, unshared: unshared)
            .Should().Be(StoryEngine.Idf(term, 2, 40, BackgroundTerms.None, complete: false, unshared: unshared), "a shared term weighs fully");
    }

    [Fact]
    public void TheDefaultUnsharedWeightIsTheOneTheStoreUses()
    {
        var term = TextSignals.Hash("gölbaşı", false);
        StoryEngine.Idf(term, 1, 40, BackgroundTerms.None)
            .Should().Be(StoryEngine.Idf(term, 1, 40, BackgroundTerms.None, unshared: StoryEngineOptions.Default.UnsharedTermWeight));
    }

    [Fact]
    public void TwoReportsOfOneEventInTwoScriptsStillGroupWithoutNamePhrases()
    {
        var articles = new List<StoryArticle>
        {
            new(1, "Wang Yi meets Patrushev in Moscow", ["Chinese Foreign Minister Wang Yi met Nikolai Patrushev in Moscow on Tuesday to discuss security cooperation.", "Patrushev said the talks with Wang Yi were useful."], "a", "en", null),
            new(2, "Wang Yi and Patrushev hold talks in Moscow", ["Wang Yi and Nikolai Patrushev held talks in Moscow on security cooperation, officials said.", "The meeting between Patrushev and Wang Yi lasted two hours."], "b", "en", null),
            new(3, "Ван И встретился с Патрушевым", ["Ван И и Николай Патрушев провели переговоры в Москве.", "Патрушев назвал встречу с Ван И полезной."], "c", "ru", null),
        };
        var options = StoryEngineOptions.Default with { NamePhrases = false };

        var result = StoryEngine.Group(articles, options);

        result.Placements[1].Story.Should().Be(result.Placements[2].Story);
    }
}
