using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-stories`: one table of story grouping over every labelled development set (BASIL, story-pairs-dev per
/// language, a generated collection), with and without dates, each beside a plain TF-IDF grouping tuned on that set.
/// </summary>
internal static class BenchStoriesCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var datasets = Path.Combine("..", "shared", "datasets");
        var basil = new Option<DirectoryInfo>("--basil") { Description = "story-grouping-dev folder", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(datasets, "story-grouping-dev")) };
        var pairs = new Option<DirectoryInfo>("--pairs") { Description = "story-pairs-dev folder", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(datasets, "story-pairs-dev")) };
        var generated = new Option<int>("--generated") { Description = "Articles of the generated collection (0 skips it)", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated collection", DefaultValueFactory = _ => 7 };
        var weights = new Option<FileInfo?>("--weights") { Description = "Grouping weights to use instead of the shipped ones (learn-grouping's output)" };
        var detail = new Option<bool>("--precision-recall") { Description = "Also print precision and recall beside each F1" };
        var join = new Option<double?>("--join") { Description = "Join threshold instead of the weights' own (StoryEngineOptions.JoinThreshold)" };
        var auc = new Option<bool>("--pair-auc") { Description = "Only print how well the engine's pair similarity ranks each set's labelled pairs (ROC area) beside TF-IDF cosine" };
        var ceiling = new Option<bool>("--pair-ceiling") { Description = "Only print, per rated set and language, the best pairwise F1 any threshold gives on word-based similarities and on a combination of them fitted to the pairs (an upper bound)" };
        var extract = new Option<ExtractedParts>("--extract")
        {
            Description = "Read story-pairs-dev's captures through the importer's text extractor, as an import does: All, or only its Body or Headline (None: the files' own lines)",
            DefaultValueFactory = _ => ExtractedParts.None,
        };
        var predictions = new Option<DirectoryInfo?>("--predictions") { Description = "Write each set's grouping (file → story, JSON) into this folder" };
        var command = new Command("bench-stories", "Score story grouping on every development set beside a tuned plain TF-IDF grouping, with and without dates")
        {
            basil, pairs, generated, seed, weights, join, detail, predictions, auc, ceiling, extract,
        };
        var weighting = new WeightingFlags();
        weighting.AddTo(command);
        var splitting = new SplitFlags();
        splitting.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                var options = splitting.Apply(parse, weighting.Apply(parse, StoryEngineOptions.Default));
                if (parse.GetValue(weights) is { } file) options = options with { Weights = GroupingWeights.Parse(File.ReadAllText(file.FullName), file.FullName) };
                if (parse.GetValue(join) is double j) options = options with { JoinThreshold = j };
                var sets = new List<(StorySet Set, bool Dates)>();
                foreach (var dates in new[] { false, true })
                {
                    if (parse.GetValue(basil) is { Exists: true } b) sets.Add((StorySet.Basil(b.FullName, dates), dates));
                    if (parse.GetValue(pairs) is { Exists: true } p) sets.Add((StorySet.RatedPairs(p.FullName, dates, parse.GetValue(extract)), dates));
                    if (parse.GetValue(generated) > 0) sets.Add((StorySet.Generated(parse.GetValue(generated), parse.GetValue(seed), dates), dates));
                }
                if (parse.GetValue(auc))
                {
                    Console.WriteLine("| set | pairs (same) | engine ROC area | TF-IDF ROC area |");
                    Console.WriteLine("|---|---|---|---|");
                    foreach (var (set, _) in sets.Where(s => !s.Dates))
                        foreach (var row in PairAuc(set, options)) Console.WriteLine(row);
                    return 0;
                }
                if (parse.GetValue(ceiling))
                {
                    Console.WriteLine("Pairwise F1 at the best threshold chosen on the pairs themselves (an upper bound for linking by that similarity):");
                    Console.WriteLine("| set | pairs (same) | " + string.Join(" | ", PairCeiling.Readings.Select(r => "TF-IDF cosine, " + r.Name)) + " | engine | all combined, fitted on the row | all combined, cross-fitted (5 folds) |");
                    Console.WriteLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", PairCeiling.Readings.Count + 3)));
                    foreach (var (set, _) in sets.Where(s => !s.Dates && s.Set.Pairwise))
                        foreach (var row in PairCeiling.Rows(set, options)) Console.WriteLine(row);
                    return 0;
                }
                Console.WriteLine("| set | dates | measure | NewsCompare | TF-IDF tuned (threshold) | gain |");
                Console.WriteLine("|---|---|---|---|---|---|");
                foreach (var (set, dates) in sets.OrderBy(s => s.Set.Name, StringComparer.Ordinal).ThenBy(s => s.Dates))
                    foreach (var row in Rows(set, dates, options, parse.GetValue(detail), parse.GetValue(predictions)))
                        Console.WriteLine($"| {row.Name} | {(dates ? "with" : "without")} | {row.Measure} | {row.Ours} | {row.Baseline} | {row.Gain} |");
                return 0;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"bench-stories: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static IEnumerable<(string Name, string Measure, string Ours, string Baseline, string Gain)> Rows(StorySet set, bool dates, StoryEngineOptions options, bool detail, DirectoryInfo? predictions)
    {
        var clock = Stopwatch.StartNew();
        var result = StoryEngine.Group(set.Items.Select(i => i.Article).ToList(), options);
        var ms = clock.ElapsedMilliseconds;
        var predicted = set.Items.ToDictionary(i => i.File, i => result.Placements[i.Article.Id].Story.ToString(Inv), StringComparer.Ordinal);
        if (predictions is not null)
        {
            predictions.Create();
            var name = new string(set.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()) + (dates ? "-dates" : "") + ".json";
            File.WriteAllText(Path.Combine(predictions.FullName, name), System.Text.Json.JsonSerializer.Serialize(predicted));
        }
        var sims = TfIdfBaseline.Similarities(set.Items.Select(i => i.Article).ToList());
        var languages = set.Pairwise ? set.Pairs.Select(p => p.Language).Distinct().Order(StringComparer.Ordinal).Prepend(null).ToList() : [null];
        foreach (var language in languages)
        {
            // The baseline's threshold is tuned for each row it is scored on: the strongest comparison.
            var (baseline, threshold) = TfIdfBaseline.Tuned(set, sims, p => set.Pairwise ? PairScore.Of(set.Pairs, p, language) : set.Score(p));
            var ours = set.Pairwise ? PairScore.Of(set.Pairs, predicted, language) : set.Score(predicted);
            var name = language is null ? $"{set.Name} ({set.Items.Count} articles, {ms} ms)" : $"{set.Name}: {language}";
            var measure = set.Pairwise ? "pairwise F1 (accuracy)" : "B-cubed F1";
            yield return (name, measure, Format(ours, detail), $"{Format(baseline, detail)} ({threshold:F3})", (ours.F1 - baseline.F1).ToString("+0.000;-0.000", Inv));
        }
    }

    /// <summary>ROC area of the engine's pair similarity and of TF-IDF cosine over the set's labelled pairs (per language for rated pairs).</summary>
    private static IEnumerable<string> PairAuc(StorySet set, StoryEngineOptions options)
    {
        var articles = set.Items.Select(i => i.Article).ToList();
        var rng = new Random(1);
        var labelled = set.TrainingPairs().Where(p => set.Pairwise || p.Same || rng.NextDouble() < 0.05).ToList();
        var features = StoryEngine.PairFeatures(articles, labelled.Select(p => (p.A, p.B)).ToList(), options);
        var engine = features.Select(options.Weights.TextSimilarity).ToList();
        var sims = TfIdfBaseline.Similarities(articles);
        var tfidf = labelled.Select(p => (double)sims[Math.Min(p.A, p.B)][Math.Max(p.A, p.B)]).ToList();
        var language = set.Pairwise ? set.Pairs.Where(p => set.Items.Any(i => i.File == p.A) && set.Items.Any(i => i.File == p.B)).Select(p => p.Language).ToList() : null;
        var groups = set.Pairwise ? set.Pairs.Select(p => p.Language).Distinct().Order(StringComparer.Ordinal).Prepend(null).ToList() : [null];
        foreach (var g in groups)
        {
            var idx = Enumerable.Range(0, labelled.Count).Where(i => g is null || language![i] == g).ToList();
            var y = idx.Select(i => labelled[i].Same).ToList();
            yield return $"| {set.Name}{(g is null ? "" : ": " + g)} | {y.Count} ({y.Count(t => t)}) | {Logistic.Auc(idx.Select(i => engine[i]).ToList(), y):F3} | {Logistic.Auc(idx.Select(i => tfidf[i]).ToList(), y):F3} |";
        }
    }

    private static string Format(SetScore s, bool detail) =>
        (s.Accuracy is double a ? $"{s.F1:F3} ({a:F3})" : s.F1.ToString("F3", Inv)) + (detail ? $" P {s.Precision:F3} R {s.Recall:F3}" : "");
}
