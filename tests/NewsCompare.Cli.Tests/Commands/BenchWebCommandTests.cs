using Microsoft.Data.Sqlite;

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
}
