using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-import`: builds N distinct captures from real pages (the dataset's html/ and text/, and seeds/), each made
/// unique by one added line, imports them into a fresh temporary store and prints the wall and CPU time (user and
/// system), where the import's time went (its phases), GC and page-fault counts, peak memory and the load average.
/// With <c>--db postgres://...</c> the same captures are then imported into a fresh database on that server, and the
/// two runs compared.
/// </summary>
internal static class BenchImportCommand
{
    public static Command Create()
    {
        var dataset = new Argument<DirectoryInfo>("dataset")
        {
            Description = "The article-extraction dataset folder (html/, text/)",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "datasets", "article-extraction-dev")),
        };
        var count = new Option<int>("--count") { Description = "How many captures to import", DefaultValueFactory = _ => 10_000 };
        var seeds = new Option<DirectoryInfo?>("--seeds") { Description = "Also vary the captures in this folder (default: seeds/ when present)" };
        var batch = new Option<int>("--batch") { Description = "Files per transaction", DefaultValueFactory = _ => new ImportOptions().BatchSize };
        var command = new Command("bench-import", "Time importing N distinct captures into a fresh store") { dataset, count, seeds, batch };
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(dataset)!;
            var pages = new List<(string Name, byte[] Bytes, bool Html)>();
            foreach (var sub in new[] { "html", "text" })
            {
                var dir = Path.Combine(folder.FullName, sub);
                if (!Directory.Exists(dir)) continue;
                pages.AddRange(Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f), sub == "html")));
            }
            var seedDir = parse.GetValue(seeds)?.FullName ?? (Directory.Exists("seeds") ? "seeds" : null);
            if (seedDir is not null)
                pages.AddRange(Directory.GetFiles(seedDir, "*.txt").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f), false)));
            if (pages.Count == 0)
            {
                Console.Error.WriteLine($"{folder.FullName}: no html/ or text/ pages found; pass the dataset folder");
                return 2;
            }

            var n = Math.Max(1, parse.GetValue(count));
            // --db postgres://... adds a run on that server, in a database of its own created for it and dropped after.
            var server = CliOptions.Store(parse) is { Provider: StoreProvider.Postgres } postgres ? postgres : null;
            var work = Path.Combine(Path.GetTempPath(), $"nc-bench-import-{Guid.NewGuid():N}");
            var input = Directory.CreateDirectory(Path.Combine(work, "captures")).FullName;
            try
            {
                long bytes = 0;
                for (var i = 0; i < n; i++)
                {
                    var (name, content, html) = pages[i % pages.Count];
                    var unique = Vary(content, html, i);
                    bytes += unique.Length;
                    await File.WriteAllBytesAsync(Path.Combine(input, $"{i:D6}_{name}"), unique, ct);
                }
                Console.WriteLine($"captures {n} ({bytes / 1048576.0:F0} MB; {pages.Count} source pages: {pages.Count(p => p.Html)} html, {pages.Count(p => !p.Html)} text)");

                var sqlite = await RunAsync(StoreTarget.Sqlite(Path.Combine(work, "bench.db")), input, n, bytes, parse.GetValue(batch), ct);
                if (server is null) return 0;
                var database = $"nc_bench_{Guid.NewGuid():N}";
                var target = await BenchDatabase.CreateAsync(server, database, ct);
                try
                {
                    var pg = await RunAsync(target, input, n, bytes, parse.GetValue(batch), ct);
                    Console.WriteLine();
                    Console.WriteLine($"PostgreSQL / SQLite: import wall {pg.Seconds / sqlite.Seconds:F2}x, this process's cpu {pg.Cpu / sqlite.Cpu:F2}x (the server's own cpu is not in it)");
                }
                finally
                {
                    await BenchDatabase.DropAsync(server, database);
                }
                return 0;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }

    /// <summary>Imports the folder into the empty store <paramref name="store"/>, groups it, imports it again, printing each step.</summary>
    private static async Task<(double Seconds, double Cpu)> RunAsync(StoreTarget store, string input, int n, long bytes, int batch, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"{store.Provider}: {store.Display}");
        await using var db = await NewsStore.OpenAsync(store, ct);
        // Grouping is timed on its own below: it is the stories' cost, measured against its own target.
        var options = new ImportOptions { BatchSize = Math.Max(1, batch), GroupStories = false };
        var load = LoadAverage();
        var before = Usage.Now();
        var watch = Stopwatch.StartNew();
        var report = await new Importer(db, options).ImportPathsAsync([input], null, null, ct);
        watch.Stop();
        var used = Usage.Now() - before;

        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"imported {report.Imported - report.NewVersions}  new versions {report.NewVersions}  unchanged {report.Unchanged}  failed {report.Failed}");
        foreach (var reason in report.Results.Where(r => r.Outcome == ImportOutcome.Failed).GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).Take(3))
            Console.WriteLine($"  failed {reason.Count()}x: {reason.Key}");
        // CPU time too: on a shared machine the wall clock says as much about the neighbours as about the import.
        Console.WriteLine($"total {seconds:F1} s  cpu {used.Cpu:F1} s (user {used.User:F1}, system {used.Kernel:F1})  {n / seconds:F0} files/s  {bytes / 1048576.0 / seconds:F1} MB/s  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB  store {await StoreMegabytesAsync(db, store, ct):F0} MB");
        var t = report.Timings;
        Console.WriteLine($"phases: reading {t.Reading.TotalSeconds:F1} s  waiting for analysis {t.WaitingForAnalysis.TotalSeconds:F1} s  writing {t.Writing.TotalSeconds:F1} s (commits {t.Committing.TotalSeconds:F1} s)  | analysis {t.Analysis.TotalSeconds:F1} thread-s");
        Console.WriteLine($"memory: {used.Allocated / 1073741824.0:F1} GB allocated  gc gen0 {used.Gen0}  gen1 {used.Gen1}  gen2 {used.Gen2}  paused {used.GcPause:F1} s  minor page faults {used.MinorFaults}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average before the import {load}");

        watch.Restart();
        var grouping = await new StoryStore(db).AssignPendingAsync(ct);
        Console.WriteLine($"grouping {grouping.Articles} articles into stories: {watch.Elapsed.TotalSeconds:F1} s  {grouping.Articles / watch.Elapsed.TotalSeconds:F0} articles/s  (import + grouping {seconds + watch.Elapsed.TotalSeconds:F1} s)");

        // The same files again: every capture is recognised by its hash and nothing is extracted or written.
        watch.Restart();
        var again = await new Importer(db, options).ImportPathsAsync([input], null, null, ct);
        Console.WriteLine($"re-import {again.Unchanged} unchanged, {again.Imported} imported in {watch.Elapsed.TotalSeconds:F1} s");
        return (seconds, used.Cpu);
    }

    /// <summary>The store's size: the SQLite file with its write-ahead log (an import may end before the log is checkpointed), or the PostgreSQL database.</summary>
    private static async Task<double> StoreMegabytesAsync(NewsDb db, StoreTarget store, CancellationToken ct)
    {
        if (store.Provider == StoreProvider.Postgres)
            return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(ct) / 1048576.0;
        return new[] { store.Display, store.Display + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1048576.0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The process's resource use at one moment; differences give a phase's cost.</summary>
    private sealed record Usage(double User, double Kernel, long Allocated, int Gen0, int Gen1, int Gen2, double GcPause, long MinorFaults)
    {
        public double Cpu => User + Kernel;

        public static Usage Now()
        {
            var process = Process.GetCurrentProcess();
            return new Usage(process.UserProcessorTime.TotalSeconds, process.PrivilegedProcessorTime.TotalSeconds,
                GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
                GC.GetTotalPauseDuration().TotalSeconds, MinorFaultCount());
        }

        public static Usage operator -(Usage a, Usage b) => new(a.User - b.User, a.Kernel - b.Kernel, a.Allocated - b.Allocated,
            a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.GcPause - b.GcPause, a.MinorFaults - b.MinorFaults);

        // Linux only: field 10 of /proc/self/stat (after the parenthesised command name) counts minor page faults.
        private static long MinorFaultCount()
        {
            if (!File.Exists("/proc/self/stat")) return 0;
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The page with one line added that makes it a distinct capture (a comment in HTML, a last line in text).</summary>
    private static byte[] Vary(byte[] content, bool html, int copy)
    {
        var line = Encoding.UTF8.GetBytes(html ? $"\n<!-- bench copy {copy} -->\n" : $"\n\nBench copy {copy}.\n");
        return [.. content, .. line];
    }
}
