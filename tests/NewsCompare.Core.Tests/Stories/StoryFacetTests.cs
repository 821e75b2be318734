using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Core.Tests.Import;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// The store's triggers keep <see cref="StoryFacet"/> rows equal to what the articles and stories say, through every
/// way the grouping changes: import and grouping, corrections (move, merge, split), a regroup, a new version, an
/// outlet or language corrected, an article deleted.
/// </summary>
public sealed class StoryFacetTests
{
    private static readonly DateOnly February = new(2023, 2, 21);

    /// <summary>What the facet rows must be, derived from the articles and stories themselves.</summary>
    private static async Task<List<string>> ExpectedAsync(NewsDb db)
    {
        var articles = await db.Articles.AsNoTracking().Where(a => a.StoryId != null)
            .Select(a => new { StoryId = a.StoryId!.Value, a.Outlet, a.Language, a.IsLatest }).ToListAsync();
        var stories = await db.Stories.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var facets = articles.Where(a => a.Outlet is not null).Select(a => (StoryFacetKind.Outlet, a.Outlet!, a.StoryId))
            .Concat(articles.Where(a => a.Language is not null && a.IsLatest).Select(a => (StoryFacetKind.Language, a.Language!, a.StoryId)))
            .Distinct();
        return facets.Select(f => Describe(f.Item1, f.Item2, stories[f.StoryId].Id, stories[f.StoryId].FirstDate, stories[f.StoryId].LastDate,
            stories[f.StoryId].OutletCount, stories[f.StoryId].ArticleCount)).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> StoredAsync(NewsDb db) =>
        (await db.StoryFacets.AsNoTracking().ToListAsync())
            .Select(f => Describe(f.Facet, f.Value, f.StoryId, f.FirstDate, f.LastDate, f.OutletCount, f.ArticleCount))
            .Order(StringComparer.Ordinal).ToList();

    private static string Describe(StoryFacetKind facet, string value, long story, DateOnly? first, DateOnly? last, int outlets, int articles) =>
        $"{facet} {value} story {story}: {first} to {last}, {outlets} outlets, {articles} articles";

    private static Task ShouldMatchTheStoreAsync(TestStore store, string after) => ShouldMatchTheStoreAsync(store.Db, after);

    private static async Task ShouldMatchTheStoreAsync(NewsDb db, string after)
    {
        var expected = await ExpectedAsync(db);
        expected.Should().NotBeEmpty();
        (await StoredAsync(db)).Should().Equal(expected, $"the facets follow the store after {after}");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task FacetsFollowTheImporterItsGroupingAndNewVersions(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        File.WriteAllText(Path.Combine(f.Captures, "sources.json"), """
            [{"file": "a.txt", "url": "https://coastpost.example/2023/02/21/harbour-strike"},
             {"file": "b.txt", "url": "https://quotidien.example/2023/02/21/greve-du-port"},
             {"file": "c.txt", "url": "https://bergbote.example/2023/02/21/hafenstreik"}]
            """);
        f.Write("a.txt", ImportFixture.Article("Harbour strike ends after nine days"));
        f.Write("b.txt", ImportFixture.Article("Harbour strike ends after nine days of talks"));
        f.Write("c.txt", ImportFixture.Article("Der Hafenstreik endet nach neun Tagen, sagen die Gewerkschaften"));
        (await f.ImportAsync([f.Captures])).Imported.Should().Be(3);
        await f.QueryAsync(async db => { await ShouldMatchTheStoreAsync(db, "an import with grouping"); return 0; });

        // A changed capture of the first address: the new version takes the old one's place in the story.
        f.Write("a.txt", ImportFixture.Article("Harbour strike ends after nine days", paragraphs: 5));
        (await f.ImportAsync([f.Captures])).Results.Should().Contain(r => r.Outcome == ImportOutcome.NewVersion);
        await f.QueryAsync(async db =>
        {
            await ShouldMatchTheStoreAsync(db, "a new version imported");
            (await db.Articles.CountAsync(a => !a.IsLatest)).Should().Be(1);
            return 0;
        });
    }

    [SkippableTheory]
    [EveryStore]
    public async Task FacetsFollowImportGroupingCorrectionsAndRegroup(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await StoryStoreTests.SeedAsync(store);
        await ShouldMatchTheStoreAsync(store, "grouping");

        var stories = new StoryStore(store.Db);
        await stories.MoveAsync(first[2], null, "commentary, not a report of the meeting");
        await ShouldMatchTheStoreAsync(store, "a move");

        var firstStory = (await store.ArticleAsync(first[0])).StoryId!.Value;
        var secondStory = (await store.ArticleAsync(second[0])).StoryId!.Value;
        await stories.MergeAsync(firstStory, secondStory, "one visit, reported in two parts");
        await ShouldMatchTheStoreAsync(store, "a merge");

        var merged = (await store.ArticleAsync(first[0])).StoryId!.Value;
        await new StoryStore(store.Db).SplitAsync(merged, [second[0], second[1]], "two meetings after all");
        await ShouldMatchTheStoreAsync(store, "a split");

        await new StoryStore(store.Db).RegroupAsync();
        await ShouldMatchTheStoreAsync(store, "a regroup");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task FacetsFollowNewVersionsCorrectedMetadataAndDeletedArticles(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, _, _) = await StoryStoreTests.SeedAsync(store);
        var story = (await store.ArticleAsync(first[0])).StoryId!.Value;
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql($"UPDATE Articles SET Language = 'de' WHERE Id = {first[0]}"));
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql($"UPDATE Articles SET Language = 'fr' WHERE Id IN ({first[1]}, {first[2]})"));
        await ShouldMatchTheStoreAsync(store, "languages corrected");
        (await store.Db.StoryFacets.Where(f => f.StoryId == story && f.Facet == StoryFacetKind.Language).Select(f => f.Value).ToListAsync())
            .Should().BeEquivalentTo("de", "fr");

        // A newer version of the German report, not yet grouped: the old one keeps its outlet in the story, not its language.
        var newer = await store.AddAsync("Ministers meet again", "A later text of the report.", (await store.ArticleAsync(first[0])).Outlet, February, "de");
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql($"UPDATE Articles SET IsLatest = 0 WHERE Id = {first[0]}"));
        await ShouldMatchTheStoreAsync(store, "a new version");
        (await store.Db.StoryFacets.AnyAsync(f => f.StoryId == story && f.Value == "de")).Should().BeFalse();
        await StoryStore.AssignNewArticlesAsync(store.Db, [newer]);
        await ShouldMatchTheStoreAsync(store, "the new version grouped");

