using NewsCompare.Cli.Benchmarks;

namespace NewsCompare.Cli.Tests.Stories;

public sealed class PairCeilingTests : CliTempFolder
{
    [Fact]
    public void BestF1TakesTheThresholdThatScoresBestOnThePairs()
    {
        // Cutting after the third pair keeps both same-event pairs and one other: F1 2·2 / (2·2 + 1) = 0.8.
        PairCeiling.BestF1([0.9, 0.8, 0.7, 0.6], [true, false, true, false]).Should().BeApproximately(0.8, 1e-9);
    }

    [Fact]
    public void BestF1NeverPutsAThresholdBetweenTiedScores()
    {
        // With one threshold both pairs are linked or neither: the best is 2 / 3, not the 1.0 of splitting the tie.
        PairCeiling.BestF1([0.5, 0.5, 0.1], [true, false, false]).Should().BeApproximately(2.0 / 3, 1e-9);
    }

    [Fact]
    public async Task BenchStoriesPairCeilingPrintsTheRatedSetAndEachOfItsLanguages()
    {
        var set = RatedSet();

        var run = await CliRunner.RunAsync("bench-stories", "--pair-ceiling", "--pairs", set, "--basil", Path.Combine(Folder, "none"), "--generated", "0");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.Stdout.Split('\n').Where(l => l.StartsWith("| story-pairs-dev", StringComparison.Ordinal)).ToList();
        rows.Select(r => r.Split('|')[1].Trim()).Should().Equal("story-pairs-dev", "story-pairs-dev: de", "story-pairs-dev: en");
        // Each language's same-event pair shares its event's words and its different-event pair shares none: any
        // word-based similarity separates them, so every reading reaches F1 1.
        var words = rows.Select(r => r.Split('|')[3].Trim()).ToList();
        words.Should().AllBe("1.000");
        rows[0].Split('|')[2].Trim().Should().Be("4 (2)");
    }

    // Two languages, each with a pair of reports of one event (rated 1.0) and a pair of different events (rated 4.0).
    private string RatedSet()
    {
        var root = Path.Combine(Folder, "pairs");
        var articles = Path.Combine(root, "articles");
        Directory.CreateDirectory(articles);
        void Write(string id, string text) => File.WriteAllText(Path.Combine(articles, id + ".txt"), text);
        Write("1", "Storm floods the old town of Mostar\n\nHeavy rain flooded the old town of Mostar on Sunday, and firefighters pumped water out of cellars along the river Neretva.");
        Write("2", "Mostar old town under water after storm\n\nFirefighters in Mostar pumped water from flooded cellars by the Neretva after a night of heavy rain.");
        Write("3", "Harbour warehouse burns in Split\n\nA timber warehouse near the harbour of Split burned through the night, and smoke closed two streets until morning.");
        Write("4", "Hochwasser in Passau erreicht die Altstadt\n\nDie Donau hat in Passau die Altstadt überflutet, Feuerwehrleute pumpten Keller am Ufer leer.");
        Write("5", "Passauer Altstadt steht unter Wasser\n\nIn Passau pumpten Feuerwehrleute überflutete Keller an der Donau leer, die Altstadt steht unter Wasser.");
        Write("6", "Neue Straßenbahnlinie in Freiburg eröffnet\n\nDie Verkehrsbetriebe eröffneten am Montag eine Linie zwischen dem Bahnhof und dem Messegelände.");
        File.WriteAllLines(Path.Combine(root, "pairs.jsonl"),
        [
            """{"a": "1", "b": "2", "lang_a": "en", "lang_b": "en", "overall": 1.0}""",
            """{"a": "1", "b": "3", "lang_a": "en", "lang_b": "en", "overall": 4.0}""",
            """{"a": "4", "b": "5", "lang_a": "de", "lang_b": "de", "overall": 1.0}""",
            """{"a": "4", "b": "6", "lang_a": "de", "lang_b": "de", "overall": 4.0}""",
        ]);
        return root;
    }
}
