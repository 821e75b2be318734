using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;

namespace NewsCompare.Core.Tests.Import;

/// <summary>The store writer's statements, on each engine.</summary>
public sealed class StoreWriterTests
{
    private static async Task<string> PlanAsync(StoreProvider provider, string sql)
    {
        await using var store = await ProviderStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = provider == StoreProvider.Postgres;
        if (postgres)
        {
            // An empty table is read whole more cheaply than through an index: forbid that, so the plan shows whether the index serves.
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql;
        Add(cmd, "@key", "example.org/news/1");
        Add(cmd, "@id", 1L);
        var steps = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(postgres ? 0 : 3));
        return string.Join(" | ", steps);
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        if (!cmd.CommandText.Contains(name, StringComparison.Ordinal)) return;
        var p = cmd.CreateParameter();
        (p.ParameterName, p.Value) = (name, value);
        cmd.Parameters.Add(p);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task TheLatestVersionsOfAnAddressAreFoundAmongLatestRowsOnly(StoreProvider provider)
    {
        var plan = await PlanAsync(provider, StoreWriter.WriterSql.For(provider).LatestRows);

        plan.Should().MatchRegex(provider == StoreProvider.Postgres ? "Index.* (on|using) \"?IX_Articles_UrlKey_Latest" : "USING INDEX IX_Articles_UrlKey_Latest");
    }

    [Fact]
    public void LockKeysOfOneValueAreStableAndKindsDoNotShareThem()
    {
        StoreWriter.LockKey("capture", "abc").Should().Be(StoreWriter.LockKey("capture", "abc"));
        StoreWriter.LockKey("capture", "abc").Should().NotBe(StoreWriter.LockKey("address", "abc"));
        StoreWriter.LockKey("address", "example.org/a").Should().NotBe(StoreWriter.LockKey("address", "example.org/b"));
    }
}
