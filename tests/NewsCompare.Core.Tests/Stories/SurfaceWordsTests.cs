using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// Explanations name what two reports share in the words the reports print, not in the keys grouping matches them on:
/// "Патрушев", "Wang Yi", "كورونا" rather than "patrusev", "wang yi", "kwrwna".
/// </summary>
public sealed class SurfaceWordsTests
{
    private static StoryArticle Article(long id, string headline, string body, string language) =>
        new(id, headline, body.Split("\n\n"), $"outlet{id}", language, null);

    private static readonly StoryArticle English1 = Article(1, "Patrushev hosts Wang Yi in Moscow for security talks",
        "Nikolai Patrushev hosted Chinese Foreign Minister Wang Yi in Moscow on Tuesday. Patrushev and Wang Yi discussed the Belt and Road Initiative and 12 joint exercises by 2027.\n\nWang Yi later met Sergei Lavrov.", "en");
    private static readonly StoryArticle English2 = Article(2, "Wang Yi and Patrushev agree on 12 joint exercises",
        "Meeting in Moscow, Wang Yi and Nikolai Patrushev agreed on 12 joint exercises by 2027 and spoke of the Belt and Road Initiative. Sergei Lavrov joins Wang Yi on Wednesday.", "en");
    private static readonly StoryArticle Russian = Article(3, "Патрушев принял Ван И в Москве",
        "Николай Патрушев во вторник принял в Москве министра иностранных дел Китая Ван И. Патрушев и Ван И обсудили 12 совместных учений до 2027 года. Позже к ним присоединился Сергей Лавров.", "ru");
    private static readonly StoryArticle Turkish = Article(4, "Patruşev, Wang Yi'yi Moskova'da ağırladı",
        "Rusya Güvenlik Konseyi Sekreteri Nikolay Patruşev, Çin Dışişleri Bakanı Wang Yi ile Moskova'da bir araya geldi. Patruşev ve Wang Yi 2027 yılına kadar 12 ortak tatbikat üzerinde anlaştı; Sergey Lavrov da katıldı.", "tr");
    private static readonly StoryArticle Arabic1 = Article(5, "ارتفاع إصابات كورونا في القاهرة",
        "أعلنت وزارة الصحة ارتفاع إصابات كورونا في القاهرة والإسكندرية، وقالت إن كورونا انتشر في المدارس والمستشفيات.", "ar");
    private static readonly StoryArticle Arabic2 = Article(6, "كورونا يغلق مدارس القاهرة",
        "أغلقت السلطات مدارس في القاهرة بعد ارتفاع إصابات كورونا، وقالت وزارة الصحة إن المستشفيات تستقبل مرضى كورونا.", "ar");

    // Other news, so that the words of these reports are rare in the collection, as in a real store.
    private static IEnumerable<StoryArticle> Background() =>
        Fixtures.Background(40).Select((t, i) => new StoryArticle(1000 + i, t.Headline, t.Body.Split("\n\n"), $"outlet{1000 + i}", null, null));

    private static GroupingResult Grouped() => StoryEngine.Group([English1, English2, Russian, Turkish, Arabic1, Arabic2, .. Background()]);

    [Fact]
    public void AJoinedReportListsTheNamesItSharesAsItPrintsThem()
    {
        var why = Grouped().Placements[2].Explanation;

        why.SharedNames.Should().Contain(n => n.Contains("Wang Yi", StringComparison.Ordinal))
            .And.NotContain(n => n.Contains("wang yi", StringComparison.Ordinal), "\"wang yi\" is the key, not what the report prints");
        why.SharedNames.Should().OnlyContain(n => n.Any(char.IsDigit) || n.Any(char.IsUpper), "names are printed with their capitals");
    }

    [Fact]
    public void AReportInAnotherScriptListsItsOwnSpellingOfTheNamesItMatchedOn()
    {
        var result = Grouped();

        result.Placements[3].Story.Should().Be(result.Placements[1].Story);
        result.Placements[3].Explanation.SharedNames.Should().Contain(n => n.Contains("Патрушев", StringComparison.Ordinal))
            .And.NotContain(n => n.Contains("patrusev", StringComparison.Ordinal));
    }

    [Fact]
    public void WordsOfAScriptWithoutCapitalsAreListedInThatScript()
    {
        var result = Grouped();
        var joined = result.Placements[5].Explanation.Method == "opened" ? result.Placements[6] : result.Placements[5];

        joined.Story.Should().Be(result.Placements[5].Story);
        joined.Explanation.SharedTerms.Should().Contain("كورونا").And.NotContain("kwrwna");
    }

    [Fact]
    public void ANameRunIsPrintedWithTheSmallWordsInsideIt()
    {
        var result = Grouped();

        result.Placements[2].Explanation.SharedNames.Should().Contain(n => n.Contains("Belt and Road", StringComparison.Ordinal));
    }
}
