using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// The candidate index reads the same postings lists whether a batch's lists are read ahead in one statement
/// (PostgreSQL) or each when first needed, and keeps them current as stories are posted.
/// </summary>
public sealed class StoryCandidateIndexTests
{
    [SkippableTheory]
    [EveryStore]
    public async Task PostingsReadAheadForABatchGiveTheCandidatesReadTermByTermGive(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var connection = store.Db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sql = new StoreCommands(() => connection, () => null, StoreDialect.For(store.Db));
        // Term 7: more stories than a list returns, spread over both tables with some in both; term 9 only in the
        // recent table; term 11 in neither; term 13 held by one story.
        for (var story = 1; story <= 70; story++)
        {
            if (story % 3 != 0) sql.Exec("INSERT INTO StoryPostings (TermHash, StoryId) VALUES (7, $s)", ("$s", story));
            if (story % 2 == 0) sql.Exec("INSERT INTO StoryPostingsRecent (TermHash, StoryId) VALUES (7, $s)", ("$s", story));
        }
        foreach (var story in new[] { 3, 50, 90 }) sql.Exec("INSERT INTO StoryPostingsRecent (TermHash, StoryId) VALUES (9, $s)", ("$s", story));
        sql.Exec("INSERT INTO StoryPostings (TermHash, StoryId) VALUES (13, 5)");

        var profiles = new[] { Profile(1, (7, 1f), (9, 0.5f)), Profile(2, (11, 0.9f), (13, 0.2f), (9, 0.1f)) };
        var ahead = new StoryCandidateIndex(sql);
        var byTerm = new StoryCandidateIndex(sql);
        ahead.Prefetch(profiles);
        foreach (var p in profiles) ahead.Candidates(p).Should().Equal(byTerm.Candidates(p));
        // Story 50 shares both terms; then term 7's newest.
        ahead.Candidates(profiles[0]).Should().HaveCount(StoryEngine.MaxCandidates).And.StartWith([50L, 70L, 68L]);

        // A story posted after the read ahead is among the candidates of both.
        ahead.Post([7u, 9u], 100);
        byTerm.Post([7u, 9u], 100);
        foreach (var p in profiles) ahead.Candidates(p).Should().Equal(byTerm.Candidates(p)).And.Contain(100L);
        await sql.DisposeAsync();
    }

    private static ArticleProfile Profile(long id, params (uint Term, float Weight)[] weights) => new()
    {
        Id = id, Outlet = null, Language = "en", Day = null, Weights = weights.ToDictionary(w => w.Term, w => w.Weight),
        Text = [], MinHash = [], Shingles = 0, Words = 10, Terms = weights.Length,
    };
}
