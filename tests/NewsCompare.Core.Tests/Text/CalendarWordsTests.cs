using NewsCompare.Core.Text;

namespace NewsCompare.Core.Tests.Text;

/// <summary>Months and weekdays, words written with a capital that name no one.</summary>
public sealed class CalendarWordsTests
{
    [Theory]
    [InlineData("Monday", true)]
    [InlineData("MIÉRCOLES", true)]
    [InlineData("Mittwoch", true)]
    [InlineData("Çarşamba", true)]
    [InlineData("September", true)]
    [InlineData("Saturday, March", true)]
    [InlineData("Dmitry Peskov", false)]
    [InlineData("Monday Peskov", false)]
    [InlineData("", false)]
    public void CalendarWordsAreMonthsAndWeekdaysInSeveralLanguages(string phrase, bool only) =>
        CalendarWords.Only(phrase).Should().Be(only);
}
