using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class BackgroundTermsTests
{
    [Fact]
    public void WrittenCountsReadBackAsTheSameTermsTheEngineHashes()
    {
        var sample = new[]
        {
            new StoryArticle(1, null, ["The council met in Ostrava on Friday.", "Residents asked about the harbour."], null, "en", null),
            new StoryArticle(2, null, ["Flooding closed the harbour road, the council said."], null, "en", null),
            new StoryArticle(3, null, ["A new bridge opened in Ostrava after delays."], null, "en", null),
        };

        var background = BackgroundTerms.Parse(BackgroundTerms.Write(sample, 2, "test sample"), "test");

        background.Documents.Should().Be(3);
        background.Frequency(TextSignals.Hash("harbour", false)).Should().Be(2);
        background.Frequency(TextSignals.Hash("council", false)).Should().Be(2);
        background.Frequency(TextSignals.Hash("ostrava", true)).Should().Be(2, "a place capitalised inside a sentence is a name, as in articles");
        background.Frequency(TextSignals.Hash("bridge", false)).Should().Be(0, "terms fewer than two articles use are left out");
    }

    [Theory]
    [InlineData("# documents 10\n4\tx\tharbour\n", "line 2")]
    [InlineData("# documents 10\nmany\tw\tharbour\n", "line 2")]
    [InlineData("# documents ten\n", "line 1")]
    [InlineData("4\tw\tharbour\n", "no \"# documents N\" line")]
    public void MalformedFileIsRefusedNamingTheFileAndTheLine(string text, string where)
    {
        var read = () => BackgroundTerms.Parse(text, "background-terms.txt");

        read.Should().Throw<InvalidDataException>().WithMessage($"*background-terms.txt*{where}*");
    }

    [Fact]
    public void ShippedBackgroundMakesEverydayNewsWordsWeighLessThanRareNamesInASmallStore()
    {
        var shipped = BackgroundTerms.Default;
        var everyday = TextSignals.Hash("people", false);
        var rare = TextSignals.Hash("nanping", true);

        shipped.Documents.Should().BeGreaterThan(50, "the shipped sample is counted over many varied articles");
        StoryEngine.Idf(everyday, 3, 5, BackgroundTerms.None).Should().Be(StoryEngine.Idf(rare, 3, 5, BackgroundTerms.None),
            "five articles alone cannot tell the two apart");
        StoryEngine.Idf(everyday, 3, 5, shipped).Should().BeLessThan(StoryEngine.Idf(rare, 3, 5, shipped) * 0.8);
    }

    [Fact]
    public void BackgroundFadesAsTheStoreOutgrowsIt()
    {
        var shipped = BackgroundTerms.Default;
        var everyday = TextSignals.Hash("people", false);
        double Gap(long n) => StoryEngine.Idf(everyday, n / 10, n, BackgroundTerms.None) - StoryEngine.Idf(everyday, n / 10, n, shipped);

        Math.Abs(Gap(100_000)).Should().BeLessThan(0.01, "a large store knows its own vocabulary");
        Math.Abs(Gap(50)).Should().BeGreaterThan(Math.Abs(Gap(5_000)));
    }
}
