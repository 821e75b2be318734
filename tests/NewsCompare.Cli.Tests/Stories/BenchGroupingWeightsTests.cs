using System.Text.Json;

namespace NewsCompare.Cli.Tests.Stories;

public sealed class BenchGroupingWeightsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nc-bench-weights-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    // Two reports of one event in two languages, and a report of another event.
    private string Dataset()
    {
        var articles = Path.Combine(_folder, "set", "articles");
        Directory.CreateDirectory(articles);
        File.WriteAllText(Path.Combine(articles, "a.txt"), "Storm floods the old town of Mostar\n\nHeavy rain flooded the old town of Mostar on Sunday, and firefighters pumped water out of cellars along the river Neretva.\n\nThe mayor said the bridge stayed open and that schools would close on Monday.");
        File.WriteAllText(Path.Combine(articles, "b.txt"), "Mostar old town under water after storm\n\nFirefighters in Mostar pumped water from flooded cellars by the Neretva after a night of heavy rain.\n\nSchools will close on Monday, the mayor said, while the old bridge remains open.");
        File.WriteAllText(Path.Combine(articles, "c.txt"), "Harbour warehouse burns in Split\n\nA timber warehouse near the harbour of Split burned through the night, and smoke closed two streets until morning.\n\nNobody was hurt, the fire brigade said.");
        File.WriteAllText(Path.Combine(_folder, "set", "labels.json"), JsonSerializer.Serialize(new Dictionary<string, string> { ["a.txt"] = "flood", ["b.txt"] = "flood", ["c.txt"] = "fire" }));
        return Path.Combine(_folder, "set");
    }

    [Fact]
    public async Task BenchGroupingGroupsWithTheWeightsFileItIsGiven()
    {
        var set = Dataset();
        var strict = Path.Combine(_folder, "strict.json");
        File.WriteAllText(strict, """{"words": 1, "names": 1, "numbers": 1, "headline": 1, "gap": 0, "join": 0.99}""");

        var shipped = await CliRunner.RunAsync("bench-grouping", set, "--orders", "0");
        var withStrict = await CliRunner.RunAsync("bench-grouping", set, "--orders", "0", "--weights", strict);

        shipped.ExitCode.Should().Be(0, shipped.Stderr);
        withStrict.ExitCode.Should().Be(0, withStrict.Stderr);
        shipped.Stdout.Should().Contain("set without dates: engine: articles 3  stories 2");
        withStrict.Stdout.Should().Contain("set without dates: engine: articles 3  stories 3", "no two reports reach a join level of 0.99");
    }
}
