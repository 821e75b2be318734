using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>A run of names gives name phrases; a long title chain gives no more weight in all than a four-name run.</summary>
public sealed class NameRunTests
{
    // The weight of every name phrase (a key of two or three words) the lead paragraph gives.
    private static float PhraseWeight(string paragraph, string language)
    {
        var counts = TermCounts.Count(new StoryArticle(1, "", [paragraph], "outlet", language, null));
        return counts.Counts.Where(kv => counts.Text[kv.Key].Contains(' ', StringComparison.Ordinal)).Sum(kv => kv.Value);
    }

    [Theory]
    // "bakan fahrettin", "fahrettin koca", "bakan fahrettin koca"
    [InlineData("Açıklamayı yapan Bakan Fahrettin Koca oldu.", "tr", 3)]
    // three pairs and two triples of "Foreign Minister Wang Yi"
    [InlineData("The talks were led by Foreign Minister Wang Yi on Tuesday.", "en", 5)]
    public void AShortRunOfNamesGivesEachOfItsPhrasesFullWeight(string paragraph, string language, int phrases) =>
        PhraseWeight(paragraph, language).Should().BeApproximately(phrases * TermCounts.LeadWeight, 0.01f);

    [Theory]
    [InlineData("Konuşan İstanbul Üniversitesi Cerrahpaşa Tıp Fakültesi Enfeksiyon Hastalıkları Bölüm Başkanı Rıdvan Karaali oldu.", "tr")]
    [InlineData("Il a rencontré le Directeur Général Adjoint Des Services Pénitentiaires Jean Dupont mardi.", "fr")]
    [InlineData("Habló ayer el Secretario General Adjunto De Asuntos Políticos Juan Pérez García.", "es")]
    public void ALongTitleChainWeighsNoMoreInAllThanAFourNameRun(string paragraph, string language) =>
        PhraseWeight(paragraph, language).Should().BeApproximately(TermCounts.MaxRunPhrases * TermCounts.LeadWeight, 0.01f);
}
