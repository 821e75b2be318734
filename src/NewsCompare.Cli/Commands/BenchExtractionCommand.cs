using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Html;
using NewsCompare.Core.Extraction.Text;

namespace NewsCompare.Cli.Commands;

/// <summary>`bench-extraction`: scores and times the extractors on the article-extraction dataset.</summary>
internal static class BenchExtractionCommand
{
    public static Command Create()
    {
        var dataset = new Argument<DirectoryInfo>("dataset")
        {
            Description = "The dataset folder (html/, text/, ground-truth.json)",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "datasets", "article-extraction-dev")),
        };
        var format = new Option<string>("--format") { Description = "html, text or both", DefaultValueFactory = _ => "both" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write results-<format>.json (score.py's input) and per-page CSV here" };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes over the set after one warm-up", DefaultValueFactory = _ => 5 };
        var command = new Command("bench-extraction", "Score and time article extraction on a dataset with ground truth")
        {
            dataset, format, output, rounds,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dataset)!;
            var truthFile = Path.Combine(folder.FullName, "ground-truth.json");
            if (!File.Exists(truthFile))
            {
                Console.Error.WriteLine($"{truthFile}: not found; pass the dataset folder");
                return 2;
            }
            var truth = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(truthFile))!
                .ToDictionary(kv => kv.Key, kv => kv.Value.GetProperty("articleBody").GetString() ?? "");
            var which = parse.GetValue(format);
            foreach (var (name, ext, extract) in Extractors())
            {
                if (which != "both" && which != name) continue;
                Run(name, Path.Combine(folder.FullName, name), ext, extract, truth, parse.GetValue(output), Math.Max(1, parse.GetValue(rounds)));
            }
            return 0;
        });
        return command;
    }

    private static IEnumerable<(string Name, string Ext, Func<string, ExtractedArticle> Extract)> Extractors()
    {
        yield return ("html", ".html", HtmlExtractor.Extract);
        yield return ("text", ".txt", PlainTextExtractor.Extract);
    }

    private static void Run(string name, string folder, string ext, Func<string, ExtractedArticle> extract,
        Dictionary<string, string> truth, DirectoryInfo? output, int rounds)
    {
        var pages = truth.Keys.Order(StringComparer.Ordinal)
            .Select(id => (Id: id, Path: Path.Combine(folder, id + ext)))
            .Where(p => File.Exists(p.Path))
            .Select(p => (p.Id, Text: File.ReadAllText(p.Path)))
            .ToList();

        var bodies = pages.ToDictionary(p => p.Id, p => string.Join("\n\n", extract(p.Text).Paragraphs));
        var counts = pages.Select(p => ShingleScore.Page(truth[p.Id], bodies[p.Id])).ToList();
        var summary = ShingleScore.Aggregate(counts, bodies.Values.Count(b => b.Length == 0));

        var watch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
            foreach (var page in pages) extract(page.Text);
        watch.Stop();
        var perSecond = pages.Count * rounds / watch.Elapsed.TotalSeconds;

        Console.WriteLine($"{name,-5} pages {summary.Pages,3}  F1 {summary.F1:F3}  precision {summary.Precision:F3}  recall {summary.Recall:F3}  " +
                          $"pageF1 {summary.MeanPageF1:F3}  empty {summary.Empty}  speed {perSecond:F0} pages/s (one thread)");

        if (output is null) return;
        output.Create();
        var results = bodies.ToDictionary(kv => kv.Key, kv => new { articleBody = kv.Value });
        File.WriteAllText(Path.Combine(output.FullName, $"results-{name}.json"), JsonSerializer.Serialize(results));
        File.WriteAllLines(Path.Combine(output.FullName, $"pages-{name}.csv"),
            new[] { "id,precision,recall" }.Concat(pages.Select((p, i) =>
                FormattableString.Invariant($"{p.Id},{Precision(counts[i]):F3},{Recall(counts[i]):F3}"))));
    }

    private static double Precision(ShingleScore.PageCounts c) => c.Tp + c.Fp > 0 ? c.Tp / (c.Tp + c.Fp) : 0;
    private static double Recall(ShingleScore.PageCounts c) => c.Tp + c.Fn > 0 ? c.Tp / (c.Tp + c.Fn) : 0;
}