        await store.Db.Database.ExecuteSqlRawAsync(store.Sql($"UPDATE Articles SET Outlet = 'renamed daily' WHERE Id = {first[1]}"));
        await ShouldMatchTheStoreAsync(store, "an outlet corrected");

        await store.Db.Database.ExecuteSqlRawAsync(store.Sql($"DELETE FROM StoryMemberships WHERE ArticleId = {first[2]}; DELETE FROM Articles WHERE Id = {first[2]}"));
        await ShouldMatchTheStoreAsync(store, "an article deleted");
        (await store.Db.StoryFacets.AnyAsync(f => f.StoryId == story && f.Value == "fr")).Should().BeTrue("another latest article of the story is in French");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AStorysKeysAndIdWrittenByHandReachEachOfItsFacetRows(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await StoryStoreTests.SeedAsync(store);
        var story = (await store.ArticleAsync(first[0])).StoryId!.Value;
        var other = (await store.ArticleAsync(second[0])).StoryId!.Value;
        var rows = await store.Db.StoryFacets.CountAsync(f => f.StoryId == story);
        rows.Should().BeGreaterThan(1);

        // One key at a time, then all of them, as a DBA might; the other story's rows stay as they were.
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql($"UPDATE Stories SET ArticleCount = 40 WHERE Id = {story}"));
        await ShouldMatchTheStoreAsync(store, "a count written by hand");
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql($"UPDATE Stories SET LastDate = '2023-03-01' WHERE Id = {story}"));
        await ShouldMatchTheStoreAsync(store, "a last date written by hand");
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql($"UPDATE Stories SET FirstDate = NULL, LastDate = NULL, OutletCount = 9, ArticleCount = 12 WHERE Id = {story}"));
        await ShouldMatchTheStoreAsync(store, "every key written by hand");
        (await store.Db.StoryFacets.Where(f => f.StoryId == story).Select(f => new { f.FirstDate, f.LastDate, f.OutletCount, f.ArticleCount }).Distinct().ToListAsync())
            .Should().Equal(new { FirstDate = (DateOnly?)null, LastDate = (DateOnly?)null, OutletCount = 9, ArticleCount = 12 });

        // A new id with new keys in one statement, its articles following (a regroup renumbers stories so), for a
        // story of its own whose row nothing else references.
        var a = await store.AddAsync("Harbour strike ends", "Dock workers return.", "Coast Post", February, "en");
        var b = await store.AddAsync("Fin de la grève du port", "Les dockers reprennent.", "Le Quotidien", February, "fr");
        store.Db.Stories.Add(new Story { Id = 900, Title = "Harbour strike ends", FirstDate = February, LastDate = February, ArticleCount = 2, IndependentCount = 2, OutletCount = 2, UpdatedAt = DateTime.UtcNow });
        await store.Db.SaveChangesAsync();
        await store.Db.Database.ExecuteSqlRawAsync(store.Sql($"UPDATE Articles SET StoryId = 900 WHERE Id IN ({a}, {b})"));
        await ShouldMatchTheStoreAsync(store, "a story of two articles");
        await store.Db.Database.ExecuteSqlRawAsync(store.Provider == StoreProvider.Postgres
            ? """
              ALTER TABLE "Articles" DROP CONSTRAINT "FK_Articles_Stories_StoryId";
              UPDATE "Stories" SET "Id" = 901, "ArticleCount" = 3 WHERE "Id" = 900; UPDATE "Articles" SET "StoryId" = 901 WHERE "StoryId" = 900
              """
            : "PRAGMA foreign_keys = OFF; UPDATE Stories SET Id = 901, ArticleCount = 3 WHERE Id = 900; UPDATE Articles SET StoryId = 901 WHERE StoryId = 900; PRAGMA foreign_keys = ON");
        await ShouldMatchTheStoreAsync(store, "a story renumbered");
        (await store.Db.StoryFacets.Where(f => f.StoryId == 901).Select(f => f.Value).ToListAsync()).Should().BeEquivalentTo("Coast Post", "Le Quotidien", "en", "fr");
        (await store.Db.StoryFacets.AnyAsync(f => f.StoryId == 900)).Should().BeFalse();
        (await store.Db.StoryFacets.CountAsync(f => f.StoryId == other)).Should().BeGreaterThan(0);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AStoryWrittenAfterItsArticlesGathersTheirFacets(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var a = await store.AddAsync("Harbour strike ends", "Dock workers return.", "Coast Post", February, "en");
        var b = await store.AddAsync("Fin de la grève du port", "Les dockers reprennent.", "Le Quotidien", February, "fr");
        // As a generator or a copy may write them: the articles name a story id before its row exists.
        await store.Db.Database.ExecuteSqlRawAsync(store.Provider == StoreProvider.Postgres
            ? $"""ALTER TABLE "Articles" DROP CONSTRAINT "FK_Articles_Stories_StoryId"; UPDATE "Articles" SET "StoryId" = 900 WHERE "Id" IN ({a}, {b})"""
            : $"PRAGMA foreign_keys = OFF; UPDATE Articles SET StoryId = 900 WHERE Id IN ({a}, {b}); PRAGMA foreign_keys = ON");
        (await store.Db.StoryFacets.CountAsync()).Should().Be(0);
        store.Db.Stories.Add(new Story { Id = 900, Title = "Harbour strike ends", FirstDate = February, LastDate = February, ArticleCount = 2, IndependentCount = 2, OutletCount = 2, UpdatedAt = DateTime.UtcNow });
        await store.Db.SaveChangesAsync();
        await ShouldMatchTheStoreAsync(store, "the story's row written last");
        (await store.Db.StoryFacets.CountAsync()).Should().Be(4);
    }
}
