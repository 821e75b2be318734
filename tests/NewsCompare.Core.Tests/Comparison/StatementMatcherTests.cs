using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

public sealed class StatementMatcherTests
{
    [Fact]
    public void ShipsAModelWhoseHeldOutFiguresAreRecorded()
    {
        var model = StatementModel.Default;
        model.HeldOut.Pairs.Should().BeGreaterThan(800);
        model.HeldOut.Accuracy.Should().BeInRange(0.5, 1);
        model.DevCrossValidated.Pairs.Should().BeGreaterThan(3000);
        model.Learner.Should().NotBeNullOrEmpty();
        model.WordWeights.Stems.Should().NotBeEmpty();
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

    [Theory]
    [InlineData("en", "The city council approved the new budget for public schools after a long debate on Tuesday.",
        "After a long debate on Tuesday, the city council approved the new budget for public schools.")]
    [InlineData("de", "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt für die Schulen beschlossen.",
        "Nach langer Debatte hat der Stadtrat am Dienstag den neuen Haushalt für die Schulen beschlossen.")]
    [InlineData("es", "El ayuntamiento aprobó el martes el nuevo presupuesto para las escuelas públicas tras un largo debate.",
        "Tras un largo debate, el ayuntamiento aprobó el martes el nuevo presupuesto para las escuelas públicas.")]
    [InlineData("fr", "Le conseil municipal a adopté mardi le nouveau budget des écoles publiques après un long débat.",
        "Après un long débat, le conseil municipal a adopté mardi le nouveau budget des écoles publiques.")]
    public void TakesReorderedClausesForTheSameStatement(string language, string first, string second) =>
        StatementMatcher.Default.Match(new Statement(first, language), new Statement(second, language)).Same.Should().BeTrue();

    [Theory]
    [InlineData("en", "The city council approved the new budget for public schools after a long debate on Tuesday.",
        "Teachers at the public schools said the city council had ignored their complaints about crowded classrooms.")]
    [InlineData("de", "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt für die Schulen beschlossen.",
        "Lehrer der Schulen werfen dem Stadtrat vor, ihre Klagen über überfüllte Klassen seit Jahren zu überhören.")]
    [InlineData("es", "El ayuntamiento aprobó el martes el nuevo presupuesto para las escuelas públicas tras un largo debate.",
        "Los profesores de las escuelas públicas acusan al ayuntamiento de ignorar sus quejas sobre las aulas llenas.")]
    public void TellsApartTwoStatementsOnOneTopic(string language, string first, string second) =>
        StatementMatcher.Default.Match(new Statement(first, language), new Statement(second, language)).Same.Should().BeFalse();

    [Theory]
    [InlineData("en", "Police said 42 people were injured when the stand collapsed during the final.",
        "Police said 37 people were injured when the stand collapsed during the final.")]
    [InlineData("de", "Die Polizei teilte mit, beim Einsturz der Tribüne seien 42 Menschen verletzt worden.",
        "Die Polizei teilte mit, beim Einsturz der Tribüne seien 37 Menschen verletzt worden.")]
    [InlineData("it", "La polizia ha detto che 42 persone sono rimaste ferite nel crollo della tribuna durante la finale.",
        "La polizia ha detto che 37 persone sono rimaste ferite nel crollo della tribuna durante la finale.")]
    public void FindsTheFigureThatDiffersInOneStatement(string language, string first, string second)
    {
        var match = StatementMatcher.Default.MatchAcrossVersions(new Statement(first, language, withClauses: true), new Statement(second, language, withClauses: true));

        match.Same.Should().BeTrue();
        match.DifferingFigures.Should().BeTrue();
    }

    [Theory]
    [InlineData("en", "The government will close the coal plant in the north next year.", "The government will not close the coal plant in the north next year.")]
    [InlineData("en", "The minister said the talks had failed.", "The minister said the talks hadn't failed.")]
    [InlineData("de", "Die Regierung wird das Kohlekraftwerk im Norden im nächsten Jahr schließen.", "Die Regierung wird das Kohlekraftwerk im Norden im nächsten Jahr nicht schließen.")]
    [InlineData("es", "El gobierno cerrará la central de carbón del norte el próximo año.", "El gobierno no cerrará la central de carbón del norte el próximo año.")]
    public void ScoresADenialBelowAnEqualRewording(string language, string statement, string denial)
    {
        var a = new Statement(statement, language);
        var plain = StatementMatcher.Default.Match(a, new Statement(statement, language)).Score;
        var denied = StatementMatcher.Default.Match(a, new Statement(denial, language)).Score;

        denied.Should().BeLessThan(plain);
        StatementFeatures.Compute(a, new Statement(denial, language))[StatementFeatures.Names.ToList().IndexOf("negation-differs")].Should().Be(1);
    }

    [Fact]
    public void LearningTheSamePairsTwiceWritesTheSameModel()
    {
        var pairs = SyntheticPairs(60);

        string Write() => System.Text.Json.JsonSerializer.Serialize(StatementLearner.Learn(pairs, "synthetic", folds: 3), StatementModel.Json);

        Write().Should().Be(Write());
    }

    [Fact]
    public void BoostedTreesScoreTheSameAfterTheModelFileIsReadBack()
    {
        var pairs = SyntheticPairs(60);
        var model = StatementLearner.Learn(pairs, "synthetic", folds: 3, candidates: [new LearnerSettings(0, false, 2, 30)]);
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(model, StatementModel.Json)));

