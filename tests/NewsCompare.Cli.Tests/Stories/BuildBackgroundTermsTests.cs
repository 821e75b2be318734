using System.Text.Json;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Tests.Stories;

public sealed class BuildBackgroundTermsTests
{
    private static Task<int> RunAsync(params string[] args)
    {
        var root = new System.CommandLine.RootCommand { Subcommands = { NewsCompare.Cli.Commands.BuildBackgroundTermsCommand.Create() } };
        return root.Parse(["build-background-terms", .. args]).InvokeAsync();
    }

    [Fact]
    public async Task WritesAFileTheEngineReadsBackFromTheArticleBodiesOfAGroundTruthFile()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nc-background-{Guid.NewGuid():N}")).FullName;
        try
        {
            var truth = new Dictionary<string, object>
            {
                ["a"] = new { articleBody = "The council met on Friday.\n\nResidents asked about the harbour.", url = "https://example.org/a" },
                ["b"] = new { articleBody = "Flooding closed the harbour road, the council said.", url = "https://example.org/b" },
                ["c"] = new { articleBody = "A bridge opened after long delays.", url = "https://example.org/c" },
            };
            File.WriteAllText(Path.Combine(folder, "ground-truth.json"), JsonSerializer.Serialize(truth));
            var output = Path.Combine(folder, "terms.txt");

            var code = await RunAsync(folder, "--out", output);

            code.Should().Be(0);
            var text = File.ReadAllText(output);
            text.Should().Contain("# documents 3").And.Contain("build-background-terms");
            var terms = BackgroundTerms.Parse(text, output);
            terms.Documents.Should().Be(3);
            text.Should().Contain("2\tw\tharbour").And.Contain("2\tw\tcouncil").And.NotContain("bridge");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task RefusesAFolderWithoutAGroundTruthFile()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nc-background-{Guid.NewGuid():N}")).FullName;
        try
        {
            (await RunAsync(folder, "--out", Path.Combine(folder, "terms.txt"))).Should().Be(2);
            File.Exists(Path.Combine(folder, "terms.txt")).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
