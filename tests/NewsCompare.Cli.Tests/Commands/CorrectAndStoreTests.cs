namespace NewsCompare.Cli.Tests.Commands;

public sealed class CorrectAndStoreTests : CliTempFolder
{
    [Fact]
    public async Task WithoutDbTheStoreIsTheSharedOneInTheUsersDataFolderWhereverTheCommandRuns()
    {
        var data = Path.Combine(Folder, "data");
        var environment = new Dictionary<string, string> { ["XDG_DATA_HOME"] = data };

        var created = await CliRunner.RunAsync(environment, "add-editor", "alice", "--password", "correct horse battery");
        var info = await CliRunner.RunAsync(environment, "info");

        var expected = Path.Combine(data, "NewsCompare", "newscompare.db");
        created.ExitCode.Should().Be(0, created.Stderr);
        created.Stdout.Should().Contain(expected);
        info.Stdout.Should().Contain($"store: {expected} (the default, shared with the web app)");
        File.Exists(expected).Should().BeTrue();
        File.Exists(Path.Combine(CliRunner.RepoRoot, "newscompare.db")).Should().BeFalse("nothing is written where the command was started");
        (await CliRunner.RunAsync(environment, "info", "--db", Db)).Stdout.Should().Contain($"store: {Db} (--db)");
    }

    [Fact]
    public async Task CorrectSetsADateRecordsItAndExportShowsItsSourceAndTheStoriesArticles()
    {
        (await CliRunner.RunAsync("import", Seeds, "--db", Db)).ExitCode.Should().Be(0);
        var before = await CliRunner.JsonArrayAsync("export", "--db", Db);
        var id = before[0].GetProperty("id").GetInt64();

        var run = await CliRunner.RunAsync("correct", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--date", "2023-09-19",
            "--byline", "By A. Correspondent", "--reason", "date printed in the paper", "--editor", "alice", "--db", Db);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain($"article {id}: date").And.Contain("-> 2023-09-19").And.Contain("-> By A. Correspondent");
        var after = (await CliRunner.JsonArrayAsync("export", "--db", Db)).Single(a => a.GetProperty("id").GetInt64() == id);
        (after.GetProperty("published").GetString(), after.GetProperty("publishedSource").GetString()).Should().Be(("2023-09-19", "editor:alice"));
        after.GetProperty("bylineSource").GetString().Should().Be("editor:alice");
        after.TryGetProperty("copyOf", out _).Should().BeTrue("export names the article a copy was taken from");

        var stories = await CliRunner.JsonArrayAsync("export", "--stories", "--db", Db);
        stories.SelectMany(s => s.GetProperty("articleIds").EnumerateArray().Select(a => a.GetInt64())).Should().Contain(id);
        stories.Sum(s => s.GetProperty("articleIds").GetArrayLength()).Should().Be(before.Count);
    }

    [Fact]
    public async Task CorrectRefusesADateItCannotReadAndNeedsAValue()
    {
        (await CliRunner.RunAsync("import", Seeds, "--db", Db)).ExitCode.Should().Be(0);

        var bad = await CliRunner.RunAsync("correct", "1", "--date", "19/09/2023", "--reason", "typo", "--db", Db);
        var none = await CliRunner.RunAsync("correct", "1", "--reason", "typo", "--db", Db);
        var missing = await CliRunner.RunAsync("correct", "999999", "--date", "2023-09-19", "--reason", "typo", "--db", Db);

        (bad.ExitCode, bad.Stderr.Trim()).Should().Be((1, "correct: date: \"19/09/2023\" is not a date (write it as YYYY-MM-DD)"));
        none.ExitCode.Should().Be(2);
        none.Stderr.Should().Contain("name at least one value");
        missing.Stderr.Should().Contain("article 999999 does not exist");
    }
}
