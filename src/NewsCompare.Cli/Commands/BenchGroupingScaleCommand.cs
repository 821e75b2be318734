using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-grouping-scale`: streams a generated corpus straight into a fresh store in import-sized batches, grouping
/// each batch incrementally, and prints the time per article as the store grows, throughput, memory and B-cubed.
/// With <c>--postgres</c> the same corpus then goes into a fresh database on that server, and the two engines are
/// printed side by side: their times, their ratio, and whether they formed the same stories.
/// </summary>
internal static class BenchGroupingScaleCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "How many articles to import", DefaultValueFactory = _ => 100_000 };
        var batch = new Option<int>("--batch") { Description = "Articles per import batch", DefaultValueFactory = _ => 1000 };
        var every = new Option<int>("--report-every") { Description = "Print a checkpoint every N articles", DefaultValueFactory = _ => 10_000 };
        var store = new Option<string?>("--store") { Description = "Store file to create (default: a temp file, deleted after), or an empty PostgreSQL database as postgres://user:password@host:5432/database" };
        var seed = new Option<int>("--seed") { Description = "Corpus seed", DefaultValueFactory = _ => 42 };
        var regroup = new Option<bool>("--regroup") { Description = "After the import, time a full regroup of the store and score it" };
        var refine = new Option<int>("--refine") { Description = "Re-assignment passes (StoryEngineOptions.RefinePasses; default: the engine's)", DefaultValueFactory = _ => StoryEngineOptions.Default.RefinePasses };
        var refineImports = new Option<bool>("--refine-imports") { Description = "Let imports refine too (StoryEngineOptions.RefineImports)" };
        var split = new Option<double>("--split") { Description = "Split threshold for two-event stories (StoryEngineOptions.SplitBelow; 0 turns the split off)", DefaultValueFactory = _ => StoryEngineOptions.Default.SplitBelow };
        var secondConnection = new Option<bool>("--second-connection") { Description = "Write each batch through a second connection, as the benchmark did before its fifth session (SQLite then drops the grouping connection's page cache every batch); by default articles are written on the store's own connection, as the importer writes them" };
        var postgresServer = new Option<string?>("--postgres") { Description = "After the SQLite run, run again in a fresh database created (and dropped after) on this PostgreSQL server, postgres://user:password@host:5432/database, and print both engines side by side" };
        var command = new Command("bench-grouping-scale", "Time incremental story grouping on a generated corpus as the store grows")
        {
            articles, batch, every, store, seed, regroup, refine, refineImports, split, secondConnection, postgresServer,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(store) ?? Path.Combine(Path.GetTempPath(), $"nc-bench-grouping-{Guid.NewGuid():N}.db");
            var target = StoreTarget.IsPostgresUri(path) ? StoreTarget.Postgres(path) : StoreTarget.Sqlite(path);
            if (target.Provider == StoreProvider.Sqlite && File.Exists(path))
            {
                Console.Error.WriteLine($"{path}: exists; the benchmark needs a fresh store");
                return 2;
            }
            try
            {
                var options = StoryEngineOptions.Default with
                {
                    RefinePasses = parse.GetValue(refine), RefineImports = parse.GetValue(refineImports), SplitBelow = parse.GetValue(split),
                };
                var server = parse.GetValue(postgresServer);
                if (server is not null && (!StoreTarget.IsPostgresUri(server) || target.Provider == StoreProvider.Postgres))
                {
                    Console.Error.WriteLine($"--postgres {server}: expected a postgres:// address of a server, beside a SQLite --store (or none)");
                    return 2;
                }
                Task<Run?> Once(StoreTarget on) => RunAsync(on, parse.GetValue(articles), Math.Max(1, parse.GetValue(batch)), Math.Max(1, parse.GetValue(every)),
                    parse.GetValue(seed), options, parse.GetValue(regroup), parse.GetValue(secondConnection), ct);
                var first = await Once(target);
                if (server is null || first is null) return first is null ? 1 : 0;
                var database = $"nc_bench_grouping_{Guid.NewGuid():N}";
                var on = StoreTarget.Postgres(server);
                var pgTarget = await BenchDatabase.CreateAsync(on, database, ct);
                try
                {
                    Console.WriteLine();
                    if (await Once(pgTarget) is not { } pg) return 1;
                    Console.WriteLine();
                    Console.WriteLine(Compare(first, pg));
                }
                finally
                {
                    await BenchDatabase.DropAsync(on, database);
                }
            }
            finally
            {
                if (parse.GetValue(store) is null && target.Provider == StoreProvider.Sqlite)
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
                }
            }
            return 0;
        });
        return command;
    }

    /// <summary>What one run measured: grouping's wall time, this process's CPU and the server's (PostgreSQL), and the stories as article positions.</summary>
    private sealed record Run(int Articles, TimeSpan Wall, TimeSpan Cpu, TimeSpan ServerCpu, long Stories, int[] Partition);

    /// <summary>The two engines side by side: grouping's wall time and CPU per article, their ratios, and whether they grouped alike.</summary>
    private static string Compare(Run sqlite, Run pg)
    {
        static double PerArticle(TimeSpan t, Run r) => t.TotalMilliseconds / Math.Max(1, r.Articles);
        var same = sqlite.Partition.AsSpan().SequenceEqual(pg.Partition) ? "the same stories" : "DIFFERENT stories";
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            engine      grouping-s  cpu-ms/article  server-ms/article  both-ms/article  stories
            SQLite      {sqlite.Wall.TotalSeconds,10:F1}  {PerArticle(sqlite.Cpu, sqlite),14:F2}  {"-",17}  {PerArticle(sqlite.Cpu, sqlite),15:F2}  {sqlite.Stories,7}
            PostgreSQL  {pg.Wall.TotalSeconds,10:F1}  {PerArticle(pg.Cpu, pg),14:F2}  {PerArticle(pg.ServerCpu, pg),17:F2}  {PerArticle(pg.Cpu + pg.ServerCpu, pg),15:F2}  {pg.Stories,7}
            PostgreSQL / SQLite: grouping wall {pg.Wall / sqlite.Wall:F2}x, CPU with the server's {(pg.Cpu + pg.ServerCpu) / sqlite.Cpu:F2}x; {same} (load average {LoadAverage()})
            """);
    }

    private static async Task<Run?> RunAsync(StoreTarget target, int total, int batchSize, int every, int seed, StoryEngineOptions options, bool regroup, bool secondConnection, CancellationToken ct)
    {
        var path = target.Display;
        var postgres = target.Provider == StoreProvider.Postgres;
        await using var db = await NewsStore.OpenAsync(target, ct);
        if (postgres && await db.Articles.AnyAsync(ct))
        {
            Console.Error.WriteLine($"{path}: holds articles; the benchmark needs an empty database");
            return null;
        }
        // The importer writes a batch on its store's connection, closes it and groups on the same store, so SQLite
        // keeps that connection's page cache. A second connection writing would make SQLite drop it every batch.
        await using var second = secondConnection && !postgres ? new SqliteConnection(NewsStore.SqliteConnectionString(path)) : null;
        if (second is not null) await second.OpenAsync(ct);
        var stories = new StoryStore(db, options);
        var events = new List<int>(total);
        long firstId = 0;
        var groupClock = new Stopwatch();
        var insertClock = new Stopwatch();
        var windowClock = new Stopwatch();
        var windowCount = 0;
        var groupCpu = TimeSpan.Zero;
        // Memory churn of the grouping alone: bytes allocated and time the collector paused it.
        long groupAllocated = 0;
        var groupPauses = TimeSpan.Zero;
        var windowCpu = TimeSpan.Zero;
        // On PostgreSQL, the CPU the server's processes for this database spent while grouping ran (they share the machine).
        var serverCpu = TimeSpan.Zero;
        var done = 0;
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"store {path}; {total} articles in batches of {batchSize}; {Environment.ProcessorCount} cores");
        Console.WriteLine("articles  stories  window-ms/article  window-cpu-ms/article  grouping-articles/s  per-cpu-second  insert-articles/s  working-set-MB  peak-MB  load");
        var buffer = new List<GeneratedArticle>(batchSize);
        foreach (var a in new CorpusGenerator(seed).Generate(total))
        {
            buffer.Add(a);
            if (buffer.Count < batchSize && done + buffer.Count < total) continue;
            ct.ThrowIfCancellationRequested();
            insertClock.Start();
            var ids = second is not null ? BenchStore.Insert(second, buffer)
                : postgres ? await BenchStore.InsertAsync(db, buffer, ct) : await InsertOnStoreAsync(db, buffer, ct);
            insertClock.Stop();
            if (firstId == 0) firstId = ids[0];
            events.AddRange(buffer.Select(b => b.Event));
            groupClock.Start();
            windowClock.Start();
            var serverBefore = postgres ? await ServerCpuAsync(db, ct) : null;
            var cpuBefore = process.TotalProcessorTime;
            var (allocatedBefore, pausesBefore) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
            await stories.AssignAsync(ids, ct);
            (groupAllocated, groupPauses) = (groupAllocated + GC.GetTotalAllocatedBytes() - allocatedBefore, groupPauses + GC.GetTotalPauseDuration() - pausesBefore);
            process.Refresh();
            groupCpu += process.TotalProcessorTime - cpuBefore;
            windowCpu += process.TotalProcessorTime - cpuBefore;
            windowClock.Stop();
            groupClock.Stop();
            if (serverBefore is not null) serverCpu += Spent(serverBefore, await ServerCpuAsync(db, ct));
            done += buffer.Count;
            windowCount += buffer.Count;
            buffer.Clear();
            if (done % every == 0 || done == total)
            {
                process.Refresh();
                var storyCount = await CountAsync(db, "Stories", ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{done,8}  {storyCount,7}  {windowClock.Elapsed.TotalMilliseconds / windowCount,17:F3}  {windowCpu.TotalMilliseconds / windowCount,21:F3}  {done / groupClock.Elapsed.TotalSeconds,19:F0}  {done / groupCpu.TotalSeconds,14:F0}  {done / insertClock.Elapsed.TotalSeconds,17:F0}  {process.WorkingSet64 / 1048576.0,14:F0}  {process.PeakWorkingSet64 / 1048576.0,7:F0}  {LoadAverage()}"));
                windowClock.Reset();
                windowCpu = TimeSpan.Zero;
                windowCount = 0;
            }
        }
        var partition = await PartitionAsync(db, firstId, done, ct);
        var (p, r, f) = Score(partition, events);
        var storeBytes = await StoreBytesAsync(db, path, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done: {done} articles, grouping {groupClock.Elapsed.TotalSeconds:F1} s wall ({done / groupClock.Elapsed.TotalSeconds:F0} articles/s), {groupCpu.TotalSeconds:F1} s CPU ({done / groupCpu.TotalSeconds:F0} articles per CPU-second), load average {LoadAverage()}, store {storeBytes / 1048576.0:F0} MB, peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB; grouping allocated {groupAllocated / 1024.0 / Math.Max(1, done):F0} KB per article, garbage-collection pauses {groupPauses.TotalSeconds:F1} s"));
        if (postgres)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server: {serverCpu.TotalSeconds:F1} s CPU in the database's backends while grouping ran ({serverCpu.TotalMilliseconds / Math.Max(1, done):F2} ms per article; client and server together {(groupCpu + serverCpu).TotalMilliseconds / Math.Max(1, done):F2} ms per article)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"B-cubed against the generated events: P {p:F3} R {r:F3} F1 {f:F3}"));
        var run = new Run(done, groupClock.Elapsed, groupCpu, serverCpu, await CountAsync(db, "Stories", ct), partition);
        if (!regroup) return run;
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await stories.RegroupAsync(cancellationToken: ct);
        clock.Stop();
        process.Refresh();
        var regroupCpu = process.TotalProcessorTime - cpu;
        var regrouped = await CountAsync(db, "Stories", ct);
        var (rp, rr, rf) = Score(await PartitionAsync(db, firstId, done, ct), events);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"regroup (refine passes {options.RefinePasses}): {clock.Elapsed.TotalSeconds:F1} s wall, {regroupCpu.TotalSeconds:F1} s CPU, {regrouped} stories, load average {LoadAverage()}; B-cubed P {rp:F3} R {rr:F3} F1 {rf:F3}"));
        return run;
    }

    /// <summary>
    /// Each generated article's story, named by the position of the story's first article (so two stores that
    /// numbered their stories differently compare equal when they grouped alike); an article in no story names itself.
    /// </summary>
    private static int[] Partition(System.Data.Common.DbConnection connection, long firstId, int count)
    {
        var story = new long[count];
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Id\", COALESCE(\"StoryId\", -\"Id\") FROM \"Articles\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (r.GetInt64(0) - firstId is var index and >= 0 && index < count) story[index] = r.GetInt64(1);
        }
        var first = new Dictionary<long, int>();
        var partition = new int[count];
        for (var i = 0; i < count; i++)
            partition[i] = first.TryGetValue(story[i], out var at) ? at : first[story[i]] = i;
        return partition;
    }

    private static async Task<long> StoreBytesAsync(NewsDb db, string path, CancellationToken ct) =>
        StoreDialect.For(db).Provider == StoreProvider.Postgres
            ? await OnStoreAsync(db, c => Scalar(c, "SELECT pg_database_size(current_database())"), ct)
            : new FileInfo(path).Length;

    /// <summary>
    /// CPU time of each server process attached to the store's database (from /proc: the server runs on this machine
    /// for the benchmark to mean anything), by process id; empty where /proc cannot be read.
    /// </summary>
    private static Task<Dictionary<int, TimeSpan>> ServerCpuAsync(NewsDb db, CancellationToken ct) => OnStoreAsync(db, c =>
    {
        var cpu = new Dictionary<int, TimeSpan>();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            if (ProcessCpu(r.GetInt32(0)) is { } t) cpu[r.GetInt32(0)] = t;
        return cpu;
    }, ct);

    // utime and stime of /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s), counted after the command name.
    private static TimeSpan? ProcessCpu(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 12 && long.TryParse(fields[11], CultureInfo.InvariantCulture, out var user) && long.TryParse(fields[12], CultureInfo.InvariantCulture, out var system)
            ? TimeSpan.FromMilliseconds((user + system) * 10.0) : null;
    }

    // What the processes spent between two readings (a process that started in between counts from zero).
    private static TimeSpan Spent(Dictionary<int, TimeSpan> before, Dictionary<int, TimeSpan> after) =>
        after.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Value - before.GetValueOrDefault(p.Key));

    // The machine is shared: the load average says how much of the wall time was ours.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    // As the importer does: open the store's connection, write, close it (returning it to the pool) before grouping.
    private static Task<List<long>> InsertOnStoreAsync(NewsDb db, List<GeneratedArticle> batch, CancellationToken ct) =>
        OnStoreAsync(db, c => BenchStore.Insert((SqliteConnection)c, batch), ct);

    private static Task<long> CountAsync(NewsDb db, string table, CancellationToken ct) => OnStoreAsync(db, c => Count(c, table), ct);

    private static Task<int[]> PartitionAsync(NewsDb db, long firstId, int count, CancellationToken ct) =>
        OnStoreAsync(db, c => Partition(c, firstId, count), ct);

    private static async Task<T> OnStoreAsync<T>(NewsDb db, Func<System.Data.Common.DbConnection, T> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try { return work(db.Database.GetDbConnection()); }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static long Count(System.Data.Common.DbConnection connection, string table) => Scalar(connection, $"SELECT COUNT(*) FROM \"{table}\"");

    private static long Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>B-cubed of a <see cref="Partition"/> against each article's event, from counts of (story, event) pairs: no per-item sets, so it fits a million articles.</summary>
    private static (double P, double R, double F1) Score(int[] partition, List<int> events)
    {
        var pairs = new Dictionary<(int Story, int Event), int>();
        var storySize = new Dictionary<int, int>();
        var eventSize = new Dictionary<int, int>();
        for (var i = 0; i < partition.Length; i++)
        {
            var (story, ev) = (partition[i], events[i]);
            pairs[(story, ev)] = pairs.GetValueOrDefault((story, ev)) + 1;
            storySize[story] = storySize.GetValueOrDefault(story) + 1;
            eventSize[ev] = eventSize.GetValueOrDefault(ev) + 1;
        }
        double p = 0, rc = 0, n = partition.Length;
        foreach (var ((story, ev), count) in pairs)
        {
            p += (double)count * count / storySize[story];
            rc += (double)count * count / eventSize[ev];
        }
        p /= n;
        rc /= n;
        return (p, rc, 2 * p * rc / (p + rc));
    }
}
