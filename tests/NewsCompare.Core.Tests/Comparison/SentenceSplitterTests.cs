using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void SplitsAtFullStopsFollowedByACapital()
    {
        SentenceSplitter.Split("The talks ended. Both sides spoke! Will they meet again? Nobody knows.")
            .Should().Equal("The talks ended.", "Both sides spoke!", "Will they meet again?", "Nobody knows.");
    }

    [Fact]
    public void KeepsAbbreviationsInitialsAndNumbersInsideTheSentence()
    {
        SentenceSplitter.Split("Mr. Smith met U.S. officials and J. R. Doe at 3.5 p.m. on Monday. Then he left.")
            .Should().Equal("Mr. Smith met U.S. officials and J. R. Doe at 3.5 p.m. on Monday.", "Then he left.");
    }

    [Fact]
    public void KeepsClosingQuotesWithTheSentenceTheyEnd()
    {
        SentenceSplitter.Split("\"We will not yield.\" The crowd cheered.")
            .Should().Equal("\"We will not yield.\"", "The crowd cheered.");
    }

    [Fact]
    public void ReturnsNothingForBlankText()
    {
        SentenceSplitter.Split("   ").Should().BeEmpty();
    }
}
