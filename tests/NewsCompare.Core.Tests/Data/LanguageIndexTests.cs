using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Tests.Data;

public sealed class LanguageIndexTests : TempStoreFile
{
    [Fact]
    public async Task AQueryForTheLatestVersionsInALanguageAsEfCoreWritesItUsesThePartialIndex()
    {
        string sql;
        await using (var db = await NewsStore.OpenAsync(StorePath))
            sql = db.Articles.Where(a => a.IsLatest && a.Language == "pt").Select(a => a.StoryId).ToQueryString();
        await using var connection = new SqliteConnection($"Data Source={StorePath}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) steps.Add(reader.GetString(3));

        string.Join(" | ", steps).Should().Contain("IX_Articles_Language_StoryId_Latest",
            "SQLite uses a partial index only when the query states its condition as the index does");
    }
}
