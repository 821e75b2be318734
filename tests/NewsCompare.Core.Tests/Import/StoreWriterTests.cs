using Microsoft.Data.Sqlite;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;

namespace NewsCompare.Core.Tests.Import;

public sealed class StoreWriterTests : TempStoreFile
{
    private async Task<string> PlanAsync(string sql)
    {
        await using (await NewsStore.OpenAsync(StorePath)) { }
        await using var connection = new SqliteConnection($"Data Source={StorePath}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        cmd.Parameters.AddWithValue("$key", "example.org/news/1");
        cmd.Parameters.AddWithValue("$id", 1L);
        var steps = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return string.Join(" | ", steps);
    }

    [Fact]
    public async Task TheLatestVersionsOfAnAddressAreFoundAmongLatestRowsOnly()
    {
        var plan = await PlanAsync(StoreWriter.LatestRowsSql);

        plan.Should().Contain("USING INDEX IX_Articles_UrlKey_Latest");
    }
}
