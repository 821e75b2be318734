using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Html;
using NewsCompare.Core.Extraction.Text;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-extraction`: scores and times both extractors on every article-extraction dataset at once, and checks
/// folders of captures without answers for files that throw or are refused.
/// </summary>
internal static class BenchExtractionCommand
{
    private static readonly string[] DefaultSets = ["article-extraction-dev", "article-extraction-dev-2"];

    public static Command Create()
    {
        var datasets = new Argument<DirectoryInfo[]>("datasets")
        {
            Description = "Dataset folders (html/, text/, ground-truth.json); both development sets by default",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format") { Description = "html, text or both", DefaultValueFactory = _ => "both" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write results-<set>-<format>.json (score.py's input) and per-page CSV here" };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes over each set after the scored one", DefaultValueFactory = _ => 5 };
        var captures = new Option<DirectoryInfo[]>("--captures")
        {
            Description = "Folders of captures without answers (.txt, .html): count the files that throw or give no article",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("bench-extraction", "Score and time article extraction on datasets with ground truth")
        {
            datasets, format, output, rounds, captures,
        };
        command.SetAction(parse =>
        {
            var folders = parse.GetValue(datasets) is { Length: > 0 } given
                ? given
                : DefaultSets.Select(s => new DirectoryInfo(Path.Combine("..", "shared", "datasets", s))).ToArray();
            var rows = new List<Row>();
            var failures = new List<string>();
            foreach (var folder in folders)
            {
                var truthFile = Path.Combine(folder.FullName, "ground-truth.json");
                if (!File.Exists(truthFile))
                {
                    Console.Error.WriteLine($"{truthFile}: not found; pass the dataset folder");
                    return 2;
                }
                var truth = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(truthFile))!
                    .ToDictionary(kv => kv.Key, kv => kv.Value.GetProperty("articleBody").GetString() ?? "");
                foreach (var (name, ext, extract) in Extractors())
                {
                    if (parse.GetValue(format) is var which && which != "both" && which != name) continue;
                    rows.Add(Run(folder.Name, name, Path.Combine(folder.FullName, name), ext, extract, truth, failures,
                        parse.GetValue(output), Math.Max(1, parse.GetValue(rounds))));
                }
            }
            PrintTable(rows);
            foreach (var folder in parse.GetValue(captures) ?? []) CheckCaptures(folder, failures);
            foreach (var failure in failures) Console.WriteLine(failure);
            return 0;
        });
        return command;
    }

    private sealed record Row(string Set, string Format, ShingleScore.Summary Summary, int Failed, double PerSecond);

    private static IEnumerable<(string Name, string Ext, Func<string, ExtractedArticle> Extract)> Extractors()
    {
        yield return ("html", ".html", HtmlExtractor.Extract);
        yield return ("text", ".txt", PlainTextExtractor.Extract);
    }

    private static Row Run(string set, string name, string folder, string ext, Func<string, ExtractedArticle> extract,
        Dictionary<string, string> truth, List<string> failures, DirectoryInfo? output, int rounds)
    {
        var pages = truth.Keys.Order(StringComparer.Ordinal)
            .Select(id => (Id: id, Path: Path.Combine(folder, id + ext)))
            .Where(p => File.Exists(p.Path))
            .Select(p => (p.Id, p.Path, Text: File.ReadAllText(p.Path)))
            .ToList();

        var bodies = new Dictionary<string, string>();
        var failed = 0;
        foreach (var page in pages)
        {
            var (article, reason) = Attempt(extract, page.Text);
            bodies[page.Id] = article is null ? "" : string.Join("\n\n", article.Paragraphs);
            if (reason is null) continue;
            failed++;
            failures.Add($"{page.Path}: {reason}");
        }
        var counts = pages.Select(p => ShingleScore.Page(truth[p.Id], bodies[p.Id])).ToList();
        var summary = ShingleScore.Aggregate(counts, bodies.Values.Count(b => b.Length == 0));

        var watch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
            foreach (var page in pages) Attempt(extract, page.Text);
        watch.Stop();
        var perSecond = pages.Count * rounds / watch.Elapsed.TotalSeconds;

        if (output is not null)
        {
            output.Create();
            var results = bodies.ToDictionary(kv => kv.Key, kv => new { articleBody = kv.Value });
            File.WriteAllText(Path.Combine(output.FullName, $"results-{set}-{name}.json"), JsonSerializer.Serialize(results));
            File.WriteAllLines(Path.Combine(output.FullName, $"pages-{set}-{name}.csv"),
                new[] { "id,precision,recall" }.Concat(pages.Select((p, i) =>
                    FormattableString.Invariant($"{p.Id},{Precision(counts[i]):F3},{Recall(counts[i]):F3}"))));
        }
        return new Row(set, name, summary, failed, perSecond);
    }

    /// <summary>The article, or why there is none: an exception or an article without paragraphs both count as a failed file.</summary>
    private static (ExtractedArticle? Article, string? Reason) Attempt(Func<string, ExtractedArticle> extract, string text)
    {
        try
        {
            var article = extract(text);
            if (article.Paragraphs.Any(p => !string.IsNullOrWhiteSpace(p))) return (article, null);
            return (article, article.Problem ?? $"no article text found: all {article.Removed.Count} lines are page clutter");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, $"threw {e.GetType().Name}: {e.Message}");
        }
    }

    private static void PrintTable(List<Row> rows)
    {
        Console.WriteLine("| set | format | pages | F1 | precision | recall | page F1 | empty | failed | pages/s (one thread) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var s = r.Summary;
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Set} | {r.Format} | {s.Pages} | {s.F1:F3} | {s.Precision:F3} | {s.Recall:F3} | {s.MeanPageF1:F3} | {s.Empty} | {r.Failed} | {r.PerSecond:F0} |"));
        }
    }

    private static void CheckCaptures(DirectoryInfo folder, List<string> failures)
    {
        var files = folder.EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.Extension is ".txt" or ".html" or ".htm")
            .OrderBy(f => f.FullName, StringComparer.Ordinal)
            .ToList();
        int threw = 0, refused = 0;
        var watch = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var extract = file.Extension == ".txt" ? (Func<string, ExtractedArticle>)PlainTextExtractor.Extract : HtmlExtractor.Extract;
            var (article, reason) = Attempt(extract, File.ReadAllText(file.FullName));
            if (reason is null) continue;
            if (article is null) threw++;
            else refused++;
            failures.Add($"{file.FullName}: {reason}");
        }
        Console.WriteLine(FormattableString.Invariant(
            $"captures {folder.FullName}: {files.Count} files, {files.Count - threw - refused} articles, {refused} without article, {threw} threw ({files.Count / watch.Elapsed.TotalSeconds:F0} files/s)"));
    }

    private static double Precision(ShingleScore.PageCounts c) => c.Tp + c.Fp > 0 ? c.Tp / (c.Tp + c.Fp) : 0;
    private static double Recall(ShingleScore.PageCounts c) => c.Tp + c.Fn > 0 ? c.Tp / (c.Tp + c.Fn) : 0;
}
