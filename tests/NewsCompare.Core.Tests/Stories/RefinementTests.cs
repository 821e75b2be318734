using NewsCompare.Core.Data;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class RefinementTests
{
    // Two reports of one harbour walkout that name different people (so neither may join the other's story on
    // arrival), then a fuller report that names both: it ties them together, but only after the second has opened
    // a story of its own.
    private static readonly (string Headline, string Body)[] Walkout =
    [
        ("Ostrava dockers walk out over pay",
            "Dockers at the Ostrava harbour walked out on Monday demanding higher pay, union leader Petra Kralova said.\n\n" +
            "Cranes stood idle at the container terminal and the harbour gates were closed."),
        ("Harbour walkout strands cargo ships",
            "Cargo ships queued outside the harbour on Tuesday as the dockers' walkout entered its second day, shipping agent Lukas Benes said.\n\n" +
            "Perishable fruit was rotting on deck while the container terminal stood idle."),
        ("Ostrava harbour walkout strands cargo ships as dockers demand higher pay",
            "Dockers at the Ostrava harbour stayed out for a third day demanding higher pay, union leader Petra Kralova said, while cargo ships queued outside the harbour.\n\n" +
            "Shipping agent Lukas Benes said perishable fruit was rotting on deck and the container terminal stood idle."),
    ];

    private static List<StoryArticle> Articles(DateOnly? first = null) =>
    [
        .. Walkout.Select((t, i) => new StoryArticle(i + 1, t.Headline, t.Body.Split("\n\n"), $"outlet{i}", null, first?.AddDays(i))),
        .. Fixtures.Background(40).Select((t, i) => new StoryArticle(1000 + i, t.Headline, t.Body.Split("\n\n"), $"bg{i}", null, null)),
    ];

    private static long[] StoriesOf(GroupingResult r) => [.. new long[] { 1, 2, 3 }.Select(id => (long)r.Placements[id].Story)];

    [Fact]
    public void AReportThatOpenedAStoryOfItsOwnJoinsItsEventOnceALaterReportTiesThemTogether()
    {
        var greedy = StoryEngine.Group(Articles(new DateOnly(2024, 3, 4)), StoryEngineOptions.Default with { RefinePasses = 0 });
        var refined = StoryEngine.Group(Articles(new DateOnly(2024, 3, 4)), StoryEngineOptions.Default with { RefinePasses = 3 });

        StoriesOf(greedy).Distinct().Should().HaveCount(2, "on arrival the first two reports share no name, so the second opens a story");
        StoriesOf(refined).Distinct().Should().ContainSingle("the third report names both casts, and placed again the first two follow it");
    }

    [Fact]
    public void RefinementStillKeepsReportsOfOneTopicWeeksApartInTwoStories()
    {
        var list = Articles(new DateOnly(2024, 3, 4));
        // The same walkout's words, seven weeks later: the date window still rules the move out.
        list[0] = list[0] with { Published = new DateOnly(2024, 4, 20) };

        var refined = StoryEngine.Group(list, StoryEngineOptions.Default with { RefinePasses = 3 });

        refined.Placements[1].Story.Should().NotBe(refined.Placements[3].Story);
        refined.Placements[2].Story.Should().Be(refined.Placements[3].Story);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task RegroupMovesTheReportThatOpenedAStoryOfItsOwnIntoItsEvent(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var ids = await AddAsync(store);

        await new StoryStore(store.Db, StoryEngineOptions.Default with { RefinePasses = 0 }).RegroupAsync();
        var greedy = await StoriesAsync(store, ids);
        await new StoryStore(store.Db, StoryEngineOptions.Default with { RefinePasses = 3 }).RegroupAsync();
        var refined = await StoriesAsync(store, ids);

        greedy.Distinct().Should().HaveCount(2);
        refined.Distinct().Should().ContainSingle();
        (await store.Db.Stories.CountAsync(s => refined.Contains(s.Id))).Should().Be(1);
        var story = await store.Db.Stories.AsNoTracking().SingleAsync(s => s.Id == refined[0]);
        story.ArticleCount.Should().Be(3, "the story's counts follow the moved article");
        var why = new List<StoryExplanation>();
        foreach (var id in ids) why.Add((await StoryStore.ExplanationAsync(store.Db, id))!);
        why.Where(w => w.Method != "opened").Should().HaveCount(2).And.OnlyContain(w => w.SharedNames.Count > 0, "a moved article's explanation names what it shares");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task RefinementLeavesACorrectedArticleWherePeoplePutIt(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var ids = await AddAsync(store);
        var stories = new StoryStore(store.Db, StoryEngineOptions.Default with { RefinePasses = 3 });
        await stories.RegroupAsync();

        await stories.MoveAsync(ids[1], null, "a wrap-up of shipping delays, not a report of the walkout");
        await stories.RegroupAsync();
        var after = await StoriesAsync(store, ids);

        after[1].Should().NotBe(after[0]);
        after[1].Should().NotBe(after[2]);
        after[0].Should().Be(after[2]);
    }

    [SkippableTheory]
    [InlineData(0, true, 2, StoreProvider.Sqlite)]
    [InlineData(2, false, 2, StoreProvider.Sqlite)]
    [InlineData(2, true, 1, StoreProvider.Sqlite)]
    [InlineData(0, true, 2, StoreProvider.Postgres)]
    [InlineData(2, false, 2, StoreProvider.Postgres)]
    [InlineData(2, true, 1, StoreProvider.Postgres)]
    public async Task ImportingALaterReportTiesTheReportThatStoodAloneToItsEventOnlyWhenImportsRefine(int passes, bool refineImports, int expectedStories, StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var ids = await AddAsync(store);
        var stories = new StoryStore(store.Db, StoryEngineOptions.Default with { RefinePasses = passes, RefineImports = refineImports });
        var background = await store.Db.Articles.Where(a => !ids.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        await stories.AssignAsync(background);

        // One report per import batch, as they come in.
        foreach (var id in ids) await stories.AssignAsync([id]);

        (await StoriesAsync(store, ids)).Distinct().Should().HaveCount(expectedStories);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AFirstImportOfAHundredArticlesOrMoreIsGroupedAsRegroupWouldGroupIt(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var ids = new List<long>();
        for (var i = 0; i < Walkout.Length; i++)
            ids.Add(await store.AddAsync(Walkout[i].Headline, Walkout[i].Body, published: new DateOnly(2024, 3, 4).AddDays(i)));
        foreach (var (h, b) in Fixtures.Background(120)) ids.Add(await store.AddAsync(h, b));
        var stories = new StoryStore(store.Db);

        await stories.AssignAsync(ids);
        var imported = await PartitionAsync(store);
        await stories.RegroupAsync();
        var regrouped = await PartitionAsync(store);

        imported.Should().BeEquivalentTo(regrouped);
        (await StoriesAsync(store, ids.Take(3).ToList())).Distinct().Should().ContainSingle("placed again, the first two reports follow the third that names both");
    }

    private static async Task<List<string>> PartitionAsync(TestStore store)
    {
        var rows = await store.Db.Articles.AsNoTracking().Select(a => new { a.Id, a.StoryId }).ToListAsync();
        return [.. rows.GroupBy(r => r.StoryId).Select(g => string.Join(",", g.Select(r => r.Id).Order()))];
    }

    private static async Task<List<long>> AddAsync(TestStore store)
    {
        var ids = new List<long>();
        for (var i = 0; i < Walkout.Length; i++)
            ids.Add(await store.AddAsync(Walkout[i].Headline, Walkout[i].Body, published: new DateOnly(2024, 3, 4).AddDays(i)));
        foreach (var (h, b) in Fixtures.Background(40)) await store.AddAsync(h, b);
        return ids;
    }

    private static async Task<List<long>> StoriesAsync(TestStore store, List<long> ids)
    {
        var rows = await store.Db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.StoryId!.Value);
        return [.. ids.Select(id => rows[id])];
    }
}
