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
        var model = Path.Combine(Path.GetTempPath(), $"nc-model-{Guid.NewGuid():N}.json");
        var pairs = await WriteSeparablePairsAsync(i => $"Le conseil de la ville {i} a voté le budget des écoles lundi.",
            i => $"Lundi, le conseil de la ville {i} a voté le budget des écoles.", i => $"Les pêcheurs du port {i} manifestent contre les quotas.");
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
        var model = Path.Combine(Path.GetTempPath(), $"nc-model-{Guid.NewGuid():N}.json");
        var pairs = await WriteSeparablePairsAsync(i => $"Der Stadtrat {i} hat am Montag den Haushalt der Schulen beschlossen.",
            i => $"Am Montag hat der Stadtrat {i} den Haushalt der Schulen beschlossen.", i => $"Die Fischer im Hafen {i} protestieren gegen die Fangquoten.");
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

    // Forty labelled pairs any learner separates: even ones a sentence and its reordering, odd ones another statement.
    private static async Task<string> WriteSeparablePairsAsync(Func<int, string> sentence, Func<int, string> reordered, Func<int, string> other)
    {
        var pairs = Path.Combine(Path.GetTempPath(), $"nc-pairs-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(pairs, "id\tlabel\tsentence1\tsentence2\n" + string.Concat(Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? $"p{i}\t1\t{sentence(i)}\t{reordered(i)}\n"
            : $"p{i}\t0\t{sentence(i)}\t{other(i)}\n")));
        return pairs;
    }

    [Fact]
    public async Task MatchStatementsNamesAMissingFile()
    {
        var run = await CliRunner.RunAsync("match-statements", "/nonexistent/pairs.tsv");
        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("/nonexistent/pairs.tsv").And.Contain("not found");
    }
}
