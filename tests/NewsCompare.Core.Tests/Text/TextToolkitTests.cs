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

    [Theory]
    [InlineData("إعلان", "اعلان")]          // hamza on alef
    [InlineData("آمال", "امال")]            // madda on alef
    [InlineData("مصطفى", "مصطفي")]          // alef maqsura and ya
    [InlineData("حكومة", "حكومه")]          // ta marbuta and ha
    [InlineData("الـــرئيس", "الرئيس")]      // tatweel
    [InlineData("الرَّئِيسُ", "الرئيس")]     // vowel marks
    [InlineData("کتاب", "كتاب")]            // Persian kaf
    public void FoldsTheFormsOfOneArabicWordAlike(string one, string other) =>
        Folding.Fold(one).Should().Be(Folding.Fold(other));

    [Theory]
    [InlineData("والحكومة", "حكومة")]
    [InlineData("بالرئيس", "رئيس")]
    [InlineData("للمفاوضات", "المفاوضات")]
    [InlineData("وزيران", "الوزير")]
    [InlineData("الانتخابات", "انتخابات")]
    public void StripsTheArabicPrefixesAndEndingsWrittenOntoAWord(string one, string other) =>
        Stemmer.Stem(Folding.Fold(one), "ar").Should().Be(Stemmer.Stem(Folding.Fold(other), "ar"));

    [Fact]
    public void KeepsShortArabicWordsThatOnlyLookPrefixed()
    {
        // "ولد" (boy) starts like "و" (and), "الم" (pain) like "ال" (the): too short to lose them.
        Stemmer.Stem("ولد", "ar").Should().Be("ولد");
        Stemmer.Stem("الم", "ar").Should().Be("الم");
    }

    [Theory]
    [InlineData("bakanlığı", "Bakanlık")]
    [InlineData("toplantısında", "toplantı")]
    [InlineData("görüşmelerin", "görüşme")]
    [InlineData("İSTANBUL'da", "Istanbul")]
    [InlineData("anlaşmaya", "anlaşması")]
    public void StemsTurkishInflectionsOfOneWordAlike(string one, string other)
    {
        static string Stem(string word) => Stemmer.Stem(Tokenizer.Tokens(word)[0].Folded, "tr");
        Stem(one).Should().Be(Stem(other));
    }

    [Theory]
    [InlineData("Патрушев", "Patrushev")]
    [InlineData("Patruşev", "Patrushev")]
    [InlineData("Μητσοτάκης", "Mitsotakis")]
    [InlineData("Лавров", "Lavrov")]
    [InlineData("ŁÓDŹ", "lodz")]
    public void GivesOneKeyToANameInEveryScriptAndSpelling(string other, string latin) =>
        Folding.Key(other).Should().Be(Folding.Key(latin));

    [Theory]
    [InlineData("Türkiye'nin", "Türkiye")]
    [InlineData("Erdoğan'ın", "Erdoğan")]
    [InlineData("dell'Europa", "Europa")]
    [InlineData("COVID-19", "COVID-19")]
    public void ReadsTheWordOfANameWithASuffixOrElision(string text, string word) =>
        Tokenizer.Tokens(text).Select(t => t.Text).Should().Equal(word);

    [Theory]
    [InlineData("٢٠٢٣", "2023")]
    [InlineData("۱۴۰۲", "1402")]
    [InlineData("1.500,5", "1500.5")]
    [InlineData("12\u00A0000", "12000")]
    public void ReadsFiguresOfEveryScriptAsPlainDigits(string figure, string value) =>
        Tokenizer.Tokens(figure).Single().Folded.Should().Be(value);

    [Theory]
    [InlineData("ar", "والحكومة تعلن خطة", "الحكومة")]
    [InlineData("tr", "Bakanlar toplantısında anlaştı", "toplantı")]
    [InlineData("ru", "Министры провели переговоры", "переговоров")]
    public void ContentWordsOfOneStatementShareStemsInEveryLanguage(string language, string sentence, string word) =>
        ContentWords.Of(sentence, language).Should().Contain(ContentWords.Of(word, language).Single());
}
