using System.Text.Json;
using NewsCompare.Cli.Benchmarks;

namespace NewsCompare.Cli.Tests.Stories;

public sealed class GenerateCorpusTests
{
    [Fact]
    public void TheSameSeedGivesTheSameCorpusWithCopiesRewritesAndMissingDates()
    {
        var first = new CorpusGenerator(seed: 3).Generate(2000).ToList();
        var second = new CorpusGenerator(seed: 3).Generate(2000).ToList();

        first.Should().HaveCount(2000);
        first.Select(a => a.Headline).Should().Equal(second.Select(a => a.Headline));
        first.Select(a => a.File).Should().OnlyHaveUniqueItems();
        first.Select(a => a.Event).Distinct().Count().Should().BeInRange(200, 1000, "about five reports per event");
        first.Should().Contain(a => a.Kind == "copy").And.Contain(a => a.Kind == "rewrite").And.Contain(a => a.Published == null)
            .And.Contain(a => a.Language == "pt").And.Contain(a => a.Paragraphs.Count == 0);
        var copy = first.First(a => a.Kind == "copy");
        first.Should().Contain(a => a.Event == copy.Event && a.Kind != "copy" && a.Headline == copy.Headline, "a copy repeats a report of its own event");
    }

    [Fact]
    public async Task GenerateCorpusWritesArticlesSourcesAndLabelsThatAgree()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"nc-corpus-{Guid.NewGuid():N}");
        try
        {
            var root = new System.CommandLine.RootCommand { Subcommands = { NewsCompare.Cli.Commands.GenerateCorpusCommand.Create() } };
            var code = await root.Parse(["generate-corpus", folder, "--articles", "120"]).InvokeAsync();

            code.Should().Be(0);
            var files = Directory.GetFiles(Path.Combine(folder, "articles"), "*.txt").Select(Path.GetFileName).ToHashSet();
            files.Should().HaveCount(120);
            var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(folder, "labels.json")))!;
            labels.Keys.Should().BeEquivalentTo(files);
            var sources = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "articles", "sources.json"))).RootElement.EnumerateArray().ToList();
            sources.Select(s => s.GetProperty("file").GetString()).Should().BeEquivalentTo(files);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
