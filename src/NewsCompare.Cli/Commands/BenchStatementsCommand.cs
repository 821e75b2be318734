using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Comparison;
using NewsCompare.Core.Import;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-statements`: the statement matcher's figures on labelled pairs (held out, from the model file, and on the
/// whole set), the time to align generated stories of four and ten versions of 1,000 words, and with --url the
/// compare page of four such versions, uncached, from a running web app on the same store.
/// </summary>
internal static class BenchStatementsCommand
{
    public static Command Create()
    {
        var pairs = new Option<FileInfo>("--pairs")
        {
            Description = "Labelled pairs (statement-matching-dev format)",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "datasets", "statement-matching-dev", "pairs.tsv")),
        };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each alignment and page", DefaultValueFactory = _ => 30 };
        var seeds = new Option<DirectoryInfo>("--seeds")
        {
            Description = "Captures of one event whose sentences the generated versions are made of",
            DefaultValueFactory = _ => new DirectoryInfo("seeds"),
        };
        var url = new Option<string?>("--url") { Description = "A web app running on the store of --db: imports generated sets of four versions into it and times /compare" };
        var pid = new Option<int?>("--pid") { Description = "With --url, the web process's id, for its CPU time per request" };
        var outputs = new Option<FileInfo?>("--outputs")
        {
            Description = "Instead of timing, write every signal and score of the labelled pairs and the comparisons of the seeds and generated versions to this file (two builds that compare alike write the same bytes)",
        };
        var command = new Command("bench-statements", "Statement matching figures, alignment time, and the compare page's latency") { pairs, runs, url, pid, seeds, outputs };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(pairs)!;
            if (parse.GetValue(outputs) is { } target)
            {
                using var pairReader = new StreamReader(file.FullName);
                await using var writer = new StreamWriter(target.FullName);
                ComparisonOutputs.Write(writer, StatementLearner.ReadPairs(pairReader, file.FullName), parse.GetValue(seeds)!.FullName);
                Console.WriteLine($"wrote {target.FullName}");
                return 0;
            }
            var model = StatementModel.Default;
            Console.WriteLine($"model: {model.TrainedOn}");
            StatementCommands.Print("held out (a fifth never used in learning)", model.HeldOut);
            StatementCommands.Print("held out, across languages", model.HeldOutAcrossLanguages);
            if (file.Exists)
            {
                using var reader = new StreamReader(file.FullName);
                var labelled = StatementLearner.ReadPairs(reader, file.FullName);
                var clock = Stopwatch.StartNew();
                var predicted = labelled.Select(p => StatementMatcher.Default.Match(new Statement(p.First), new Statement(p.Second)).Same).ToList();
                var elapsed = clock.Elapsed;
                StatementCommands.Print($"shipped model on {file.Name}", StatementLearner.Figures(predicted, labelled.Select(p => p.Same).ToList()));
                Console.WriteLine(Invariant($"matching: {elapsed.TotalMilliseconds * 1000 / labelled.Count:0} µs per pair (both sentences read)"));
            }
            else Console.WriteLine($"{file.FullName}: not found, matching figures skipped");

            var runCount = Math.Max(1, parse.GetValue(runs));
            var folder = parse.GetValue(seeds)!;
            var pool = folder.Exists
                ? Importer.Analyze([folder.FullName]).Where(a => a.Article is not null)
                    .SelectMany(a => a.Article!.Paragraphs).SelectMany(SentenceSplitter.Split).Distinct().ToList()
                : [];
            Console.WriteLine(pool.Count > 0 ? $"versions made of the {pool.Count} sentences of {folder.FullName}" : "versions generated from templates (no seeds folder)");
            foreach (var count in new[] { 4, 10 })
            {
                var versions = pool.Count > 0 ? VersionGenerator.FromSentences(pool, count, 1000) : VersionGenerator.Generate(count, 1000);
                var inputs = versions.Select((v, i) => new ComparisonInput($"v{i}", v.Headline, v.Paragraphs, "en")).ToList();
                VersionComparer.Compare(inputs); // warm-up
                var times = new List<double>();
                var cpu = new List<double>();
                VersionComparison? last = null;
                using var process = Process.GetCurrentProcess();
                for (var r = 0; r < runCount; r++)
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    last = VersionComparer.Compare(inputs);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    process.Refresh();
                    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
                // What the compare page pays when the versions were read before (it keeps each article read).
                var read = inputs.Select(v => VersionComparer.Read(v)).ToList();
                VersionComparer.Compare(read);
                var readTimes = new List<double>();
                var readCpu = new List<double>();
                var allocated = new List<double>();
                for (var r = 0; r < runCount; r++)
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                    var clock = Stopwatch.StartNew();
                    VersionComparer.Compare(read);
                    readTimes.Add(clock.Elapsed.TotalMilliseconds);
                    allocated.Add((GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1e6);
                    process.Refresh();
                    readCpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
                var sentences = last!.Versions.Sum(v => v.Sentences);
                var shared = last.Versions.Sum(v => v.Sentences - v.Unique);
                Console.WriteLine(Invariant($"align {count} versions of ~1,000 words ({sentences} sentences, {shared} matched): median {Percentile(times, 50):0} ms, p95 {Percentile(times, 95):0} ms wall; CPU median {Percentile(cpu, 50):0} ms; versions read before: median {Percentile(readTimes, 50):0} ms, p95 {Percentile(readTimes, 95):0} ms, CPU median {Percentile(readCpu, 50):0} ms, {Percentile(allocated, 50):0.0} MB allocated (load average {LoadAverage()})"));
                Console.WriteLine(Invariant($"  phases, CPU median / allocated: {ComparisonPhases.Measure(inputs, runCount)}"));
            }

            if (parse.GetValue(url) is { } baseUrl) return await PageAsync(parse, baseUrl, runCount, pool, parse.GetValue(pid), ct);
            return 0;
        });
        return command;
    }

    private static async Task<int> PageAsync(ParseResult parse, string baseUrl, int runs, List<string> pool, int? pid, CancellationToken ct)
    {
        // Sets of four new versions (a new seed each run, so other versions than an earlier run imported): the first
        // for requests of articles read before, the others each requested once, as the first reader of a story does.
        var sets = await ImportSetsAsync(parse, runs + 1, pool, ct);
        if (sets is null) return 1;
        var web = pid is { } id ? BenchWebCommand.WebProcess.Find(id) : null;
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var path = ComparePath(sets[0]);
        for (var w = 0; w < 5; w++) (await http.GetAsync(path + "&run=warm" + w.ToString(CultureInfo.InvariantCulture), ct)).EnsureSuccessStatusCode();
        await QuietAsync(web, ct);
        // A query the page cache has not seen: every request renders.
        var (times, cpu) = await TimeAsync(http, web, Enumerable.Range(0, runs)
            .Select(r => path + "&run=" + r.ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6]).ToList(), ct);
        Console.WriteLine(Invariant($"compare page, 4 versions of ~1,000 words, uncached, articles read before ({runs} requests): median {Percentile(times, 50):0} ms, p95 {Percentile(times, 95):0} ms{cpu} (load average {LoadAverage()}; {baseUrl}{path})"));
        (times, cpu) = await TimeAsync(http, web, [.. sets.Skip(1).Select(ComparePath)], ct);
        Console.WriteLine(Invariant($"compare page, 4 versions of ~1,000 words, first request for the articles ({runs} requests): median {Percentile(times, 50):0} ms, p95 {Percentile(times, 95):0} ms{cpu} (load average {LoadAverage()})"));
        return 0;
    }

    // The app may still be busy with the articles just imported (grouping them into stories): wait for it to settle,
    // so that its CPU time is the pages'.
    private static async Task QuietAsync(BenchWebCommand.WebProcess? web, CancellationToken ct)
    {
        if (web is null) return;
        for (var i = 0; i < 60; i++)
        {
            var before = web.CpuSeconds();
            await Task.Delay(1000, ct);
            if (web.CpuSeconds() - before < 0.05) return;
        }
    }

    private static string ComparePath(List<long> ids) => "/compare?ids=" + string.Join(",", ids);

    private static async Task<(List<double> Times, string Cpu)> TimeAsync(HttpClient http, BenchWebCommand.WebProcess? web, List<string> paths, CancellationToken ct)
    {
        var times = new List<double>();
        var cpuBefore = web?.CpuSeconds() ?? 0;
        foreach (var path in paths)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path, ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(ct);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        // The web process's CPU time (all its threads, the collector's too) per request.
        var cpu = web is null ? "" : Invariant($", web process CPU {(web.CpuSeconds() - cpuBefore) * 1000 / paths.Count:0} ms per request");
        return (times, cpu);
    }

    private static async Task<List<List<long>>?> ImportSetsAsync(ParseResult parse, int count, List<string> pool, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nc-bench-statements-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var seed = Environment.TickCount;
        for (var set = 0; set < count; set++)
        {
            var versions = pool.Count > 0 ? VersionGenerator.FromSentences(pool, 4, 1000, seed + set) : VersionGenerator.Generate(4, 1000, seed + set);
            for (var i = 0; i < versions.Count; i++)
                await File.WriteAllTextAsync(Path.Combine(folder, $"set-{set:000}-version-{i + 1}.txt"),
                    versions[i].Headline + "\n\n" + string.Join("\n\n", versions[i].Paragraphs) + "\n", ct);
        }
        ImportReport report;
        await using (var db = await CliOptions.OpenStoreAsync(parse, ct))
            report = await new Importer(db).ImportPathsAsync([folder], null, null, ct);
        Directory.Delete(folder, recursive: true);
        var sets = report.Results.Where(r => r.ArticleId is not null)
            .GroupBy(r => Path.GetFileName(r.File)[..7], StringComparer.Ordinal)
            .Where(g => g.Count() == 4)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(r => r.ArticleId!.Value).ToList()).ToList();
        if (sets.Count == count) return sets;
        Console.Error.WriteLine($"{CliOptions.DatabasePath(parse)}: imported {sets.Count} of the {count} generated sets of 4 versions; cannot time the page");
        return null;
    }

    // On a shared machine wall time says as much about the neighbours as about the code: print the load with it.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
