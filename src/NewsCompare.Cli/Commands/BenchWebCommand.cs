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
/// (32 connections) and prints requests per second and p95 latency for the stories page, a filtered page, a story
/// with ten versions, and a static file as the ceiling. Start the web app on the same store first (docs/benchmarks.md).
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
        var command = new Command("bench-web", "Generate a large store, then measure the web app's pages with wrk")
        {
            articles, url, duration, connections, generateOnly,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using (var db = await CliOptions.OpenStoreAsync(parse, ct))
            {
                var have = await db.Articles.CountAsync(ct);
                var want = parse.GetValue(articles);
                if (have < want)
                {
                    var clock = Stopwatch.StartNew();
                    await GenerateAsync(CliOptions.DatabasePath(parse), want - have, have, ct);
                    Console.WriteLine($"generated {want - have:N0} articles in {clock.Elapsed.TotalSeconds:0.0} s");
                }
                Console.WriteLine($"store: {await db.Articles.CountAsync(ct):N0} articles, {await db.Stories.CountAsync(ct):N0} stories");
                if (parse.GetValue(generateOnly)) return 0;

                var tenVersions = await db.Stories.Where(s => s.ArticleCount == 10).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
                var outlets = await db.Articles.Where(a => a.Outlet != null).Select(a => a.Outlet!).Distinct().OrderBy(o => o).Take(2).ToListAsync(ct);
                var targets = new List<(string Name, string Path)>
                {
                    ("stories page", "/"),
                    ("filtered stories", "/?" + string.Join('&', outlets.Select(o => "outlet=" + Uri.EscapeDataString(o)))
                        + "&from=2023-01-01&to=2023-12-31&sort=coverage"),
                    ("filtered + language", "/?" + string.Join('&', outlets.Select(o => "outlet=" + Uri.EscapeDataString(o)))
                        + "&from=2023-01-01&to=2023-12-31&lang=en&sort=coverage"),
                    ("articles page", "/articles"),
                    ("search, one story's name", "/?q=kestra4711"),
                    ("search, common words", "/articles?q=council%20budget"),
                    ("story, ten versions", tenVersions is null ? "" : $"/stories/{tenVersions}"),
                    ("static file (ceiling)", "/css/site.css"),
                };
                return await MeasureAsync(parse.GetValue(url)!.TrimEnd('/'), targets, parse.GetValue(duration), parse.GetValue(connections), ct);
            }
        });
        return command;
    }

    private static async Task<int> MeasureAsync(string baseUrl, List<(string Name, string Path)> targets, int seconds, int connections, CancellationToken ct)
    {
        using (var http = new HttpClient())
        {
            try { (await http.GetAsync(baseUrl + "/", ct)).EnsureSuccessStatusCode(); }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"bench-web: {baseUrl} does not answer ({e.Message}); start the web app on this store first");
                return 2;
            }
        }

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
        Console.WriteLine($"wrk: {connections} connections, 2 threads, {seconds} s per endpoint, {baseUrl}");
        Console.WriteLine($"{"endpoint",-24} {"req/s",10} {"p50 ms",9} {"p95 ms",9} {"errors",7}  path");
        foreach (var (name, path) in targets)
        {
            if (path.Length == 0) { Console.WriteLine($"{name,-24} (no such story in the store)"); continue; }
            var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "-s", script, baseUrl + path])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("wrk did not start");
            var output = await wrk.StandardOutput.ReadToEndAsync(ct);
            await wrk.WaitForExitAsync(ct);
            var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))?.Split(' ');
            if (result is null) { Console.WriteLine($"{name,-24} wrk failed: {await wrk.StandardError.ReadToEndAsync(ct)}"); continue; }
            Console.WriteLine($"{name,-24} {result[1],10} {result[2],9} {result[3],9} {result[4],7}  {path}");
        }
        return 0;
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
