using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

/// <summary>Synthetic versions of one event: rewordings, reordered clauses, a differing figure, a cut quote, an omission, two languages.</summary>
public sealed class StatementAlignmentTests
{
    private static readonly ComparisonInput Wire = new("wire", "Storm hits Varna coast", [
        "A storm flooded the port of Varna on Monday, forcing 1,200 residents to leave their homes.",
        "Mayor Ivan Petrov said the damage would take months to repair.",
        "\"We have never seen water this high in the old town, and we will need help from the government to rebuild,\" Petrov told reporters.",
        "Rail services along the coast were suspended until Wednesday.",
    ], "en");

    private static readonly ComparisonInput Rewrite = new("rewrite", "Varna flooded", [
        "Forcing 1,100 residents to leave their homes, a storm flooded the port of Varna on Monday.",
        "According to Mayor Ivan Petrov, repairing the damage would take months.",
        "\"We have never seen water this high in the old town,\" Petrov said.",
    ], "en");

    private static readonly ComparisonInput Brief = new("brief", "Storm in Varna", [
        "Rail services along the coast were suspended until Wednesday after a storm.",
        "Mayor Ivan Petrov said the damage would take months to repair.",
    ], "en");

    private static ComparedSentence Sentence(VersionComparison result, string key, string start) =>
        result.Versions.Single(v => v.Key == key).EachSentence().Single(s => s.Text.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void LinesUpAReworded()
    {
        var result = VersionComparer.Compare([Wire, Rewrite, Brief]);

        var said = Sentence(result, "wire", "Mayor Ivan Petrov said");
        said.Coverage.Should().Be(Coverage.All);
        Sentence(result, "rewrite", "According to Mayor").Group.Should().Be(said.Group);
        said.AlsoIn.Should().BeEquivalentTo(["rewrite", "brief"]);
    }

    [Fact]
    public void LinesUpReorderedClausesAndMarksTheDifferingFigure()
    {
        var result = VersionComparer.Compare([Wire, Rewrite, Brief]);

        var wire = Sentence(result, "wire", "A storm flooded");
        var rewrite = Sentence(result, "rewrite", "Forcing 1,100");
        rewrite.Group.Should().Be(wire.Group);
        wire.DifferingFigures.Should().BeTrue();
        var difference = result.Differences.Should().ContainSingle(d => d.Kind == "figures").Subject;
        difference.Group.Should().Be(wire.Group);
        difference.Versions.Select(v => (v.Key, string.Join(" ", v.Values))).Should().Equal(("wire", "1,200 residents"), ("rewrite", "1,100 residents"));
    }

    [Fact]
    public void ShowsAQuoteOneOutletCutsBesideTheFullOne()
    {
        var result = VersionComparer.Compare([Wire, Rewrite, Brief]);

        var quote = result.Quotes.Should().ContainSingle().Subject;
        quote.Speaker.Should().Be("Mayor Ivan Petrov");
        quote.Versions.Select(v => (v.Key, v.Use)).Should().Equal(("wire", QuoteUse.Quoted), ("rewrite", QuoteUse.Cut));
    }

    [Fact]
    public void ListsWhatAVersionLeavesOutThatMostOthersCarry()
    {
        var result = VersionComparer.Compare([Wire, Rewrite, Brief]);

        var rewrite = result.Versions.Single(v => v.Key == "rewrite");
        rewrite.LeavesOut.Should().ContainSingle().Which.Text.Should().StartWith("Rail services along the coast");
        rewrite.LeavesOut[0].CarriedBy.Should().BeEquivalentTo(["wire", "brief"]);
        result.Versions.Single(v => v.Key == "brief").LeavesOut.Select(l => l.Text)
            .Should().Contain(t => t.StartsWith("A storm flooded", StringComparison.Ordinal));
    }

    [Fact]
    public void LinesUpOneStatementInTwoLanguages()
    {
        var english = new ComparisonInput("en", null, [
            "President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on 12 March to discuss 2000 jobs at Airbus.",
            "The weather in the capital was mild.",
        ], "en");
        var french = new ComparisonInput("fr", null, [
            "Le président Emmanuel Macron a rencontré le chancelier Olaf Scholz à Berlin le 12 mars pour discuter de 2000 emplois chez Airbus.",
            "Les syndicats ont appelé à une grève nationale jeudi.",
        ], "fr");

        var result = VersionComparer.Compare([english, french]);

        result.Versions[0].Paragraphs[0][0].AlsoIn.Should().Equal("fr");
        result.Versions[0].Paragraphs[1][0].Coverage.Should().Be(Coverage.Only);
        result.Versions[1].Paragraphs[1][0].Coverage.Should().Be(Coverage.Only);
    }

    [Fact]
    public void LinesUpARewordingInSpanishByItsStems()
    {
        var one = new ComparisonInput("a", null, ["Los ministros de Chile y Perú firmaron el tratado sobre la frontera marítima en Lima."], "es");
        var other = new ComparisonInput("b", null, ["En Lima, el tratado sobre la frontera marítima fue firmado por los ministros de Chile y Perú."], "es");

        VersionComparer.Compare([one, other]).Versions[0].Paragraphs[0][0].Coverage.Should().Be(Coverage.All);
    }

    [Fact]
    public void NamesADifferentSpeakerForTheSameStatement()
    {
        var one = new ComparisonInput("a", null, ["The bridge will reopen to traffic next week after repairs, said Minister Anna Kovac."], "en");
        var other = new ComparisonInput("b", null, ["The bridge will reopen to traffic next week after repairs, said spokesman Marko Horvat."], "en");

        var result = VersionComparer.Compare([one, other]);

        result.Versions[0].Paragraphs[0][0].Coverage.Should().Be(Coverage.All);
        var names = result.Differences.Should().ContainSingle(d => d.Kind == "names").Subject;
        names.Versions.Select(v => v.Values).Should().BeEquivalentTo(new[] { new[] { "Minister Anna Kovac" }, new[] { "Marko Horvat" } });
    }

    [Fact]
    public void ALoneCapitalLetterIsNoName()
    {
        // "I" and the "U" of "U.S." are capitalised inside a sentence ("The U" even looks like a run), but name no one.
        var one = new ComparisonInput("a", null, ["The U.S. envoy said the bridge will reopen to traffic next week, and I expect crowds, said Minister Anna Kovac."], "en");
        var other = new ComparisonInput("b", null, ["The bridge will reopen to traffic next week, the U.S. envoy said, said spokesman Marko Horvat."], "en");

        var result = VersionComparer.Compare([one, other]);

        var names = result.Differences.Should().ContainSingle(d => d.Kind == "names").Subject;
        names.Versions.Select(v => v.Values).Should().BeEquivalentTo(new[] { new[] { "Minister Anna Kovac" }, new[] { "Marko Horvat" } });
    }
}
