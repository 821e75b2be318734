using NewsCompare.Core.Data;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class StoryStoreTests
{
    private static readonly DateOnly February = new(2023, 2, 21);
    private static readonly DateOnly September = new(2023, 9, 19);

    /// <summary>Two meetings (three and two reports, one dated each) plus unrelated coverage.</summary>
    internal static async Task<(long[] First, long[] Second, long[] All)> SeedAsync(TestStore store, bool assignEachAlone = false, StoryEngineOptions? options = null)
    {
        var ids = new List<long>();
        foreach (var (h, b) in Fixtures.Background(30)) ids.Add(await store.AddAsync(h, b));
        var first = new[]
        {
            await store.AddAsync(Fixtures.FirstMeeting(0).Headline, Fixtures.FirstMeeting(0).Body, "wire", February),
            await store.AddAsync(Fixtures.FirstMeeting(1).Headline, Fixtures.FirstMeeting(1).Body, "daily"),
            await store.AddAsync(Fixtures.FirstMeeting(2).Headline, Fixtures.FirstMeeting(2).Body, "weekly"),
        };
        var second = new[]
        {
            await store.AddAsync(Fixtures.SecondMeeting(0).Headline, Fixtures.SecondMeeting(0).Body, "wire", September),
            await store.AddAsync(Fixtures.SecondMeeting(1).Headline, Fixtures.SecondMeeting(1).Body, "daily"),
        };
        ids.AddRange(first);
        ids.AddRange(second);
        if (assignEachAlone)
            foreach (var id in ids) await StoryStore.AssignNewArticlesAsync(store.Db, [id]);
        else
            await new StoryStore(store.Db, options).AssignAsync(ids);
        return (first, second, ids.ToArray());
    }

    // The stories linked to a story as related coverage, in either direction of the link.
    private static Task<List<long>> RelatedAsync(TestStore store, long storyId) =>
        store.Db.StoryLinks.Where(l => l.StoryId == storyId).Select(l => l.RelatedStoryId)
            .Concat(store.Db.StoryLinks.Where(l => l.RelatedStoryId == storyId).Select(l => l.StoryId)).ToListAsync();

    private static async Task<List<HashSet<long>>> PartitionAsync(TestStore store) =>
        (await store.Db.Articles.AsNoTracking().Where(a => a.StoryId != null).Select(a => new { a.Id, a.StoryId }).ToListAsync())
            .GroupBy(a => a.StoryId).Select(g => g.Select(a => a.Id).ToHashSet()).ToList();

    [SkippableTheory]
    [EveryStore]
    public async Task AssignNewArticlesPlacesEachReportInItsEventsStoryAndKeepsWhy(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await SeedAsync(store);

        var partition = await PartitionAsync(store);
        partition.Should().ContainEquivalentOf(first.ToHashSet());
        partition.Should().ContainEquivalentOf(second.ToHashSet());

        var why = await StoryStore.ExplanationAsync(store.Db, first[1]);
        why!.Method.Should().Be("matched");
        why.Score.Should().BeGreaterThanOrEqualTo(StoryEngineOptions.Default.JoinThreshold);
        why.SharedNames.Should().NotBeEmpty();
        var story = await store.Db.Stories.SingleAsync(s => s.Id == store.Db.Articles.Single(a => a.Id == first[0]).StoryId);
        story.ArticleCount.Should().Be(3);
        story.OutletCount.Should().Be(3);
        story.FirstDate.Should().Be(February);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task InASmallStoreAStoryIsIndexedByTheWordsItsArticleSharesNotOnlyByItsOwn(StoreProvider provider)
    {
        // Two reports in an empty store: each has many words of its own (which, not seen elsewhere yet, weigh most
        // for what the story keeps) and shares the event's words with the other. The next report of the event
        // looks stories up by what it shares, so the story must be findable by the shared words too.
        await using var store = await TestStore.CreateAsync(provider);
        var first = await store.AddAsync("Freighters, cranes and hauliers idle as picketing drags on",
            "Anchored freighters, rotting citrus cargoes, idle gantry cranes, queueing hauliers, anxious shipowners, " +
            "grumbling insurers, customs brokers, chandlers and pilots counted mounting losses during weeks of picketing.\n\n" +
            "Wholesalers, bakers, florists, pharmacists and economists warned of shortages and trimmed regional output.\n\n" +
            "Dockers in Ostrava voted to end the harbour strike, union leader Petra Kralova said.");
        var second = await store.AddAsync("Ostrava strike over",
            "Dockers in Ostrava ended the harbour strike, Petra Kralova said.");

        await StoryStore.AssignNewArticlesAsync(store.Db, [first, second]);

        var storyOfFirst = (await store.ArticleAsync(first)).StoryId;
        var posted = await store.Db.Database.SqlQueryRaw<long>(store.Sql("""
            SELECT TermHash AS "Value" FROM StoryPostings WHERE StoryId = {0} UNION SELECT TermHash FROM StoryPostingsRecent WHERE StoryId = {0}
            """), storyOfFirst!).ToListAsync();
        posted.Should().Contain((long)TextSignals.Hash("kralova", true), "both reports name the union leader");
        posted.Should().Contain((long)TextSignals.Hash("ostrava", true), "both reports name the port");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ManyShortReportsOnOneTopicImportedIntoASmallStoreStayApart(StoreProvider provider)
    {
        (string Headline, string Body)[] items =
        [
            ("Bitcoin tops $70,000 for the first time", "Bitcoin rose above $70,000 on Monday, traders said."),
            ("El Salvador makes bitcoin legal tender", "Lawmakers in El Salvador voted to accept bitcoin as legal tender."),
            ("Tesla buys $1.5 billion in bitcoin", "Tesla said it bought $1.5 billion of bitcoin and will accept it for cars."),
            ("China bans bitcoin mining in Sichuan", "Sichuan ordered bitcoin miners to shut down, state media said."),
            ("Bitcoin ETF approved by regulators", "The SEC approved the first spot bitcoin exchange-traded funds."),
            ("Mt. Gox creditors to receive bitcoin", "Creditors of the collapsed Mt. Gox exchange will be repaid in bitcoin."),
            ("Bitcoin halving cuts miner rewards", "The halving cut the bitcoin miners' reward to 3.125 coins per block."),
            ("FTX collapse drags bitcoin lower", "Bitcoin fell below $16,000 after the FTX exchange collapsed."),
            ("Ukraine accepts bitcoin donations", "Ukraine's government said it had received bitcoin donations for its army."),
            ("PayPal lets users pay with bitcoin", "PayPal said its US users can now pay merchants with bitcoin."),
        ];
        await using var store = await TestStore.CreateAsync(provider);
        var ids = new List<long>();
        foreach (var (h, b) in items) ids.Add(await store.AddAsync(h, b));

        await StoryStore.AssignNewArticlesAsync(store.Db, ids);

        (await PartitionAsync(store)).Should().HaveCount(items.Length, "each item reports a different event of one topic");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task UndatedArticlesTakeTheStoryDateMarkedInferredAndKnownDatesStay(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await SeedAsync(store);

        var undated = await store.ArticleAsync(first[1]);
        undated.Published.Should().Be(February);
        undated.PublishedInferred.Should().BeTrue();
        undated.PublishedSource.Should().Be("story");
        var dated = await store.ArticleAsync(second[0]);
        dated.Published.Should().Be(September);
        dated.PublishedInferred.Should().BeFalse();
        dated.PublishedSource.Should().Be("manifest");

        await new StoryStore(store.Db).RegroupAsync();
        (await store.ArticleAsync(first[1])).Published.Should().Be(February, "regroup recomputes the same inferred date");
        (await store.ArticleAsync(second[0])).PublishedSource.Should().Be("manifest");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task IncrementalOneByOneGivesTheSameStoriesAsAFullRegroup(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store, assignEachAlone: true);
        var incremental = await PartitionAsync(store);

        await new StoryStore(store.Db).RegroupAsync();

        (await PartitionAsync(store)).Should().BeEquivalentTo(incremental);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task MoveSplitAndMergeAreRecordedAndSurviveRegroup(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await SeedAsync(store);
        var stories = new StoryStore(store.Db);

        var alone = await stories.MoveAsync(first[2], null, "commentary, not a report of the meeting");
        var firstStory = (await store.ArticleAsync(first[0])).StoryId!.Value;
        var secondStory = (await store.ArticleAsync(second[0])).StoryId!.Value;
        await stories.MergeAsync(firstStory, secondStory, "one diplomatic visit, reported in two parts");
        await new StoryStore(store.Db).RegroupAsync();

        var partition = await PartitionAsync(store);
        partition.Should().ContainEquivalentOf(new HashSet<long> { first[0], first[1], second[0], second[1] });
        partition.Should().ContainEquivalentOf(new HashSet<long> { first[2] });
        alone.Should().BePositive();

        var merged = (await store.ArticleAsync(first[0])).StoryId!.Value;
        await new StoryStore(store.Db).SplitAsync(merged, [second[0], second[1]], "two separate meetings after all");
        await new StoryStore(store.Db).RegroupAsync();
        partition = await PartitionAsync(store);
        partition.Should().ContainEquivalentOf(new HashSet<long> { first[0], first[1] });
        partition.Should().ContainEquivalentOf(new HashSet<long> { second[0], second[1] });

        var log = await StoryStore.CorrectionsAsync(store.Db);
        log.Select(c => c.Kind).Should().Equal("split", "merge", "move");
        log.Should().OnlyContain(c => c.Reason.Length > 0 && c.At > DateTime.UtcNow.AddMinutes(-5));
    }

    // Each story's stored counts and dates beside the same figures taken from its article rows.
    private static async Task AssertCountsMatchArticleRowsAsync(TestStore store, string when)
    {
        var rows = await store.Db.Articles.AsNoTracking().Where(a => a.StoryId != null)
            .Select(a => new { StoryId = a.StoryId!.Value, a.IsLatest, a.CopyOfArticleId, Outlet = a.Outlet ?? a.Site, a.Published, a.PublishedInferred }).ToListAsync();
        var expected = rows.GroupBy(r => r.StoryId).ToDictionary(g => g.Key, g => (
            Articles: g.Count(r => r.IsLatest),
            Independent: g.Count(r => r.IsLatest && r.CopyOfArticleId is null),
            Outlets: g.Where(r => r.IsLatest && r.Outlet is not null).Select(r => r.Outlet).Distinct().Count(),
            First: g.Where(r => !r.PublishedInferred).Min(r => r.Published),
            Last: g.Where(r => !r.PublishedInferred).Max(r => r.Published)));
        var stored = await store.Db.Stories.AsNoTracking().ToDictionaryAsync(s => s.Id, s => (
            Articles: s.ArticleCount, Independent: s.IndependentCount, Outlets: s.OutletCount, First: s.FirstDate, Last: s.LastDate));
        stored.Should().BeEquivalentTo(expected, when);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task EveryStorysCountsAndDatesAreThoseOfItsArticleRowsAfterImportsCopiesSplitsAndCorrections(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await SeedAsync(store);
        await AssertCountsMatchArticleRowsAsync(store, "after a first import");

        var (headline, body) = Fixtures.FirstMeeting(0);
        var mirror = await store.AddAsync(headline, body, "mirror", February.AddDays(1));
        var again = await store.AddAsync(Fixtures.SecondMeeting(1).Headline, Fixtures.SecondMeeting(1).Body + "\n\nUpdated.", "daily", September.AddDays(-1));
        await StoryStore.AssignNewArticlesAsync(store.Db, [mirror, again]);
        (await store.ArticleAsync(mirror)).CopyOfArticleId.Should().NotBeNull("the test needs a copy in a story");
        await AssertCountsMatchArticleRowsAsync(store, "after a copy and a second report of one outlet joined");

        await PortDisputeAsync(store);
        await AssertCountsMatchArticleRowsAsync(store, "after an import that split a story");

        var stories = new StoryStore(store.Db);
        await stories.MoveAsync(first[2], null, "commentary, not a report of the meeting");
        await stories.MergeAsync((await store.ArticleAsync(first[0])).StoryId!.Value, (await store.ArticleAsync(second[0])).StoryId!.Value, "one visit");
        await AssertCountsMatchArticleRowsAsync(store, "after corrections");

        await new StoryStore(store.Db).RegroupAsync();
        await AssertCountsMatchArticleRowsAsync(store, "after a regroup");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task CorrectionsWithoutAReasonOrOnUnknownStoriesAreRefusedWithAClearMessage(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, _, _) = await SeedAsync(store);
        var stories = new StoryStore(store.Db);

        await stories.Invoking(s => s.MoveAsync(first[0], null, " ")).Should().ThrowAsync<StoryCorrectionException>().WithMessage("*reason*");
        await stories.Invoking(s => s.MoveAsync(first[0], 999_999, "x")).Should().ThrowAsync<StoryCorrectionException>().WithMessage("*999999*");
        await stories.Invoking(s => s.MergeAsync(1, 1, "x")).Should().ThrowAsync<StoryCorrectionException>();
    }

    [SkippableTheory]
    [EveryStore]
    public async Task WireCopiesPointToTheEarliestVersionAndTheStoryCountsIndependentVersions(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        foreach (var (h, b) in Fixtures.Background(30)) await store.AddAsync(h, b);
        var (headline, body) = Fixtures.FirstMeeting(0);
        var mirror = await store.AddAsync(headline, body, "mirror", February.AddDays(1));
        var source = await store.AddAsync(headline, body, "wire", February);
        var own = await store.AddAsync(Fixtures.FirstMeeting(1).Headline, Fixtures.FirstMeeting(1).Body, "daily", February);
        await StoryStore.AssignNewArticlesAsync(store.Db, [mirror]);
        await StoryStore.AssignNewArticlesAsync(store.Db, [source, own]);

        (await store.ArticleAsync(mirror)).CopyOfArticleId.Should().Be(source);
        (await store.ArticleAsync(own)).CopyOfArticleId.Should().BeNull();
        var story = await store.Db.Stories.SingleAsync(s => s.Id == store.Db.Articles.Single(a => a.Id == source).StoryId);
        story.ArticleCount.Should().Be(3);
        story.IndependentCount.Should().Be(2);
    }

    [SkippableTheory]
    [InlineData(false, StoreProvider.Sqlite)]
    [InlineData(true, StoreProvider.Sqlite)]
    [InlineData(false, StoreProvider.Postgres)]
    [InlineData(true, StoreProvider.Postgres)]
    public async Task AnUndatedReportOfAnotherMeetingOfTheTopicImportedLaterOpensItsOwnRelatedStory(bool assignEachAlone, StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await SeedAsync(store, assignEachAlone);
        var third = await store.AddAsync(Fixtures.ThirdMeeting().Headline, Fixtures.ThirdMeeting().Body, "evening");

        await StoryStore.AssignNewArticlesAsync(store.Db, [third]);

        var story = (await store.ArticleAsync(third)).StoryId!.Value;
        story.Should().NotBe((await store.ArticleAsync(first[0])).StoryId).And.NotBe((await store.ArticleAsync(second[0])).StoryId);
        (await store.Db.Articles.CountAsync(a => a.StoryId == story)).Should().Be(1);
        (await RelatedAsync(store, story)).Should().Contain((await store.ArticleAsync(first[0])).StoryId!.Value);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task StoriesOfOneOngoingTopicAreLinkedAsRelatedInTimeOrder(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await SeedAsync(store);
        var firstStory = (await store.ArticleAsync(first[0])).StoryId!.Value;
        var secondStory = (await store.ArticleAsync(second[0])).StoryId!.Value;

        (await RelatedAsync(store, firstStory)).Should().Contain(secondStory);
        (await RelatedAsync(store, secondStory)).Should().Contain(firstStory);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task PendingArticlesArePlacedWithoutDisturbingGroupedOnes(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, _, _) = await SeedAsync(store);
        var before = (await store.ArticleAsync(first[0])).StoryId;
        var late = await store.AddAsync("Volkov and Lian wrap up Kazan talks on the Volga grain corridor",
            "Dmitri Volkov and envoy Lian Pei ended their Kazan talks on Tuesday with a pledge on the Sviyazhsk rail terminal and the Volga grain corridor, worth 4.2 billion yuan, after the Tatarstan flood.");

        var report = await new StoryStore(store.Db).AssignPendingAsync();

        report.Articles.Should().Be(1);
        (await store.ArticleAsync(late)).StoryId.Should().Be(before);
        (await store.ArticleAsync(first[0])).StoryId.Should().Be(before);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AStoreGroupedOnAnOlderVersionsTermsIsRegroupedWholeOnTheNextImport(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, all) = await SeedAsync(store);
        // What a store grouped before the term features were versioned looks like: no version row.
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql("DELETE FROM StoryGroupingInfo"));
        // The wire report again, undated, on another site.
        var late = await store.AddAsync(Fixtures.FirstMeeting(0).Headline + " again", Fixtures.FirstMeeting(0).Body, "evening");

        var report = await StoryStore.AssignNewArticlesAsync(store.Db, [late]);

        report.Rebuilt.Should().BeTrue();
        report.Articles.Should().Be(all.Length + 1, "every article is placed again");
        var partition = await PartitionAsync(store);
        partition.Should().ContainEquivalentOf(first.Append(late).ToHashSet());
        partition.Should().ContainEquivalentOf(second.ToHashSet());
        var next = await StoryStore.AssignNewArticlesAsync(store.Db, [await store.AddAsync("Harbour strike ends in Ostrava", "Dockers in Ostrava voted to end the walkout.")]);
        next.Rebuilt.Should().BeFalse("the rebuilt store records the version it was grouped with");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AStoreGroupedOnTheCurrentTermsIsNeverRebuilt(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store, assignEachAlone: true);
        var late = await store.AddAsync(Fixtures.SecondMeeting(1).Headline, Fixtures.SecondMeeting(1).Body, "evening");

        var report = await StoryStore.AssignNewArticlesAsync(store.Db, [late]);

        report.Rebuilt.Should().BeFalse();
        report.Articles.Should().Be(1);
    }

    // reports: each grouping's report, the background's first, when given.
    private static async Task<(long[] First, long[] Second)> PortDisputeAsync(TestStore store, List<GroupingReport>? reports = null)
    {
        var background = new List<long>();
        foreach (var (h, b) in Fixtures.Background(30)) background.Add(await store.AddAsync(h, b));
        reports?.Add(await StoryStore.AssignNewArticlesAsync(store.Db, background));
        async Task<long[]> Add(bool second)
        {
            var ids = new List<long>();
            foreach (var (h, b) in Fixtures.PortDispute(second))
            {
                ids.Add(await store.AddAsync(h, b));
                var report = await StoryStore.AssignNewArticlesAsync(store.Db, [ids[^1]]);
                reports?.Add(report);
            }
            return ids.ToArray();
        }
        return (await Add(second: false), await Add(second: true));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ImportingAnotherEventIntoTheStoryItsFirstReportJoinedSplitsThatStoryAndLinksTheHalves(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second) = await PortDisputeAsync(store);

        var partition = await PartitionAsync(store);
        partition.Should().ContainEquivalentOf(first.ToHashSet());
        partition.Should().ContainEquivalentOf(second.ToHashSet());
        var firstStory = (await store.ArticleAsync(first[0])).StoryId!.Value;
        var secondStory = (await store.ArticleAsync(second[0])).StoryId!.Value;
        (await RelatedAsync(store, firstStory)).Should().Contain(secondStory);
        (await store.Db.Stories.SingleAsync(s => s.Id == secondStory)).ArticleCount.Should().Be(2);
        (await store.Db.Stories.SingleAsync(s => s.Id == firstStory)).ArticleCount.Should().Be(2);
        var why = await StoryStore.ExplanationAsync(store.Db, second[0]);
        why!.Method.Should().Be("matched");
        why.SharedTerms.Should().Contain("cranes", "the explanation names what it shares with its own half");

        await new StoryStore(store.Db).RegroupAsync();
        (await PartitionAsync(store)).Should().ContainEquivalentOf(second.ToHashSet(), "regroup splits the same way");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AnImportThatSplitsAStorySaysSoInItsReport(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var all = new List<GroupingReport>();
        await PortDisputeAsync(store, all);
        all[0].Split.Should().Be(0);
        var reports = all.Skip(1).ToList();

        var total = reports.Aggregate(new GroupingReport(0, 0, 0, 0), (sum, r) => sum.Plus(r));
        total.Split.Should().Be(1, "the second event's reports joined the first event's story, which then split in two");
        total.Describe().Should().Contain("1 more opened by splitting a story that held more than one event");
        reports.Where(r => r.Split == 0).Select(r => r.Describe()).Should().NotContain(d => d.Contains("splitting"));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task WithoutTheSplitTheImportedPortDisputeIsOneStory(StoreProvider provider)
    {
        // The test above is only a test of the split if the import path does merge the two events.
        await using var store = await TestStore.CreateAsync(provider);
        var background = new List<long>();
        foreach (var (h, b) in Fixtures.Background(30)) background.Add(await store.AddAsync(h, b));
        var noSplit = StoryEngineOptions.Default with { SplitBelow = 0 };
        await new StoryStore(store.Db, noSplit).AssignAsync(background);
        var ids = new List<long>();
        foreach (var (h, b) in Fixtures.PortDispute(false).Concat(Fixtures.PortDispute(true)))
        {
            ids.Add(await store.AddAsync(h, b));
            await new StoryStore(store.Db, noSplit).AssignAsync([ids[^1]]);
        }

        (await PartitionAsync(store)).Should().ContainEquivalentOf(ids.ToHashSet());
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AStoryPeopleMergedIsNeverSplitByTheEngine(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second) = await PortDisputeAsync(store);
        var stories = new StoryStore(store.Db);
        await stories.MergeAsync((await store.ArticleAsync(first[0])).StoryId!.Value, (await store.ArticleAsync(second[0])).StoryId!.Value, "one dispute, told as one story");
        var late = await store.AddAsync("Ostrava union sets date for crane strike ballot",
            "Jana Novak said the Ostrava dockers' union would hold its ballot on automated cranes next month.");

        await StoryStore.AssignNewArticlesAsync(store.Db, [late]);

        (await PartitionAsync(store)).Should().Contain(p => first.Concat(second).Append(late).All(p.Contains), "the correction outranks the engine");
        await stories.RegroupAsync();
        (await PartitionAsync(store)).Should().Contain(p => first.Concat(second).All(p.Contains), "and survives a regroup");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task MergingTheRecentIndexTablesIntoTheLargeOnesChangesNoStory(StoreProvider provider)
    {
        await using var merged = await TestStore.CreateAsync(provider);
        await using var unmerged = await TestStore.CreateAsync(provider);
        foreach (var store in new[] { merged, unmerged })
        {
            var ids = new List<long>();
            foreach (var (h, b) in Fixtures.Background(30)) ids.Add(await store.AddAsync(h, b));
            for (var i = 0; i < 3; i++) ids.Add(await store.AddAsync(Fixtures.FirstMeeting(i).Headline, Fixtures.FirstMeeting(i).Body, $"outlet-{i}"));
            for (var i = 0; i < 2; i++) ids.Add(await store.AddAsync(Fixtures.SecondMeeting(i).Headline, Fixtures.SecondMeeting(i).Body, $"outlet-{i}"));
            // In small batches, so later batches look up what earlier ones posted.
            var grouping = new StoryStore(store.Db) { RecentRowsLimit = store == merged ? 1 : int.MaxValue };
            foreach (var chunk in ids.Chunk(4)) await grouping.AssignAsync(chunk);
        }

        async Task<long> Count(TestStore store, string table)
        {
            var connection = store.Db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = store.Sql($"SELECT COUNT(*) FROM {table}");
            var count = (long)(await cmd.ExecuteScalarAsync())!;
            await connection.CloseAsync();
            return count;
        }
        (await Count(merged, "StoryPostingsRecent")).Should().Be(0);
        (await Count(merged, "StoryTermStatsRecent")).Should().Be(0);
        (await Count(unmerged, "StoryPostings")).Should().Be(0);
        (await Count(unmerged, "StoryTermStats")).Should().Be(0);
        (await Count(merged, "StoryPostings")).Should().Be(await Count(unmerged, "StoryPostingsRecent"));
        (await Count(merged, "StoryTermStats")).Should().Be(await Count(unmerged, "StoryTermStatsRecent"));
        (await PartitionAsync(merged)).Should().BeEquivalentTo(await PartitionAsync(unmerged));
        var scores = (TestStore store) => store.Db.StoryMemberships.OrderBy(m => m.ArticleId).Select(m => m.Score).ToListAsync();
        (await scores(merged)).Should().Equal(await scores(unmerged));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task RefreshingAStoryRewritesOnlyTheArticleRowsThatChange(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, _, _) = await SeedAsync(store);
        await GroupingWritesTests.InstallWriteCounterAsync(store);
        var late = await store.AddAsync("Volkov and Lian wrap up Kazan talks on the Volga grain corridor",
            "Dmitri Volkov and envoy Lian Pei ended their Kazan talks on Tuesday with a pledge on the Sviyazhsk rail terminal and the Volga grain corridor, worth 4.2 billion yuan, after the Tatarstan flood.");

        await StoryStore.AssignNewArticlesAsync(store.Db, [late]);

        (await store.ArticleAsync(late)).StoryId.Should().Be((await store.ArticleAsync(first[0])).StoryId);
        (await store.ArticleAsync(first[1])).PublishedInferred.Should().BeTrue("the story's undated members keep their inferred date");
        (await GroupingWritesTests.WritesAsync(store)).Keys.Should().Equal([late], "the members already in the story keep the same date and copy link, so their rows are not rewritten");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task RegroupGivesTheSameStoriesWhateverOrderTheArticlesWereImportedIn(StoreProvider provider)
    {
        (string Headline, string Body)[] texts =
        [
            ("Ostrava strike ends", "Ostrava's dockers ended their harbour strike on Friday, union leader Jana Novak said."),
            .. Fixtures.PortDispute(false), .. Fixtures.PortDispute(true),
            Fixtures.FirstMeeting(0), Fixtures.FirstMeeting(1), Fixtures.FirstMeeting(2), Fixtures.SecondMeeting(0), Fixtures.SecondMeeting(1),
            .. Fixtures.Background(20),
        ];
        async Task<(List<HashSet<string>> Stories, Dictionary<string, string> Why)> ImportAndRegroupAsync(int seed)
        {
            await using var store = await TestStore.CreateAsync(provider);
            var order = Enumerable.Range(0, texts.Length).ToArray();
            new Random(seed).Shuffle(order);
            foreach (var t in order) await StoryStore.AssignNewArticlesAsync(store.Db, [await store.AddAsync(texts[t].Headline, texts[t].Body)]);
            await new StoryStore(store.Db).RegroupAsync();
            var rows = await store.Db.Articles.AsNoTracking().Select(a => new { a.Id, a.Headline, a.StoryId }).ToListAsync();
            var why = new Dictionary<string, string>();
            foreach (var r in rows)
                why[r.Headline!] = (await StoryStore.ExplanationAsync(store.Db, r.Id)) is { } e ? $"{e.Method} {e.Score}" : "none";
            return (rows.GroupBy(r => r.StoryId).Select(g => g.Select(r => r.Headline!).ToHashSet()).ToList(), why);
        }

        var first = await ImportAndRegroupAsync(1);
        var second = await ImportAndRegroupAsync(2);

        second.Stories.Should().BeEquivalentTo(first.Stories);
        second.Why.Should().Equal(first.Why, "the same report opens each story, whichever came first");
    }

    [Fact]
    public async Task GroupingUsesItsOwnCacheAndCheckpointSettingsAndPutsTheConnectionsBack()
    {
        await using var store = await TestStore.CreateAsync();
        var connection = store.Db.Database.GetDbConnection();
        async Task<long> Pragma(string sql)
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            var value = Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await connection.CloseAsync();
            return value;
        }
        var (cache, checkpoint) = (await Pragma("PRAGMA cache_size"), await Pragma("PRAGMA wal_autocheckpoint"));

        await SeedAsync(store);

        StoryStore.GroupingPragmas.Should().Contain("cache_size = -16384").And.Contain("wal_autocheckpoint = 16384");
        (await Pragma("PRAGMA cache_size")).Should().Be(cache);
        (await Pragma("PRAGMA wal_autocheckpoint")).Should().Be(checkpoint);
    }
}
