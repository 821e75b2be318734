using NewsCompare.Core.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>A full regroup built on a copy beside the store and switched in by one short transaction.</summary>
public sealed class RegroupBesideTests
{
    private static readonly StoryEngineOptions EachAlone = new() { JoinThreshold = 2 };

    private sealed class Callback(Action<int> act) : IProgress<int>
    {
        public void Report(int value) => act(value);
    }

    /// <summary>Every grouping table and each article's grouping columns, as text (times of writing left out).</summary>
    private static List<string> Dump(System.Data.Common.DbConnection c)
    {
        var rows = new List<string>();
        var tables = new Dictionary<string, string>
        {
            ["Stories"] = "*", ["StoryMemberships"] = "*", ["StoryLinks"] = "*", ["StorySignatures"] = "*", ["StoryPostings"] = "*",
            ["StoryPostingsRecent"] = "*", ["StoryTermStats"] = "*", ["StoryTermStatsRecent"] = "*", ["StoryGroupingInfo"] = "*", ["RetiredStories"] = "*",
            ["Articles"] = "Id, StoryId, CopyOfArticleId, Published, PublishedSource, PublishedInferred, PublishedFromArticleId",
        };
        foreach (var (table, columns) in tables)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT {columns} FROM \"{table}\" ORDER BY 1, 2";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var values = Enumerable.Range(0, r.FieldCount)
                    .Where(i => r.GetName(i) is not ("UpdatedAt" or "AssignedAt" or "RetiredAt"))
                    .Select(i => r.IsDBNull(i) ? "null" : r.GetValue(i) is byte[] b ? Convert.ToHexString(b) : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture));
                var row = table + ": " + string.Join(" | ", values);
                // The token the last grouping transaction left, so that another process's grouping knows it came.
                if (!row.StartsWith("StoryGroupingInfo: writer", StringComparison.Ordinal)) rows.Add(row);
            }
        }
        using var seq = c.CreateCommand();
        seq.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = 'Stories'";
        rows.Add("sequence: " + seq.ExecuteScalar());
        return rows;
    }

    /// <summary>A full regroup of <paramref name="store"/> through a second connection, <paramref name="meanwhile"/> run while its copy is built.</summary>
    private static async Task<GroupingReport> RegroupWhileAsync(TestStore store, Func<Task> meanwhile)
    {
        await using var regroupDb = store.OpenSecond();
        var building = new TaskCompletionSource();
        using var done = new ManualResetEventSlim();
        var regroup = Task.Run(() => new StoryStore(regroupDb).RegroupAsync(new Callback(_ =>
        {
            building.TrySetResult();
            done.Wait(TimeSpan.FromSeconds(60));
        })));
        await building.Task;
        try { await meanwhile(); }
        finally { done.Set(); }
        return await regroup;
    }

    // SQLite's: on PostgreSQL the regroup in place runs only in its shadow schema (OneLoopTests compares it with the engine).
    [Fact]
    public async Task ARegroupBuiltBesideTheStoreLeavesExactlyWhatARegroupInPlaceLeaves()
    {
        await using var inPlace = await TestStore.CreateAsync();
        await using var beside = await TestStore.CreateAsync();
        foreach (var store in new[] { inPlace, beside })
        {
            var (first, second, _) = await StoryStoreTests.SeedAsync(store, options: EachAlone);
            // A correction too, which both must keep.
            await new StoryStore(store.Db).MoveAsync(second[1], null, "a different meeting");
        }
        using var a = inPlace.OpenReader();
        using var b = beside.OpenReader();
        Dump(a).Should().Equal(Dump(b), "both stores were built the same way");

        await new StoryStore(inPlace.Db).RegroupInPlaceAsync();
        await new StoryStore(beside.Db).RegroupAsync();

        var expected = Dump(a);
        expected.Should().Contain(r => r.StartsWith("RetiredStories", StringComparison.Ordinal), "the regroup joined stories");
        var actual = Dump(b);
        actual.Except(expected).Should().BeEmpty();
        expected.Except(actual).Should().BeEmpty();
        actual.Should().Equal(expected);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AnImportWhileARegroupIsBuiltSucceedsAndTheSwitchPlacesItsArticles(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, _, _) = await StoryStoreTests.SeedAsync(store, options: EachAlone);
        long report = 0, openedDuringBuild = 0;
        GroupingReport grouping = null!;
        var result = await RegroupWhileAsync(store, async () =>
        {
            report = await store.AddAsync(Fixtures.ThirdMeeting().Headline, Fixtures.ThirdMeeting().Body, "evening");
            grouping = await StoryStore.AssignNewArticlesAsync(store.Db, [report]);
            openedDuringBuild = (await store.ArticleAsync(report)).StoryId!.Value;
        });

        grouping.Articles.Should().Be(1);
        store.Db.ChangeTracker.Clear();
        var placed = (await store.ArticleAsync(report)).StoryId;
        placed.Should().NotBeNull("the switch places what was imported while the copy was built");
        (await store.Db.StoryMemberships.CountAsync(m => m.ArticleId == report)).Should().Be(1);
        (await store.Db.Stories.CountAsync()).Should().Be(result.Stories);
        // The regroup joined the first event's reports, as it does without an import beside it.
        var joined = (await store.ArticleAsync(first[0])).StoryId;
        foreach (var id in first) (await store.ArticleAsync(id)).StoryId.Should().Be(joined);
        // The story id readers saw during the build still answers: the story itself, or pointers to where its articles are.
        if (!await store.Db.Stories.AnyAsync(s => s.Id == openedDuringBuild))
            (await StoryStore.SuccessorsAsync(store.Db, openedDuringBuild))!.Successors.Should().NotBeEmpty();
        var counts = await store.Db.Stories.Select(s => new { s.Id, s.ArticleCount }).ToListAsync();
        counts.Sum(s => s.ArticleCount).Should().Be(await store.Db.Articles.CountAsync(x => x.IsLatest));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AnArticleStoredWithoutGroupingWhileTheCopyIsBuiltIsPlacedByTheSwitchInAStoryOfItsOwn(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        // Grouped permissively first, so that the regroup splits and its copy opens stories of its own.
        await StoryStoreTests.SeedAsync(store, options: new StoryEngineOptions { JoinThreshold = 0.01, SplitBelow = 0.01, MaxGapDays = 1000 });
        var before = await store.Db.Stories.CountAsync();
        var (headline, body) = Fixtures.PortDispute(false)[0];
        long report = 0;
        // Stored but not grouped yet (an import without grouping), so the switch opens its story.
        var result = await RegroupWhileAsync(store, async () => report = await store.AddAsync(headline, body, "evening"));

        result.Stories.Should().BeGreaterThan(before, "the regroup split what was grouped permissively");
        store.Db.ChangeTracker.Clear();
        var placed = (await store.ArticleAsync(report)).StoryId;
        placed.Should().NotBeNull();
        (await store.Db.Articles.CountAsync(a => a.StoryId == placed)).Should().Be(1, "nothing else reports the port dispute");
        (await store.Db.Stories.CountAsync()).Should().Be(result.Stories);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task StoriesImportsOpenWhileTheCopyIsBuiltKeepTheirIdsAndTheCopysNewStoriesTakeOthers(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        // Grouped permissively first, so that the regroup splits and its copy gives new story ids: the same ids the
        // imports beside it give in the store, as many of them are opened there meanwhile.
        await StoryStoreTests.SeedAsync(store, options: new StoryEngineOptions { JoinThreshold = 0.01, SplitBelow = 0.01, MaxGapDays = 1000 });
        var before = await store.Db.Stories.CountAsync();
        var highest = await store.Db.Stories.MaxAsync(s => s.Id);
        var shown = new Dictionary<long, long>();
        var result = await RegroupWhileAsync(store, async () =>
        {
            var added = new List<long>();
            foreach (var (h, b) in Fixtures.Background(100).Skip(30)) added.Add(await store.AddAsync(h, b, "evening"));
            await new StoryStore(store.Db, EachAlone).AssignAsync(added);
            foreach (var id in added) shown[id] = (await store.ArticleAsync(id)).StoryId!.Value;
        });

        result.Stories.Should().BeGreaterThan(before, "the copy opened stories of its own");
        shown.Values.Should().OnlyContain(id => id > highest, "each import opened a story while the copy was built");
        store.Db.ChangeTracker.Clear();
        var live = (await store.Db.Stories.Select(s => s.Id).ToListAsync()).ToHashSet();
        foreach (var (article, seen) in shown)
        {
            // A reader who saw the article under a story id during the build finds it there, or is pointed to it.
            var placed = (await store.ArticleAsync(article)).StoryId!.Value;
            if (live.Contains(seen)) placed.Should().Be(seen, $"story {seen} held article {article} when a reader saw it");
            else (await StoryStore.SuccessorsAsync(store.Db, seen))!.Successors.Select(x => x.StoryId).Should().Contain(placed);
        }
        var stories = await store.Db.Stories.Select(s => new { s.Id, s.ArticleCount }).ToListAsync();
        stories.Should().HaveCount(result.Stories);
        foreach (var s in stories) (await store.Db.Articles.CountAsync(a => a.StoryId == s.Id && a.IsLatest)).Should().Be(s.ArticleCount, $"story {s.Id}'s count");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ACorrectionMadeWhileARegroupIsBuiltIsKept(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, _, _) = await StoryStoreTests.SeedAsync(store);
        await using var regroupDb = store.OpenSecond();
        var building = new TaskCompletionSource();
        using var corrected = new ManualResetEventSlim();
        var builds = 0;
        var regroup = Task.Run(() => new StoryStore(regroupDb).RegroupAsync(new Callback(_ =>
        {
            if (Interlocked.Increment(ref builds) != 1) return;
            building.TrySetResult();
            corrected.Wait(TimeSpan.FromSeconds(60));
        })));

        await building.Task;
        var own = await new StoryStore(store.Db).MoveAsync(first[2], null, "a separate interview");
        corrected.Set();
        await regroup;

        builds.Should().BeGreaterThan(1, "the copy built before the correction is thrown away");
        store.Db.ChangeTracker.Clear();
        (await store.ArticleAsync(first[2])).StoryId.Should().Be(own);
        (await store.ArticleAsync(first[0])).StoryId.Should().NotBe(own);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AStoryReadersSeeWithoutMembershipRowsIsKeptOrRetiredByARegroupNeverLost(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, all) = await StoryStoreTests.SeedAsync(store, options: EachAlone);
        // As a store filled without grouping (bench-web's generated one) is: stories and Articles.StoryId, no memberships.
        var shown = new Dictionary<long, long>();
        foreach (var id in all) shown[id] = (await store.ArticleAsync(id)).StoryId!.Value;
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql("DELETE FROM StoryMemberships"));

        await new StoryStore(store.Db).RegroupAsync();

        store.Db.ChangeTracker.Clear();
        var live = (await store.Db.Stories.Select(s => s.Id).ToListAsync()).ToHashSet();
        foreach (var old in shown.Values.Distinct())
            if (!live.Contains(old)) (await StoryStore.SuccessorsAsync(store.Db, old)).Should().NotBeNull($"story {old} was shown to readers");
        // The first event's reports, each alone before, are joined under the lowest of their ids.
        var kept = first.Min(a => shown[a]);
        live.Should().Contain(kept);
        foreach (var id in first) (await store.ArticleAsync(id)).StoryId.Should().Be(kept);
    }

    [Fact]
    public async Task ACopyLeftBesideTheStoreByAKilledRegroupIsDeletedAndNoCopyIsLeftAfterARegroup()
    {
        await using var store = await TestStore.CreateAsync();
        await StoryStoreTests.SeedAsync(store);
        // No process has this id: Linux gives at most 2^22.
        var left = store.FilePath + ".regroup-99999999-1";
        await File.WriteAllTextAsync(left, "half a copy");

        await new StoryStore(store.Db).RegroupAsync();

        File.Exists(left).Should().BeFalse();
        Directory.EnumerateFiles(Path.GetDirectoryName(store.FilePath)!, Path.GetFileName(store.FilePath) + ".regroup-*").Should().BeEmpty();
    }

    [SkippableFact]
    public async Task OnPostgresAShadowSchemaLeftByAKilledRegroupIsDroppedAndNoneIsLeftAfterARegroup()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Postgres);
        await StoryStoreTests.SeedAsync(store);
        // What a regroup killed while it built leaves: its schema, and no session holding its lock.
        await store.Db.Database.ExecuteSqlRawAsync("""
            CREATE SCHEMA nc_regroup_0123456789abcdef; CREATE TABLE nc_regroup_0123456789abcdef."Stories" ("Id" bigint);
            """);
        var before = await StoriesAsync(store);

        await new StoryStore(store.Db).RegroupAsync();

        (await store.Db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM pg_namespace WHERE starts_with(nspname, 'nc_regroup_')").SingleAsync())
            .Should().Be(0);
        (await StoriesAsync(store)).Should().BeEquivalentTo(before, "the regroup of an already grouped store keeps its stories and their ids");
    }

    private static async Task<List<(long Article, long? Story)>> StoriesAsync(TestStore store)
    {
        store.Db.ChangeTracker.Clear();
        return (await store.Db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.StoryId }).ToListAsync())
            .Select(a => (a.Id, a.StoryId)).ToList();
    }
}
