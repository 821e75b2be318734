using Microsoft.Data.Sqlite;
using Npgsql;
using NewsCompare.Core.Data;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>Enough articles sharing a word that searches for it take the broad-search query shape.</summary>
public class CrowdedStoreSite : TestSite
{
    public const int Articles = 6000;

    protected override async Task SeedAsync()
    {
        if (Provider == StoreProvider.Postgres)
        {
            await SeedPostgresAsync();
            return;
        }
        await using var connection = new SqliteConnection(NewsStore.SqliteConnectionString(DatabasePath));
        await connection.OpenAsync();
        await using var tx = connection.BeginTransaction();
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 6000)
            INSERT INTO "Stories" ("Title","FirstDate","LastDate","ArticleCount","IndependentCount","OutletCount","UpdatedAt")
            SELECT 'Story ' || value, '2024-01-01', '2024-01-02', 2, 2, 1, '2024-01-02' FROM n WHERE value <= 3000;
            WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 6000)
            INSERT INTO "Captures" ("Sha256","Content","FileName","Format","Encoding","ImportedAt")
            SELECT 'sha' || value, x'00', 'f' || value || '.txt', 'text', 'utf-8', '2024-01-02' FROM n;
            WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 6000)
            INSERT INTO "Articles" ("CaptureId","Version","IsLatest","Outlet","Headline","Published","PublishedInferred","Paragraphs","Captions","WordCount","ImportedAt","StoryId")
            SELECT value, 1, value % 10 <> 0, 'Outlet ' || (value % 7), 'Headline ' || value, '2024-01-02', 0,
                   json_array('Common words in every article.', CASE WHEN value % 2 = 0 THEN 'Even ones say rainbow.' ELSE 'Odd ones do not.' END),
                   '[]', 8, '2024-01-02', (value + 1) / 2
            FROM n;
            """;
        await command.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    // The same rows in PostgreSQL's SQL, then statistics as autovacuum would gather them.
    private async Task SeedPostgresAsync()
    {
        await using var connection = new NpgsqlConnection(Target.ConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("""
            INSERT INTO "Stories" ("Title","FirstDate","LastDate","ArticleCount","IndependentCount","OutletCount","UpdatedAt")
            SELECT 'Story ' || value, DATE '2024-01-01', DATE '2024-01-02', 2, 2, 1, TIMESTAMPTZ '2024-01-02Z' FROM generate_series(1, 3000) AS value;
            INSERT INTO "Captures" ("Sha256","Content","FileName","Format","Encoding","ImportedAt")
            SELECT 'sha' || value, '\x00'::bytea, 'f' || value || '.txt', 'text', 'utf-8', TIMESTAMPTZ '2024-01-02Z' FROM generate_series(1, 6000) AS value;
            INSERT INTO "Articles" ("CaptureId","Version","IsLatest","Outlet","Headline","Published","PublishedInferred","Paragraphs","Captions","WordCount","ImportedAt","StoryId")
            SELECT value, 1, value % 10 <> 0, 'Outlet ' || (value % 7), 'Headline ' || value, DATE '2024-01-02', false,
                   json_build_array('Common words in every article.', CASE WHEN value % 2 = 0 THEN 'Even ones say rainbow.' ELSE 'Odd ones do not.' END)::text,
                   '[]', 8, TIMESTAMPTZ '2024-01-02Z', (value + 1) / 2
            FROM generate_series(1, 6000) AS value;
            ANALYZE;
            """, connection))
            await command.ExecuteNonQueryAsync();
    }
}

public sealed class BroadSearchTestsOnSqlite(CrowdedStoreSite site) : BroadSearchTests<CrowdedStoreSite>(site);

public sealed class BroadSearchTestsOnPostgres(PostgresCrowdedStoreSite site) : BroadSearchTests<PostgresCrowdedStoreSite>(site);

public abstract class BroadSearchTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : CrowdedStoreSite
{
    private readonly TSite site = TestSite.Ready(site);

    [SkippableTheory]
    [InlineData("common", 5400)]   // every article (6,000, a broad search); a tenth are older versions
    [InlineData("rainbow", 2400)]  // the even ones (3,000, a narrow search), less the 600 older versions among them
    public async Task BroadAndNarrowSearchesCountOnlyLatestVersions(string word, int expected)
    {
        var page = await site.PageAsync($"/articles?q={word}");
        page.QuerySelector(".summary .count")!.TextContent.Should().Be($"{expected:N0} articles");
        page.QuerySelectorAll(".article-list li").Should().HaveCount(20);
    }

    [SkippableFact]
    public async Task PagesFoundByProbingAndFromTheMatchListJoinWithoutGapOrRepeat()
    {
        var ids = new List<long>();
        foreach (var page in new[] { ListFilterProbedPages, ListFilterProbedPages + 1 })
        {
            var doc = await site.PageAsync($"/articles?q=common&page={page}");
            ids.AddRange(doc.QuerySelectorAll(".article-list a.headline")
                .Select(a => long.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)));
        }
        // Every article has the same date, so the list is by id, newest first: 6,000 down, skipping older versions.
        var expected = Enumerable.Range(1, CrowdedStoreSite.Articles).Reverse().Where(id => id % 10 != 0)
            .Skip((ListFilterProbedPages - 1) * 20).Take(40).Select(id => (long)id);
        ids.Should().Equal(expected);
    }

    private const int ListFilterProbedPages = NewsCompare.Web.Reading.ListFilter.ProbedPages;

    [SkippableFact]
    public async Task BroadSearchFindsEveryStoryWithAMatchingArticle()
    {
        var page = await site.PageAsync("/?q=common");
        page.QuerySelector(".summary .count")!.TextContent.Should().Be("3,000 stories");
        var narrow = await site.PageAsync("/?q=rainbow&outlet=Outlet%203");
        narrow.QuerySelector(".summary .count")!.TextContent.Should().NotBe("0 stories");
    }
}
