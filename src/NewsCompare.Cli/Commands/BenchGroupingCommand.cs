using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-grouping`: scores story grouping on the seeds and a labelled dataset, with and without dates: the engine's
/// full grouping, then the store path (incremental import in shuffled orders, then `regroup`) and how far they agree.
/// </summary>
internal static class BenchGroupingCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var dataset = new Argument<DirectoryInfo>("dataset")
        {
            Description = "A labelled dataset folder (articles/, labels.json)",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "datasets", "story-grouping-dev")),
        };
        var seeds = new Option<DirectoryInfo>("--seeds") { Description = "The seeds folder", DefaultValueFactory = _ => new DirectoryInfo("seeds") };
        var sweep = new Option<bool>("--sweep") { Description = "Also score a range of join thresholds, and print the seeds' pairwise similarities" };
        var orders = new Option<int>("--orders") { Description = "Shuffled import orders to try on the store path (0 skips it)", DefaultValueFactory = _ => 3 };
        var importBatch = new Option<int>("--import-batch") { Description = "Articles per import batch on the store path", DefaultValueFactory = _ => 10 };
        var background = new Option<bool>("--background") { Description = "Blend the shipped background term frequencies into document frequencies (StoryEngineOptions.Background)" };
        var refine = new Option<int>("--refine") { Description = "Re-assignment passes after greedy placement (StoryEngineOptions.RefinePasses; default: the engine's)", DefaultValueFactory = _ => StoryEngineOptions.Default.RefinePasses };
        var refineImports = new Option<bool>("--refine-imports") { Description = "Let imports refine too (StoryEngineOptions.RefineImports)" };
        var join = new Option<double?>("--join") { Description = "One join threshold for every language (default: the engine's levels)" };
        var weights = new Option<FileInfo?>("--weights") { Description = "Grouping weights to use instead of the shipped ones (learn-grouping's output)" };
        var eventMargin = new Option<double>("--event-margin")
        {
            Description = "How much more an undated article must resemble a story than that story resembles a dated other event of its topic (StoryEngineOptions.EventMargin; a large negative value turns the rule off)",
            DefaultValueFactory = _ => StoryEngineOptions.Default.EventMargin,
        };
        var split = new Option<double>("--split")
        {
            Description = "Average cosine between a story's two halves under which it is split in two (StoryEngineOptions.SplitBelow; 0 turns the split off)",
            DefaultValueFactory = _ => StoryEngineOptions.Default.SplitBelow,
        };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write predictions-{with,without}-dates.json ({file: storyId}, score.py's input) here" };
        var command = new Command("bench-grouping", "Score story grouping (B-cubed) on the seeds and a labelled dataset")
        {
            dataset, seeds, sweep, orders, importBatch, output, background, refine, refineImports, join, weights, eventMargin, split,
        };
        var weighting = new WeightingFlags();
        weighting.AddTo(command);
        var splitting = new SplitFlags();
        splitting.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var options = splitting.Apply(parse, weighting.Apply(parse, StoryEngineOptions.Default)) with
                {
                    Background = parse.GetValue(background) ? BackgroundTerms.Default : BackgroundTerms.None,
                    RefinePasses = parse.GetValue(refine), RefineImports = parse.GetValue(refineImports),
                    EventMargin = parse.GetValue(eventMargin),
                    SplitBelow = parse.GetValue(split),
                };
                if (parse.GetValue(weights) is { } file) options = options with { Weights = GroupingWeights.Parse(File.ReadAllText(file.FullName), file.FullName) };
                if (parse.GetValue(join) is double j) options = options with { JoinThreshold = j };
                return await RunAsync(parse, options, dataset, seeds, sweep, orders, importBatch, output, ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"bench-grouping: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, StoryEngineOptions options, Argument<DirectoryInfo> dataset, Option<DirectoryInfo> seeds, Option<bool> sweep,
        Option<int> orders, Option<int> importBatch, Option<DirectoryInfo?> output, CancellationToken ct)
    {
        var folder = parse.GetValue(dataset)!;
        var seedFolder = parse.GetValue(seeds)!;
        if (seedFolder.Exists)
        {
            Seeds(seedFolder, parse.GetValue(sweep), options);
            foreach (var withSources in new[] { true, false })
                Console.WriteLine($"seeds through the importer {(withSources ? "with" : "without")} sources.json" +
                    $"{(options == StoryEngineOptions.Default ? "" : ", then regrouped with the bench's options")}: {await ImportSeedsAsync(seedFolder, withSources, options, ct)}");
        }
        var articles = Path.Combine(folder.FullName, "articles");
        var labels = Path.Combine(folder.FullName, "labels.json");
        if (!Directory.Exists(articles) || !File.Exists(labels))
        {
            Console.Error.WriteLine($"{folder.FullName}: needs articles/ and labels.json");
            return 2;
        }
        foreach (var withDates in new[] { false, true })
        {
            var set = GroupingDataset.Load(articles, labels, withDates, ExtractedParts.None);
            var label = $"{folder.Name} {(withDates ? "with" : "without")} dates";
            var clock = Stopwatch.StartNew();
            var result = StoryEngine.Group(set.Items.Select(i => i.Article).ToList(), options);
            clock.Stop();
            var predicted = set.Items.ToDictionary(i => i.File, i => result.Placements[i.Article.Id].Story.ToString(Inv));
            var (p, r, f) = BCubed.Score(set.Labels, predicted);
            Console.WriteLine($"{label}: engine: articles {set.Items.Count}  stories {result.Stories.Count}  B-cubed P {p:F3} R {r:F3} F1 {f:F3}  ({clock.ElapsedMilliseconds} ms)");
            // The dataset's files come event by event; the engine is also run with the articles numbered in the
            // store path's shuffled orders, since greedy placement depends on the order articles come in.
            for (var order = 0; order < parse.GetValue(orders); order++)
            {
                var shuffled = Shuffle(set.Items, order);
                var renumbered = shuffled.Select((item, k) => item.Article with { Id = k + 1 }).ToList();
                var grouped = StoryEngine.Group(renumbered, options);
                var (sp, sr, sf) = BCubed.Score(set.Labels, shuffled.Select((item, k) => (item.File, Story: grouped.Placements[k + 1].Story))
                    .ToDictionary(x => x.File, x => x.Story.ToString(Inv)));
                Console.WriteLine($"{label}: engine, order {order + 1}: stories {grouped.Stories.Count}  B-cubed P {sp:F3} R {sr:F3} F1 {sf:F3}");
            }
            if (parse.GetValue(output) is { } outDir)
            {
                outDir.Create();
                File.WriteAllText(Path.Combine(outDir.FullName, $"predictions-{(withDates ? "with" : "without")}-dates.json"),
                    JsonSerializer.Serialize(predicted, new JsonSerializerOptions { WriteIndented = true }));
            }
            if (parse.GetValue(sweep))
                foreach (var join in new[] { 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25 })
                {
                    var swept = StoryEngine.Group(set.Items.Select(i => i.Article).ToList(), options with { JoinThreshold = join });
                    var (sp, sr, sf) = BCubed.Score(set.Labels, set.Items.ToDictionary(i => i.File, i => swept.Placements[i.Article.Id].Story.ToString(Inv)));
                    Console.WriteLine($"  join {join:F2}: stories {swept.Stories.Count}  P {sp:F3} R {sr:F3} F1 {sf:F3}");
                }
            if (parse.GetValue(orders) > 0)
                await StorePathAsync(label, set, options, parse.GetValue(orders), Math.Max(1, parse.GetValue(importBatch)), ct);
        }
        return 0;
    }

    private static void Seeds(DirectoryInfo folder, bool similarities, StoryEngineOptions options)
    {
        foreach (var withDates in new[] { false, true })
        {
            var set = GroupingDataset.Load(folder.FullName, null, withDates, ExtractedParts.All);
            var list = set.Items.Select(i => i.Article).ToList();
            var result = StoryEngine.Group(list, options);
            if (similarities && !withDates)
            {
                var m = StoryEngine.Similarities(list, options);
                for (var i = 0; i < list.Count; i++)
                    Console.WriteLine($"  {set.Items[i].File[..3]}: " + string.Join(" ", Enumerable.Range(0, list.Count).Select(j => m[i, j].ToString("F3", Inv))));
            }
            var names = set.Items.ToDictionary(i => i.Article.Id, i => i.File[..3]);
            Console.WriteLine($"seeds {(withDates ? "with dates from their addresses" : "without dates")}: " +
                string.Join("  ", result.Stories.Select(s => "{" + string.Join(",", s.Articles.Select(a => names[a]).Order(StringComparer.Ordinal)) + "}"
                    + (s.Mixed is null ? "" : " (may hold more than one event)")
                    + Lent(s.Articles.Count(a => result.Placements[a].InferredDate is not null)))));
        }
    }

    /// <summary>
    /// The seeds as a person imports them (extraction, metadata, grouping on import; files in name order), with or
    /// without their sources manifest: the groups by file prefix.
    /// </summary>
    private static async Task<string> ImportSeedsAsync(DirectoryInfo folder, bool withSources, StoryEngineOptions options, CancellationToken ct)
    {
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nc-bench-seeds-{Guid.NewGuid():N}"));
        try
        {
            var files = folder.GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.CopyTo(Path.Combine(work.FullName, f.Name)).FullName).ToList();
            // The manifest names files relative to its own folder, so it travels with them.
            var sources = Path.Combine(work.FullName, "sources.json");
            if (withSources && File.Exists(Path.Combine(folder.FullName, "sources.json"))) File.Copy(Path.Combine(folder.FullName, "sources.json"), sources);
            await using var db = await NewsStore.OpenAsync(Path.Combine(work.FullName, "store.db"), ct);
            await new Importer(db).ImportPathsAsync(files, File.Exists(sources) ? sources : null, cancellationToken: ct);
            // The importer groups with the default options; regroup with the bench's options when they differ.
            if (options != StoryEngineOptions.Default) await new StoryStore(db, options).RegroupAsync(cancellationToken: ct);
            var rows = await db.Articles.AsNoTracking().Join(db.Captures.AsNoTracking(), a => a.CaptureId, c => c.Id, (a, c) => new { c.FileName, a.StoryId, a.PublishedInferred }).ToListAsync(ct);
            var mixed = await db.Stories.AsNoTracking().Where(s => s.MixedSplit != null).Select(s => s.Id).ToListAsync(ct);
            return string.Join("  ", rows.GroupBy(r => r.StoryId).Select(g => "{" + string.Join(",", g.Select(r => Path.GetFileName(r.FileName)[..Math.Min(3, Path.GetFileName(r.FileName).Length)]).Order(StringComparer.Ordinal)) + "}"
                + (g.Key is long id && mixed.Contains(id) ? " (may hold more than one event)" : "") + Lent(g.Count(r => r.PublishedInferred))).Order(StringComparer.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(true);
        }
    }

    private static string Lent(int inferred) => inferred == 0 ? "" : $" ({inferred} inferred date{(inferred == 1 ? "" : "s")})";

    /// <summary>Imports the set into fresh stores in shuffled orders, grouping batch by batch, then regroups each.</summary>
    private static async Task StorePathAsync(string label, GroupingDataset set, StoryEngineOptions options, int orders, int batch, CancellationToken ct)
    {
        var incremental = new List<Dictionary<string, string>>();
        var full = new List<Dictionary<string, string>>();
        for (var order = 0; order < orders; order++)
        {
            var path = Path.Combine(Path.GetTempPath(), $"nc-bench-grouping-{Guid.NewGuid():N}.db");
            try
            {
                await using var db = await NewsStore.OpenAsync(path, ct);
                var shuffled = Shuffle(set.Items, order);
                var fileOf = new Dictionary<long, string>();
                await using (var connection = new SqliteConnection(NewsStore.SqliteConnectionString(path)))
                {
                    await connection.OpenAsync(ct);
                    var clock = Stopwatch.StartNew();
                    foreach (var chunk in shuffled.Chunk(batch))
                    {
                        var ids = BenchStore.Insert(connection, chunk.Select(c => new GeneratedArticle(c.File, c.Article.Headline ?? "", c.Article.Paragraphs,
                            c.Article.Outlet ?? "", "", c.Article.Published, c.Article.Language, 0, "dataset")).ToList());
                        for (var k = 0; k < ids.Count; k++) fileOf[ids[k]] = chunk[k].File;
                        await new StoryStore(db, options).AssignAsync(ids, ct);
                    }
                    clock.Stop();
                    incremental.Add(await PartitionAsync(db, fileOf, ct));
                    var (p, r, f) = BCubed.Score(set.Labels, incremental[^1]);
                    Console.WriteLine($"{label}: store, import order {order + 1} in batches of {batch}: B-cubed P {p:F3} R {r:F3} F1 {f:F3}  ({clock.ElapsedMilliseconds} ms)");
                }
                await new StoryStore(db, options).RegroupAsync(cancellationToken: ct);
                full.Add(await PartitionAsync(db, fileOf, ct));
                var (fp, fr, ff) = BCubed.Score(set.Labels, full[^1]);
                var (_, _, agree) = BCubed.Score(full[^1], incremental[^1]);
                Console.WriteLine($"{label}: store, regroup after order {order + 1}: B-cubed P {fp:F3} R {fr:F3} F1 {ff:F3};  incremental vs regroup agreement (B-cubed F1) {agree:F3}");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
            }
        }
        for (var a = 0; a < incremental.Count; a++)
            for (var b = a + 1; b < incremental.Count; b++)
                Console.WriteLine($"{label}: agreement between import orders {a + 1} and {b + 1}: incremental {BCubed.Score(incremental[a], incremental[b]).F1:F3}, regroup {BCubed.Score(full[a], full[b]).F1:F3}");
    }

    /// <summary>The items in import order <paramref name="order"/> (0-based): a fixed shuffle per order.</summary>
    private static List<(string File, StoryArticle Article)> Shuffle(IReadOnlyList<(string File, StoryArticle Article)> items, int order)
    {
        var shuffled = items.ToList();
        var rng = new Random(order + 1);
        for (var i = shuffled.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }
        return shuffled;
    }

    private static async Task<Dictionary<string, string>> PartitionAsync(NewsDb db, Dictionary<long, string> fileOf, CancellationToken ct) =>
        (await db.Articles.AsNoTracking().Select(a => new { a.Id, a.StoryId }).ToListAsync(ct))
            .Where(a => fileOf.ContainsKey(a.Id))
            .ToDictionary(a => fileOf[a.Id], a => a.StoryId?.ToString(Inv) ?? "alone-" + a.Id.ToString(Inv));
}
