using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class SameOutletTests
{
    // Two reports of different events that share their outlet's page furniture (author line, newsletter box).
    public static TheoryData<string, string, string[], string, string[]> TwoEventsOfOneOutlet => new()
    {
        {
            "en", "City council approves new bus depot",
            ["The city council approved a new bus depot on the eastern ring road after a long debate.", "Councillors said the depot would open next spring and hold forty buses.",
             "Reporting by Anna Keller for the Harbor Gazette newsroom. Subscribe to the Harbor Gazette morning newsletter for local news updates."],
            "Fire destroys warehouse near the harbour",
            ["A fire destroyed a timber warehouse near the harbour overnight, firefighters said.", "Nobody was hurt, but smoke closed two streets until the morning.",
             "Reporting by Anna Keller for the Harbor Gazette newsroom. Subscribe to the Harbor Gazette morning newsletter for local news updates."]
        },
        {
            "de", "Stadtrat beschließt neues Busdepot",
            ["Der Stadtrat hat nach langer Debatte ein neues Busdepot an der östlichen Ringstraße beschlossen.", "Das Depot soll im nächsten Frühjahr öffnen und vierzig Busse aufnehmen.",
             "Mehr Nachrichten aus der Region lesen Sie im Morgenkurier von Jonas Berger. Abonnieren Sie den Newsletter des Morgenkuriers für tägliche Meldungen."],
            "Feuer zerstört Lagerhalle am Hafen",
            ["Ein Feuer hat in der Nacht eine Holzlagerhalle am Hafen zerstört, teilte die Feuerwehr mit.", "Verletzt wurde niemand, doch der Rauch sperrte zwei Straßen bis zum Morgen.",
             "Mehr Nachrichten aus der Region lesen Sie im Morgenkurier von Jonas Berger. Abonnieren Sie den Newsletter des Morgenkuriers für tägliche Meldungen."]
        },
        {
            "tr", "Belediye meclisi yeni otobüs garajını onayladı",
            ["Belediye meclisi uzun bir tartışmanın ardından doğu çevre yolunda yeni bir otobüs garajını onayladı.", "Garajın gelecek bahar açılacağı ve kırk otobüs alacağı belirtildi.",
             "Haberin devamı ve son dakika gelişmeleri için Ege Postası uygulamasını indirin. Muhabir Deniz Arslan bildirdi."],
            "Limandaki depoda yangın çıktı",
            ["Limanın yakınındaki kereste deposunda gece saatlerinde çıkan yangın depoyu tamamen yaktı.", "Yangında yaralanan olmadı, duman iki sokağı sabaha kadar kapattı.",
             "Haberin devamı ve son dakika gelişmeleri için Ege Postası uygulamasını indirin. Muhabir Deniz Arslan bildirdi."]
        },
    };

    private static (double Lowest, double Highest) PairSimilarity(IReadOnlyList<StoryArticle> articles, StoryEngineOptions o)
    {
        var m = StoryEngine.Similarities(articles, o);
        return (Math.Min(m[0, 1], m[1, 0]), Math.Max(m[0, 1], m[1, 0]));
    }

    [Theory]
    [MemberData(nameof(TwoEventsOfOneOutlet))]
    public void TwoArticlesThatShareOnlyTheirOutletsPageFurnitureMustClearAHigherBarThanTwoOutletsWould(string language, string h1, string[] b1, string h2, string[] b2)
    {
        var sameOutlet = new List<StoryArticle> { new(1, h1, b1, "Harbor Gazette", language, null), new(2, h2, b2, "harbor gazette", language, null) };
        var twoOutlets = new List<StoryArticle> { new(1, h1, b1, "Harbor Gazette", language, null), new(2, h2, b2, "Coast Herald", language, null) };
        var (lowest, highest) = PairSimilarity(sameOutlet, StoryEngineOptions.Default);
        lowest.Should().BeGreaterThan(0.02, "the page furniture is shared");
        // A join threshold both directions clear, and a margin that lifts the bar above both.
        var o = StoryEngineOptions.Default with { JoinThreshold = lowest - 0.01, SameOutletMargin = highest - lowest + 0.02, RefinePasses = 0 };

        StoryEngine.Group(twoOutlets, o).Stories.Should().HaveCount(1, "two outlets clear the plain threshold");
        StoryEngine.Group(sameOutlet, o with { SameOutletMargin = 0 }).Stories.Should().HaveCount(1, "without the margin the outlet's furniture ties them");
        var split = StoryEngine.Group(sameOutlet, o);
        split.Stories.Should().HaveCount(2, "outlet names compare without case");
        split.Placements.Values.Should().Contain(p => p.Explanation.Breakdown != null && p.Explanation.Breakdown.Rule == ScoreBreakdown.OneOutlet,
            "the article that opened a story says the one-outlet bar turned it down");
    }

    [Theory]
    [MemberData(nameof(TwoEventsOfOneOutlet))]
    public void AStoryAnotherOutletHasReportedTooAsksNoMoreOfTheFirstOutletsSecondArticle(string language, string h1, string[] b1, string h2, string[] b2)
    {
        // The first outlet's report of the second event, a second outlet's, and a day later the first outlet's second
        // report of it (placed last: dated articles go by date). The second outlet's report links the first event's headline.
        var (day, next) = (new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 5));
        var articles = new List<StoryArticle>
        {
            new(1, h2, b2, "Harbor Gazette", language, day),
            new(2, h2, [b2[0], b2[1], h1, b1[0]], "Coast Herald", language, day),
            new(3, h2, [b2[1], b2[0], b2[2]], "Harbor Gazette", language, next),
        };
        var lowest = Math.Min(StoryEngine.Similarities(articles, StoryEngineOptions.Default)[2, 0], StoryEngine.Similarities(articles, StoryEngineOptions.Default)[2, 1]);
        var o = StoryEngineOptions.Default with { JoinThreshold = Math.Min(0.16, lowest / 2), SameOutletMargin = 5, RefinePasses = 0, SplitBelow = 0 };

        var grouped = StoryEngine.Group(articles, o);

        grouped.Stories.Should().ContainSingle(s => s.Articles.Count == 3, "once another outlet is in the story, the plain threshold applies");
        StoryEngine.Group(articles.Where(a => a.Id != 2).ToList(), o).Stories.Should().HaveCount(2, "without it the first outlet alone cannot tie its two articles");
    }
}
