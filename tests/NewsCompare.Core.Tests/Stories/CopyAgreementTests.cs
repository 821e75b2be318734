using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// Whether one report is a copy of another does not depend on the order they arrived in: in a small store, a short
/// undated rewrite imported before its fuller source is marked (or not) as a regroup and the engine mark it.
/// </summary>
public sealed class CopyAgreementTests
{
    // A short undated rewrite of a report's lead, then the report itself, dated and longer.
    public static IEnumerable<(string Language, (string Headline, string Body) Rewrite, (string Headline, string Body) Report)> Fixtures()
    {
        yield return ("en",
            ("Lisbon tram derails, twelve injured",
             "Twelve passengers were injured when a line 28 tram derailed in central Lisbon on Rua da Conceição, on its way to Graça, according to the fire brigade. The line was suspended by Carris."),
            ("Twelve injured as Lisbon tram derails",
             "A line 28 tram derailed in central Lisbon on Rua da Conceição on its way to Graça, injuring twelve passengers, the fire brigade said. Carris suspended the line.\n\n" +
             "The historic yellow tram was climbing towards the castle when its rear bogie left the rails near the junction with Rua Augusta, witnesses told reporters. Two of the injured were taken to São José hospital with fractures."));
        yield return ("es",
            ("Descarrila un tranvía en Lisboa con doce heridos",
             "Doce pasajeros resultaron heridos cuando un tranvía de la línea 28 descarriló en el centro de Lisboa, en la Rua da Conceição, camino de Graça, según los bomberos. Carris suspendió la línea."),
            ("Doce heridos al descarrilar un tranvía en Lisboa",
             "Un tranvía de la línea 28 descarriló en el centro de Lisboa, en la Rua da Conceição, camino de Graça, y dejó doce pasajeros heridos, informaron los bomberos. Carris suspendió la línea.\n\n" +
             "El tranvía amarillo subía hacia el castillo cuando su bogie trasero se salió de los raíles cerca del cruce con la Rua Augusta, contaron testigos. Dos de los heridos fueron trasladados al hospital São José con fracturas."));
        yield return ("de",
            ("Straßenbahn in Lissabon entgleist, zwölf Verletzte",
             "Zwölf Fahrgäste wurden verletzt, als eine Straßenbahn der Linie 28 im Zentrum von Lissabon in der Rua da Conceição auf dem Weg nach Graça entgleiste, teilte die Feuerwehr mit. Carris stellte die Linie ein."),
            ("Zwölf Verletzte bei Entgleisung einer Straßenbahn in Lissabon",
             "Eine Straßenbahn der Linie 28 entgleiste im Zentrum von Lissabon in der Rua da Conceição auf dem Weg nach Graça, zwölf Fahrgäste wurden verletzt, teilte die Feuerwehr mit. Carris stellte die Linie ein.\n\n" +
             "Die historische gelbe Bahn fuhr zur Burg hinauf, als ihr hinteres Drehgestell nahe der Kreuzung mit der Rua Augusta aus den Schienen sprang, berichteten Zeugen. Zwei Verletzte kamen mit Brüchen ins Krankenhaus São José."));
    }

    private static readonly DateOnly Reported = new(2025, 6, 3);

    [SkippableTheory]
    [EveryStore]
    public async Task AShortUndatedRewriteImportedBeforeItsSourceIsACopyExactlyWhenRegroupAndTheEngineSaySo(StoreProvider provider)
    {
        foreach (var (language, rewrite, report) in Fixtures())
        {
            await using var store = await TestStore.CreateAsync(provider);
            var first = await store.AddAsync(rewrite.Headline, rewrite.Body, "brief", null, language);
            await StoryStore.AssignNewArticlesAsync(store.Db, [first]);
            var second = await store.AddAsync(report.Headline, report.Body, "daily", Reported, language);
            await StoryStore.AssignNewArticlesAsync(store.Db, [second]);
            var imported = await CopyLinksAsync(store);

            var engine = StoryEngine.Group([
                new StoryArticle(first, rewrite.Headline, rewrite.Body.Split("\n\n"), "brief", language, null),
                new StoryArticle(second, report.Headline, report.Body.Split("\n\n"), "daily", language, Reported)]);
            var expected = engine.Placements.Values.Where(p => p.CopyOf is not null).ToDictionary(p => p.ArticleId, p => p.CopyOf!.Value);
            expected.Should().Equal(new Dictionary<long, long> { [first] = second }, $"the {language} rewrite says what the report's lead says");
            imported.Should().Equal(expected, $"the {language} import decides copies as a full grouping does");

            await new StoryStore(store.Db).RegroupAsync();
            (await CopyLinksAsync(store)).Should().Equal(expected, $"a regroup of the {language} store keeps what the import decided");
        }
    }

    private static async Task<Dictionary<long, long>> CopyLinksAsync(TestStore store)
    {
        store.Db.ChangeTracker.Clear();
        return await store.Db.Articles.AsNoTracking().Where(a => a.CopyOfArticleId != null)
            .ToDictionaryAsync(a => a.Id, a => a.CopyOfArticleId!.Value);
    }
}
