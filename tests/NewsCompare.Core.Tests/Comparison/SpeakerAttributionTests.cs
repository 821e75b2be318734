using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

/// <summary>
/// Who is quoted when the speaker is described by another name ("Anna Berg, an associate of Viktor Lang"): the described
/// one speaks, in several languages. Synthetic sentences; the other version only gives the comparison a second column.
/// </summary>
public sealed class SpeakerAttributionTests
{
    private static readonly ComparisonInput Other = new("other", "Talks continue", ["The talks between the two delegations continued on Friday in a hotel."], "en");

    private static string? SpeakerOf(string paragraph, string language, string quoted)
    {
        var version = new ComparisonInput("quoted", "Talks", [paragraph], language);
        var result = VersionComparer.Compare([version, Other]);
        return result.Quotes.SelectMany(q => q.Versions).Single(v => v.Text.Contains(quoted, StringComparison.Ordinal)).Speaker;
    }

    [Theory]
    [InlineData("en", "Anna Berg, an associate of Viktor Lang, said: \"We will not leave the city before the talks end.\"", "leave the city", "Anna Berg")]
    [InlineData("de", "Anna Berg, eine Vertraute von Viktor Lang, sagte: „Wir werden die Stadt vor dem Ende der Gespräche nicht verlassen.“", "Stadt vor dem Ende", "Anna Berg")]
    [InlineData("fr", "Anna Berg, une proche de Viktor Lang, a déclaré : « Nous ne quitterons pas la ville avant la fin des négociations. »", "quitterons pas", "Anna Berg")]
    [InlineData("es", "Anna Berg, socia de Viktor Lang, dijo: \"No saldremos de la ciudad antes del final de las negociaciones.\"", "saldremos de la ciudad", "Anna Berg")]
    [InlineData("ru", "Анна Берг, соратница Виктора Ланга, заявила: «Мы не покинем город до конца переговоров».", "покинем город", "Анна Берг")]
    public void AQuoteAfterASpeakerDescribedByAnotherNameIsTheSpeakers(string language, string paragraph, string quoted, string speaker) =>
        SpeakerOf(paragraph, language, quoted).Should().Be(speaker);

    [Theory]
    [InlineData("en", "Kremlin spokesman Dmitry Peskov said Monday that \"we do not exclude such a meeting\" this year.", "do not exclude", "Dmitry Peskov")]
    [InlineData("en", "Port director Lena Okafor told reporters on Saturday, \"the cranes will stay idle until March\".", "cranes will stay idle", "Lena Okafor")]
    [InlineData("de", "Jan Weber sagte am Montag: „Wir schließen ein Treffen nicht aus.“", "schließen ein Treffen", "Jan Weber")]
    public void AWeekdayOrMonthBesideAQuoteIsNotItsSpeaker(string language, string paragraph, string quoted, string speaker) =>
        SpeakerOf(paragraph, language, quoted).Should().Be(speaker);

    [Fact]
    public void AQuoteBesideAPlaceOrNationalityIsThePersonsTheVersionNamedInFull()
    {
        var version = new ComparisonInput("quoted", "Talks", [
            "Security chief Nikolai Patrushev met the visiting minister Wang Yi in Kazan on Tuesday.",
            "Patrushev said that the partnership remains a priority and reaffirmed Moscow's \"full support for the grain corridor plan\" at the talks.",
            "Foreign Minister Ana Ruiz urged Western governments to \"stop sending arms to the region\" before the summit.",
        ], "en");
        var quotes = VersionComparer.Compare([version, Other]).Quotes.SelectMany(q => q.Versions).ToList();

        quotes.Single(v => v.Text.Contains("grain corridor", StringComparison.Ordinal)).Speaker.Should().Be("Patrushev");
        quotes.Single(v => v.Text.Contains("sending arms", StringComparison.Ordinal)).Speaker.Should().Be("Foreign Minister Ana Ruiz");
    }

    [Fact]
    public void ALaterQuoteInTheParagraphStaysWithTheSpeakerNotWithTheNameDescribingHer()
    {
        const string paragraph = "\"We will stay until the end of the talks,\" said Anna Berg, an associate of Viktor Lang. "
            + "\"Nobody has asked us to leave the city yet.\"";

        SpeakerOf(paragraph, "en", "stay until the end").Should().Be("Anna Berg");
        SpeakerOf(paragraph, "en", "Nobody has asked").Should().Be("Anna Berg");
    }

    [Fact]
    public void ANameListedBesideTheSpeakerIsNotTakenForADescription()
    {
        // "Anna Berg, Viktor Lang and ..." is a list: a comma followed by a capitalised name is no description.
        const string paragraph = "Anna Berg, Viktor Lang and two aides left the hotel. Viktor Lang said: \"We will come back on Monday morning.\"";

        SpeakerOf(paragraph, "en", "come back on Monday").Should().Be("Viktor Lang");
    }
}
