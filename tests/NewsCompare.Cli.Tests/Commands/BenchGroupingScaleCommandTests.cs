using NewsCompare.Core.Data;
using NewsCompare.Core.Tests;

namespace NewsCompare.Cli.Tests.Commands;

public sealed class BenchGroupingScaleCommandTests : CliTempFolder
{
    [Fact]
    public async Task RefusesAPostgresServerBesideAPostgresStore()
    {
        var run = await CliRunner.RunAsync("bench-grouping-scale", "--articles", "20", "--store", "postgres://a:b@localhost:5432/x", "--postgres", "postgres://a:b@localhost:5432/y");

        run.ExitCode.Should().Be(2, run.Stdout + run.Stderr);
        run.Stderr.Should().Contain("--postgres").And.Contain("SQLite --store");
    }

    [SkippableFact]
    public async Task RunsBothEnginesOnOneCorpusAndSaysTheyFormedTheSameStories()
    {
        await using var server = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        var uri = StoreProviderCommandTests.PostgresUri(server);

        var run = await CliRunner.RunAsync("bench-grouping-scale", "--articles", "300", "--batch", "100", "--report-every", "100", "--postgres", uri);

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var lines = run.Stdout.Split('\n');
        var sqlite = lines.Single(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^SQLite\s+\d")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var postgres = lines.Single(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^PostgreSQL\s+\d")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        sqlite[^1].Should().Be(postgres[^1], "both engines count the same stories");
        int.Parse(sqlite[^1], System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(2, 299);
        run.Stdout.Should().MatchRegex(@"PostgreSQL / SQLite: grouping wall \d+\.\d\dx, CPU with the server's \d+\.\d\dx; the same stories");
        run.Stdout.Should().Contain("(database nc_bench_grouping_").And.Contain("dropped afterwards");
    }
}
