using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

public sealed class StatementMatcherTests
{
    [Fact]
    public void ShipsAModelWhoseHeldOutFiguresAreRecorded()
    {
        var model = StatementModel.Default;
        model.HeldOut.Pairs.Should().BeGreaterThan(1000);
        model.HeldOut.Accuracy.Should().BeInRange(0.5, 1);
        model.SameLanguage.Features.Should().BeSubsetOf(StatementFeatures.Names);
        model.AcrossLanguages.Features.Should().BeSubsetOf(StatementFeatures.AcrossLanguages);
    }

    [Fact]
    public void TellsARewordingFromADifferentStatementAboutTheSameThing()
    {
        var matcher = StatementMatcher.Default;
        var original = new Statement("The central bank raised its main interest rate to 4.5 percent on Thursday.");
        matcher.Match(original, new Statement("On Thursday the central bank raised its main interest rate to 4.5 percent.")).Same.Should().BeTrue();
        matcher.Match(original, new Statement("Shares in the central bank's largest lenders fell sharply after the holiday.")).Same.Should().BeFalse();
    }

    [Fact]
    public void ADifferingFigureIsTheSameStatementWithAnotherValue()
    {
        var a = new Statement("The shipment of rare tea weighed 1,200 pounds when it reached the port of Hamburg.");
        var b = new Statement("The shipment of rare tea weighed 1,100 pounds when it reached the port of Hamburg.");

        var match = StatementMatcher.Default.MatchAcrossVersions(a, b);

        match.Same.Should().BeTrue();
        match.DifferingFigures.Should().BeTrue();
        StatementMatcher.Default.MatchAcrossVersions(a, a).DifferingFigures.Should().BeFalse();
    }

    [Fact]
    public void LearnsWeightsThatSeparateLabelledPairs()
    {
        var pairs = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? new LabelledPair($"p{i}", true, $"The council of town {i} approved the new budget for schools on Monday.", $"On Monday the council of town {i} approved the new school budget.")
            : new LabelledPair($"p{i}", false, $"The council of town {i} approved the new budget for schools on Monday.", $"Fishermen in harbour {i} protested against quotas for the third week.")).ToList();

        var model = StatementLearner.Learn(pairs, "synthetic", folds: 4);

        model.HeldOut.Accuracy.Should().Be(1);
        new StatementMatcher(model).Match(new Statement(pairs[0].First), new Statement(pairs[0].Second)).Same.Should().BeTrue();
    }

    [Fact]
    public void RejectsAPairsFileWithoutFourFieldsNamingTheLine()
    {
        var read = () => StatementLearner.ReadPairs(new StringReader("id\tlabel\ts1\ts2\na\t1\tonly three"), "pairs.tsv");
        read.Should().Throw<InvalidDataException>().WithMessage("pairs.tsv:2:*");
    }
}
