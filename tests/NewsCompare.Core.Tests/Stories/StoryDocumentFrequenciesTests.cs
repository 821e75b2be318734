using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// A batch's document frequencies are each term's rows in the large and the recent table added up, read for all the
/// terms the cache lacks in one statement on either engine (one statement per term cost SQLite more than its lookups).
/// </summary>
public sealed class StoryDocumentFrequenciesTests
{
    [SkippableTheory]
    [EveryStore]
    public async Task ABatchsCountsAddBothTablesAndAreReadInOneStatementThenFromTheCache(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var connection = store.Db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sql = new StoreCommands(() => connection, () => null, StoreDialect.For(store.Db));
        // Term 7 only in the large table, 9 in both, 11 only in the recent one, 13 in neither; ten articles counted.
        sql.Exec("INSERT INTO StoryTermStats (TermHash, Df) VALUES (-1, 10), (7, 5), (9, 2)");
        sql.Exec("INSERT INTO StoryTermStatsRecent (TermHash, Df) VALUES (9, 3), (11, 1)");
        var statements = new List<string>();
        if (connection is SqliteConnection sqlite)
            SQLitePCL.raw.sqlite3_profile(sqlite.Handle, (_, statement, _) => statements.Add(statement), null);

        var frequencies = new StoryDocumentFrequencies(sql);
        var counts = new[] { Counts(1, 7, 9, 13), Counts(2, 9, 11), Counts(3, 13) };
        var df = frequencies.Read(counts);

        df.Should().BeEquivalentTo(new Dictionary<long, long>
        {
            [7] = 5, [9] = 5, [11] = 1, [13] = 0, [StoryDocumentFrequencies.DocumentsKey] = 10,
        });
        frequencies.Of(9).Should().Be(5);
        if (provider == StoreProvider.Sqlite)
        {
            statements.Should().HaveCount(2, "the four terms are read in one statement and the collection size in another");
            statements.Clear();
            frequencies.Read(counts).Should().BeEquivalentTo(df);
            statements.Should().BeEmpty("every count is held after the first read");
        }
        await sql.DisposeAsync();
    }

    private static TermCounts Counts(long id, params uint[] terms) => new()
    {
        Id = id, Outlet = null, Language = "en", Day = null, Counts = terms.ToDictionary(t => t, _ => 1f),
        Text = terms.ToDictionary(t => t, t => $"t{t}"), MinHash = [], Shingles = 0, Words = terms.Length,
    };
}
