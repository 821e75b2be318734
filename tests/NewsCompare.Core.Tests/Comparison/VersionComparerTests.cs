using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

public sealed class VersionComparerTests
{
    private static readonly ComparisonInput Wire = new("wire", "Ministers agree on river treaty", [
        "The two ministers signed a treaty on Tuesday to share the waters of the Ostra river.",
        "\"This agreement ends a decade of quarrels over every dam and canal,\" the foreign minister said.",
        "The treaty still needs approval by both parliaments.",
    ]);

    private static readonly ComparisonInput Rewrite = new("rewrite", "River treaty signed after decade of disputes", [
        "On Tuesday the two ministers signed a treaty to share the waters of the Ostra river.",
        "\"This agreement ends a decade of quarrels over every dam and canal,\" the minister told reporters.",
        "Farmers downstream have protested for months against the new canal.",
    ]);

    private static readonly ComparisonInput Brief = new("brief", "Treaty signed", [
        "Ministers signed a treaty on Tuesday to share the waters of the Ostra river.",
    ]);

    [Fact]
    public void MarksTheSentenceEveryVersionReportsAsSharedByAll()
    {
        var result = VersionComparer.Compare([Wire, Rewrite, Brief]).Versions;

        var first = result[0].Paragraphs[0][0];
        first.Coverage.Should().Be(Coverage.All);
        first.AlsoIn.Should().BeEquivalentTo(["rewrite", "brief"]);
        result.Select(v => v.Paragraphs[0][0].Group).Distinct().Should().ContainSingle();
    }

    [Fact]
    public void MarksWhatOnlyOneVersionReportsAsUnique()
    {
        var result = VersionComparer.Compare([Wire, Rewrite, Brief]).Versions;

        result[0].Paragraphs[2][0].Coverage.Should().Be(Coverage.Only);
        result[1].Paragraphs[2][0].Coverage.Should().Be(Coverage.Only);
        result[0].Paragraphs[1][0].Coverage.Should().Be(Coverage.Some);
        result[0].Unique.Should().Be(1);
        result[2].SharedByAll.Should().Be(1);
    }

    [Fact]
    public void FindsTheSameQuotationInVersionsThatAttributeItDifferently()
    {
        var result = VersionComparer.Compare([Wire, Rewrite, Brief]).Versions;

        var quote = result[0].Quotes.Should().ContainSingle().Subject;
        quote.Text.Should().StartWith("This agreement ends a decade");
        quote.AlsoIn.Should().Equal("rewrite");
        result[2].Quotes.Should().BeEmpty();
    }

    [Fact]
    public void ListsWordsOnlyOneVersionUses()
    {
        var result = VersionComparer.Compare([Wire, Rewrite]).Versions;

        result[1].DistinctiveWords.Should().Contain("Farmers").And.Contain("disputes");
        result[0].DistinctiveWords.Should().Contain("parliaments").And.NotContain("treaty");
    }

    [Fact]
    public void ListsRareWordsBeforeCommonOnesUsedMoreOften()
    {
        var plain = new ComparisonInput("plain", "Bridge reopens", ["Officials announced the bridge reopens. They announced it again and announced a date."]);
        var named = new ComparisonInput("named", "Bridge reopens", ["The bridge reopens, engineers in Gdansk confirmed after inspecting it."]);
        var other = new ComparisonInput("other", "Bridge reopens", ["The bridge reopens on Monday."]);

        VersionComparer.CandidateWords([plain, named, other]).Should().Contain("announced").And.Contain("gdansk").And.NotContain("bridge");

        // Without word shares, a name outranks a plain word used three times.
        var unweighted = VersionComparer.Compare([plain, named]).Versions;
        unweighted[1].DistinctiveWords[0].Should().Be("Gdansk");
        unweighted[0].DistinctiveWords[0].Should().Be("announced");

        // With shares from a larger collection, a word most articles use falls behind rarer ones.
        var shares = new Dictionary<string, double> { ["announced"] = 0.6, ["officials"] = 0.01, ["date"] = 0.2, ["again"] = 0.3 };
        var weighted = VersionComparer.Compare([plain, named], shares).Versions;
        weighted[0].DistinctiveWords[0].Should().Be("Officials");
        weighted[0].DistinctiveWords.Should().Equal("Officials", "date", "announced");
    }

    [Fact]
    public void NeverPairsTwoSentencesOfOneVersionWithTheSameSentenceElsewhere()
    {
        var repeated = new ComparisonInput("repeat", null, [
            "The ministers signed a treaty on Tuesday to share the Ostra river.",
            "The ministers signed a treaty on Tuesday to share the Ostra river waters.",
        ]);

        var result = VersionComparer.Compare([repeated, Brief]).Versions;

        result[0].Paragraphs.SelectMany(p => p).Count(s => s.Coverage == Coverage.All).Should().Be(1);
        result[0].Paragraphs.SelectMany(p => p).Count(s => s.Coverage == Coverage.Only).Should().Be(1);
    }

    [Fact]
    public void DifferentStatementsAboutTheSameSubjectStayApart()
    {
        StatementMatcher.Default.MatchAcrossVersions(
            new Statement("The minister signed the river treaty on Tuesday."),
            new Statement("Parliament rejected the river treaty after a long debate.")).Same.Should().BeFalse();
    }

    [Fact]
    public void TwoSentencesSharingOnlyTheirSubjectAreNotTheSameStatement()
    {
        var result = VersionComparer.Compare(
        [
            new ComparisonInput("a", "Ferry deal signed", ["Islanders warmly welcomed the new ferry timetable at a meeting in the town hall.", "The mayor spoke at the pier."]),
            new ComparisonInput("b", "Ferry deal", ["The new ferry timetable will cost islanders dearly, the harbour master warned.", "The mayor spoke at the pier on Monday."]),
        ]).Versions;

        var first = result[0].Paragraphs[0][0];
        first.Coverage.Should().Be(Coverage.Only, "both are about islanders and the timetable, but one says they welcomed it, the other that it costs them dearly");
        result[0].Paragraphs[1][0].Coverage.Should().Be(Coverage.All);
    }

    [Fact]
    public void AShortQuotationFoundInsideAnotherVersionsLongerOneWithSmallDifferencesIsShared()
    {
        var short_ = new ComparisonInput("short", null, [
            "He reaffirmed \"invariable support for the capital on the harbour, river and mountain issues, which rivals exploited to discredit it.\"",
        ]);
        var long_ = new ComparisonInput("long", null, [
            "\"We confirm our continued support for the capital on the issues of harbour, river and mountain, which are used by rivals to discredit it,\" he said.",
        ]);
        var unrelated = new ComparisonInput("other", null, ["\"Nobody here expected the festival to draw such crowds this year,\" she said."]);

        var result = VersionComparer.Compare([short_, long_, unrelated]).Versions;

        result[0].Quotes.Should().ContainSingle().Which.AlsoIn.Should().Equal("long");
        result[2].Quotes.Should().ContainSingle().Which.AlsoIn.Should().BeEmpty();
    }
}
