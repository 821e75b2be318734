using System.Text.Json;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>
/// Reports of one meeting in English and Russian, and two Arabic reports of another event, grouped by the real store on
/// real SQLite and explained by the app's own pages.
/// </summary>
public sealed class SpelledSite : TestSite
{
    protected override bool RealInsights => true;
    public long English { get; private set; }
    public long Russian { get; private set; }
    public long Arabic { get; private set; }

    private async Task<long> AddAsync(string headline, string outlet, string language, params string[] paragraphs) =>
        (await Store.ArticleAsync(new Article { Headline = headline, Outlet = outlet, Language = language, Paragraphs = [.. paragraphs] })).Id;

    protected override async Task SeedAsync()
    {
        English = await AddAsync("Patrushev hosts Wang Yi in Moscow for security talks", "Wire One", "en",
            "Nikolai Patrushev hosted Chinese Foreign Minister Wang Yi in Moscow on Tuesday. Patrushev and Wang Yi discussed 12 joint exercises by 2027.",
            "Wang Yi later met Sergei Lavrov.");
        await AddAsync("Wang Yi and Patrushev agree on 12 joint exercises", "Wire Two", "en",
            "Meeting in Moscow, Wang Yi and Nikolai Patrushev agreed on 12 joint exercises by 2027. Sergei Lavrov joins Wang Yi on Wednesday.");
        Russian = await AddAsync("Патрушев принял Ван И в Москве", "Вести", "ru",
            "Николай Патрушев во вторник принял в Москве министра иностранных дел Китая Ван И. Патрушев и Ван И обсудили 12 совместных учений до 2027 года.",
            "Позже к ним присоединился Сергей Лавров.");
        await AddAsync("ارتفاع إصابات كورونا في القاهرة", "الأهرام", "ar",
            "أعلنت وزارة الصحة ارتفاع إصابات كورونا في القاهرة والإسكندرية، وقالت إن كورونا انتشر في المدارس والمستشفيات.");
        Arabic = await AddAsync("كورونا يغلق مدارس القاهرة", "الشروق", "ar",
            "أغلقت السلطات مدارس في القاهرة بعد ارتفاع إصابات كورونا، وقالت وزارة الصحة إن المستشفيات تستقبل مرضى كورونا.");
        await using var db = await NewsStore.OpenAsync(DatabasePath);
        await new StoryStore(db, GroupedEvents.Loose).RegroupAsync();
    }
}

public sealed class SurfaceWordsPageTests(SpelledSite site) : IClassFixture<SpelledSite>
{
    [Fact]
    public async Task TheStoryPageSaysWhyInTheWordsTheArticlesPrint()
    {
        var story = await GroupedEvents.StoryOfAsync(site.DatabasePath, site.Russian);
        (await GroupedEvents.StoryOfAsync(site.DatabasePath, site.English)).Should().Be(story, "the Russian report matched the English ones on names");
        var page = await site.PageAsync($"/stories/{story}");

        var russian = page.QuerySelector($"#article-{site.Russian} .why")!.TextContent;
        russian.Should().Contain("Патрушев", "the Russian report's own spelling")
            .And.NotContain("patrusev");
        var whys = string.Join("\n", page.QuerySelectorAll(".why").Select(e => e.TextContent));
        whys.Should().Contain("Wang Yi").And.NotContain("wang yi");
    }

    [Fact]
    public async Task WordsOfAScriptWithoutCapitalsAreShownInTheirScript()
    {
        var story = await GroupedEvents.StoryOfAsync(site.DatabasePath, site.Arabic);
        var page = await site.PageAsync($"/stories/{story}");

        var whys = string.Join("\n", page.QuerySelectorAll(".why").Select(e => e.TextContent));
        whys.Should().Contain("كورونا").And.NotContain("kwrwna");
    }

    [Fact]
    public async Task TheApiGivesTheSharedNamesAsTheArticlePrintsThem()
    {
        var json = JsonDocument.Parse(await site.Reader().GetStringAsync($"/api/articles/{site.Russian}")).RootElement;

        var names = json.GetProperty("why").GetProperty("sharedNames").EnumerateArray().Select(n => n.GetString()).ToList();
        names.Should().Contain(n => n.Contains("Патрушев", StringComparison.Ordinal)).And.NotContain("patrusev");
    }
}

/// <summary>Two English reports of one meeting that name a title in a long run and write "foreign" in both cases.</summary>
public sealed class TitledSite : TestSite
{
    protected override bool RealInsights => true;
    public long First { get; private set; }

    private async Task<long> AddAsync(string headline, string outlet, params string[] paragraphs) =>
        (await Store.ArticleAsync(new Article { Headline = headline, Outlet = outlet, Language = "en", Paragraphs = [.. paragraphs] })).Id;

    protected override async Task SeedAsync()
    {
        First = await AddAsync("Patrushev hosts Wang Yi for talks in Moscow", "Wire One",
            "Nikolai Patrushev, the secretary of Russia's Security Council, hosted Chinese Foreign Minister Wang Yi in Moscow on Tuesday. Security Council Secretary Nikolai Patrushev said foreign pressure on Russia and China was growing.",
            "The two discussed foreign policy and the Belt and Road Initiative.");
        await AddAsync("Wang Yi meets Patrushev in Moscow", "Wire Two",
            "Chinese Foreign Minister Wang Yi met Nikolai Patrushev, the secretary of Russia's Security Council, in Moscow on Tuesday. Security Council Secretary Patrushev spoke of foreign pressure on both countries.",
            "They discussed foreign policy and the Belt and Road Initiative.");
        await using var db = await NewsStore.OpenAsync(DatabasePath);
        await new StoryStore(db, GroupedEvents.Loose).RegroupAsync();
    }
}

public sealed class ShownNamesPageTests(TitledSite site) : IClassFixture<TitledSite>
{
    [Fact]
    public async Task TheStoryPageListsAsNamesOnlyWhatTheReportsPrintAsNames()
    {
        var page = await site.PageAsync($"/stories/{await GroupedEvents.StoryOfAsync(site.DatabasePath, site.First)}");

        var why = page.QuerySelectorAll(".why").Select(e => e.TextContent).Single(t => t.Contains("shares names", StringComparison.Ordinal));
        var names = why[(why.IndexOf("shares names", StringComparison.Ordinal) + "shares names".Length)..].Split(';')[0];
        names.Should().Contain("Foreign Minister Wang Yi").And.Contain("Patrushev")
            .And.NotContain("secretary", "\"Patrushev, the secretary of Russia's\" is no name")
            .And.NotMatchRegex(@"\bforeign\b", "the reports write \"foreign\" in lower case too");
    }
}
