using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

public sealed class StatementReadingTests
{
    // Sentences of one version each, whose words recur so the memo is hit; with clauses, figures and names.
    public static TheoryData<string, string[]> Versions => new()
    {
        { "en", ["The ministers met in Geneva on Monday, and the ministers agreed to meet again in 2025.", "Ministers said the meeting lasted 3 hours; the talks covered 1,200 prisoners held since March.", "Rising prices rise again — officials warned of rising costs for 40 million households."] },
        { "es", ["Los presidentes se reunieron en Madrid el lunes, y los presidentes acordaron reunirse de nuevo.", "El presidente dijo que las negociaciones duraron 3 horas; las negociaciones siguen abiertas."] },
        { "de", ["Die Präsidenten trafen sich in Berlin, und der Präsident sagte, die Verhandlungen seien schwierig.", "Die Verhandlungen dauerten 3 Stunden; die Regierungen wollen weiter verhandeln."] },
        { "tr", ["Bakanlar dün Ankara'da uzun süre toplandı, bakanlar yeni bir ticaret anlaşması imzaladı; Erdoğan'ın ofisi açıklamayı akşam yayımladı.", "Bakanlığın açıklamasında 1.200 kişinin tahliye edildiği belirtildi; tahliyeler sürüyor."] },
        { "fr", ["Les ministres se sont réunis à Paris, l'armée française a quitté la ville — l'Élysée n'a pas commenté ces départs.", "Selon le ministre : « Les forces armées resteront 3 mois », d'après l'agence officielle du gouvernement."] },
        { "ru", ["Министры иностранных дел встретились вчера в Москве, министры договорились о новой встрече в 2025 году.", "Министр заявил журналистам, что переговоры длились 3 часа; переговоры продолжатся в Женеве на следующей неделе."] },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public void ReadsEverySentenceOfAVersionAlikeWhenItsStemsAreMemorised(string language, string[] sentences)
    {
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in sentences)
        {
            var plain = new Statement(text, language, withClauses: true);
            var memorised = new Statement(text, language, true, stems);
            ShouldReadAlike(memorised, plain);
            memorised.Clauses.Select(c => c.Text).Should().Equal(plain.Clauses.Select(c => c.Text));
        }
        stems.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void ReadsEachClauseAsTheClauseReadAlone(string language, string[] sentences)
    {
        var clauses = sentences.SelectMany(s => new Statement(s, language, withClauses: true).Clauses).ToList();
        clauses.Should().NotBeEmpty();
        foreach (var clause in clauses) ShouldReadAlike(clause, new Statement(clause.Text, language));
    }

    [Theory]
    [InlineData("He said the stalled border talks would resume soon, “Moscow will not wait much longer” according to aides of the foreign minister.")]
    [InlineData("The ministers met for hours in the capital: Officials later confirmed 3 new agreements signed.")]
    [InlineData("Troops left the northern province of the country — 'Ministers' statements about the withdrawal were not clear.")]
    [InlineData("Le gouvernement a annoncé des mesures nouvelles, l'Assemblée nationale votera mardi prochain la loi.")]
    public void KnowsWhetherAClauseOpensWithANameWhateverComesBeforeIt(string sentence)
    {
        var read = new Statement(sentence, sentence.StartsWith("Le ", StringComparison.Ordinal) ? "fr" : "en", withClauses: true);
        read.Clauses.Should().HaveCountGreaterThan(1);
        foreach (var clause in read.Clauses) ShouldReadAlike(clause, new Statement(clause.Text, read.Language));
    }

    private static void ShouldReadAlike(Statement actual, Statement expected)
    {
        actual.Text.Should().Be(expected.Text);
        actual.Tokens.Should().Equal(expected.Tokens);
        actual.Stems.Should().Equal(expected.Stems);
        actual.StemIds.Should().Equal(expected.StemIds);
        actual.Figures.Should().Equal(expected.Figures);
        actual.Numbers.Should().Equal(expected.Numbers);
        actual.StemSet.Should().BeEquivalentTo(expected.StemSet);
        actual.Tokens.ToHashSet(StringComparer.Ordinal).Should().BeEquivalentTo(expected.Tokens.ToHashSet(StringComparer.Ordinal));
        Pairs(actual.Stems).Should().BeEquivalentTo(Pairs(expected.Stems));
        actual.Names.Should().BeEquivalentTo(expected.Names);
        actual.Trigrams.Should().BeEquivalentTo(expected.Trigrams);
    }

    private static HashSet<string> Pairs(string[] words) =>
        [.. Enumerable.Range(0, Math.Max(0, words.Length - 1)).Select(i => words[i] + " " + words[i + 1])];
}
