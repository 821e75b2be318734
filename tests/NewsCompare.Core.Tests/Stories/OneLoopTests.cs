using NewsCompare.Core.Data;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// The grouping loop is written once (GroupingLoop) and runs over two states: in memory (StoryEngine.Group) and in the
/// store (StoryStore). Given the same articles, a full regroup of the store, and a first import large enough to be placed
/// as a full grouping, form exactly the stories the engine forms.
/// </summary>
public sealed class OneLoopTests
{
    // Three events reported in several languages, one wire copy, and unrelated reports around them.
    private static IEnumerable<(string Headline, string Body, string Language, DateOnly? Published)> Multilingual()
    {
        const string floodEn = "Floods in Valencia kill 62 as torrential rain sweeps eastern Spain\n\nRescue teams in Valencia searched flooded streets on Wednesday after torrential rain killed 62 people, the regional emergency service said. Prime minister Pedro Sánchez promised help for Paiporta and Chiva, where the river Magro burst its banks overnight.";
        yield return ("Floods in Valencia kill 62 as torrential rain sweeps eastern Spain", floodEn, "en", new DateOnly(2024, 10, 30));
        yield return ("Floods in Valencia kill 62 as torrential rain sweeps eastern Spain", floodEn, "en", null);
        yield return ("Las inundaciones en Valencia dejan 62 muertos", "Los equipos de rescate buscaron en las calles inundadas de Valencia el miércoles después de que las lluvias torrenciales mataran a 62 personas, según el servicio de emergencias. Pedro Sánchez prometió ayuda para Paiporta y Chiva, donde el río Magro se desbordó durante la noche.", "es", new DateOnly(2024, 10, 30));
        yield return ("Valencia: 62 Tote nach Unwettern in Spanien", "Rettungskräfte suchten am Mittwoch in den überfluteten Straßen von Valencia, nachdem heftige Regenfälle 62 Menschen getötet hatten. Pedro Sánchez versprach Hilfe für Paiporta und Chiva, wo der Fluss Magro in der Nacht über die Ufer trat.", "de", null);

        yield return ("ECB cuts its deposit rate to 3.25% as inflation in the euro area eases", "The European Central Bank cut its deposit rate by a quarter point to 3.25% on Thursday, its third cut this year, as inflation in the euro area fell to 1.8%. Christine Lagarde said the governing council in Frankfurt would decide meeting by meeting.", "en", new DateOnly(2024, 10, 17));
        yield return ("La BCE abaisse son taux de dépôt à 3,25 %", "La Banque centrale européenne a abaissé jeudi son taux de dépôt d'un quart de point à 3,25 %, sa troisième baisse de l'année, alors que l'inflation dans la zone euro est tombée à 1,8 %. Christine Lagarde a déclaré à Francfort que le conseil des gouverneurs déciderait réunion par réunion.", "fr", null);
        yield return ("EZB senkt den Einlagensatz auf 3,25 Prozent", "Die Europäische Zentralbank senkte am Donnerstag den Einlagensatz um einen Viertelpunkt auf 3,25 Prozent, die dritte Senkung in diesem Jahr, da die Inflation im Euroraum auf 1,8 Prozent fiel. Christine Lagarde sagte in Frankfurt, der EZB-Rat entscheide von Sitzung zu Sitzung.", "de", new DateOnly(2024, 10, 17));

        yield return ("Malatya'da 5,9 büyüklüğünde deprem", "Malatya'nın Kale ilçesinde 5,9 büyüklüğünde deprem meydana geldi, AFAD açıkladı. Deprem Elazığ, Adıyaman ve Diyarbakır'da da hissedildi; İçişleri Bakanı Ali Yerlikaya can kaybı olmadığını söyledi.", "tr", new DateOnly(2024, 10, 16));
        yield return ("Magnitude 5.9 earthquake strikes Malatya in eastern Turkey", "A magnitude 5.9 earthquake struck the Kale district of Malatya, the disaster agency AFAD said. The quake was felt in Elazığ, Adıyaman and Diyarbakır; interior minister Ali Yerlikaya said no one was killed.", "en", null);

        yield return ("Harbour authority opens new container terminal in Gdańsk", "The harbour authority in Gdańsk opened a deep-water container terminal on Monday, adding capacity for a million containers a year.", "en", new DateOnly(2024, 9, 2));
        yield return ("Ciclistas protestan por carriles bici en Sevilla", "Cientos de ciclistas recorrieron el centro de Sevilla para pedir más carriles bici y menos coches en el casco histórico.", "es", null);
        yield return ("Bibliothek in Leipzig verlängert Öffnungszeiten", "Die Stadtbibliothek Leipzig öffnet ab November auch sonntags; der Stadtrat bewilligte dafür zusätzliches Personal.", "de", new DateOnly(2024, 10, 1));
    }

    private static IEnumerable<(string Headline, string Body, string? Language, DateOnly? Published)> Meetings() =>
        new[] { Fixtures.FirstMeeting(0), Fixtures.FirstMeeting(1), Fixtures.FirstMeeting(2), Fixtures.SecondMeeting(0), Fixtures.SecondMeeting(1), Fixtures.ThirdMeeting() }
            .Select((t, i) => (t.Headline, t.Body, (string?)null, i == 1 ? new DateOnly(2023, 2, 21) : i == 4 ? new DateOnly(2023, 9, 19) : (DateOnly?)null))
            .Concat(Fixtures.Background(30).Select(t => (t.Headline, t.Body, (string?)null, (DateOnly?)null)));

