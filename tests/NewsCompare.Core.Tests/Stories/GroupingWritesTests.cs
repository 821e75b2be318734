using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// What grouping leaves in an article's own row (its story, the article it copies, the date it borrows), which a
/// placement step writes in one go when it refreshes the story rather than statement by statement.
/// </summary>
public sealed class GroupingWritesTests
{
    private static readonly DateOnly March = new(2024, 3, 12);
    private static readonly DateOnly April = new(2024, 4, 2);

    // A flood in Mostar reported in German (one dated report, one undated, one undated wire copy of the dated one),
    // and a Spanish report of a port strike in Valparaíso with an undated follow-up.
    private static readonly (string Headline, string Body) FloodWire =
        ("Unwetter überflutet die Altstadt von Mostar",
         "MOSTAR - Nach tagelangem Regen ist die Neretva in Mostar über die Ufer getreten und hat die Altstadt rund um die Alte Brücke überflutet.\n\n" +
         "Bürgermeister Mario Kordić sagte, 340 Häuser in den Vierteln Kujundžiluk und Donja Mahala seien evakuiert worden; das Kraftwerk Salakovac habe die Schleusen geöffnet.");

    private static readonly (string Headline, string Body) FloodOwn =
        ("Neretva tritt über die Ufer: Mostar evakuiert 340 Häuser",
         "In Mostar mussten 340 Häuser in Kujundžiluk und Donja Mahala geräumt werden, nachdem die Neretva die Altstadt an der Alten Brücke überflutet hatte.\n\n" +
         "Bürgermeister Mario Kordić kritisierte, das Kraftwerk Salakovac habe die Schleusen zu spät geöffnet.");

    private static readonly (string Headline, string Body) StrikeFirst =
        ("Huelga paraliza el puerto de Valparaíso",
         "VALPARAÍSO - Los estibadores del puerto de Valparaíso iniciaron el lunes una huelga de 72 horas que paralizó el terminal TPS y dejó 18 buques a la espera.\n\n" +
         "El dirigente sindical Rodrigo Fuenzalida exigió a la Empresa Portuaria Valparaíso un bono de 1.200.000 pesos por trabajador.");

    private static readonly (string Headline, string Body) StrikeFollowUp =
        ("Gobierno pide diálogo ante la huelga portuaria de Valparaíso",
         "El ministro de Transportes pidió el martes a Rodrigo Fuenzalida y a la Empresa Portuaria Valparaíso que vuelvan a negociar, en el segundo día de la huelga de estibadores.\n\n" +
         "Los exportadores de fruta calculan pérdidas de nueve millones de dólares por cada día que el terminal TPS siga cerrado.");

    private sealed record Row(long Id, long? Story, long? Copy, DateOnly? Published, bool Inferred, string? Source, long? From);

    private static async Task<List<Row>> RowsAsync(TestStore store) =>
        (await store.Db.Articles.AsNoTracking().OrderBy(a => a.Id).ToListAsync())
        .Select(a => new Row(a.Id, a.StoryId, a.CopyOfArticleId, a.Published, a.PublishedInferred, a.PublishedSource, a.PublishedFromArticleId)).ToList();

    // Each article's row with its story written as the smallest article id of the story, so two groupings compare.
    private static List<Row> ByMembers(List<Row> rows)
    {
        var first = rows.Where(r => r.Story is not null).GroupBy(r => r.Story!.Value).ToDictionary(g => g.Key, g => g.Min(r => r.Id));
        return rows.Select(r => r with { Story = r.Story is long s ? first[s] : null }).ToList();
    }

    /// <summary>Records each UPDATE of an article's row, as a row of <c>ArticleWrites</c>.</summary>
    internal static async Task InstallWriteCounterAsync(TestStore store) =>
        await store.Db.Database.ExecuteSqlRawAsync(store.Provider == StoreProvider.Postgres
            ? """
              CREATE TABLE "ArticleWrites" ("ArticleId" bigint NOT NULL);
              CREATE FUNCTION count_article_writes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "ArticleWrites" VALUES (NEW."Id"); RETURN NULL; END $$;
              CREATE TRIGGER count_article_writes AFTER UPDATE ON "Articles" FOR EACH ROW EXECUTE FUNCTION count_article_writes();
              """
            : """
              CREATE TABLE ArticleWrites (ArticleId INTEGER NOT NULL);
              CREATE TRIGGER CountArticleWrites AFTER UPDATE ON Articles BEGIN INSERT INTO ArticleWrites VALUES (new.Id); END;
              """);

