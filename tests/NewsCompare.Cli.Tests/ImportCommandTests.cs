using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Cli.Tests;

public sealed class ImportCommandTests : CliTempFolder
{
    private static readonly string[] RequiredFields =
    [
        "file", "url", "site", "outlet", "outletSource", "origin", "headline", "standfirst", "byline", "dateline",
        "published", "publishedSource", "language", "paragraphs", "captions", "removed", "storyId",
    ];

    private static void ShouldHaveCounts(CliRunner.Run run, int imported, int newVersions, int unchanged, int failed) =>
        Regex.IsMatch(run.Stdout, $@"[│|]\s*{imported}\s*[│|]\s*{newVersions}\s*[│|]\s*{unchanged}\s*[│|]\s*{failed}\s*[│|]")
            .Should().BeTrue($"the summary should read {imported}/{newVersions}/{unchanged}/{failed}:\n{run.Stdout}");

    [Fact]
    public async Task LinksToDevZeroAndAPipeFailAloneWhileTheGoodFileImportsAndNamesPrintEscaped()
    {
        var captures = Directory.CreateDirectory(Path.Combine(Folder, "captures")).FullName;
        File.Copy(Directory.GetFiles(Seeds, "*.txt")[0], Path.Combine(captures, "good.txt"));
        File.CreateSymbolicLink(Path.Combine(captures, "zero.txt"), "/dev/zero");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(Folder, "pipe")])) await mkfifo.WaitForExitAsync();
        File.CreateSymbolicLink(Path.Combine(captures, "pipe\u001b[2Jname.txt"), Path.Combine(Folder, "pipe"));

        var run = await CliRunner.RunAsync("import", captures, "--db", Db);

        run.ExitCode.Should().Be(1, run.Stdout + run.Stderr);
        ShouldHaveCounts(run, 1, 0, 0, 2);
        run.Stdout.Should().Contain("zero.txt: failed: not a regular file: a character device");
        run.Stdout.Should().Contain("pipe\\u001B[2Jname.txt: failed: not a regular file: a named pipe").And.NotContain("\u001b");
    }

    [Fact]
    public async Task AFileWhoseNameIsNotUtf8GivenAsAnArgumentIsImportedUnderALosslessNameAndPrintedEscaped()
    {
        var good = Directory.GetFiles(Seeds, "*.txt")[0];
        // The arguments are raw bytes (E9 is "é" in Latin-1), as a shell passes them; a tab in a missing name is printed escaped.
        var script = "cp \"$2\" \"$3\"/caf$'\\xe9'.txt && exec dotnet \"$1\" import \"$3\"/caf$'\\xe9'.txt \"$3\"/no$'\\t'such.txt --db \"$4\"";
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", script, "bash", Path.Combine(AppContext.BaseDirectory, "newscompare.dll"), good, Folder, Db }) info.ArgumentList.Add(a);
        info.Environment.Remove("NewsCompare__Database");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var run = new CliRunner.Run(process.ExitCode, await stdout, stderr);

        ShouldHaveCounts(run, 1, 0, 0, 1);
        run.Stdout.Should().Contain("no\\u0009such.txt: failed: not found").And.NotContain("\t");
        await using var db = new SqliteConnection($"Data Source={Db}");
        await db.OpenAsync();
        await using var names = db.CreateCommand();
        names.CommandText = "SELECT FileName FROM Captures";
        (await names.ExecuteScalarAsync()).Should().Be("caf%E9.txt");
    }

    [Fact]
    public async Task ImportsTheSeedsWithTheirManifestAndReimportingThemChangesNothing()
    {
        var first = await CliRunner.RunAsync("import", Seeds, "--db", Db);
        first.ExitCode.Should().Be(0, first.Stdout + first.Stderr);
        ShouldHaveCounts(first, 5, 0, 0, 0);

        var again = await CliRunner.RunAsync("import", Seeds, "--db", Db);
        again.ExitCode.Should().Be(0);
        ShouldHaveCounts(again, 0, 0, 5, 0);

        var articles = await CliRunner.JsonArrayAsync("export", "--db", Db);
        articles.Should().HaveCount(5);
        foreach (var article in articles)
        {
            foreach (var field in RequiredFields) article.TryGetProperty(field, out _).Should().BeTrue($"export has \"{field}\"");
            article.GetProperty("paragraphs").ValueKind.Should().Be(JsonValueKind.Array);
            article.GetProperty("captions").ValueKind.Should().Be(JsonValueKind.Array);
            article.GetProperty("removed").ValueKind.Should().Be(JsonValueKind.Array);
            article.GetProperty("storyId").ValueKind.Should().Be(JsonValueKind.Number, "the import groups what it stores");
            article.GetProperty("urlSource").GetString().Should().Be("manifest");
            article.GetProperty("sha256").GetString().Should().HaveLength(64);
        }
        JsonElement Seed(string prefix) => articles.Single(a => a.GetProperty("file").GetString()!.StartsWith(prefix, StringComparison.Ordinal));
        (Seed("001").GetProperty("published").GetString(), Seed("001").GetProperty("publishedSource").GetString()).Should().Be(("2023-02-21", "url-path"));
        (Seed("004").GetProperty("published").GetString(), Seed("004").GetProperty("publishedSource").GetString()).Should().Be(("2023-09-19", "url-path"));
        Seed("001").GetProperty("outlet").GetString().Should().Be("Press TV");
        Seed("004").GetProperty("outlet").GetString().Should().Be("Sputnik");
        Seed("000").GetProperty("site").GetString().Should().Be("goacarrent.com");
        Seed("000").GetProperty("encoding").GetString().Should().StartWith("utf-8+repaired(");
        // The repaired line is kept, whether the extractor reads it as body or drops it as spillover.
        var seed000 = Seed("000");
        seed000.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString())
            .Concat(seed000.GetProperty("removed").EnumerateArray().Select(r => r.GetProperty("text").GetString()))
            .Should().Contain(line => line!.Contains("‘Gift-a-Family"));
    }

    [Fact]
    public async Task ImportsTheSeedsWithoutAManifestAndFindsOutletsInTheCapturesSignatures()
    {
        var plain = Directory.CreateDirectory(Path.Combine(Folder, "plain")).FullName;
        foreach (var file in Directory.GetFiles(Seeds, "*.txt")) File.Copy(file, Path.Combine(plain, Path.GetFileName(file)));

        var run = await CliRunner.RunAsync("import", plain, "--db", Db);

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        ShouldHaveCounts(run, 5, 0, 0, 0);
        var articles = await CliRunner.JsonArrayAsync("export", "--db", Db);
        articles.Should().HaveCount(5).And.OnlyContain(a => a.GetProperty("url").ValueKind == JsonValueKind.Null);
        JsonElement Seed(string prefix) => articles.Single(a => a.GetProperty("file").GetString()!.StartsWith(prefix, StringComparison.Ordinal));
        // Press TV names itself in its footer; Sputnik in its header line and its dateline.
        foreach (var (seed, outlet) in new[] { ("001", "Press TV"), ("004", "Sputnik") })
        {
            Seed(seed).GetProperty("outlet").GetString().Should().Be(outlet);
            Seed(seed).GetProperty("outletSource").GetString().Should().StartWith("text:");
        }
    }

    [Fact]
    public async Task ExitsNonZeroAndNamesTheFileAndReasonWhenAFileFails()
    {
        var input = Directory.CreateDirectory(Path.Combine(Folder, "input")).FullName;
        File.Copy(Path.Combine(Seeds, "002_585954f18c9c2e73.txt"), Path.Combine(input, "good.txt"));
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);

        var run = await CliRunner.RunAsync("import", input, "--db", Db);

        run.ExitCode.Should().Be(1);
        ShouldHaveCounts(run, 1, 0, 0, 1);
        run.Stdout.Should().Contain($"{Path.Combine(input, "empty.txt")}: failed: empty file");
    }

    [Fact]
    public async Task ExtractPrintsTheArticleAsJsonWithoutAStore()
    {
        var articles = await CliRunner.JsonArrayAsync("extract", Path.Combine(Seeds, "001_7ce436c134661a5e.txt"), "--sources", Path.Combine(Seeds, "sources.json"));

        var article = articles.Should().ContainSingle().Subject;
        foreach (var field in RequiredFields) article.TryGetProperty(field, out _).Should().BeTrue($"extract has \"{field}\"");
        article.GetProperty("url").GetString().Should().StartWith("https://www.presstv.ir/");
        article.GetProperty("paragraphs").GetArrayLength().Should().BeGreaterThan(0);
        File.Exists(Path.Combine(CliRunner.RepoRoot, "newscompare.db")).Should().BeFalse();
    }

    [Fact]
    public async Task ExtractNamesTheFileThatFailsOnStandardError()
    {
        var empty = Path.Combine(Folder, "empty.txt");
        File.WriteAllBytes(empty, []);

        var run = await CliRunner.RunAsync("extract", empty);

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("empty.txt: empty file");
        JsonDocument.Parse(run.Stdout).RootElement.GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task AKilledImportLeavesAConsistentStoreThatTheNextRunCompletes()
    {
        var input = Directory.CreateDirectory(Path.Combine(Folder, "many")).FullName;
        var seed = await File.ReadAllTextAsync(Path.Combine(Seeds, "002_585954f18c9c2e73.txt"));
        for (var i = 0; i < 1500; i++) await File.WriteAllTextAsync(Path.Combine(input, $"{i:D4}.txt"), seed + $"\n\nCopy number {i}.\n");

        using (var process = CliRunner.Start("import", input, "--db", Db, "--batch-size", "10"))
        {
            var watch = Stopwatch.StartNew();
            while (await CountAsync("Captures") < 20 && !process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(20);
            process.HasExited.Should().BeFalse("the import should still be running when it is killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var captured = await CountAsync("Captures");
        captured.Should().BeLessThan(1500);
        (await CountAsync("Articles")).Should().Be(captured);
        (await OrphansAsync()).Should().Be(0);

        var rerun = await CliRunner.RunAsync("import", input, "--db", Db);

        rerun.ExitCode.Should().Be(0, rerun.Stdout + rerun.Stderr);
        ShouldHaveCounts(rerun, 1500 - (int)captured, 0, (int)captured, 0);
        (await CountAsync("Articles")).Should().Be(1500);
        (await OrphansAsync()).Should().Be(0);
    }

    private async Task<long> CountAsync(string table)
    {
        if (!File.Exists(Db)) return 0;
        try
        {
            await using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    private async Task<int> OrphansAsync()
    {
        await using var db = await NewsStore.OpenAsync(Db);
        return await db.Captures.CountAsync(c => !db.Articles.Any(a => a.CaptureId == c.Id))
               + await db.ClutterLines.CountAsync(l => !db.Articles.Any(a => a.Id == l.ArticleId));
    }
}
