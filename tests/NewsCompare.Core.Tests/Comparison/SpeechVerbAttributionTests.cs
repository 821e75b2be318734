using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

/// <summary>
/// Who is quoted when the quote's sentence names others as well: the quote goes to the subject of the sentence's
/// speech verb ("Peskov said", "said Peskov", "according to Peskov"), not to whichever name stands nearest, and a title
/// joined to a name by a stop word ("Secretary of State Antony Blinken") is not taken for part of the name. Synthetic
/// sentences in several languages; the other version only gives the comparison a second column.
/// </summary>
public sealed class SpeechVerbAttributionTests
{
    private static readonly ComparisonInput Other = new("other", "Talks continue", ["The talks between the two delegations continued on Friday in a hotel."], "en");

    private static SpeakerQuote QuoteOf(string language, string quoted, params string[] paragraphs)
    {
        var version = new ComparisonInput("quoted", "Talks", paragraphs, language);
        return VersionComparer.Compare([version, Other]).Quotes.Single(q => q.Versions.Any(v => v.Text.Contains(quoted, StringComparison.Ordinal)));
    }

    private static string? SpeakerOf(string language, string paragraph, string quoted) =>
        QuoteOf(language, quoted, paragraph).Versions.Single(v => v.Key == "quoted").Speaker;

    [Theory]
    [InlineData("en", "Dmitry Peskov told reporters that Putin and Xi would discuss \"a plan for lasting peace in the region\" on Tuesday.", "lasting peace", "Dmitry Peskov")]
    [InlineData("es", "Dmitri Peskov dijo que Putin y Xi hablarían el martes de \"un plan para una paz duradera en la región\".", "paz duradera", "Dmitri Peskov")]
    [InlineData("de", "Kremlsprecher Dmitri Peskow sagte, Putin und Xi würden am Dienstag über „einen Plan für dauerhaften Frieden in der Region“ sprechen.", "dauerhaften Frieden", "Kremlsprecher Dmitri Peskow")]
    [InlineData("fr", "Le porte-parole Dmitri Peskov a déclaré que Poutine et Xi discuteraient mardi d'« un plan pour une paix durable dans la région ».", "paix durable", "Dmitri Peskov")]
    public void AQuoteGoesToTheSubjectOfTheSpeechVerbNotToANameNearerToIt(string language, string paragraph, string quoted, string speaker) =>
        SpeakerOf(language, paragraph, quoted).Should().Be(speaker);

    [Theory]
    [InlineData("en", "Xi Jinping was \"very frank about the plan for a lasting peace\", said Peskov.", "very frank", "Peskov")]
    [InlineData("es", "Xi Jinping fue \"muy franco sobre el plan para una paz duradera\", dijo Peskov.", "muy franco", "Peskov")]
    [InlineData("de", "Xi Jinping sei „sehr offen über den Plan für einen dauerhaften Frieden“ gewesen, sagte Peskow.", "sehr offen", "Peskow")]
    [InlineData("fr", "Xi Jinping a été « très franc sur le plan pour une paix durable », a déclaré Peskov.", "très franc", "Peskov")]
    public void AQuoteGoesToTheSpeakerNamedAfterAnInvertedSpeechVerb(string language, string paragraph, string quoted, string speaker) =>
        SpeakerOf(language, paragraph, quoted).Should().Be(speaker);

    [Fact]
    public void APronounRightAfterAnInvertedSpeechVerbIsItsSubjectNotANameAfterIt()
    {
        const string paragraph = "Innenexperte Armin Schuster will nicht aufgeben. „Ich schaue in dieser Krise jetzt stark nach Asien“, sagte er am Dienstag dem RedaktionsNetzwerk Deutschland.";

        SpeakerOf("de", paragraph, "stark nach Asien").Should().Be("Innenexperte Armin Schuster");
    }

    [Theory]
    [InlineData("en", "Putin and Xi agreed on \"a plan for lasting peace in the region\", according to Peskov.", "lasting peace", "Peskov")]
    [InlineData("es", "Putin y Xi acordaron \"un plan para una paz duradera en la región\", según Peskov.", "paz duradera", "Peskov")]
    [InlineData("de", "Putin und Xi hätten sich auf „einen Plan für dauerhaften Frieden in der Region“ geeinigt, laut Peskow.", "dauerhaften Frieden", "Peskow")]
    [InlineData("fr", "Poutine et Xi se sont mis d'accord sur « un plan pour une paix durable dans la région », selon Peskov.", "paix durable", "Peskov")]
    public void AQuoteGoesToTheSourceAnAccordingToNames(string language, string paragraph, string quoted, string speaker) =>
        SpeakerOf(language, paragraph, quoted).Should().Be(speaker);

