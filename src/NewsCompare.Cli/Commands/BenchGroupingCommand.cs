using System.CommandLine;
using System.Diagnostics;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>`bench-grouping`: scores story grouping on the seeds and a labelled dataset, with and without dates.</summary>
internal static class BenchGroupingCommand
{
    public static Command Create()
    {
        var dataset = new Argument<DirectoryInfo>("dataset")
        {
            Description = "A labelled dataset folder (articles/, labels.json)",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "datasets", "story-grouping-dev")),
        };
        var seeds = new Option<DirectoryInfo>("--seeds") { Description = "The seeds folder", DefaultValueFactory = _ => new DirectoryInfo("seeds") };
        var sweep = new Option<bool>("--sweep") { Description = "Also score a range of join thresholds around the default (shows how sensitive the result is)" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write predictions-with-dates.json and predictions-without-dates.json ({file: storyId}, score.py's input) here" };
        var command = new Command("bench-grouping", "Score story grouping (B-cubed) on the seeds and a labelled dataset") { dataset, seeds, sweep, output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dataset)!;
            var seedFolder = parse.GetValue(seeds)!;
            if (seedFolder.Exists)
            {
                foreach (var withDates in new[] { false, true })
                {
                    var set = GroupingDataset.Load(seedFolder.FullName, null, withDates, extract: true);
                    var result = StoryEngine.Group(set.Items.Select(i => i.Article).ToList());
                    if (parse.GetValue(sweep) && !withDates)
                    {
                        var m = StoryEngine.Similarities(set.Items.Select(i => i.Article).ToList());
                        for (var i = 0; i < set.Items.Count; i++)
                            Console.WriteLine($"  {set.Items[i].File[..3]}: " + string.Join(" ", Enumerable.Range(0, set.Items.Count).Select(j => m[i, j].ToString("F3", System.Globalization.CultureInfo.InvariantCulture))));
                    }
                    var names = set.Items.ToDictionary(i => i.Article.Id, i => i.File[..3]);
                    Console.WriteLine($"seeds {(withDates ? "with" : "without")} dates: " +
                        string.Join("  ", result.Stories.Select(s => "{" + string.Join(",", s.Articles.Select(a => names[a]).Order(StringComparer.Ordinal)) + "}")));
                }
            }
            var articles = Path.Combine(folder.FullName, "articles");
            if (!Directory.Exists(articles))
            {
                Console.Error.WriteLine($"{articles}: not found; pass the dataset folder");
                return 2;
            }
            foreach (var withDates in new[] { false, true })
            {
                var set = GroupingDataset.Load(articles, Path.Combine(folder.FullName, "labels.json"), withDates, extract: false);
                var clock = Stopwatch.StartNew();
                var result = StoryEngine.Group(set.Items.Select(i => i.Article).ToList());
                clock.Stop();
                var predicted = set.Items.ToDictionary(i => i.File, i => result.Placements[i.Article.Id].Story.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var (p, r, f) = BCubed.Score(set.Labels, predicted);
                if (parse.GetValue(output) is { } outDir)
                {
                    outDir.Create();
                    File.WriteAllText(Path.Combine(outDir.FullName, $"predictions-{(withDates ? "with" : "without")}-dates.json"),
                        System.Text.Json.JsonSerializer.Serialize(predicted, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                }
                Console.WriteLine($"{folder.Name} {(withDates ? "with" : "without")} dates: articles {set.Items.Count}  stories {result.Stories.Count}  B-cubed P {p:F3} R {r:F3} F1 {f:F3}  ({clock.ElapsedMilliseconds} ms)");
                if (!parse.GetValue(sweep)) continue;
                foreach (var join in new[] { 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25 })
                {
                    var swept = StoryEngine.Group(set.Items.Select(i => i.Article).ToList(), StoryEngineOptions.Default with { JoinThreshold = join });
                    var (sp, sr, sf) = BCubed.Score(set.Labels, set.Items.ToDictionary(i => i.File, i => swept.Placements[i.Article.Id].Story.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    Console.WriteLine($"  join {join:F2}: stories {swept.Stories.Count}  P {sp:F3} R {sr:F3} F1 {sf:F3}");
                }
            }
            return 0;
        });
        return command;
    }
}
