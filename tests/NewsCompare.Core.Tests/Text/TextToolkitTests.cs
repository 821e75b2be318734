using NewsCompare.Core.Text;

namespace NewsCompare.Core.Tests.Text;

public sealed class TextToolkitTests
{
    [Theory]
    [InlineData("Élysée", "elysee")]
    [InlineData("İSTANBUL ılık", "istanbul ilik")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ёлка", "елка")]
    [InlineData("plain", "plain")]
    public void FoldsCaseAndAccents(string text, string folded) => Folding.Fold(text).Should().Be(folded);

    [Fact]
    public void ReadsFiguresAsTheirValueWhateverTheSeparators()
    {
        Tokenizer.Tokens("It weighed 1,200 pounds, or 1.200 in German, and grew 3,5 or 3.5 per cent in 2024.")
            .Where(t => t.Kind == TokenKind.Number).Select(t => t.Folded)
            .Should().Equal("1200", "1200", "3.5", "3.5", "2024");
    }

    [Fact]
    public void TellsNamesInsideASentenceFromItsOpeningWord()
    {
        var tokens = Tokenizer.Tokens("Officials said Vladimir Putin met Xi in Moscow. Later they left.");
        tokens.Where(t => t.LooksLikeName).Select(t => t.Text).Should().Equal("Vladimir", "Putin", "Xi", "Moscow");
    }

    [Fact]
    public void KeepsTheWordOfAnElisionOrPossessive()
    {
        Tokenizer.FoldedWords("l'armée du minister's dell'Europa").Should().Equal("armee", "du", "minister", "europa");
    }

    [Theory]
    [InlineData("en", "the")]
    [InlineData("es", "los")]
    [InlineData("de", "und")]
    [InlineData("fr", "les")]
    [InlineData("it", "della")]
    [InlineData("pt", "não")]
    [InlineData("ru", "которые")]
    [InlineData("tr", "değil")]
    public void HasStopWordsForEachLanguageItStems(string language, string stopWord)
    {
        StopWords.Has(language).Should().BeTrue();
        Stemmer.Languages.Should().Contain(language);
        StopWords.For(language).Should().Contain(Folding.Fold(stopWord));
    }

    [Theory]
    [InlineData("en", "meetings", "meeting")]
    [InlineData("en", "rises", "rising")]
    [InlineData("es", "presidentes", "presidente")]
    [InlineData("es", "firmaron", "firmado")]
    [InlineData("pt", "negociacoes", "negociacao")]
    [InlineData("it", "ministri", "ministro")]
    [InlineData("fr", "accords", "accord")]
    [InlineData("de", "verhandlungen", "verhandlung")]
    [InlineData("tr", "bakanlarin", "bakan")]
    [InlineData("ru", "переговоры", "переговоров")]
    public void StemsInflectionsOfOneWordAlike(string language, string one, string other) =>
        Stemmer.Stem(one, language).Should().Be(Stemmer.Stem(other, language));

    [Fact]
    public void ContentWordsLeaveOutStopWordsOfTheTextsLanguage()
    {
        ContentWords.Of("Los ministros firmaron el tratado", "es").Should().Equal(
            Stemmer.Stem("ministros", "es"), Stemmer.Stem("firmaron", "es"), Stemmer.Stem("tratado", "es"));
    }
}