    [Theory]
    [InlineData("en", "The ministry's spokeswoman, Anna Berg, said on Friday that Viktor Lang would sign \"the agreement on the grain corridor next week\".", "grain corridor")]
    [InlineData("de", "Die Sprecherin des Ministeriums, Anna Berg, sagte am Freitag, Viktor Lang werde „das Abkommen über den Getreidekorridor nächste Woche“ unterzeichnen.", "Getreidekorridor")]
    public void ASpeakerSetBetweenCommasIsTheSubjectOfTheSpeechVerb(string language, string paragraph, string quoted) =>
        SpeakerOf(language, paragraph, quoted).Should().Be("Anna Berg");

    [Fact]
    public void ACapitalisedNounAfterAnInvertedSpeechVerbGivesWayToThePersonOfTheParagraph()
    {
        // German capitalises nouns: "die CDU-Politikerin" describes the minister named before, it is no name.
        const string paragraph = "Bundesministerin Julia Klöckner betonte am Rande der Beratungen die Bedeutung des Handels. "
            + "„Es gibt ein Menschenrecht auf Nahrung für alle Menschen“, sagte die CDU-Politikerin.";

        SpeakerOf("de", paragraph, "Menschenrecht").Should().Be("Bundesministerin Julia Klöckner");
    }

    [Fact]
    public void ANameAfterASpeechVerbWithAPronounSubjectIsNotTheSpeaker()
    {
        // "he said Putin would …": the subject is "he"; Putin is who it was said about, so the quote stays with Lang.
        var quote = QuoteOf("en", "lasting peace",
            "Viktor Lang said: \"The delegation will stay in the city until Friday at least.\"",
            "\"We want a plan for lasting peace in the region,\" he said Putin would hear on Tuesday.");

        quote.Speaker.Should().Be("Viktor Lang");
    }

    [Theory]
    [InlineData("en", "US Secretary of State Antony Blinken said that China could be \"considering providing lethal support\" to Moscow.", "lethal support")]
    [InlineData("es", "El Secretario de Estado Antony Blinken dijo que China podría estar \"considerando proporcionar apoyo letal\" a Moscú.", "apoyo letal")]
    [InlineData("de", "Der Minister der Finanzen Antony Blinken sagte, China erwäge womöglich „tödliche Unterstützung für Moskau“.", "tödliche Unterstützung")]
    public void ATitleJoinedToTheNameByAStopWordIsNotPartOfTheSpeakersName(string language, string paragraph, string quoted)
    {
        var quote = QuoteOf(language, quoted, paragraph);

        quote.Speaker.Should().Be("Antony Blinken");
        quote.Versions.Single(v => v.Key == "quoted").Speaker.Should().Be("Antony Blinken");
    }

    [Theory]
    [InlineData("fr", "Le ministère de l'Intérieur a publié un bilan lundi.",
        "Le ministre de l'Intérieur Antony Blinken a déclaré que la Chine pourrait envisager « un soutien létal à Moscou ».", "soutien létal")]
    [InlineData("es", "La cumbre se celebra en Francia este año.",
        "El presidente de Francia Antony Blinken dijo que China podría estar \"considerando proporcionar apoyo letal\" a Moscú.", "apoyo letal")]
    public void AComplementOfATitleInLowerCaseIsLeftOutWhereTheVersionNamesItApart(string language, string elsewhere, string paragraph, string quoted)
    {
        var quote = QuoteOf(language, quoted, elsewhere, paragraph);

        quote.Speaker.Should().Be("Antony Blinken");
        quote.Versions.Single(v => v.Key == "quoted").Speaker.Should().Be("Antony Blinken");
    }

    [Fact]
    public void AComplementTheVersionNamesOnItsOwnLeavesAThreeWordNameWhole()
    {
        var quote = QuoteOf("en", "talks with Seoul",
            "North Korea fired two missiles on Monday.",
            "The leader of North Korea Kim Jong Un said he was \"not interested in talks with Seoul this year\".");

        quote.Speaker.Should().Be("Kim Jong Un");
    }

    [Theory]
    [InlineData("Putin met with Kim Jong Un and said the talks had been \"frank and useful for both sides\".", "Kim Jong Un")]
    [InlineData("Anna Berg and Viktor Lang left early; Viktor Lang said: \"We will come back on Monday morning.\"", "Viktor Lang")]
    [InlineData("She has worked at the Surrey Memorial Hospital since 1998 and said \"the night shifts never got easier\".", "Surrey Memorial Hospital")]
    [InlineData("Lo dice parte del comunicado del frente de Luis Fernando Camacho, que agrega: \"No tenemos ningún vínculo con él\".", "Luis Fernando Camacho", "es")]
    public void ANameAfterAVerbOrAConjunctionOrALowerCaseTitleKeepsAllItsWords(string paragraph, string name, string language = "en")
    {
        var version = new ComparisonInput("v", "Talks", [paragraph], language);

        QuoteFinder.WithoutTitles(version.Paragraphs, [.. version.Paragraphs.Select(NewsCompare.Core.Text.Tokenizer.Tokens)],
                NewsCompare.Core.Text.StopWords.For(language))
            .Single().Select(n => n.Text).Should().Contain(name);
    }
}
