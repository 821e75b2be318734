using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-soak`: holds one or more running web instances of one store under steady load (32 connections by default,
/// spread over the instances) across the stories page, story pages and the JSON API for a given time, while the
/// command line imports into the same store in the background and a full regroup runs once. After each import it
/// checks that every instance's pages show what the store holds, and each minute prints requests, errors, p50/p95
/// latency, inconsistencies and each web process's memory. Loopback addresses only, bounded in time and connections,
/// and only against a store of generated captures; SQLite or PostgreSQL.
/// </summary>
internal static class BenchSoakCommand
{
    private const double MaxMinutes = 120;
    private const int MaxConnections = 256;
    private const int MaxInstances = 8;
    private static readonly TimeSpan ImportEvery = TimeSpan.FromSeconds(20);

    public static Command Create()
    {
        var url = new Option<string[]>("--url") { Description = "A running web instance of the store (a loopback address); repeat for several instances of one store", DefaultValueFactory = _ => ["http://127.0.0.1:5000"] };
        var minutes = new Option<double>("--minutes") { Description = $"How long to hold the load (at most {MaxMinutes})", DefaultValueFactory = _ => 10 };
        var connections = new Option<int>("--connections") { Description = $"Concurrent connections over all instances (at most {MaxConnections})", DefaultValueFactory = _ => 32 };
        var pid = new Option<int[]>("--pid") { Description = "Each web instance's process id, in the order of --url, for its memory each minute" };
        var batch = new Option<int>("--import-batch") { Description = "Generated captures per background import (one every 20 s)", DefaultValueFactory = _ => 25 };
        var regroupAt = new Option<double>("--regroup-at") { Description = "When the full regroup starts, as a share of the time", DefaultValueFactory = _ => 0.25 };
        var noRegroup = new Option<bool>("--no-regroup") { Description = "Run no full regroup, only the imports" };
        var command = new Command("bench-soak", "Hold running web instances under load while imports and a regroup run; print errors, p95, inconsistencies with the store and memory every minute")
        {
            url, minutes, connections, pid, batch, regroupAt, noRegroup,
        };
        command.SetAction(async (parse, ct) =>
        {
            var urls = parse.GetValue(url)!.Select(u => u.TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (urls.Length is 0 or > MaxInstances)
            {
                await Console.Error.WriteLineAsync($"bench-soak: give 1 to {MaxInstances} --url");
                return 2;
            }
            foreach (var baseUrl in urls)
            {
                if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || !IsLoopback(uri))
                {
                    await Console.Error.WriteLineAsync($"bench-soak: {baseUrl} is not a loopback address; the soak only loads web apps on this machine");
                    return 2;
                }
            }
            var pids = parse.GetValue(pid) ?? [];
            if (pids.Length > urls.Length)
            {
                await Console.Error.WriteLineAsync($"bench-soak: {pids.Length} --pid for {urls.Length} --url; give each instance's process id in the order of --url");
                return 2;
            }
            var settings = new Settings(TimeSpan.FromMinutes(Math.Clamp(parse.GetValue(minutes), 0.1, MaxMinutes)),
                Math.Clamp(parse.GetValue(connections), 1, MaxConnections), Math.Clamp(parse.GetValue(batch), 1, 1000),
                parse.GetValue(noRegroup) ? null : Math.Clamp(parse.GetValue(regroupAt), 0, 1));
            var store = CliOptions.Store(parse);
            await using (var db = await NewsStore.OpenAsync(store, ct))
            {
                // The soak imports generated captures: never into someone's real collection.
                var own = await db.Captures.CountAsync(c => !c.FileName.StartsWith("generated/"), ct);
                if (own > 0)
                {
                    await Console.Error.WriteLineAsync($"bench-soak: {store} holds {own:N0} imported captures; soak a store filled by bench-web --generate-only");
                    return 2;
                }
            }
            // The background imports are the command line itself, given the store as --db was.
            var storeArgument = store.Provider == StoreProvider.Postgres
                ? (parse.GetValue(CliOptions.Db) ?? Environment.GetEnvironmentVariable(NewsStore.DatabaseVariable))!.Trim()
                : store.Display;
            var instances = urls.Select((u, i) => new Instance(((char)('A' + i)).ToString(), u, settings.Connections,
                i < pids.Length ? BenchWebCommand.WebProcess.Find(pids[i]) : null)).ToList();
            try
            {
                return await SoakAsync(instances, store, storeArgument, settings, ct);
            }
            finally
            {
                foreach (var instance in instances) instance.Dispose();
            }
        });
        return command;
    }

    // RegroupAt: when the full regroup starts, as a share of the time; null for none.
    private sealed record Settings(TimeSpan Duration, int Connections, int ImportBatch, double? RegroupAt);

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    /// <summary>One web instance: its name in the report (A, B, ...), its client and, when known, its process.</summary>
    private sealed class Instance(string name, string url, int connections, BenchWebCommand.WebProcess? web) : IDisposable
    {
        public string Name { get; } = name;
        public string Url { get; } = url;
        public BenchWebCommand.WebProcess? Web { get; } = web;
        public long PeakMegabytes { get; set; }
        public HttpClient Http { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30),
        };

        public void Dispose() => Http.Dispose();
    }

    /// <summary>
    /// One minute's requests: latencies in ms, failures (5xx, refused, timed out, any other unexpected status), 410s
    /// (story ids a regroup or an import retired while the soak held them: an answer, not a failure) and 404s; and the
    /// consistency checks made in it, with the pages that did not show what the store held.
    /// </summary>
    private sealed class Window
    {
        public ConcurrentBag<double> Latencies { get; } = [];
        public int Errors;
        public int Gone;
        public int Missing;
        public int Checks;
        public int Inconsistent;
        public string? FirstError;
        public string? FirstMissing;
        public string? FirstInconsistent;
    }

    private static async Task<int> SoakAsync(IReadOnlyList<Instance> instances, StoreTarget store, string storeArgument, Settings settings, CancellationToken ct)
    {
        foreach (var instance in instances)
        {
            try
            {
                (await instance.Http.GetAsync("/", ct)).EnsureSuccessStatusCode();
            }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"bench-soak: {instance.Url} does not answer ({e.Message}); start the web app on {store} first");
                return 2;
            }
        }

        var ids = await IdsAsync(store, ct);
        var names = string.Join(", ", instances.Select(i => $"{i.Name} {i.Url}"));
        Console.WriteLine($"bench-soak: {settings.Connections} connections for {settings.Duration.TotalMinutes:0.#} min against {names}; store {store} " +
            $"({ids.Stories.Length:N0} story ids, {ids.Articles.Length:N0} article ids sampled); a command-line import of {settings.ImportBatch} generated captures every {ImportEvery.TotalSeconds:0} s, " +
            $"then each instance's pages checked against the store; " +
            (settings.RegroupAt is { } at ? $"a full regroup from {settings.Duration.TotalMinutes * at:0.#} min" : "no regroup") + $"; load average {LoadAverage()}");
        var rssHeader = instances.Count == 1 ? "rss MB" : "rss MB " + string.Join("/", instances.Select(i => i.Name));
        Console.WriteLine($"{"minute",6} {"requests",9} {"req/s",7} {"errors",6} {"410",5} {"404",5} {"checks",6} {"incons",6} {"p50 ms",7} {"p95 ms",7} {"max ms",8} {rssHeader,9}  background");

        var window = new Window();
        // The store and every instance agree before the load starts, or the soak says where they do not.
        await CheckAllAsync(store, instances, window, ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(settings.Duration);
        var background = new ConcurrentQueue<string>();
        var backgroundFailures = 0;
        var started = Stopwatch.GetTimestamp();

        var workers = Enumerable.Range(0, settings.Connections)
            .Select(n => Task.Run(() => LoadAsync(instances[n % instances.Count], n, () => ids, () => window, stop.Token), CancellationToken.None)).ToList();
        var imports = Task.Run(() => ImportLoopAsync(store, storeArgument, instances, settings.ImportBatch, background, () => window, () => Interlocked.Increment(ref backgroundFailures), stop.Token), CancellationToken.None);
        var regroup = settings.RegroupAt is not { } share ? Task.CompletedTask : Task.Run(async () =>
        {
            await Task.Delay(settings.Duration * share, stop.Token);
            var clock = Stopwatch.StartNew();
            try
            {
                await using var db = await NewsStore.OpenAsync(store, ct);
                var report = await new StoryStore(db).RegroupAsync(null, ct);
                background.Enqueue($"regroup: {report.Articles:N0} articles into {report.Stories:N0} stories in {clock.Elapsed.TotalSeconds:0} s");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref backgroundFailures);
                background.Enqueue($"regroup failed after {clock.Elapsed.TotalSeconds:0} s: {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}");
            }
        }, CancellationToken.None);

        long totalRequests = 0, totalErrors = 0, totalGone = 0, totalMissing = 0, totalChecks = 0, totalInconsistent = 0;
        string? firstInconsistent = null;
        var minute = 0;
        var allP95 = new List<double>();
        var windowStart = started;
        void Add(Window done)
        {
            totalRequests += done.Latencies.Count;
            totalErrors += done.Errors;
            totalGone += done.Gone;
            totalMissing += done.Missing;
            totalChecks += done.Checks;
            totalInconsistent += done.Inconsistent;
            firstInconsistent ??= done.FirstInconsistent;
        }
        while (!stop.IsCancellationRequested)
        {
            var left = settings.Duration - Stopwatch.GetElapsedTime(started);
            // The last minute is reported; the stop token may fire a little after this clock says the time is up.
            if (left <= TimeSpan.Zero) break;
            var wait = left < TimeSpan.FromMinutes(1) ? left : TimeSpan.FromMinutes(1);
            try { if (wait > TimeSpan.Zero) await Task.Delay(wait, stop.Token); }
            catch (OperationCanceledException) { }
            var done = Interlocked.Exchange(ref window, new Window());
            var span = Stopwatch.GetElapsedTime(windowStart);
            windowStart = Stopwatch.GetTimestamp();
            minute++;
            var p95 = Report(minute, span, done, Memory(instances), background);
            ids = await IdsAsync(store, ct);
            if (p95 is { } p) allP95.Add(p);
            Add(done);
        }

        await Task.WhenAll(workers);
        await imports;
        if (!regroup.IsCompleted) Console.WriteLine($"{"",88}load stopped; waiting for the regroup to finish");
        await AwaitQuietly(regroup);
        // The last word: after everything has stopped, each instance shows the store as it is.
        var last = Interlocked.Exchange(ref window, new Window());
        await CheckAllAsync(store, instances, last, ct);
        Add(last);
        while (background.TryDequeue(out var note)) Console.WriteLine($"{"",88}{note}");
        var memory = instances.All(i => i.Web is null) ? ""
            : ", web memory peak " + string.Join(", ", instances.Where(i => i.Web is not null).Select(i => $"{i.Name} {i.PeakMegabytes:N0} MB (high-water {i.Web!.HighWaterMegabytes():N0} MB)"));
        Console.WriteLine($"total: {totalRequests:N0} requests, {totalErrors:N0} errors, {totalGone:N0} 410s, {totalMissing:N0} 404s, worst minute's p95 {(allP95.Count == 0 ? 0 : allP95.Max()):0.0} ms{memory}; " +
            $"{totalChecks:N0} consistency checks over {instances.Count} instance(s), {totalInconsistent:N0} inconsistent" + (firstInconsistent is null ? "" : $" (first: {firstInconsistent})") +
            (backgroundFailures == 0 ? "" : $"; {backgroundFailures} background failures") + $"; load average {LoadAverage()}");
        return totalErrors == 0 && totalInconsistent == 0 && backgroundFailures == 0 ? 0 : 1;
    }

    private static string Memory(IReadOnlyList<Instance> instances)
    {
        if (instances.All(i => i.Web is null)) return "n/a";
        return string.Join("/", instances.Select(i =>
        {
            if (i.Web is null) return "n/a";
            var rss = i.Web.ResidentMegabytes();
            i.PeakMegabytes = Math.Max(i.PeakMegabytes, rss);
            return rss.ToString(CultureInfo.InvariantCulture);
        }));
    }

    private static async Task AwaitQuietly(Task task)
    {
        try { await task; }
        catch (OperationCanceledException) { }
    }

    private static double? Report(int minute, TimeSpan span, Window done, string rss, ConcurrentQueue<string> background)
    {
        var sorted = done.Latencies.ToArray();
        Array.Sort(sorted);
        double At(double share) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(share * sorted.Length))];
        var notes = new List<string>();
        while (background.TryDequeue(out var note)) notes.Add(note);
        if (done.FirstError is { } first) notes.Add("first error: " + first);
        if (done.FirstMissing is { } missing) notes.Add("first 404: " + missing);
        if (done.FirstInconsistent is { } inconsistent) notes.Add("first inconsistency: " + inconsistent);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{minute,6} {sorted.Length,9:N0} {sorted.Length / Math.Max(1, span.TotalSeconds),7:0} {done.Errors,6} {done.Gone,5} {done.Missing,5} {done.Checks,6} {done.Inconsistent,6} {At(0.5),7:0.0} {At(0.95),7:0.0} {(sorted.Length == 0 ? 0 : sorted[^1]),8:0.0} {rss,9}  {string.Join("; ", notes)}"));
        return sorted.Length == 0 ? null : At(0.95);
    }

    private sealed record Ids(long[] Stories, long[] Articles);

    private static async Task<Ids> IdsAsync(StoreTarget store, CancellationToken ct)
    {
        await using var db = await NewsStore.OpenAsync(store, ct);
        var stories = await db.Stories.AsNoTracking().OrderByDescending(s => s.Id).Select(s => s.Id).Take(5000).ToArrayAsync(ct);
        var articles = await db.Articles.AsNoTracking().Where(a => a.IsLatest).OrderByDescending(a => a.Id).Select(a => a.Id).Take(5000).ToArrayAsync(ct);
        return new Ids(stories, articles);
    }

    /// <summary>One connection's loop: a reader moving between the stories list, story pages, articles and the API.</summary>
    private static async Task LoadAsync(Instance instance, int seed, Func<Ids> ids, Func<Window> window, CancellationToken stop)
    {
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            var current = ids();
            var story = current.Stories.Length == 0 ? 1 : current.Stories[random.Next(current.Stories.Length)];
            var article = current.Articles.Length == 0 ? 1 : current.Articles[random.Next(current.Articles.Length)];
            var path = random.Next(20) switch
            {
                < 4 => "/",
                < 6 => $"/?page={random.Next(2, 50)}",
                < 12 => $"/stories/{story}",
                < 14 => "/api/stories",
                < 17 => $"/api/stories/{story}",
                < 19 => $"/api/articles/{article}",
                _ => "/articles",
            };
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await instance.Http.GetAsync(path, HttpCompletionOption.ResponseContentRead, stop);
                var target = window();
                target.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Gone) Interlocked.Increment(ref target.Gone);
                else if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    Interlocked.Increment(ref target.Missing);
                    Interlocked.CompareExchange(ref target.FirstMissing, $"{instance.Name} {path}", null);
                }
                else if (!response.IsSuccessStatusCode) Fail(target, $"{instance.Name} {path}: {(int)response.StatusCode}");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Fail(window(), $"{instance.Name} {path}: {e.Message}");
            }
        }
    }

    private static void Fail(Window window, string what)
    {
        Interlocked.Increment(ref window.Errors);
        Interlocked.CompareExchange(ref window.FirstError, what, null);
    }

    /// <summary>
    /// Every 20 s, writes a batch of new generated captures and imports them into the store the instances read with
    /// the command line's own `import` (another process, as an editor's import beside the web app would be: written,
    /// then grouped); then checks each instance against the store.
    /// </summary>
    private static async Task ImportLoopAsync(StoreTarget store, string storeArgument, IReadOnlyList<Instance> instances, int size,
        ConcurrentQueue<string> background, Func<Window> window, Action failed, CancellationToken stop)
    {
        var root = Path.Combine(Path.GetTempPath(), $"newscompare-soak-{Guid.NewGuid():N}");
        var round = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(ImportEvery, stop);
                round++;
                var folder = Directory.CreateDirectory(Path.Combine(root, "generated", $"soak-{Environment.ProcessId}-{round}")).FullName;
                foreach (var a in new CorpusGenerator(seed: Environment.TickCount ^ round, topics: 20, outlets: 30).Generate(size, start: new DateOnly(2024, 6, 1)))
                    await File.WriteAllTextAsync(Path.Combine(folder, a.File), a.Headline + "\n\n" + string.Join("\n\n", a.Paragraphs) + "\n", stop);
                var run = await ImportProcessAsync(storeArgument, root);
                if (!run.Ran) failed();
                background.Enqueue($"import {round}: {run.Describe()}");
                Directory.Delete(folder, recursive: true);
                await CheckAllAsync(store, instances, window(), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>What one `import` process did, from its exit code and its one line per failed file.</summary>
    private sealed record ImportRun(int ExitCode, TimeSpan Took, int Failed, string? FirstFailure, string? Error)
    {
        // Exit 1 with files failed is an import that ran (the generator writes some headline-only captures); an
        // exception also exits 1, with its message on standard error.
        public bool Ran => ExitCode == 0 || ExitCode == 1 && Error is null;

        public string Describe() => Ran
            ? $"exit {ExitCode} in {Took.TotalSeconds:0.0} s, {Failed} failed" + (FirstFailure is null ? "" : $" ({FirstFailure})")
            : $"exit {ExitCode} after {Took.TotalSeconds:0.0} s: {Error}";
    }

    private static async Task<ImportRun> ImportProcessAsync(string storeArgument, string folder)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Run as `dotnet newscompare.dll`, the verb's own assembly is the program; run as the apphost, the process is.
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            info.ArgumentList.Add(typeof(BenchSoakCommand).Assembly.Location);
        info.ArgumentList.Add("import");
        info.ArgumentList.Add(folder);
        // Through the environment, not the arguments, so a PostgreSQL password does not show in the process list.
        info.Environment[NewsStore.DatabaseVariable] = storeArgument;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        // Not cancelled with the load: an import under way finishes, so the store is left as an import leaves it.
        await process.WaitForExitAsync(CancellationToken.None);
        var failures = (await stdout).Split('\n').Where(l => l.Contains(": failed: ", StringComparison.Ordinal)).ToList();
        var error = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var first = failures.FirstOrDefault()?.Trim().Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        return new ImportRun(process.ExitCode, clock.Elapsed, failures.Count, first, error);
    }

    private static async Task CheckAllAsync(StoreTarget store, IReadOnlyList<Instance> instances, Window window, CancellationToken ct)
    {
        foreach (var instance in instances)
        {
            var verdict = await CheckAsync(store, instance, ct);
            Interlocked.Increment(ref window.Checks);
            if (verdict.Consistent) continue;
            Interlocked.Increment(ref window.Inconsistent);
            Interlocked.CompareExchange(ref window.FirstInconsistent, $"{instance.Name} {verdict.Mismatch ?? "the store kept changing while its pages were read"}", null);
        }
    }

    /// <summary>
    /// Reads the store, then the instance's pages (each its next request after the import), then the store again; when
    /// the store moved in between (a regroup switching in), reads again, a few times.
    /// </summary>
    private static async Task<ConsistencyVerdict> CheckAsync(StoreTarget store, Instance instance, CancellationToken ct)
    {
        var verdict = new ConsistencyVerdict(false, null);
        for (var attempt = 0; attempt < 5 && !verdict.Settled; attempt++)
        {
            var before = await StateAsync(store, ct);
            var readings = await ReadPagesAsync(instance, before.NewestArticle, ct);
            var after = await StateAsync(store, ct);
            verdict = SoakConsistency.Judge(before, readings, after);
        }
        return verdict;
    }

    /// <summary>The store's counts, newest story (the stories page's order) and newest article with its story, read in one snapshot.</summary>
    private static async Task<StoreState> StateAsync(StoreTarget store, CancellationToken ct)
    {
        await using var db = await NewsStore.OpenAsync(store, ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var snapshot = await StoreDialect.For(db).BeginSnapshotAsync(db.Database.GetDbConnection(), ct);
        await db.Database.UseTransactionAsync(snapshot, ct);
        var articles = await db.Articles.LongCountAsync(a => a.IsLatest, ct);
        var stories = await db.Stories.LongCountAsync(ct);
        var newestStory = await db.Stories.OrderBy(s => s.LastDate == null).ThenByDescending(s => s.LastDate).ThenByDescending(s => s.Id)
            .Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        var newest = await db.Articles.Where(a => a.IsLatest).OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, a.StoryId }).FirstOrDefaultAsync(ct);
        return new StoreState(articles, stories, newestStory, newest?.Id, newest?.StoryId);
    }

    /// <summary>What the instance's stories and articles pages and its JSON API show of each <see cref="StoreFact"/>.</summary>
    private static async Task<IReadOnlyList<PageReading>> ReadPagesAsync(Instance instance, long? newestArticle, CancellationToken ct)
    {
        async Task<string?> Body(string path)
        {
            try
            {
                using var response = await instance.Http.GetAsync(path, ct);
                return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(ct) : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return null;
            }
        }
        var readings = new List<PageReading>();
        var home = await Body("/");
        readings.Add(new PageReading("/", StoreFact.Stories, home is null ? null : SoakConsistency.CountOnPage(home)));
        var articlesPage = await Body("/articles");
        readings.Add(new PageReading("/articles", StoreFact.Articles, articlesPage is null ? null : SoakConsistency.CountOnPage(articlesPage)));
        var (storyTotal, newestStory) = await Body("/api/stories") is { } storiesJson ? SoakConsistency.ListSummary(storiesJson) : (null, null);
        readings.Add(new PageReading("/api/stories", StoreFact.Stories, storyTotal));
        readings.Add(new PageReading("/api/stories", StoreFact.NewestStory, newestStory));
        var (articleTotal, _) = await Body("/api/articles") is { } articlesJson ? SoakConsistency.ListSummary(articlesJson) : (null, null);
        readings.Add(new PageReading("/api/articles", StoreFact.Articles, articleTotal));
        if (newestArticle is { } id)
        {
            var page = $"/api/articles/{id}";
            var (shown, story) = await Body(page) is { } articleJson ? SoakConsistency.ArticleSummary(articleJson) : (null, null);
            readings.Add(new PageReading(page, StoreFact.NewestArticle, shown));
            readings.Add(new PageReading(page, StoreFact.NewestArticleStory, story));
        }
        return readings;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
