using System.Text.Json;
using NewsCompare.Core.Comparison;

namespace NewsCompare.Cli.Tests.Comparison;

public sealed class StatementCommandsTests
{
    private const string Pairs = "id\tlabel\tsentence1\tsentence2\n" +
        "a\t1\tThe central bank raised its main interest rate to 4.5 percent on Thursday.\tOn Thursday the central bank raised its main interest rate to 4.5 percent.\n" +
        "b\t0\tThe central bank raised its main interest rate to 4.5 percent on Thursday.\tFishermen in the northern harbour protested against new quotas for a third week.\n";

    [Fact]
    public async Task MatchStatementsPrintsOneJsonLinePerPairWithTheMatchersDecision()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nc-pairs-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(file, Pairs);
        try
        {
            var run = await CliRunner.RunAsync("match-statements", file);

            run.ExitCode.Should().Be(0, run.Stderr);
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            lines.Select(l => l.GetProperty("id").GetString()).Should().Equal("a", "b");
            lines.Select(l => l.GetProperty("same").GetBoolean()).Should().Equal(true, false);
            var expected = StatementMatcher.Default.Match(
                new Statement("The central bank raised its main interest rate to 4.5 percent on Thursday."),
                new Statement("On Thursday the central bank raised its main interest rate to 4.5 percent.")).Score;
            lines[0].GetProperty("score").GetDouble().Should().BeApproximately(expected, 0.0001);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task LearnStatementsWritesAModelAndPrintsItsDevelopmentAndHeldOutFigures()
    {
        var pairs = Path.Combine(Path.GetTempPath(), $"nc-pairs-{Guid.NewGuid():N}.tsv");
        var model = Path.Combine(Path.GetTempPath(), $"nc-model-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(pairs, "id\tlabel\tsentence1\tsentence2\n" + string.Concat(Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? $"p{i}\t1\tLe conseil de la ville {i} a voté le budget des écoles lundi.\tLundi, le conseil de la ville {i} a voté le budget des écoles.\n"
            : $"p{i}\t0\tLe conseil de la ville {i} a voté le budget des écoles lundi.\tLes pêcheurs du port {i} manifestent contre les quotas.\n")));
        try
        {
            var run = await CliRunner.RunAsync("learn-statements", pairs, "--out", model, "--folds", "4");

            run.ExitCode.Should().Be(0, run.Stderr);
            run.Stdout.Should().Contain("learner chosen: ").And.Contain("development part, cross-validated").And.Contain("held out, same language: accuracy 1.0000");
            await using var file = File.OpenRead(model);
            StatementModel.Read(file, model).HeldOut.Pairs.Should().Be(8);
        }
        finally { File.Delete(pairs); File.Delete(model); }
    }

    [Fact]
    public async Task LearnStatementsComparesOnlyTheAskedFamilyOnFoldsCutByTheGivenSeedWithoutWritingAModel()
    {
        var pairs = Path.Combine(Path.GetTempPath(), $"nc-pairs-{Guid.NewGuid():N}.tsv");
        var model = Path.Combine(Path.GetTempPath(), $"nc-model-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(pairs, "id\tlabel\tsentence1\tsentence2\n" + string.Concat(Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? $"p{i}\t1\tDer Stadtrat {i} hat am Montag den Haushalt der Schulen beschlossen.\tAm Montag hat der Stadtrat {i} den Haushalt der Schulen beschlossen.\n"
            : $"p{i}\t0\tDer Stadtrat {i} hat am Montag den Haushalt der Schulen beschlossen.\tDie Fischer im Hafen {i} protestieren gegen die Fangquoten.\n")));
        try
        {
            var run = await CliRunner.RunAsync("learn-statements", pairs, "--out", model, "--folds", "4", "--compare", "--family", "logistic", "--fold-seed", "3");

            run.ExitCode.Should().Be(0, run.Stderr);
            var rows = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            rows.Should().HaveCount(6, "six signal sets, one family");
            rows.Should().OnlyContain(r => r.Contains("| logistic regression, ridge ") && !r.Contains("trees"));
            rows.Should().OnlyContain(r => r.Contains("held out 1.0000 / 1.0000") && r.Contains("threshold for best F1: dev CV 1.0000 / 1.0000"));
            File.Exists(model).Should().BeFalse();
        }
        finally { File.Delete(pairs); File.Delete(model); }
    }

    [Fact]
    public async Task LearnStatementsRefusesAnUnknownLearnerFamily()
    {
        var run = await CliRunner.RunAsync("learn-statements", "/nonexistent/pairs.tsv", "--compare", "--family", "forest");
        run.ExitCode.Should().NotBe(0);
        run.Stderr.Should().Contain("forest");
    }

    [Fact]
    public async Task MatchStatementsNamesAMissingFile()
    {
        var run = await CliRunner.RunAsync("match-statements", "/nonexistent/pairs.tsv");
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("/nonexistent/pairs.tsv").And.Contain("not found");
    }
}
