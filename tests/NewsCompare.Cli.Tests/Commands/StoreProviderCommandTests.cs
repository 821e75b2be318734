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

    [SkippableFact]
    public async Task InfoAndEditorsWorkOnAPostgresStoreAndImportSaysItIsNotSupportedYet()
    {
        await using var store = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        var uri = PostgresUri(store);

        var add = await CliRunner.RunAsync("add-editor", "anna", "--password", "correct horse battery", "--db", uri);
        add.ExitCode.Should().Be(0, add.Stdout + add.Stderr);
        var info = await CliRunner.RunAsync("info", "--db", uri);
        info.Stdout.Should().Contain("store: postgres://").And.Contain("captures: 0, articles: 0, stories: 0");

        var import = await CliRunner.RunAsync("import", Seeds, "--db", uri);
        import.ExitCode.Should().Be(2, import.Stdout + import.Stderr);
        import.Stderr.Should().Contain("Importing captures does not run on a PostgreSQL store yet");
    }

    private static string PostgresUri(ProviderStore store)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(store.Target.ConnectionString);
        return $"postgres://{Uri.EscapeDataString(b.Username!)}:{Uri.EscapeDataString(b.Password ?? "")}@{b.Host}:{b.Port}/{b.Database}";
    }
}