        var read = StatementModel.Read(file, "model.json");

        read.SameLanguage.Trees.Should().HaveCount(30);
        model.Learner.Should().Contain("30 boosted trees");
        var (a, b) = (new Statement(pairs[0].First), new Statement(pairs[0].Second));
        new StatementMatcher(read).Match(a, b).Score.Should().Be(new StatementMatcher(model).Match(a, b).Score);
        model.HeldOut.Pairs.Should().Be(12, "a fifth of the pairs is held out");
    }

    [Fact]
    public void RejectsAModelFileWhoseTreeNamesAFeatureItDoesNotRead()
    {
        var model = StatementLearner.Learn(SyntheticPairs(60), "synthetic", folds: 3, candidates: [new LearnerSettings(0, false, 1, 2)]);
        var broken = model with { SameLanguage = model.SameLanguage with { Trees = [new ScoreTree([99], [0.5], [0.1, -0.1])] } };
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(broken, StatementModel.Json)));

        var read = () => StatementModel.Read(file, "model.json");

        read.Should().Throw<InvalidDataException>().WithMessage("model.json: a tree*");
    }

    [Fact]
    public void WeighsARareStemAboveACommonOneAndAnUnseenOneAboveBoth()
    {
        var sentences = new[] { "The mayor opened the bridge.", "The mayor closed the market.", "The mayor visited the port.", "A storm hit the bridge." }
            .Select(t => new Statement(t)).ToList();

        var weights = WordWeights.Learn(sentences, minSentences: 2);

        var (mayor, bridge) = (new Statement("mayor").Stems[0], new Statement("bridge").Stems[0]);
        weights.Of(mayor).Should().BeGreaterThan(0).And.BeLessThan(weights.Of(bridge));
        weights.Of("volcano").Should().BeGreaterThan(weights.Of(bridge));
    }

    private static List<LabelledPair> SyntheticPairs(int count) => [.. Enumerable.Range(0, count).Select(i => i % 2 == 0
        ? new LabelledPair($"p{i}", true, $"The council of town {i} approved the new budget for schools on Monday.", $"On Monday the council of town {i} approved the new school budget.")
        : new LabelledPair($"p{i}", false, $"The council of town {i} approved the new budget for schools on Monday.", $"Fishermen in harbour {i} protested against quotas for the third week."))];

    [Fact]
    public void RejectsAPairsFileWithoutFourFieldsNamingTheLine()
    {
        var read = () => StatementLearner.ReadPairs(new StringReader("id\tlabel\ts1\ts2\na\t1\tonly three"), "pairs.tsv");
        read.Should().Throw<InvalidDataException>().WithMessage("pairs.tsv:2:*");
    }
}
