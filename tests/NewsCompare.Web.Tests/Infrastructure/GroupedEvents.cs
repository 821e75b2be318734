using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;
using NewsCompare.Web.Tests.Browser;

namespace NewsCompare.Web.Tests.Infrastructure;

/// <summary>
/// Three invented events grouped by the real engine: two events of one topic (a mayor opens a bridge; weeks later she
/// closes the ferry port) and a marathon. Each article first stands alone (grouped strictly); a full regroup then
/// puts the two events of the topic in one story, flagged as possibly mixed, and the marathon in another, so that
/// most of the first story ids are retired.
/// </summary>
public sealed record GroupedEvents(long[] Bridge, long[] Ferry, long[] Marathon, IReadOnlyDictionary<long, long> FirstStoryOf)
{
    public static readonly DateOnly BridgeDay = new(2024, 4, 2);
    public static readonly DateOnly FerryDay = new(2024, 4, 20);
    public static readonly DateOnly MarathonDay = new(2024, 5, 12);

    private const string Quote = "\"Tarnova keeps its promises to every district, on both banks of the Vistra,\" Marek said.";

    /// <summary>Grouping loose enough that the two events of the topic share a story, with splitting almost off.</summary>
    public static readonly StoryEngineOptions Loose = new() { JoinThreshold = 0.01, SplitBelow = 0.01, MaxGapDays = 1000 };

    public static async Task<GroupedEvents> SeedAsync(StoreBuilder store, string databasePath, bool regroup = true)
    {
        var bridge = new[]
        {
            (await store.ArticleAsync("Mayor Ilse Marek opens Vistra bridge in Tarnova", "Tarnova Courier", BridgeDay,
                "TARNOVA - Mayor Ilse Marek on Tuesday opened the new Vistra bridge, a cable-stayed span of 420 metres linking the old town with the Kolin district.",
                "The bridge cost 96 million crowns and took three years to build; the first trams cross it on Friday.",
                "Engineers from Brno designed the twin pylons, and the deck carries two tram tracks, a cycle lane and a footpath.")).Id,
            (await store.ArticleAsync("Tarnova's new Vistra bridge opens to traffic", "Valley Post", null,
                "Cars and cyclists crossed the cable-stayed Vistra bridge for the first time after Ilse Marek cut the ribbon in Tarnova.",
                "The 420-metre span cost 96 million crowns and links the Kolin district with the old town.",
                "Brno engineers designed the twin pylons, and the deck carries two tram tracks, a cycle lane and a footpath.")).Id,
            (await store.ArticleAsync("Cable-stayed span links Kolin and Tarnova old town", "Regional Wire", null,
                "The Vistra bridge, 420 metres long, opened in Tarnova with Mayor Ilse Marek and three hundred residents of Kolin on the deck.",
                "Trams will cross the 96 million crown bridge from Friday.",
                "Engineers from Brno designed the twin pylons, and its deck carries two tram tracks, a cycle lane and a footpath.")).Id,
        };
        var ferry = new[]
        {
            (await store.ArticleAsync("Ilse Marek shuts Tarnova ferry port after storm wrecks pier", "Tarnova Courier", FerryDay,
                "TARNOVA - Mayor Ilse Marek closed the ferry port on Saturday after a storm tore away the northern pier and sank two moored barges.",
                Quote, "Harbour engineers said the ferry terminal would stay shut for at least six weeks while divers inspect the wreckage.",
                "The sunken barges carried gravel and diesel; insurers put the damage to the pier and the terminal at 14 million crowns.")).Id,
            (await store.ArticleAsync("Storm closes Tarnova ferry terminal for weeks", "Valley Post", null,
                "Divers began inspecting the wrecked northern pier and the two sunken barges as Tarnova's ferry port stayed shut, Mayor Ilse Marek said.",
                "The storm's gusts reached 130 kilometres an hour; ferry passengers were sent to buses for six weeks.",
                "The sunken barges carried gravel and diesel; insurers estimate the damage to the pier and the terminal at 14 million crowns.")).Id,
        };
        var marathon = new[]
        {
            (await store.ArticleAsync("Kiprono breaks Hallstatt lakeside marathon record", "Alpine Sport", MarathonDay,
                "Joseph Kiprono of Kenya won the Hallstatt lakeside marathon in 2:07:41 on Sunday, a course record by almost a minute.",
                "Runners from 40 countries raced around the lake in cool, windless weather.")).Id,
            (await store.ArticleAsync("Course record for Kiprono at Hallstatt", "Sport Daily", null,
                "Kenyan Joseph Kiprono lowered the Hallstatt lakeside marathon record to 2:07:41, pulling clear of the pack after 30 kilometres by the lake.")).Id,
        };
        await using var db = await NewsStore.OpenAsync(databasePath);
        long[] all = [.. bridge, .. ferry, .. marathon];
        await new StoryStore(db, new StoryEngineOptions { JoinThreshold = 2 }).AssignAsync(all);
        var first = all.ToDictionary(id => id, id => db.Articles.Single(a => a.Id == id).StoryId!.Value);
        if (regroup) await new StoryStore(db, Loose).RegroupAsync();
        return new GroupedEvents(bridge, ferry, marathon, first);
    }

