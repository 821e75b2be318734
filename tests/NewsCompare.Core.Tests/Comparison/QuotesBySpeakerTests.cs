using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

/// <summary>
/// Quotes grouped by person across versions that name the speaker differently, and scare quotes told from quotations,
/// in several languages. Synthetic versions of one event.
/// </summary>
public sealed class QuotesBySpeakerTests
{
    private static readonly ComparisonInput Other = new("other", "Talks continue", ["The talks between the two delegations continued on Friday in a hotel."], "en");

    private static List<SpeakerQuote> Quotes(params ComparisonInput[] versions) => [.. VersionComparer.Compare(versions).Quotes];

    [Fact]
    public void ASurnameOnlyAndATransliteratedFullNameInTwoVersionsFormOneSpeakerLabelledWithTheFullName()
    {
        var surname = new ComparisonInput("surname", "Talks", [
            "The security council met in Kazan on Tuesday to discuss the border.",
            "\"Our cooperation with the neighbours will only grow deeper this year,\" Patrushev said after the meeting.",
        ], "en");
        var transliterated = new ComparisonInput("transliterated", "Talks", [
            "Nikolay Patrushev said: \"The sanctions have failed to isolate our country from its partners in Asia.\"",
        ], "en");
        var spelled = new ComparisonInput("spelled", "Talks", [
            "Nikolai Patrushev, the council secretary, told reporters that \"the border will stay open for trade and for travel\".",
        ], "en");

        var quotes = Quotes(surname, transliterated, spelled);

        quotes.Should().HaveCount(3);
        quotes.Select(q => q.Speaker).Distinct().Should().ContainSingle().Which.Should().BeOneOf("Nikolay Patrushev", "Nikolai Patrushev");
        quotes.SelectMany(q => q.Versions).Select(v => v.Speaker).Should().BeEquivalentTo(["Patrushev", "Nikolay Patrushev", "Nikolai Patrushev"]);
    }

    [Fact]
    public void ASurnameShiftedToTheFullNameTheVersionGivesElsewhere()
    {
        var version = new ComparisonInput("v", "Talks", [
            "Kremlin adviser Yuri Sokolov met the delegation on Monday.",
            "\"We are ready to sign the agreement as soon as next week,\" Sokolov said.",
        ], "en");

        Quotes(version, Other).Should().ContainSingle().Which.Speaker.Should().Be("Yuri Sokolov");
    }

    [Fact]
    public void ASurnameTwoPeopleShareStaysAsWritten()
    {
        var version = new ComparisonInput("v", "Talks", [
            "Foreign minister Wang Yi met spokesman Wang Wenbin before the talks in Beijing.",
            "\"Both sides want the trade corridor to reopen before the winter,\" Wang said.",
        ], "en");

        Quotes(version, Other).Should().ContainSingle().Which.Speaker.Should().Be("Wang");
    }

    [Theory]
    [InlineData("en", "Anna Berg criticised what the government calls its \"special military operation\" in the north.", "special military")]
    [InlineData("de", "Anna Berg kritisierte die sogenannte „besondere militärische Operation“ der Regierung im Norden.", "militärische Operation")]
    [InlineData("fr", "Anna Berg a critiqué ce que le gouvernement appelle son « opération militaire spéciale » dans le nord.", "opération militaire")]
    [InlineData("es", "Anna Berg criticó lo que el gobierno llama su \"operación militar especial\" en el norte.", "operación militar")]
    public void AScareQuoteIsNoSpeakersQuote(string language, string paragraph, string quoted)
    {
        var version = new ComparisonInput("v", "Talks", [paragraph], language);

        Quotes(version, Other).SelectMany(q => q.Versions).Should().NotContain(v => v.Text.Contains(quoted, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "Anna Berg said: \"Negotiations continue tomorrow\"", "Negotiations continue")]
    [InlineData("de", "Anna Berg sagte: „Verhandlungen gehen weiter“", "Verhandlungen gehen")]
    [InlineData("fr", "Anna Berg a déclaré : « négociations continuent demain »", "négociations continuent")]
    [InlineData("es", "Anna Berg dijo: \"negociaciones continúan mañana\"", "negociaciones continúan")]
    [InlineData("en", "Kremlin spokesman Dmitry Peskov said that \"we do not exclude\" such a meeting.", "do not exclude")]
    public void AShortQuoteASpeechVerbIntroducesKeepsItsSpeaker(string language, string paragraph, string quoted)
    {
        var version = new ComparisonInput("v", "Talks", [paragraph], language);

        var quote = Quotes(version, Other).SelectMany(q => q.Versions).Should().ContainSingle(v => v.Text.Contains(quoted, StringComparison.Ordinal)).Subject;
        quote.Speaker.Should().BeOneOf("Anna Berg", "Dmitry Peskov");
    }
}
