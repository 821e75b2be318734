using NewsCompare.Core.Data;
using NewsCompare.Core.Tests;

namespace NewsCompare.Cli.Tests.Commands;

public sealed class StoreProviderCommandTests : CliTempFolder
{
    [Fact]
    public async Task ABadPostgresUriFailsInOneLineWithoutThePassword()
    {
        var run = await CliRunner.RunAsync("info", "--db", "postgres://nc:secret@localhost:5432/");

        run.ExitCode.Should().Be(2, run.Stdout + run.Stderr);
        run.Stderr.Trim().Should().StartWith("newscompare: 'postgres://nc:***@localhost:5432/' names no database").And.NotContain("secret").And.NotContain(" at ");
    }

    [Fact]
    public async Task AStoreThatCannotBeOpenedFailsInOneLineNamingItAndImportsNothing()
    {
        var notAStore = Path.Combine(Folder, "notes.txt");
        await File.WriteAllTextAsync(notAStore, "Notes on the February visit, not a database.\n");

        var info = await CliRunner.RunAsync("info", "--db", notAStore);
        var import = await CliRunner.RunAsync("import", Seeds, "--db", notAStore);

        foreach (var run in new[] { info, import })
        {
            run.ExitCode.Should().Be(2, run.Stdout + run.Stderr);
            run.Stderr.Trim().Should().Be($"newscompare: {notAStore}: not a SQLite database, so not a NewsCompare store (is it the right file?); nothing was written to it");
        }
        (await File.ReadAllTextAsync(notAStore)).Should().Be("Notes on the February visit, not a database.\n");
    }

    [SkippableFact]
    public async Task InfoEditorsImportAndCorrectWorkOnAPostgresStore()
    {
        await using var store = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        var uri = PostgresUri(store);

        var add = await CliRunner.RunAsync("add-editor", "anna", "--password", "correct horse battery", "--db", uri);
        add.ExitCode.Should().Be(0, add.Stdout + add.Stderr);
        var info = await CliRunner.RunAsync("info", "--db", uri);
        info.Stdout.Should().Contain("store: postgres://").And.Contain("captures: 0, articles: 0, stories: 0");

        var import = await CliRunner.RunAsync("import", Seeds, "--db", uri);
        import.ExitCode.Should().Be(0, import.Stdout + import.Stderr);
        (await CliRunner.RunAsync("info", "--db", uri)).Stdout.Should().Contain("captures: 5, articles: 5").And.NotContain("stories: 0");
        var again = await CliRunner.RunAsync("import", "--no-group", Seeds, "--db", uri);
        again.Stdout.Should().MatchRegex(@"\b0\s.*\b0\s.*\b5\b", "the second import finds every capture stored");

        var correct = await CliRunner.RunAsync("correct", "1", "--byline", "By Ann Editor", "--reason", "from the print edition", "--editor", "anna", "--db", uri);
        correct.ExitCode.Should().Be(0, correct.Stdout + correct.Stderr);
        correct.Stdout.Should().Contain("article 1: byline").And.Contain("-> By Ann Editor");
        (await CliRunner.RunAsync("export", "--db", uri)).Stdout.Should().Contain("By Ann Editor");
    }

    [SkippableFact]
    public async Task CopyStoreMovesTheSeedsToPostgresAndBackAndPrintsWhatItCopied()
    {
        await using var store = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        var uri = PostgresUri(store);
        (await CliRunner.RunAsync("import", Seeds, "--db", Db)).ExitCode.Should().Be(0);
        var back = Path.Combine(Folder, "back.db");

        var there = await CliRunner.RunAsync("copy-store", "--db", Db, "--to", uri);
        var home = await CliRunner.RunAsync("copy-store", "--db", uri, "--to", back);

        there.ExitCode.Should().Be(0, there.Stdout + there.Stderr);
        there.Stdout.Should().Contain("(Sqlite) into postgres://").And.MatchRegex(@"Captures\s+5 rows")
            .And.Contain("captures checked byte for byte against the source and their SHA-256: 5 (");
        home.ExitCode.Should().Be(0, home.Stdout + home.Stderr);
        var exported = await CliRunner.RunAsync("export", "--db", Db);
        (await CliRunner.RunAsync("export", "--db", back)).Stdout.Should().Be(exported.Stdout);
        (await CliRunner.RunAsync("export", "--db", uri)).Stdout.Should().Be(exported.Stdout);
        var again = await CliRunner.RunAsync("copy-store", "--db", Db, "--to", uri);
        again.ExitCode.Should().Be(1);
        again.Stderr.Should().Contain("the destination store is not empty");
    }

    internal static string PostgresUri(ProviderStore store)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(store.Target.ConnectionString);
        return $"postgres://{Uri.EscapeDataString(b.Username!)}:{Uri.EscapeDataString(b.Password ?? "")}@{b.Host}:{b.Port}/{b.Database}";
    }
}