    /// <summary>
    /// The same articles grouped another way first: a bridge, a ferry and a marathon report together in the story of
    /// the highest id, which a regroup by the default rules (three weeks apart are two events) splits between the three
    /// events' stories, each of which keeps a lower id: that id is retired with three successors.
    /// </summary>
    public static async Task<(GroupedEvents Events, long SplitStory)> SeedSplitAsync(StoreBuilder store, string databasePath)
    {
        var e = await SeedAsync(store, databasePath, regroup: false);
        await using var db = await NewsStore.OpenAsync(databasePath);
        var together = e.FirstStoryOf[e.Marathon[1]];
        foreach (var other in new[] { e.Bridge[0], e.Ferry[0] })
            await new StoryStore(db, Loose).MergeAsync(together, e.FirstStoryOf[other], "set up");
        // The correction's locks would keep them together: this store's first grouping was a mistake nobody made.
        await db.StoryLocks.ExecuteDeleteAsync();
        await new StoryStore(db).RegroupAsync();
        return (e, together);
    }

    /// <summary>The story an article is in now.</summary>
    public static async Task<long> StoryOfAsync(string databasePath, long articleId)
    {
        await using var db = await NewsStore.OpenAsync(databasePath);
        return db.Articles.Single(a => a.Id == articleId).StoryId!.Value;
    }
}

/// <summary>A site holding <see cref="GroupedEvents"/>, whose corrections change the real store.</summary>
public sealed class GroupedSite : TestSite
{
    public GroupedEvents Events { get; private set; } = null!;
    protected override bool RealStoryEditor => true;
    protected override async Task SeedAsync() => Events = await GroupedEvents.SeedAsync(Store, DatabasePath);
}

/// <summary>The same, served to a browser, with the real explanations (each version's decision in figures).</summary>
public sealed class GroupedBrowserSite : BrowserSite
{
    public GroupedEvents Events { get; private set; } = null!;
    protected override bool RealStoryEditor => true;
    protected override bool RealInsights => true;
    protected override async Task SeedAsync() => Events = await GroupedEvents.SeedAsync(Store, DatabasePath);
}

/// <summary>A site holding <see cref="GroupedEvents.SeedSplitAsync"/>'s store.</summary>
public sealed class SplitRegroupSite : TestSite
{
    public GroupedEvents Events { get; private set; } = null!;
    public long SplitStory { get; private set; }
    protected override async Task SeedAsync() => (Events, SplitStory) = await GroupedEvents.SeedSplitAsync(Store, DatabasePath);
}
