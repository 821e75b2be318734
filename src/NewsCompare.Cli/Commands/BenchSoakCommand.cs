using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-soak`: holds a running web app under steady load (32 connections by default) across the stories page,
/// story pages and the JSON API for a given time, while imports into the same store run in the background and a
/// full regroup runs once, and prints each minute's requests, errors, p50/p95 latency and the web process's memory.
/// Loopback addresses only, bounded in time and connections, and only against a store of generated captures.
/// </summary>
internal static class BenchSoakCommand
{
    private const double MaxMinutes = 120;
    private const int MaxConnections = 256;

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The running web app (a loopback address)", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var minutes = new Option<double>("--minutes") { Description = $"How long to hold the load (at most {MaxMinutes})", DefaultValueFactory = _ => 10 };
        var connections = new Option<int>("--connections") { Description = $"Concurrent connections (at most {MaxConnections})", DefaultValueFactory = _ => 32 };
        var pid = new Option<int?>("--pid") { Description = "The web process's id, for its memory each minute" };
        var batch = new Option<int>("--import-batch") { Description = "Generated captures per background import (one every 20 s)", DefaultValueFactory = _ => 25 };
        var regroupAt = new Option<double>("--regroup-at") { Description = "When the full regroup starts, as a share of the time", DefaultValueFactory = _ => 0.25 };
        var command = new Command("bench-soak", "Hold a running web app under load while imports and a regroup run; print errors, p95 and memory every minute")
        {
            url, minutes, connections, pid, batch, regroupAt,
        };
        command.SetAction(async (parse, ct) =>
        {
            var baseUrl = parse.GetValue(url)!.TrimEnd('/');
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || !IsLoopback(uri))
            {
                await Console.Error.WriteLineAsync($"bench-soak: {baseUrl} is not a loopback address; the soak only loads a web app on this machine");
                return 2;
            }
            var settings = new Settings(TimeSpan.FromMinutes(Math.Clamp(parse.GetValue(minutes), 0.1, MaxMinutes)),
                Math.Clamp(parse.GetValue(connections), 1, MaxConnections), Math.Clamp(parse.GetValue(batch), 1, 1000),
                Math.Clamp(parse.GetValue(regroupAt), 0, 1));
            var store = Path.GetFullPath(CliOptions.DatabasePath(parse));
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
            var web = parse.GetValue(pid) is { } id ? BenchWebCommand.WebProcess.Find(id) : null;
            return await SoakAsync(baseUrl, store, settings, web, ct);
        });
        return command;
    }

    private sealed record Settings(TimeSpan Duration, int Connections, int ImportBatch, double RegroupAt);

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    /// <summary>
    /// One minute's requests: latencies in ms, failures (5xx, refused, timed out, any other unexpected status), 410s
    /// (story ids a regroup or an import retired while the soak held them: an answer, not a failure) and 404s.
    /// </summary>
    private sealed class Window
    {
        public ConcurrentBag<double> Latencies { get; } = [];
        public int Errors;
        public int Gone;
        public int Missing;
        public string? FirstError;
        public string? FirstMissing;
    }

    private static async Task<int> SoakAsync(string baseUrl, string store, Settings settings, BenchWebCommand.WebProcess? web, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            (await http.GetAsync("/", ct)).EnsureSuccessStatusCode();
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"bench-soak: {baseUrl} does not answer ({e.Message}); start the web app on {store} first");
            return 2;
        }

        var ids = await IdsAsync(store, ct);
        Console.WriteLine($"bench-soak: {settings.Connections} connections for {settings.Duration.TotalMinutes:0.#} min against {baseUrl}; store {store} " +
            $"({ids.Stories.Length:N0} story ids, {ids.Articles.Length:N0} article ids sampled); an import of {settings.ImportBatch} generated captures every 20 s; " +
            $"a full regroup from {settings.Duration.TotalMinutes * settings.RegroupAt:0.#} min; load average {LoadAverage()}");
        Console.WriteLine($"{"minute",6} {"requests",9} {"req/s",7} {"errors",6} {"410",5} {"404",5} {"p50 ms",7} {"p95 ms",7} {"max ms",8} {"rss MB",6}  background");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(settings.Duration);
        var window = new Window();
        var background = new ConcurrentQueue<string>();
        var started = Stopwatch.GetTimestamp();

        var workers = Enumerable.Range(0, settings.Connections).Select(n => Task.Run(() => LoadAsync(http, n, () => ids, () => window, stop.Token), CancellationToken.None)).ToList();
        var imports = Task.Run(() => ImportLoopAsync(store, settings.ImportBatch, background, stop.Token), CancellationToken.None);
        var regroup = Task.Run(async () =>
        {
            await Task.Delay(settings.Duration * settings.RegroupAt, stop.Token);
            await using var db = await NewsStore.OpenAsync(store, ct);
            var clock = Stopwatch.StartNew();
            var report = await new StoryStore(db).RegroupAsync(null, ct);
            background.Enqueue($"regroup: {report.Articles:N0} articles into {report.Stories:N0} stories in {clock.Elapsed.TotalSeconds:0} s");
        }, CancellationToken.None);

        long totalRequests = 0, totalErrors = 0, totalGone = 0, totalMissing = 0, peak = 0;
        var minute = 0;
        var allP95 = new List<double>();
        var windowStart = started;
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
            var rss = web?.ResidentMegabytes() ?? 0;
            peak = Math.Max(peak, rss);
            var p95 = Report(minute, span, done, web is null ? "n/a" : rss.ToString(CultureInfo.InvariantCulture), background);
            ids = await IdsAsync(store, ct);
            if (p95 is { } p) allP95.Add(p);
            totalRequests += done.Latencies.Count;
            totalErrors += done.Errors;
            totalGone += done.Gone;
            totalMissing += done.Missing;
        }

        await Task.WhenAll(workers);
        await imports;
        if (!regroup.IsCompleted) Console.WriteLine($"{"",72}load stopped; waiting for the regroup to finish");
        await AwaitQuietly(regroup);
        while (background.TryDequeue(out var note)) Console.WriteLine($"{"",72}{note}");
        Console.WriteLine($"total: {totalRequests:N0} requests, {totalErrors:N0} errors, {totalGone:N0} 410s, {totalMissing:N0} 404s, worst minute's p95 {(allP95.Count == 0 ? 0 : allP95.Max()):0.0} ms" +
            (web is null ? "" : $", web memory peak {peak:N0} MB (high-water {web.HighWaterMegabytes():N0} MB)") + $"; load average {LoadAverage()}");
        return totalErrors == 0 ? 0 : 1;
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{minute,6} {sorted.Length,9:N0} {sorted.Length / Math.Max(1, span.TotalSeconds),7:0} {done.Errors,6} {done.Gone,5} {done.Missing,5} {At(0.5),7:0.0} {At(0.95),7:0.0} {(sorted.Length == 0 ? 0 : sorted[^1]),8:0.0} {rss,6}  {string.Join("; ", notes)}"));
        return sorted.Length == 0 ? null : At(0.95);
    }

    private sealed record Ids(long[] Stories, long[] Articles);

    private static async Task<Ids> IdsAsync(string store, CancellationToken ct)
    {
        await using var db = await NewsStore.OpenAsync(store, ct);
        var stories = await db.Stories.AsNoTracking().OrderByDescending(s => s.Id).Select(s => s.Id).Take(5000).ToArrayAsync(ct);
        var articles = await db.Articles.AsNoTracking().Where(a => a.IsLatest).OrderByDescending(a => a.Id).Select(a => a.Id).Take(5000).ToArrayAsync(ct);
        return new Ids(stories, articles);
    }

    /// <summary>One connection's loop: a reader moving between the stories list, story pages, articles and the API.</summary>
    private static async Task LoadAsync(HttpClient http, int seed, Func<Ids> ids, Func<Window> window, CancellationToken stop)
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
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, stop);
                var target = window();
                target.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Gone) Interlocked.Increment(ref target.Gone);
                else if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    Interlocked.Increment(ref target.Missing);
                    Interlocked.CompareExchange(ref target.FirstMissing, path, null);
                }
                else if (!response.IsSuccessStatusCode) Fail(target, $"{path}: {(int)response.StatusCode}");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Fail(window(), $"{path}: {e.Message}");
            }
        }
    }

    private static void Fail(Window window, string what)
    {
        Interlocked.Increment(ref window.Errors);
        Interlocked.CompareExchange(ref window.FirstError, what, null);
    }

    /// <summary>Every 20 s, imports a batch of new generated captures into the store the web app reads (a real import: written, then grouped).</summary>
    private static async Task ImportLoopAsync(string store, int size, ConcurrentQueue<string> background, CancellationToken stop)
    {
        var root = Path.Combine(Path.GetTempPath(), $"newscompare-soak-{Guid.NewGuid():N}");
        var round = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(20), stop);
                round++;
                var folder = Directory.CreateDirectory(Path.Combine(root, "generated", $"soak-{Environment.ProcessId}-{round}")).FullName;
                foreach (var a in new CorpusGenerator(seed: Environment.TickCount ^ round, topics: 20, outlets: 30).Generate(size, start: new DateOnly(2024, 6, 1)))
                    await File.WriteAllTextAsync(Path.Combine(folder, a.File), a.Headline + "\n\n" + string.Join("\n\n", a.Paragraphs) + "\n", stop);
                await using var db = await NewsStore.OpenAsync(store, stop);
                var clock = Stopwatch.StartNew();
                try
                {
                    var report = await new Importer(db).ImportPathsAsync([root], cancellationToken: stop);
                    var failure = report.Results.FirstOrDefault(r => r.Outcome == ImportOutcome.Failed);
                    background.Enqueue($"import {round}: {report.Imported} imported, {report.Failed} failed in {clock.Elapsed.TotalSeconds:0.0} s" +
                        (failure is null ? "" : $" (first failure: {failure.Reason})"));
                }
                catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == 5)
                {
                    // A writer held the store longer than the busy timeout (a full regroup holds it only for its short
                    // switch, docs/stories.md). The soak reports it and goes on.
                    background.Enqueue($"import {round}: store busy after {clock.Elapsed.TotalSeconds:0.0} s; nothing imported");
                }
                Directory.Delete(folder, recursive: true);
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

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
