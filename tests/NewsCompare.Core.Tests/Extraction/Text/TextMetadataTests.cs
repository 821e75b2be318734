using NewsCompare.Core.Extraction.Text;
using static NewsCompare.Core.Tests.Extraction.Text.TextFixtures;

namespace NewsCompare.Core.Tests.Extraction.Text;

/// <summary>What the header of a plain-text capture says about the article: its date, its author, where it was filed.</summary>
public sealed class TextMetadataTests
{
    private static string WithHeader(params string[] header) =>
        $"Home\nNews\nWorld\n\n{Headline}\n\n{string.Join("\n\n", header)}\n\n{string.Join("\n\n", Paragraphs)}\n\nRelated\n\nMore news\n";

    [Theory]
    [InlineData("September 19, 2023")]
    [InlineData("Published: 19 September 2023")]
    [InlineData("Tuesday, September 19, 2023")]
    [InlineData("Updated 10:32 am, Sept. 19, 2023")]
    [InlineData("2023-09-19")]
    [InlineData("19.09.2023")]
    [InlineData("19 сентября 2023")]
    [InlineData("19 Eylül 2023")]
    [InlineData("19 de septiembre de 2023")]
    [InlineData("19. September 2023")]
    [InlineData("19 septembre 2023")]
    [InlineData("19 settembre 2023")]
    [InlineData("19 de setembro de 2023")]
    [InlineData("19 سبتمبر 2023")]
    [InlineData("2023年9月19日")]
    public void ReadsTheDateOfADateLineUnderTheHeadline(string dateLine)
    {
        var article = PlainTextExtractor.Extract(WithHeader(dateLine));

        article.Hints.Published.Should().Be(new DateOnly(2023, 9, 19));
        article.Hints.PublishedSource.Should().Be("text:date-line");
        article.Paragraphs.Should().Equal(Paragraphs);
        article.Removed.Should().Contain(r => r.Text == dateLine, "the line stays with the dropped lines, its reason given");
    }

    [Theory]
    [InlineData("By Jane Doe, September 19, 2023", "By Jane Doe")]
    [InlineData("By Jean-Pierre Dupont | Sept. 19, 2023 10:00 am", "By Jean-Pierre Dupont")]
    [InlineData("Posted on September 19, 2023 by Anna Green", "Anna Green")]
    public void KeepsTheBylineWithoutItsDateAndReadsTheDate(string line, string byline)
    {
        var article = PlainTextExtractor.Extract(WithHeader(line));

        article.Byline.Should().Be(byline);
        article.Hints.Published.Should().Be(new DateOnly(2023, 9, 19));
    }

    [Fact]
    public void KeepsTheDatelineInItsOwnFieldWithoutItsDash()
    {
        var text = WithHeader("By Jane Doe").Replace(FirstParagraph, "MOSCOW - " + FirstParagraph, StringComparison.Ordinal);

        var article = PlainTextExtractor.Extract(text);

        article.Dateline.Should().Be("MOSCOW");
        article.Byline.Should().Be("By Jane Doe");
        article.Paragraphs[0].Should().Be(FirstParagraph);
    }

    [Theory]
    [InlineData("© Agencia / Ana Ruiz / Ver en la mediatecaEl alcalde inaugura el puente", "© Agencia / Ana Ruiz / Ver en la mediateca", "El alcalde inaugura el puente")]
    [InlineData("© Sputnik / Go to the mediabankSecretary of the Council at the meeting", "© Sputnik / Go to the mediabank", "Secretary of the Council at the meeting")]
    public void KeepsACreditGluedToItsCaptionApart(string line, string credit, string caption) =>
        LinePlan.SplitCredit(line).Should().Equal(credit, caption);
}
