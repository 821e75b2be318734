using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Tests;

namespace NewsCompare.Cli.Tests.Commands;

public sealed class BenchWebCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nc-benchweb-{Guid.NewGuid():N}")).FullName;
    private string Db => Path.Combine(_folder, "store.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task RefusesToFillAStoreThatHoldsImportedCapturesWithGeneratedArticles()
    {
        var import = await CliRunner.RunAsync("import", Path.Combine(CliRunner.RepoRoot, "seeds"), "--db", Db);
        import.ExitCode.Should().Be(0, import.Stdout + import.Stderr);

        var run = await CliRunner.RunAsync("bench-web", "--db", Db, "--articles", "50", "--generate-only");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(Db).And.Contain("5 imported captures");
        var info = await CliRunner.RunAsync("export", "--db", Db);
        info.Stdout.Should().NotContain("generated/");
    }

    [Fact]
    public async Task FillsAnEmptyStoreAndTopsUpOnlyWhatItGenerated()
    {
        var first = await CliRunner.RunAsync("bench-web", "--db", Db, "--articles", "40", "--generate-only");
        first.ExitCode.Should().Be(0, first.Stderr);
        first.Stdout.Should().Contain("store: 40 articles");

        var again = await CliRunner.RunAsync("bench-web", "--db", Db, "--articles", "60", "--generate-only");
        again.ExitCode.Should().Be(0, again.Stderr);
        again.Stdout.Should().Contain("store: 60 articles");
    }

    [Fact]
    public async Task LeavesNoArticleInNoStorySoTheWebAppHasNothingToGroupWhileMeasured()
    {
        var run = await CliRunner.RunAsync("bench-web", "--db", Db, "--articles", "300", "--generate-only");

        run.ExitCode.Should().Be(0, run.Stderr);
        await using var db = await NewsStore.OpenAsync(Db);
        (await db.Articles.CountAsync(a => a.IsLatest && a.StoryId == null)).Should().Be(0);
        (await db.Articles.CountAsync()).Should().Be(300);
    }

    [SkippableFact]
    public async Task CopiesTheGeneratedStoreIntoPostgresOnceWithItsSearchIndexButNeverGeneratesThere()
    {
        await using var postgres = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        var uri = StoreProviderCommandTests.PostgresUri(postgres);

        var first = await CliRunner.RunAsync("bench-web", "--db", Db, "--articles", "40", "--generate-only", "--postgres", uri);
        var again = await CliRunner.RunAsync("bench-web", "--db", Db, "--articles", "40", "--generate-only", "--postgres", uri);
        var there = await CliRunner.RunAsync("bench-web", "--db", uri, "--articles", "60", "--generate-only");

        first.ExitCode.Should().Be(0, first.Stderr);
        first.Stdout.Should().Contain("copied to").And.Contain("40 captures checked");
        again.Stdout.Should().Contain("40 articles, copied before");
        there.ExitCode.Should().Be(2);
        there.Stderr.Should().Contain("holds 40 articles").And.Contain("--postgres")
            .And.NotContain(":" + new Npgsql.NpgsqlConnectionStringBuilder(postgres.Target.ConnectionString).Password + "@", "no password is printed");
        await using var db = await postgres.OpenAsync();
        (await db.Articles.CountAsync()).Should().Be(40);
        (await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "ArticleSearch" """).SingleAsync()).Should().Be(40, "the trigger indexed every copied article");
    }
}

public sealed class BenchSoakCommandTests
{
    [Fact]
    public async Task RefusesToLoadAnAddressThatIsNotOnThisMachine()
    {
        var run = await CliRunner.RunAsync("bench-soak", "--url", "http://192.0.2.10:5000", "--minutes", "0.1",
            "--db", Path.Combine(Path.GetTempPath(), $"nc-soak-{Guid.NewGuid():N}.db"));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("not a loopback address");
    }

    [Fact]
    public async Task RefusesWhenOneOfSeveralInstancesIsNotOnThisMachine()
    {
        var run = await CliRunner.RunAsync("bench-soak", "--url", "http://127.0.0.1:5000", "--url", "http://192.0.2.10:5000", "--minutes", "0.1",
            "--db", Path.Combine(Path.GetTempPath(), $"nc-soak-{Guid.NewGuid():N}.db"));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("http://192.0.2.10:5000 is not a loopback address");
    }

    [Fact]
    public async Task RefusesMoreProcessIdsThanInstances()
    {
        var run = await CliRunner.RunAsync("bench-soak", "--url", "http://127.0.0.1:5000", "--url", "http://127.0.0.1:5001",
            "--pid", "100", "--pid", "101", "--pid", "102", "--db", Path.Combine(Path.GetTempPath(), $"nc-soak-{Guid.NewGuid():N}.db"));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("3 --pid for 2 --url");
    }
}