    private static IEnumerable<(string Headline, string Body, string? Language, DateOnly? Published)> Seeds() =>
        SeedGroupingTests.LoadSeeds().Select(s => (s.Article.Headline ?? "", string.Join("\n\n", s.Article.Paragraphs), (string?)null, s.Article.Published));

    public static TheoryData<string, bool, StoreProvider> Sets()
    {
        var sets = new TheoryData<string, bool, StoreProvider>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.Postgres })
        {
            sets.Add("multilingual", false, provider);
            sets.Add("meetings", false, provider);
            sets.Add("seeds", false, provider);
            // Over 100 articles in one first import: a bulk batch, placed and refined as a full grouping places them.
            sets.Add("all", true, provider);
            // The same articles regrouped: on PostgreSQL the regroup is built in a schema of its own and switched in.
            sets.Add("all", false, provider);
        }
        return sets;
    }

    [SkippableTheory]
    [MemberData(nameof(Sets))]
    public async Task TheStoreFormsTheStoriesTheEngineFormsInMemory(string set, bool firstImport, StoreProvider provider)
    {
        var multilingual = Multilingual().Select(x => (x.Headline, x.Body, (string?)x.Language, x.Published)).ToList();
        var texts = set switch
        {
            "multilingual" => multilingual,
            "meetings" => Meetings().ToList(),
            "seeds" => Seeds().ToList(),
            _ => multilingual.Concat(Meetings()).Concat(Seeds())
                .Concat(Fixtures.Background(120).Skip(30).Select(t => (t.Headline, t.Body, (string?)null, (DateOnly?)null))).ToList(),
        };
        await using var store = await TestStore.CreateAsync(provider);
        var articles = new List<StoryArticle>();
        for (var i = 0; i < texts.Count; i++)
        {
            var (headline, body, language, published) = texts[i];
            var id = await store.AddAsync(headline, body, $"outlet{i % 7}", published, language);
            var stored = await store.ArticleAsync(id);
            articles.Add(new StoryArticle(id, stored.Headline, stored.Paragraphs, stored.Outlet, stored.Language, stored.Published));
        }

        if (firstImport) await StoryStore.AssignNewArticlesAsync(store.Db, articles.Select(a => a.Id).ToList());
        else await new StoryStore(store.Db).RegroupAsync();
        var inStore = (await store.Db.Articles.AsNoTracking().Where(a => a.StoryId != null).Select(a => new { a.Id, a.StoryId }).ToListAsync())
            .GroupBy(a => a.StoryId).Select(g => g.Select(a => a.Id).Order().ToList()).ToList();
        var inMemory = StoryEngine.Group(articles).Stories.Select(s => s.Articles.Order().ToList()).ToList();

        inStore.Sum(s => s.Count).Should().Be(articles.Count, "the store groups every article");
        inMemory.Should().Contain(s => s.Count > 1, "the set has reports that belong together, so the comparison is not between singletons");
        inStore.Select(Key).Order(StringComparer.Ordinal).Should().Equal(inMemory.Select(Key).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ReportsOfOneEventInSeveralLanguagesFormOneStoryInTheStoreAsInMemory(StoreProvider provider)
    {
        var texts = Multilingual().ToList();
        await using var store = await TestStore.CreateAsync(provider);
        var ids = new List<long>();
        foreach (var (headline, body, language, published) in texts) ids.Add(await store.AddAsync(headline, body, null, published, language));

        await new StoryStore(store.Db).RegroupAsync();
        var stories = await store.Db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.StoryId);

        // The ECB decision in English, French and German.
        new[] { ids[5], ids[6] }.Select(id => stories[id]).Should().AllBeEquivalentTo(stories[ids[4]]);
        stories[ids[4]].Should().NotBe(stories[ids[0]], "a rate decision and a flood are two events");
    }

    [Fact]
    public void InMemoryAsInTheStoreAStoryFlaggedAsPossiblyMixedLendsNoDates()
    {
        // The two meetings grouped permissively into one story, with splitting almost off: flagged, not split.
        var options = new StoryEngineOptions { JoinThreshold = 0.01, SplitBelow = 0.01, MaxGapDays = 1000 };
        StoryArticle Article(long id, (string Headline, string Body) t, DateOnly? published = null) =>
            new(id, t.Headline, t.Body.Split("\n\n"), $"outlet{id}", null, published);
        var first = new[] { Article(1, Fixtures.FirstMeeting(0), new DateOnly(2023, 2, 21)), Article(2, Fixtures.FirstMeeting(1)), Article(3, Fixtures.FirstMeeting(2)) };
        var second = new[] { Article(4, Fixtures.SecondMeeting(0), new DateOnly(2023, 9, 19)), Article(5, Fixtures.SecondMeeting(1)) };

        var mixed = StoryEngine.Group([.. first, .. second], options);
        var alone = StoryEngine.Group(first, options);

        mixed.Stories.Should().ContainSingle("the permissive options put both meetings in one story");
        new long[] { 2, 3, 5 }.Select(id => mixed.Placements[id].InferredDate).Should().AllSatisfy(d => d.Should().BeNull());
        alone.Placements[2].InferredDate.Should().Be(new DateOnly(2023, 2, 21), "one meeting alone is not flagged and lends its date");
    }

    private static string Key(IEnumerable<long> ids) => string.Join(",", ids);
}
