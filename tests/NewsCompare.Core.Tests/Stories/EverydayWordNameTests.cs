using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// A capitalised word that most articles of its language write in lower case (the learned lists of
/// <see cref="LanguageWords"/>: "president", "ministre", "neue") is read as an ordinary word on its own, not a name;
/// it still links the names around it into name phrases, and real names stay names (docs/stories.md §2).
/// </summary>
public sealed class EverydayWordNameTests
{
    private static TermCounts Read(string paragraph, string language) =>
        TermCounts.Count(new StoryArticle(1, "", [paragraph], "outlet", language, null));

    private static bool Has(TermCounts counts, string words, bool name) =>
        counts.Counts.ContainsKey(TextSignals.Hash(string.Join(' ', words.Split(' ').Select(TextSignals.Normalise)), name));

    [Theory]
    [InlineData("en", "The talks in Berlin were led by President Obama on Tuesday.", "president", "Obama", "President Obama")]
    [InlineData("fr", "Le chef du gouvernement, le Premier Ministre Castex, a parlé mardi à Lyon.", "ministre", "Castex", "Ministre Castex")]
    [InlineData("de", "Die Sprecherin der Neue Partei Schmidt erklärte am Dienstag in Hamburg.", "neue", "Schmidt", "Neue Partei Schmidt")]
    public void ReadsACapitalisedEverydayWordAsAWordButKeepsItInItsNamePhrase(string language, string paragraph, string everyday, string name, string phrase)
    {
        TextSignals.IsEverydayWord(everyday, language).Should().BeTrue("the fixture's word must be on the shipped list");
        var counts = Read(paragraph, language);

        Has(counts, everyday, name: false).Should().BeTrue();
        Has(counts, everyday, name: true).Should().BeFalse();
        Has(counts, name, name: true).Should().BeTrue();
        Has(counts, phrase, name: true).Should().BeTrue();
    }

    [Theory]
    [InlineData("en", "Officials said on Monday that Obama will meet Merkel in Berlin.", "Obama Merkel Berlin")]
    [InlineData("de", "Am Montag sagte die Regierung, dass Merkel in Berlin mit Macron spricht.", "Merkel Berlin Macron")]
    [InlineData("fr", "Lundi, le gouvernement a dit que Macron verra Merkel à Berlin.", "Macron Merkel Berlin")]
    public void KeepsRealNamesAsNames(string language, string paragraph, string names)
    {
        var counts = Read(paragraph, language);
        foreach (var name in names.Split(' ')) Has(counts, name, name: true).Should().BeTrue(name);
    }

    // Two reports of two events of one topic whose only capitalised word in common is a title.
    [Theory]
    [InlineData("fr",
        "Le Ministre Castex visite une usine de vaccins à Lyon",
        "Mardi, le Ministre Castex a visité une usine de vaccins à Lyon avec les ouvriers de la région et les responsables de la santé publique.",
        "Le Ministre Véran visite une usine de vaccins à Grenoble",
        "Jeudi, le Ministre Véran a visité une usine de vaccins à Grenoble avec les ouvriers de la région et les responsables de la santé publique.")]
    [InlineData("en",
        "President Obama visits a vaccine plant in Ohio",
        "On Tuesday, President Obama visited a vaccine plant in Ohio with the workers of the region and the officials of public health.",
        "President Macron visits a vaccine plant in Lyon",
        "On Thursday, President Macron visited a vaccine plant in Lyon with the workers of the region and the officials of public health.")]
    public void ATitleInCommonIsNoNameInCommon(string language, string h1, string b1, string h2, string b2)
    {
        var result = StoryEngine.Group([new(1, h1, [b1], "outlet1", language, null), new(2, h2, [b2], "outlet2", language, null)],
            StoryEngineOptions.Default with { JoinThreshold = 0.05 });

        result.Placements[1].Story.Should().NotBe(result.Placements[2].Story, "each names its own minister or president");
        result.Placements.Values.Should().Contain(p => p.Explanation.Breakdown != null && p.Explanation.Breakdown.Rule == ScoreBreakdown.OtherCast);
    }
}
