using NewsCompare.Core.Articles;
using NewsCompare.Core.Extraction;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Tests.Infrastructure;

/// <summary>
/// A small newsroom: three stories over four outlets (one with a copied version and an inferred date, one undated),
/// an article not yet grouped, and a hostile capture whose text carries markup.
/// </summary>
public class NewsroomSite : TestSite
{
    public Article TreatyPlanet { get; private set; } = null!;
    public Article TreatyHarbour { get; private set; } = null!;
    public Article TreatyEcho { get; private set; } = null!;
    public Article StrikeHarbour { get; private set; } = null!;
    public Article StrikeValley { get; private set; } = null!;
    public Article Festival { get; private set; } = null!;
    public Article Hostile { get; private set; } = null!;
    public Article Lone { get; private set; } = null!;
    public long TreatyStory { get; private set; }
    public long StrikeStory { get; private set; }
    public long FestivalStory { get; private set; }

    protected override async Task SeedAsync()
    {
        TreatyPlanet = await Store.ArticleAsync(new Article
        {
            Headline = "Ministers sign river treaty after night of talks", Outlet = "Daily Planet", Language = "en",
            LanguageSource = "detected", Published = new DateOnly(2024, 3, 2), PublishedSource = "html:article:published_time",
            Byline = "By Lois Lane", BylineSource = "extraction", Url = "https://planet.example/river-treaty", UrlSource = "manifest",
            Paragraphs = ["The two ministers signed the river treaty at dawn.", "Fishermen welcomed the agreement on quotas."],
        }, clutter: [("Share on Facebook", RemovalReasons.Share), ("Subscribe to our newsletter", RemovalReasons.Share),
            ("Home > World > Europe", RemovalReasons.Navigation)]);
        TreatyHarbour = await Store.ArticleAsync(new Article
        {
            Headline = "River deal reached", Outlet = "Harbour Times", Language = "en", Published = new DateOnly(2024, 3, 3),
            Paragraphs = ["A deal on the river was reached overnight.", "Quotas for fishermen will fall by a tenth."],
        });
        TreatyEcho = await Store.ArticleAsync(new Article
        {
            Headline = "Ministers sign river treaty", Outlet = "Northern Echo", Language = "en", Published = new DateOnly(2024, 3, 3),
            PublishedSource = "story", PublishedInferred = true, PublishedFromArticleId = TreatyHarbour.Id,
            Paragraphs = ["The two ministers signed the river treaty at dawn."],
        });
        TreatyEcho.CopyOfArticleId = TreatyPlanet.Id;
        TreatyStory = (await Store.StoryAsync("Ministers sign river treaty", TreatyPlanet, TreatyHarbour, TreatyEcho)).Id;

        StrikeHarbour = await Store.ArticleAsync(new Article
        {
            Headline = "Dockers end port strike", Outlet = "Harbour Times", Language = "en", Published = new DateOnly(2024, 5, 10),
            Paragraphs = ["Dock workers voted to return after a pay offer."],
        });
        StrikeValley = await Store.ArticleAsync(new Article
        {
            Headline = "Fin de la grève au port", Outlet = "Valley Gazette", Language = "fr", Published = new DateOnly(2024, 5, 11),
            Paragraphs = ["Les dockers reprennent le travail après une offre salariale."],
        });
        StrikeStory = (await Store.StoryAsync("Port strike ends", StrikeHarbour, StrikeValley)).Id;

        Festival = await Store.ArticleAsync(new Article
        {
            Headline = "Lantern festival announced", Outlet = "Valley Gazette", Language = "en",
            Paragraphs = ["The town will hold a lantern festival."],
        });
        FestivalStory = (await Store.StoryAsync("Lantern festival announced", Festival)).Id;
        // An earlier capture of the festival page, in Italian, replaced by the English version above.
        await Store.ArticleAsync(new Article
        {
            Headline = "Festa delle lanterne", Outlet = "Valley Gazette", Language = "it", IsLatest = false, StoryId = FestivalStory,
            Paragraphs = ["La città organizza una festa delle lanterne."],
        });
        Insights.ByStory[TreatyStory] = new StoryInsight(
            [new RelatedStory(StrikeStory, "Port strike ends", "same river port, a week later")],
            new Dictionary<long, string> { [TreatyHarbour.Id] = "same event: treaty signing, same ministers, same day" },
            [new StoryCorrection(new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc), "editor", "moved the Harbour Times version in")]);

        Hostile = await Store.ArticleAsync(new Article
        {
            Headline = "<script>alert('headline')</script> Budget vote delayed", Outlet = "Daily Planet", Language = "en",
            Published = new DateOnly(2024, 4, 1), Url = "javascript:alert('url')", UrlSource = "html:og:url",
            Paragraphs = ["The vote <img src=x onerror=alert('body')> was put off.", "<b>Not bold</b> either."],
        }, raw: "<html><body><script>alert('raw')</script>Budget vote delayed</body></html>",
            clutter: [("<a href=javascript:alert(1)>Read more</a>", RemovalReasons.Spillover)]);

        Lone = await Store.ArticleAsync(new Article
        {
            Headline = "Bridge inspection finds cracks", Outlet = "Daily Planet", Language = "en", Published = new DateOnly(2024, 6, 1),
            Paragraphs = ["Engineers found cracks in the old bridge."],
        });
    }
}
