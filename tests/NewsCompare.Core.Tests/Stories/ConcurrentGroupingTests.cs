using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// Several processes grouping one store at once (two importers, an editor's correction beside them): each grouping
/// step is serialised (SQLite's single writer; PostgreSQL's advisory lock), and what one process keeps between its steps
/// is dropped when another grouped meanwhile, so the stories stay whole and the counts exact.
/// </summary>
public sealed class ConcurrentGroupingTests
{
    [SkippableTheory]
    [EveryStore]
    public async Task TwoImportersGroupingIntoOneStoreAtOnceBesideACorrectionLeaveEveryArticleInExactlyOneWholeStory(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var ids = new List<long>();
        // Reports of the same events, so both importers place articles into the same stories.
        foreach (var (h, b) in Fixtures.Background(40)) ids.Add(await store.AddAsync(h, b));
        for (var i = 0; i < 3; i++) ids.Add(await store.AddAsync(Fixtures.FirstMeeting(i).Headline, Fixtures.FirstMeeting(i).Body, $"first-{i}"));
        for (var i = 0; i < 2; i++) ids.Add(await store.AddAsync(Fixtures.SecondMeeting(i).Headline, Fixtures.SecondMeeting(i).Body, $"second-{i}"));
        // Something grouped already, for the correction to move.
        var early = ids.Where((_, i) => i % 5 == 0).ToList();
        await StoryStore.AssignNewArticlesAsync(store.Db, early);
        var rest = ids.Except(early).ToList();

        async Task ImportAsync(IEnumerable<long> mine)
        {
            await using var db = store.OpenSecond();
            // Small batches, one grouping step each, as an importer saving batch after batch.
            foreach (var batch in mine.Chunk(3)) await StoryStore.AssignNewArticlesAsync(db, batch);
        }
        async Task CorrectAsync()
        {
            await using var db = store.OpenSecond();
            foreach (var article in early.Take(4))
                await new StoryStore(db).MoveAsync(article, null, "a report of its own");
        }

        await Task.WhenAll(
            Task.Run(() => ImportAsync(rest.Where((_, i) => i % 2 == 0))),
            Task.Run(() => ImportAsync(rest.Where((_, i) => i % 2 == 1))),
            Task.Run(CorrectAsync));

        store.Db.ChangeTracker.Clear();
        var articles = await store.Db.Articles.AsNoTracking().Select(a => new { a.Id, a.StoryId }).ToListAsync();
        var members = await store.Db.StoryMemberships.AsNoTracking().ToDictionaryAsync(m => m.ArticleId, m => m.StoryId);
        members.Keys.Should().BeEquivalentTo(ids, "every article is placed once");
        articles.Should().AllSatisfy(a => a.StoryId.Should().Be(members[a.Id], "readers see each article where its membership puts it"));
        var stories = await store.Db.Stories.AsNoTracking().ToListAsync();
        stories.Select(s => s.Id).Should().BeEquivalentTo(members.Values.Distinct(), "no story is left empty and none is missing");
        stories.Should().AllSatisfy(s => s.ArticleCount.Should().Be(members.Values.Count(m => m == s.Id), $"story {s.Id}'s count is its members'"));
        foreach (var article in early.Take(4))
            members.Values.Count(s => s == members[article]).Should().Be(1, $"article {article} was moved to a story of its own");
        (await CountAsync(store, "SELECT COUNT(*) FROM StorySignatures")).Should().Be(stories.Count, "every story keeps its signature");
        (await CountAsync(store, "SELECT COALESCE(SUM(Df), 0) FROM (SELECT Df FROM StoryTermStats WHERE TermHash = -1 UNION ALL SELECT Df FROM StoryTermStatsRecent WHERE TermHash = -1) AS d"))
            .Should().Be(ids.Count, "each article is counted once in the collection size");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AnImporterThatGroupedAfterAnotherWeighsWithTheOthersCounts(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var first = new List<long>();
        foreach (var (h, b) in Fixtures.Background(20)) first.Add(await store.AddAsync(h, b));
        var late = await store.AddAsync(Fixtures.FirstMeeting(0).Headline, Fixtures.FirstMeeting(0).Body, "wire");
        await using var otherDb = store.OpenSecond();
        // One importer's store object lives across both steps, and keeps the counts it read in the first.
        var importer = new StoryStore(store.Db);
        await importer.AssignAsync(first.Take(10).ToList());
        await new StoryStore(otherDb).AssignAsync(first.Skip(10).ToList());

        await importer.AssignAsync([late]);

        // Had the importer kept the counts of its first step, it would have weighed the late report against 10 articles and
        // written a signature as of then.
        store.Db.ChangeTracker.Clear();
        var story = (await store.ArticleAsync(late)).StoryId!.Value;
        var data = await store.Db.Database.SqlQueryRaw<byte[]>(store.Sql("SELECT Data AS \"Value\" FROM StorySignatures WHERE StoryId = {0}"), story).SingleAsync();
        StorySignature.Deserialise(story, data).WeighedAt.Should().Be(first.Count + 1);
    }

    private static async Task<long> CountAsync(TestStore store, string sql)
    {
        var connection = store.Db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = store.Sql(sql);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
