using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>Months and weekdays are written with a capital in many languages, but they name no one: grouping does not count them as names.</summary>
public sealed class CalendarNamesTests
{
    private static HashSet<string> Names(string headline, string body, string language)
    {
        var counts = TermCounts.Count(new StoryArticle(1, headline, body.Split("\n\n"), "outlet", language, null));
        return counts.Text.Where(kv => (kv.Key & TextSignals.NameBit) != 0).Select(kv => kv.Value).ToHashSet(StringComparer.Ordinal);
    }

    [Theory]
    // German capitalises every noun, weekdays and months included.
    [InlineData("de", "Treffen in Potsdam", "Die Ministerin Annegret Vollmer traf am Montag in Potsdam ihren Amtskollegen. Im Januar soll das Abkommen gelten, sagte Vollmer am Dienstag.", "vollmer", new[] { "montag", "januar", "dienstag" })]
    [InlineData("tr", "Ankara'da görüşme", "Bakan Selin Aydemir Salı günü Ankara'da mevkidaşıyla görüştü. Anlaşma Eylül ayında yürürlüğe girecek, dedi Aydemir Perşembe akşamı.", "aydemir", new[] { "sali", "eylul", "persembe" })]
    [InlineData("en", "Talks in Leeds", "The minister, Harriet Oduya, met her counterpart in Leeds on Monday. The accord takes effect in January, Oduya said on Thursday.", "oduya", new[] { "monday", "january", "thursday" })]
    public void WeekdaysAndMonthsAreNotNamesButPeopleAndPlacesAre(string language, string headline, string body, string name, string[] calendar)
    {
        var names = Names(headline, body, language);

        names.Should().Contain(name, "a person named inside a sentence is a name");
        names.Should().NotContain(calendar);
    }

    [Fact]
    public void ArabicMonthsAndWeekdaysAreCalendarWords()
    {
        foreach (var word in new[] { "سبتمبر", "أيلول", "الثلاثاء", "الجمعة" })
            TextSignals.IsCalendar(TextSignals.Normalise(word), "ar").Should().BeTrue($"{word} is a month or a weekday");
        TextSignals.IsCalendar(TextSignals.Normalise("القاهرة"), "ar").Should().BeFalse("Cairo is a place");
    }

    [Fact]
    public void AnotherLanguagesCalendarWordIsStillANameInEnglish()
    {
        // "Avril" is April in French and "Domingo" Sunday in Spanish; in an English text they are names.
        var names = Names("Briefing news", "The intelligence chief Avril Haines briefed senators, and the tenor Luis Domingo sang at the reception.", "en");

        names.Should().Contain(["avril", "domingo"]);
    }
}