    /// <summary>How many times each article's row was written since <see cref="InstallWriteCounterAsync"/>.</summary>
    internal static async Task<Dictionary<long, int>> WritesAsync(TestStore store) =>
        (await store.Db.Database.SqlQueryRaw<long>(store.Sql("SELECT ArticleId AS \"Value\" FROM ArticleWrites")).ToListAsync())
        .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    [SkippableTheory]
    [EveryStore]
    public async Task APlacedArticlesRowIsWrittenOnceWithItsStoryCopyAndBorrowedDate(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        foreach (var (h, b) in Fixtures.Background(30)) await store.AddAsync(h, b);
        var wire = await store.AddAsync(FloodWire.Headline, FloodWire.Body, "agentur", March, "de");
        await StoryStore.AssignNewArticlesAsync(store.Db, [wire]);
        await InstallWriteCounterAsync(store);
        var copy = await store.AddAsync(FloodWire.Headline, FloodWire.Body, "zeitung", language: "de");
        var own = await store.AddAsync(FloodOwn.Headline, FloodOwn.Body, "rundschau", language: "de");
        var strike = await store.AddAsync(StrikeFirst.Headline, StrikeFirst.Body, "diario", April, "es");
        var followUp = await store.AddAsync(StrikeFollowUp.Headline, StrikeFollowUp.Body, "radio", language: "es");

        await StoryStore.AssignNewArticlesAsync(store.Db, [copy, own, strike, followUp]);

        var flood = (await store.ArticleAsync(wire)).StoryId;
        var copied = await store.ArticleAsync(copy);
        copied.StoryId.Should().Be(flood);
        copied.CopyOfArticleId.Should().Be(wire, "the undated capture repeats the agency's dated report word for word");
        copied.Published.Should().Be(March);
        (copied.PublishedInferred, copied.PublishedSource, copied.PublishedFromArticleId).Should().Be((true, "story", wire));
        var reported = await store.ArticleAsync(own);
        (reported.StoryId, reported.CopyOfArticleId, reported.Published, reported.PublishedFromArticleId).Should().Be((flood, null, March, wire));
        var followed = await store.ArticleAsync(followUp);
        var strikeStory = (await store.ArticleAsync(strike)).StoryId;
        strikeStory.Should().NotBe(flood);
        (followed.StoryId, followed.Published, followed.PublishedInferred, followed.PublishedFromArticleId).Should().Be((strikeStory, April, true, strike),
            "a story opened in the step lends its dated report's date to the report placed beside it");
        (await WritesAsync(store)).Should().BeEquivalentTo(new Dictionary<long, int> { [copy] = 1, [own] = 1, [strike] = 1, [followUp] = 1 },
            "each placed article's row is written once, with its story, copy and date together, and no other row changes");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ArticlesGroupedBatchByBatchCarryTheStoryCopyAndDateAFullRegroupGives(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var stories = new StoryStore(store.Db);
        var background = new List<long>();
        foreach (var (h, b) in Fixtures.Background(30)) background.Add(await store.AddAsync(h, b));
        await stories.AssignAsync(background);
        // Undated reports first, so their stories have no date to lend until a later batch brings one. (Only reports
        // that are not close rewrites of each other: a short report weighed on a small store's terms can count as a
        // rewrite of the next one placed beside it, and not after a regroup weighs both on the whole store.)
        await stories.AssignAsync([
            await store.AddAsync(Fixtures.FirstMeeting(1).Headline, Fixtures.FirstMeeting(1).Body, "daily"),
            await store.AddAsync(FloodOwn.Headline, FloodOwn.Body, "rundschau", language: "de"),
        ]);
        await stories.AssignAsync([
            await store.AddAsync(Fixtures.FirstMeeting(0).Headline, Fixtures.FirstMeeting(0).Body, "wire", new DateOnly(2023, 2, 21)),
            await store.AddAsync(FloodWire.Headline, FloodWire.Body, "zeitung", language: "de"),
            await store.AddAsync(FloodWire.Headline, FloodWire.Body, "agentur", March, "de"),
        ]);
        await stories.AssignAsync([
            await store.AddAsync(Fixtures.FirstMeeting(2).Headline, Fixtures.FirstMeeting(2).Body, "weekly"),
            await store.AddAsync(Fixtures.SecondMeeting(0).Headline, Fixtures.SecondMeeting(0).Body, "wire", new DateOnly(2023, 9, 19)),
            await store.AddAsync(Fixtures.SecondMeeting(1).Headline, Fixtures.SecondMeeting(1).Body, "daily"),
        ]);
        var incremental = await RowsAsync(store);
        var memberships = await store.Db.StoryMemberships.AsNoTracking().ToDictionaryAsync(m => m.ArticleId, m => m.StoryId);

        incremental.Should().OnlyContain(r => r.Story != null && memberships[r.Id] == r.Story, "every article's row names the story its membership gives");
        incremental.Count(r => r.Inferred).Should().Be(5, "the three undated meeting reports and the flood's two borrow a date");
        incremental.Count(r => r.Copy != null).Should().Be(1);
        await new StoryStore(store.Db).RegroupAsync();
        ByMembers(incremental).Should().Equal(ByMembers(await RowsAsync(store)));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AnArticleMovedToAnotherStoryHasItsRowNameThatStoryAndTakeItsDate(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await StoryStoreTests.SeedAsync(store);
        var to = (await store.ArticleAsync(second[0])).StoryId!.Value;

        await new StoryStore(store.Db).MoveAsync(first[1], to, "a report of the Vladivostok meeting after all");

        var moved = await store.ArticleAsync(first[1]);
        (moved.StoryId, moved.Published, moved.PublishedInferred, moved.PublishedFromArticleId).Should().Be((to, new DateOnly(2023, 9, 19), true, second[0]));
        (await store.Db.StoryMemberships.AsNoTracking().SingleAsync(m => m.ArticleId == first[1])).StoryId.Should().Be(to);
    }
}
