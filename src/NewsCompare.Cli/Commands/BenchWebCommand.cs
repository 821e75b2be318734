using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-web`: fills a store with generated articles and stories (once), then loads a running web app with wrk
/// (32 connections) and prints requests per second, p50 and p95 latency for the stories page, filtered pages, searches
/// and a story with ten versions; with --pid, the web process's CPU time per request and its memory before, during and
/// after. The ceiling: the same HTML saved to files and served by nginx, and Kestrel's own static files. Start the web
/// app on the same store first, with the page cache on or off (docs/benchmarks.md). With --postgres the generated store
/// is also copied into a PostgreSQL database (copy-store's copier, once) and the app running there (--postgres-url)
/// is measured beside the SQLite one, endpoint by endpoint. --db may itself name a PostgreSQL store filled that way.
/// </summary>
internal static class BenchWebCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles to generate when the store has fewer", DefaultValueFactory = _ => 100_000 };
        var url = new Option<string>("--url") { Description = "The running web app", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var duration = new Option<int>("--duration") { Description = "Seconds per endpoint", DefaultValueFactory = _ => 15 };
        var connections = new Option<int>("--connections") { Description = "wrk connections", DefaultValueFactory = _ => 32 };
        var generateOnly = new Option<bool>("--generate-only") { Description = "Fill the store and stop" };
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured seconds of load per endpoint first", DefaultValueFactory = _ => 5 };
        var pid = new Option<int?>("--pid") { Description = "The web process's id, for its CPU time per request and its memory" };
        var staticPort = new Option<int>("--static-port") { Description = "Port for nginx serving the saved pages (the ceiling)", DefaultValueFactory = _ => 5098 };
        var nginx = new Option<string>("--nginx") { Description = "The nginx program", DefaultValueFactory = _ => "nginx" };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL store (postgres://...) to copy the generated store into when empty, and to measure beside it" };
        var postgresUrl = new Option<string?>("--postgres-url") { Description = "The web app running on the --postgres store" };
        var postgresPid = new Option<int?>("--postgres-pid") { Description = "That web process's id" };
        var command = new Command("bench-web", "Generate a large store, then measure the web app's pages with wrk")
        {
            articles, url, duration, connections, generateOnly, pid, staticPort, nginx, warmup, postgres, postgresUrl, postgresPid,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(CliOptions.Db) is null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Core.Data.NewsStore.DatabaseVariable)))
            {
                // The default is the store people keep their collection in; a benchmark never fills it.
                Console.Error.WriteLine("bench-web: name the store to generate into with --db (a new file); it never uses the shared default store");
                return 2;
            }
            var store = CliOptions.Store(parse);
            await using (var db = await CliOptions.OpenStoreAsync(parse, ct))
            {
                var have = await db.Articles.CountAsync(ct);
                var want = parse.GetValue(articles);
                // Generated articles must never be mixed into someone's real collection: only an empty store, or one
                // this verb filled, is topped up.
                var own = await db.Captures.CountAsync(c => !c.FileName.StartsWith("generated/"), ct);
                if (have < want && store.Provider == Core.Data.StoreProvider.Postgres)
                {
                    // The generator writes SQLite's file directly; a PostgreSQL store gets the same rows by copying one.
                    Console.Error.WriteLine($"{store.Display}: holds {have:N0} articles; generate a SQLite store with --db FILE and pass this one as --postgres to copy it here");
                    return 2;
                }
                if (have < want && own > 0)
                {
                    Console.Error.WriteLine($"{CliOptions.DatabasePath(parse)}: holds {own:N0} imported captures; bench-web generates articles only into an empty store or one it filled (pass --db with a new file)");
                    return 2;
                }
                if (have < want)
                {
                    var clock = Stopwatch.StartNew();
                    await GenerateAsync(CliOptions.DatabasePath(parse), want - have, have, ct);
                    Console.WriteLine($"generated {want - have:N0} articles in {clock.Elapsed.TotalSeconds:0.0} s");
                }
                // Articles in no story would be grouped by the web app as it starts (GroupPendingOnStart), minutes of
                // grouping measured as if they were the pages' cost: the store is brought to rest first, as an import would.
                var pending = await db.Articles.Where(a => a.IsLatest && a.StoryId == null).Select(a => a.Id).ToListAsync(ct);
                if (pending.Count > 0)
                {
                    var clock = Stopwatch.StartNew();
                    await Core.Stories.StoryStore.AssignNewArticlesAsync(db, pending, ct);
                    Console.WriteLine($"grouped {pending.Count:N0} articles that were in no story in {clock.Elapsed.TotalSeconds:0.0} s (the web app would group them as it starts, during the measurement)");
                }
                Console.WriteLine($"store: {await db.Articles.CountAsync(ct):N0} articles, {await db.Stories.CountAsync(ct):N0} stories");
                if (parse.GetValue(postgres) is { } uri && !await CopyToPostgresAsync(db, uri, ct)) return 2;
                if (parse.GetValue(generateOnly)) return 0;

                var tenVersions = await db.Stories.Where(s => s.ArticleCount == 10).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
                var outlets = await db.Articles.Where(a => a.Outlet != null).Select(a => a.Outlet!).Distinct().OrderBy(o => o).Take(2).ToListAsync(ct);
                var targets = new List<(string Name, string Path)>
                {
                    ("stories page", "/"),
                    ("stories of a year", "/?from=2023-01-01&to=2023-12-31"),
                    ("one outlet's stories", outlets.Count == 0 ? "" : "/?outlet=" + Uri.EscapeDataString(outlets[0])),
                    ("filtered stories", "/?" + string.Join('&', outlets.Select(o => "outlet=" + Uri.EscapeDataString(o)))
                        + "&from=2023-01-01&to=2023-12-31&sort=coverage"),
                    ("filtered + language", "/?" + string.Join('&', outlets.Select(o => "outlet=" + Uri.EscapeDataString(o)))
                        + "&from=2023-01-01&to=2023-12-31&lang=en&sort=coverage"),
                    ("articles page", "/articles"),
                    ("search, one story's name", "/?q=kestra4711"),
                    ("search, common words", "/articles?q=council%20budget"),
                    ("story, ten versions", tenVersions is null ? "" : $"/stories/{tenVersions}"),
                };
                var apps = new List<App>
                {
                    new(store.Provider == Core.Data.StoreProvider.Postgres ? "postgres" : "sqlite", parse.GetValue(url)!.TrimEnd('/'), parse.GetValue(pid),
                        store.Provider == Core.Data.StoreProvider.Postgres ? ServerProcesses.DatabaseOf(store.ConnectionString) : null),
                };
                if (parse.GetValue(postgresUrl) is { } second)
                    apps.Add(new App("postgres", second.TrimEnd('/'), parse.GetValue(postgresPid),
                        parse.GetValue(postgres) is { } postgresUri ? ServerProcesses.DatabaseOf(Core.Data.StoreTarget.Resolve(postgresUri, Environment.CurrentDirectory).ConnectionString) : null));
                return await MeasureAsync(apps, targets,
                    new Settings(parse.GetValue(duration), parse.GetValue(connections), parse.GetValue(staticPort), parse.GetValue(nginx)!, parse.GetValue(warmup)), ct);
            }
        });
        return command;
    }

    /// <summary>
    /// Copies the generated store into the empty PostgreSQL store at <paramref name="uri"/> (copy-store's copier, every
    /// capture checked) and gathers its statistics; a store already holding as many articles is used as it is.
    /// </summary>
    private static async Task<bool> CopyToPostgresAsync(Core.Data.NewsDb source, string uri, CancellationToken ct)
    {
        var target = Core.Data.StoreTarget.Resolve(uri, Environment.CurrentDirectory);
        if (target.Provider != Core.Data.StoreProvider.Postgres)
        {
            Console.Error.WriteLine($"bench-web: --postgres takes a postgres:// URI, not {target.Display}");
            return false;
        }
        await using var destination = await Core.Data.NewsStore.OpenAsync(target, ct);
        var (want, have) = (await source.Articles.CountAsync(ct), await destination.Articles.CountAsync(ct));
        if (have == want)
        {
            Console.WriteLine($"{target.Display}: {have:N0} articles, copied before");
            return true;
        }
        if (have > 0)
        {
            Console.Error.WriteLine($"{target.Display}: holds {have:N0} articles, not the {want:N0} of the generated store; give an empty database");
            return false;
        }
        var clock = Stopwatch.StartNew();
        var report = await Core.Data.StoreCopier.CopyAsync(source, destination, cancellationToken: ct);
        await destination.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        Console.WriteLine($"copied to {target.Display} in {clock.Elapsed.TotalSeconds:0.0} s ({report.CapturesVerified:N0} captures checked), statistics gathered");
        return true;
    }

    /// <summary>A running web app to measure, on the store of <paramref name="Store"/>'s engine (PostgreSQL's database <paramref name="Database"/>).</summary>
    private sealed record App(string Store, string BaseUrl, int? Pid, string? Database = null);

    private static async Task<int> MeasureAsync(List<App> apps, List<(string Name, string Path)> targets, Settings settings, CancellationToken ct)
    {
        using var http = new HttpClient();
        var cached = new List<bool>();
        foreach (var app in apps)
        {
            try
            {
                (await http.GetAsync(app.BaseUrl + "/", ct)).EnsureSuccessStatusCode();
                // The page cache answers a repeated address from memory and says so with an Age header.
                using var again = await http.GetAsync(app.BaseUrl + "/", ct);
                cached.Add(again.Headers.Age is not null);
            }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"bench-web: {app.BaseUrl} does not answer ({e.Message}); start the web app on the {app.Store} store first");
                return 2;
            }
        }
        var baseUrl = apps[0].BaseUrl;

        // wrk prints no p95 of its own; this script reports it with the request rate.
        var script = Path.Combine(Path.GetTempPath(), "newscompare-bench-web.lua");
        await File.WriteAllTextAsync(script, """
            done = function(summary, latency, requests)
              io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
                summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
                summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
                summary.requests))
            end
            """, ct);
        var webs = apps.Select(a => a.Pid is { } pid ? WebProcess.Find(pid) : null).ToList();
        Console.WriteLine($"wrk: {settings.Connections} connections, 2 threads, {settings.Seconds} s per endpoint after {settings.Warmup} s unmeasured; load average {LoadAverage()}");
        for (var i = 0; i < apps.Count; i++)
            Console.WriteLine($"  {apps[i].Store}: {apps[i].BaseUrl}, page cache {(cached[i] ? "ON (repeated addresses answered from memory)" : "OFF (every request renders)")}" +
                (webs[i] is null ? " (give its --pid for CPU per request and memory)" : ""));
        var servers = apps.Select(a => a.Database is { } name ? new ServerProcesses(name) : null).ToList();
        Console.WriteLine($"{"endpoint",-30} {"store",-8} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"errors",6} {"cpu ms/req",10} {"db ms/req",9} {"rss MB",6}  path");

        var rssBefore = webs.Select(w => w?.ResidentMegabytes()).ToList();
        var peak = rssBefore.Select(r => r ?? 0).ToArray();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                for (var i = 0; i < webs.Count; i++) if (webs[i] is { } w) peak[i] = Math.Max(peak[i], w.ResidentMegabytes());
                try { await Task.Delay(200, sampling.Token); } catch (OperationCanceledException) { }
            }
        }, CancellationToken.None);

        // Unmeasured first, every endpoint: the JIT compiles (and recompiles optimised) the code they share, and
        // the store's pages are read into memory, so that work is not charged to whichever endpoint comes first.
        if (settings.Warmup > 0)
            foreach (var app in apps)
                foreach (var (_, path) in targets.Where(t => t.Path.Length > 0))
                    await WrkAsync(script, app.BaseUrl + path, settings with { Seconds = settings.Warmup }, ct);
        var pages = new List<(string Name, string Path)>();
        foreach (var (name, path) in targets)
        {
            if (path.Length == 0) { Console.WriteLine($"{name,-30} (no such story in the store)"); continue; }
            for (var i = 0; i < apps.Count; i++)
            {
                var (web, server) = (webs[i], servers[i]);
                var cpuBefore = web?.CpuSeconds();
                var serverBefore = server?.CpuSeconds();
                var result = await WrkAsync(script, apps[i].BaseUrl + path, settings, ct);
                var cpu = web is null || result is null || result.Requests == 0 ? "" : $"{(web.CpuSeconds() - cpuBefore!.Value) * 1000 / result.Requests:0.00}";
                var serverCpu = server is null || result is null || result.Requests == 0 || serverBefore is not > 0
                    ? "" : $"{(server.CpuSeconds() - serverBefore.Value) * 1000 / result.Requests:0.00}";
                Print(name, apps[i].Store, path, result, cpu, web is null ? "" : web.ResidentMegabytes().ToString(CultureInfo.InvariantCulture), serverCpu);
                // Let a slow endpoint's queued requests drain before the next is measured.
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
            pages.Add((name, path));
        }
        await sampling.CancelAsync();
        await sampler;
        for (var i = 0; i < webs.Count; i++)
        {
            if (webs[i] is not { } web) continue;
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            Console.WriteLine($"{apps[i].Store} web process memory (RSS): before {rssBefore[i]:N0} MB, peak during the load {peak[i]:N0} MB, after {web.ResidentMegabytes():N0} MB " +
                $"(high-water mark since start {web.HighWaterMegabytes():N0} MB)");
        }

        await StaticCeilingAsync(http, baseUrl, pages, script, settings, ct);
        Console.WriteLine($"load average at the end {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// The ceiling: the same HTML, fetched once and saved to files, served by nginx (Debian's) on another port with the
    /// same wrk settings. The app's own static file middleware is also measured (its stylesheet) for Kestrel's ceiling.
    /// </summary>
    private static async Task StaticCeilingAsync(HttpClient http, string baseUrl, List<(string Name, string Path)> pages, string script,
        Settings settings, CancellationToken ct)
    {
        Console.WriteLine("ceiling: the same responses as static files");
        Print("Kestrel static (site.css)", "", "/css/site.css", await WrkAsync(script, baseUrl + "/css/site.css", settings, ct));
        var nginx = FindOnPath(settings.Nginx);
        if (nginx is null) { Console.WriteLine($"  nginx not found ({settings.Nginx}); `apt-get install -y nginx-light` for the page ceiling"); return; }

        var root = Path.Combine(Path.GetTempPath(), "newscompare-bench-static");
        var html = Path.Combine(root, "html");
        Directory.CreateDirectory(html);
        Directory.CreateDirectory(Path.Combine(root, "logs"));
        var files = new List<(string Name, string File)>();
        foreach (var (name, path) in pages)
        {
            var file = $"page{files.Count}.html";
            await File.WriteAllBytesAsync(Path.Combine(html, file), await http.GetByteArrayAsync(baseUrl + path, ct), ct);
            files.Add((name, file));
        }
        var port = settings.StaticPort;
        await File.WriteAllTextAsync(Path.Combine(root, "nginx.conf"), $$"""
            worker_processes 2;
            pid {{root}}/nginx.pid;
            error_log {{root}}/logs/error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                default_type text/html;
                client_body_temp_path {{root}}/tmp;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{html}};
                }
            }
            """, ct);
        using var server = Process.Start(new ProcessStartInfo(nginx, ["-p", root, "-c", Path.Combine(root, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("nginx did not start");
        try
        {
            await Task.Delay(500, ct);
            if (server.HasExited) { Console.WriteLine($"  nginx stopped: {await server.StandardError.ReadToEndAsync(ct)}"); return; }
            foreach (var (name, file) in files)
                Print("nginx: " + name, "", "/" + file, await WrkAsync(script, $"http://127.0.0.1:{port}/{file}", settings, ct));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    private sealed record WrkResult(string Rate, string P50, string P95, string Errors, long Requests, string? Failure);

    private static async Task<WrkResult?> WrkAsync(string script, string url, Settings settings, CancellationToken ct)
    {
        using var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", $"-c{settings.Connections}", $"-d{settings.Seconds}s", "-s", script, url])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("wrk did not start");
        var output = await wrk.StandardOutput.ReadToEndAsync(ct);
        var error = await wrk.StandardError.ReadToEndAsync(ct);
        await wrk.WaitForExitAsync(ct);
        var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))?.Split(' ');
        return result is null
            ? new WrkResult("", "", "", "", 0, "wrk failed: " + error.Trim())
            : new WrkResult(result[1], result[2], result[3], result[4], long.Parse(result[5], CultureInfo.InvariantCulture), null);
    }

    private static void Print(string name, string store, string path, WrkResult? r, string cpu = "", string rss = "", string serverCpu = "") =>
        Console.WriteLine(r?.Failure is { } failure
            ? $"{name,-30} {store,-8} {failure}"
            : $"{name,-30} {store,-8} {r!.Rate,9} {r.P50,8} {r.P95,8} {r.Errors,6} {cpu,10} {serverCpu,9} {rss,6}  {path}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? FindOnPath(string name) =>
        Path.IsPathRooted(name) ? (File.Exists(name) ? name : null)
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>
    /// The PostgreSQL server's processes serving one database, when the server runs on this machine: each backend
    /// names its database in its process title ("postgres: user database host(port) state"). Their CPU time is the
    /// server's share of a request, which the web process's own figure leaves out. Backends the pool closes during a
    /// measurement take their time with them, so the figure is a floor.
    /// </summary>
    internal sealed class ServerProcesses(string database)
    {
        public static string? DatabaseOf(string connectionString) => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;

        public double CpuSeconds()
        {
            double total = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var id)) continue;
                try
                {
                    var title = File.ReadAllText(Path.Combine(dir, "cmdline")).TrimEnd('\0').Split(' ');
                    if (title is ["postgres:", _, var name, ..] && name == database) total += new WebProcess(id).CpuSeconds();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Ended while being read, or another user's.
                }
            }
            return total;
        }
    }

    private sealed record Settings(int Seconds, int Connections, int StaticPort, string Nginx, int Warmup);

    /// <summary>The web process, read from /proc: CPU time used and resident memory.</summary>
    internal sealed class WebProcess(int pid)
    {
        public static WebProcess? Find(int pid) => File.Exists($"/proc/{pid}/stat") ? new WebProcess(pid) : null;

        public double CpuSeconds()
        {
            // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }

        public long ResidentMegabytes() => Status("VmRSS:") / 1024;

        public long HighWaterMegabytes() => Status("VmHWM:") / 1024;

        private long Status(string key)
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
    }

    private static readonly string[] Words = ("harbour council budget minister treaty river strike port election court police hospital " +
        "school storm flood bridge railway airport festival museum farmer fisherman market bank inflation energy climate " +
        "report inquiry vote parliament mayor union workers talks agreement protest ceasefire summit trade export import " +
        "village city region province coast mountain valley island border customs tax pension housing rent water").Split(' ');

    private static async Task GenerateAsync(string path, int count, int offset, CancellationToken ct)
    {
        var random = new Random(20240301 + offset);
        var outlets = Enumerable.Range(1, 200).Select(i => $"Outlet {i:000}").ToArray();
        var languages = new[] { "en", "en", "en", "en", "fr", "de", "es" };
        var start = new DateOnly(2022, 1, 1);
        await using var connection = new SqliteConnection(Core.Data.NewsStore.SqliteConnectionString(path));
        await connection.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);

        var capture = Command(connection, tx, """INSERT INTO "Captures" ("Sha256","Content","FileName","Format","Encoding","ImportedAt") VALUES ($sha,$content,$file,'text','utf-8',$now); SELECT last_insert_rowid();""");
        var article = Command(connection, tx, """
            INSERT INTO "Articles" ("CaptureId","Url","UrlSource","UrlKey","Version","IsLatest","Outlet","OutletSource","Headline","HeadlineSource",
              "Standfirst","Byline","BylineSource","Published","PublishedSource","PublishedInferred","Language","LanguageSource","Paragraphs","Captions","WordCount","ImportedAt","StoryId","CopyOfArticleId")
            VALUES ($capture,$url,'manifest',$urlkey,1,1,$outlet,'url-host',$headline,'extraction',$standfirst,$byline,'extraction',$published,'text',0,$lang,'detected',$paragraphs,'[]',$words,$now,$story,NULL);
            SELECT last_insert_rowid();
            """);
        var story = Command(connection, tx, """INSERT INTO "Stories" ("Title","FirstDate","LastDate","ArticleCount","IndependentCount","OutletCount","UpdatedAt") VALUES ($title,$first,$last,$n,$n,$outlets,$now); SELECT last_insert_rowid();""");
        var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

        var made = 0;
        var storyNumber = offset;
        while (made < count)
        {
            // Stories of one to twelve versions (the first of exactly ten, for the story-page benchmark); some articles stay ungrouped.
            var size = storyNumber == offset ? 10 : Math.Min(count - made, random.Next(1, 13));
            var day = start.AddDays(random.Next(0, 1000));
            // Common words plus a name of the story's own, so searches range from broad (a common word) to narrow.
            var topic = Enumerable.Range(0, 3).Select(_ => Words[random.Next(Words.Length)]).Append($"kestra{storyNumber}").ToArray();
            var title = $"{Cap(topic[0])} {topic[1]} {topic[2]} {topic[3]}";
            var dates = Enumerable.Range(0, size).Select(_ => day.AddDays(random.Next(0, 3))).ToArray();
            var storyOutlets = Enumerable.Range(0, size).Select(_ => outlets[random.Next(outlets.Length)]).ToArray();
            long? storyId = null;
            if (random.Next(10) > 0)
            {
                storyId = (long)(await Run(story, ct, ("$title", title), ("$first", Iso(dates.Min())), ("$last", Iso(dates.Max())),
                    ("$n", size), ("$outlets", storyOutlets.Distinct().Count()), ("$now", now)))!;
            }
            for (var i = 0; i < size; i++)
            {
                var paragraphs = Enumerable.Range(0, random.Next(6, 16)).Select(_ => Sentence(random, topic) + " " + Sentence(random, topic)).ToList();
                var headline = $"{Cap(topic[random.Next(4)])} {Words[random.Next(Words.Length)]} {topic[random.Next(4)]} {Words[random.Next(Words.Length)]}";
                var content = Encoding.UTF8.GetBytes(headline + "\n\n" + string.Join("\n\n", paragraphs) + "\n" + (offset + made));
                var captureId = (long)(await Run(capture, ct, ("$sha", Convert.ToHexStringLower(SHA256.HashData(content))), ("$content", content),
                    ("$file", $"generated/{offset + made}.txt"), ("$now", now)))!;
                var key = $"{storyOutlets[i].Replace(' ', '-').ToLowerInvariant()}.example/{offset + made}";
                await Run(article, ct, ("$capture", captureId), ("$url", "https://" + key), ("$urlkey", key), ("$outlet", storyOutlets[i]),
                    ("$headline", headline), ("$standfirst", Sentence(random, topic)), ("$byline", $"By Reporter {random.Next(1, 500)}"),
                    ("$published", Iso(dates[i])), ("$lang", languages[random.Next(languages.Length)]),
                    ("$paragraphs", JsonSerializer.Serialize(paragraphs)), ("$words", paragraphs.Sum(p => p.Count(c => c == ' ') + 1)),
                    ("$now", now), ("$story", (object?)storyId ?? DBNull.Value));
                made++;
            }
            storyNumber++;
            if (made % 10_000 < size) Console.WriteLine($"  {made:N0} / {count:N0}");
        }
        await tx.CommitAsync(ct);
    }

    private static string Sentence(Random random, string[] topic) =>
        Cap(string.Join(' ', Enumerable.Range(0, random.Next(8, 20))
            .Select(i => i % 5 == 0 ? topic[random.Next(topic.Length)] : Words[random.Next(Words.Length)]))) + ".";

    private static string Cap(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static Task<object?> Run(SqliteCommand command, CancellationToken ct, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalarAsync(ct);
    }
}
