using System.CommandLine;
using System.Text.Json;
using NewsCompare.Cli.Benchmarks;

namespace NewsCompare.Cli.Commands;

/// <summary>`generate-corpus`: writes a synthetic labelled collection (articles/*.txt, articles/sources.json, labels.json).</summary>
internal static class GenerateCorpusCommand
{
    public static Command Create()
    {
        var output = new Argument<DirectoryInfo>("out") { Description = "Folder to write (created; must be empty or absent)" };
        var articles = new Option<int>("--articles") { Description = "How many articles", DefaultValueFactory = _ => 10_000 };
        var perEvent = new Option<double>("--per-event") { Description = "Average reports per event", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same corpus)", DefaultValueFactory = _ => 42 };
        var command = new Command("generate-corpus", "Write a synthetic news collection with known events, copies, rewrites and missing dates")
        {
            output, articles, perEvent, seed,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            if (folder.Exists && folder.EnumerateFileSystemInfos().Any())
            {
                Console.Error.WriteLine($"{folder.FullName}: not empty; choose a new folder");
                return 2;
            }
            var articlesFolder = Directory.CreateDirectory(Path.Combine(folder.FullName, "articles"));
            var labels = new Dictionary<string, string>();
            var sources = new List<Dictionary<string, string?>>();
            foreach (var a in new CorpusGenerator(parse.GetValue(seed)).Generate(Math.Max(1, parse.GetValue(articles)), parse.GetValue(perEvent)))
            {
                File.WriteAllText(Path.Combine(articlesFolder.FullName, a.File), a.Headline + "\n\n" + string.Join("\n\n", a.Paragraphs) + "\n");
                labels[a.File] = $"event-{a.Event}";
                sources.Add(new() { ["file"] = a.File, ["url"] = a.Url, ["outlet"] = a.Outlet, ["published"] = a.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            }
            var json = new JsonSerializerOptions { WriteIndented = true };
            File.WriteAllText(Path.Combine(articlesFolder.FullName, "sources.json"), JsonSerializer.Serialize(sources, json));
            File.WriteAllText(Path.Combine(folder.FullName, "labels.json"), JsonSerializer.Serialize(labels, json));
            Console.WriteLine($"wrote {labels.Count} articles about {labels.Values.Distinct().Count()} events to {folder.FullName}");
            return 0;
        });
        return command;
    }
}
