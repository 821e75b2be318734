using NewsCompare.Core.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>Story ids across a full regroup, and what readers see while it runs.</summary>
public sealed class StoryIdentityTests
{
    private static readonly DateOnly February = new(2023, 2, 21);

    private static async Task<(long[] First, long[] Second)> SeedAsync(TestStore store, StoryEngineOptions? options = null)
    {
        var (first, second, _) = await StoryStoreTests.SeedAsync(store, options: options);
        return (first, second);
    }

    /// <summary>Each article's story id, and the number of stories, read on a connection of its own.</summary>
    private static (Dictionary<long, long> Members, long Stories) Read(DbConnection c)
    {
        var members = new Dictionary<long, long>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT \"ArticleId\", \"StoryId\" FROM \"StoryMemberships\"";
            using var r = cmd.ExecuteReader();
            while (r.Read()) members[r.GetInt64(0)] = r.GetInt64(1);
        }
        using var count = c.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Stories\"";
        return (members, (long)count.ExecuteScalar()!);
    }

    private sealed class Callback(Action<int> act) : IProgress<int>
    {
        public void Report(int value) => act(value);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task StoriesOpenedBatchAfterBatchAndByACorrectionTakeTheIdsAfterTheLastGiven(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var stories = new StoryStore(store.Db);
        var background = new List<long>();
        foreach (var (h, b) in Fixtures.Background(30)) background.Add(await store.AddAsync(h, b));
        await stories.AssignAsync(background);
        await stories.AssignAsync([await store.AddAsync(Fixtures.FirstMeeting(0).Headline, Fixtures.FirstMeeting(0).Body, "wire", February)]);
        var later = await store.AddAsync(Fixtures.SecondMeeting(0).Headline, Fixtures.SecondMeeting(0).Body, "daily");
        await stories.AssignAsync([later]);
        var opened = await store.Db.Stories.AsNoTracking().Select(s => s.Id).OrderBy(id => id).ToListAsync();

        var moved = await stories.MoveAsync(background[0], null, "a story of its own");

        opened.Should().HaveCountGreaterThan(3);
        opened[^1].Should().BeLessThanOrEqualTo(background.Count + 2,
            "on PostgreSQL a step draws story ids ahead and puts back those it did not give, so no batch skips ids");
        moved.Should().Be(opened[^1] + 1, "the correction's new story takes the id after the last a batch gave");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task RegroupKeepsEveryStoryIdWhenTheGroupingDoesNotChange(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second) = await SeedAsync(store);
        using var reader = store.OpenReader();
        var before = Read(reader);

        await new StoryStore(store.Db).RegroupAsync();

        var after = Read(reader);
        after.Members.Should().Equal(before.Members);
        after.Stories.Should().Be(before.Stories);
        (await store.ArticleAsync(first[1])).StoryId.Should().Be(before.Members[first[0]]);
        (await store.Db.RetiredStories.CountAsync()).Should().Be(0);
        second.Should().AllSatisfy(a => after.Members[a].Should().Be(before.Members[second[0]]));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ARegroupThatJoinsStoriesKeepsTheIdOfTheLargestShareAndRetiresTheOthersWithPointers(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        // Grouped first so strictly that every article stands alone.
        var (first, _) = await SeedAsync(store, new StoryEngineOptions { JoinThreshold = 2 });
        var alone = new Dictionary<long, long>();
        foreach (var a in first) alone[a] = (await store.ArticleAsync(a)).StoryId!.Value;
        alone.Values.Distinct().Should().HaveCount(3);

        await new StoryStore(store.Db).RegroupAsync();

        // Each old story shares one article with the joined story: the lowest old id is kept.
        var kept = alone.Values.Min();
        foreach (var a in first) (await store.ArticleAsync(a)).StoryId.Should().Be(kept);
        foreach (var old in alone.Values.Where(v => v != kept))
        {
            var retired = await StoryStore.SuccessorsAsync(store.Db, old);
            retired!.Reason.Should().Be("merged");
            retired.Successors.Should().ContainSingle().Which.StoryId.Should().Be(kept);
        }
        (await StoryStore.SuccessorsAsync(store.Db, kept)).Should().BeNull();
        // New ids are only given to stories that took no old one; every old id still answers somewhere.
        var stories = await store.Db.Stories.Select(s => s.Id).ToListAsync();
        var retiredIds = await store.Db.RetiredStories.Select(r => r.StoryId).Distinct().ToListAsync();
        stories.Intersect(retiredIds).Should().BeEmpty();
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AReaderDuringRegroupSeesTheWholeOldGroupingAndAfterItTheWholeNewOne(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store, new StoryEngineOptions { JoinThreshold = 2 });
        using var reader = store.OpenReader();
        var before = Read(reader);
        var seen = new List<(Dictionary<long, long> Members, long Stories)>();

        await new StoryStore(store.Db).RegroupAsync(new Callback(_ => seen.Add(Read(reader))));

        seen.Should().NotBeEmpty();
        seen.Should().AllSatisfy(s =>
        {
            s.Stories.Should().Be(before.Stories);
            s.Members.Should().Equal(before.Members);
        });
        var after = Read(reader);
        after.Stories.Should().BeLessThan(before.Stories);
        after.Members.Keys.Should().BeEquivalentTo(before.Members.Keys);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ARegroupStoppedHalfwayLeavesTheOldStoriesAndDatesAsTheyWere(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, _) = await SeedAsync(store);
        using var reader = store.OpenReader();
        var before = Read(reader);
        var inferred = await store.ArticleAsync(first[1]);
        inferred.PublishedInferred.Should().BeTrue();
        using var stop = new CancellationTokenSource();

        var regroup = () => new StoryStore(store.Db).RegroupAsync(new Callback(_ => stop.Cancel()), stop.Token);

        await regroup.Should().ThrowAsync<OperationCanceledException>();
        var after = Read(reader);
        after.Members.Should().Equal(before.Members);
        after.Stories.Should().Be(before.Stories);
        store.Db.ChangeTracker.Clear();
        var again = await store.ArticleAsync(first[1]);
        (again.Published, again.PublishedInferred, again.PublishedFromArticleId).Should().Be((February, true, first[0]));
    }
}
