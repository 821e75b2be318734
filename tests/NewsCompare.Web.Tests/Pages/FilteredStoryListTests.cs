using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>
/// A store of 160 stories over 18 months: spans from a day to four months (so many stories start inside a range and end
/// after it), six outlets, three languages of latest versions and an older version in a fourth, some undated stories.
/// Stories are written with placeholder keys, their articles added, then their keys set, as grouping writes them.
/// </summary>
public class SpreadStoreSite : TestSite
{
    public static readonly string[] Outlets = ["Coast Post", "Le Quotidien", "Bergbote", "Harbour Times", "Valley Gazette", "Diario Sur"];

    /// <summary>What each story was given: the truth the lists are checked against.</summary>
    public sealed record Seeded(long Id, DateOnly? FirstDate, DateOnly? LastDate, int OutletCount, int ArticleCount,
        HashSet<string> Outlets, HashSet<string> Languages);

    public List<Seeded> Stories { get; } = [];

    protected override async Task SeedAsync()
    {
        var random = new Random(2024);
        var start = new DateOnly(2023, 10, 1);
        int[] spans = [0, 0, 0, 2, 7, 30, 120];
        string[] languages = ["en", "fr", "de"];
        await using var db = Open();
        var plans = new List<(Story Story, List<Article> Articles, DateOnly? First, DateOnly? Last)>();
        for (var i = 0; i < 160; i++)
        {
            DateOnly? first = i % 19 == 0 ? null : start.AddDays(random.Next(500));
            DateOnly? last = first?.AddDays(spans[random.Next(spans.Length)]);
            var articles = new List<Article>();
            var latest = 1 + random.Next(4);
            for (var a = 0; a < latest; a++)
                articles.Add(NewArticle(i, a, Outlets[random.Next(Outlets.Length)], random.Next(10) == 0 ? null : languages[random.Next(languages.Length)],
                    a == 0 ? first : a == latest - 1 ? last : first, isLatest: true));
            // An earlier version in Italian: its outlet counts for the story, its language does not.
            if (i % 4 == 0) articles.Add(NewArticle(i, latest, Outlets[random.Next(Outlets.Length)], "it", first, isLatest: false));
            var story = new Story { Title = $"Story {i}", UpdatedAt = DateTime.UtcNow };
            db.Stories.Add(story);
            plans.Add((story, articles, first, last));
        }
        await db.SaveChangesAsync();

        foreach (var (story, articles, _, _) in plans)
            foreach (var article in articles)
            {
                article.StoryId = story.Id;
                db.Articles.Add(article);
            }
        await db.SaveChangesAsync();

        foreach (var (story, articles, first, last) in plans)
        {
            var current = articles.Where(a => a.IsLatest).ToList();
            (story.FirstDate, story.LastDate) = (first, last);
            story.ArticleCount = current.Count;
            story.IndependentCount = current.Count;
            story.OutletCount = current.Select(a => a.Outlet).Distinct().Count();
            Stories.Add(new Seeded(story.Id, first, last, story.OutletCount, story.ArticleCount,
                articles.Select(a => a.Outlet!).ToHashSet(), current.Where(a => a.Language is not null).Select(a => a.Language!).ToHashSet()));
        }
        await db.SaveChangesAsync();
    }

    private static Article NewArticle(int story, int index, string outlet, string? language, DateOnly? published, bool isLatest)
    {
        var text = $"Report {index} of story {story} from {outlet}.";
        var content = Encoding.UTF8.GetBytes(text);
        return new Article
        {
            Capture = new Capture
            {
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), StoredContent = content, Length = content.Length,
                FileName = $"captures/{story}-{index}.txt", Format = "text", Encoding = "utf-8", ImportedAt = DateTime.UtcNow,
            },
            Headline = $"Story {story}, report {index}", Outlet = outlet, OutletSource = "url-host", Language = language,
            Published = published, PublishedSource = published is null ? null : "text", Version = isLatest ? 2 : 1, IsLatest = isLatest,
            Paragraphs = [text], WordCount = 8, ImportedAt = DateTime.UtcNow,
        };
    }
}

public sealed class PostgresSpreadStoreSite : SpreadStoreSite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public sealed class FilteredStoryListTestsOnSqlite(SpreadStoreSite site) : FilteredStoryListTests<SpreadStoreSite>(site);

public sealed class FilteredStoryListTestsOnPostgres(PostgresSpreadStoreSite site) : FilteredStoryListTests<PostgresSpreadStoreSite>(site);

/// <summary>
/// Every page of the stories list filtered by outlets, a language and date ranges, in both orders, is exactly the
/// stories the filter describes, each once, in the list's order: worked out here from what the store was given.
/// </summary>
public abstract class FilteredStoryListTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SpreadStoreSite
{
    private readonly TSite site = TestSite.Ready(site);

    public static TheoryData<string> Filters => new()
    {
        "outlet=Coast%20Post",
        "outlet=Coast%20Post&outlet=Bergbote",
        "lang=fr",
        "lang=it",
        "outlet=Le%20Quotidien&lang=en",
        "outlet=Harbour%20Times&outlet=Diario%20Sur&lang=de",
        "from=2024-01-01&to=2024-06-30",
        "to=2024-02-15",
        "from=2024-05-01",
        "from=2024-03-01&to=2024-03-31&undated=true",
        "outlet=Coast%20Post&outlet=Bergbote&from=2024-01-01&to=2024-06-30",
        "outlet=Valley%20Gazette&from=2023-12-01&to=2024-01-31&undated=true",
        "outlet=Bergbote&lang=en&to=2024-04-30",
        "lang=de&from=2024-02-01&to=2024-08-31",
        "outlet=Coast%20Post&outlet=Bergbote&lang=en&from=2024-01-01&to=2024-06-30",
        "outlet=Le%20Quotidien&outlet=Harbour%20Times&outlet=Diario%20Sur&lang=fr&from=2023-11-01",
        // Seven outlets, the most a compiled page query takes, and eight, which are translated per request.
        "outlet=Coast%20Post&outlet=Le%20Quotidien&outlet=Bergbote&outlet=Harbour%20Times&outlet=Valley%20Gazette&outlet=Diario%20Sur"
            + "&outlet=Nowhere%20News&from=2024-01-01&to=2024-06-30",
        "outlet=Coast%20Post&outlet=Le%20Quotidien&outlet=Bergbote&outlet=Harbour%20Times&outlet=Valley%20Gazette&outlet=Diario%20Sur"
            + "&outlet=Nowhere%20News&outlet=Elsewhere%20Echo&lang=en&from=2024-01-01&to=2024-06-30",
    };

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public async Task EveryPageNewestFirstHoldsExactlyTheMatchingStories(string query) =>
        await ShouldListAsync(query, byCoverage: false);

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public async Task EveryPageByCoverageHoldsExactlyTheMatchingStories(string query) =>
        await ShouldListAsync(query, byCoverage: true);

    [SkippableFact]
    public async Task FiltersOfOneShapeAskedInTurnEachListTheirOwnStories()
    {
        // Both are one outlet, a language and a range: one compiled query answers them, each with its own values.
        string[] queries = ["outlet=Coast%20Post&lang=en&from=2024-01-01&to=2024-06-30", "outlet=Diario%20Sur&lang=fr&from=2023-11-01&to=2024-03-31"];
        Expected(queries[0]).Select(s => s.Id).Should().NotEqual(Expected(queries[1]).Select(s => s.Id));
        for (var round = 0; round < 2; round++)
            foreach (var query in queries)
                foreach (var byCoverage in new[] { false, true })
                    await ShouldListAsync(query, byCoverage);
    }

    [SkippableFact]
    public async Task ARangeEndingInsideLongStoriesPutsThemFirstNewestFirst()
    {
        // The stories that started by the range's end and ended after it are the newest within it.
        const string query = "from=2024-01-01&to=2024-06-30";
        var spanning = Expected(query).TakeWhile(s => s.LastDate > new DateOnly(2024, 6, 30)).ToList();
        spanning.Should().HaveCountGreaterThan(3, "the store has stories that span the range's end");
        (await ListedAsync(query, byCoverage: false)).Take(spanning.Count).Should().Equal(spanning.Select(s => s.Id));
    }

    private async Task ShouldListAsync(string query, bool byCoverage)
    {
        var expected = Expected(query);
        if (byCoverage)
            expected = expected.OrderByDescending(s => s.OutletCount).ThenByDescending(s => s.ArticleCount)
                .ThenByDescending(s => s.LastDate.HasValue).ThenByDescending(s => s.LastDate).ThenByDescending(s => s.Id).ToList();
        (await ListedAsync(query, byCoverage)).Should().Equal(expected.Select(s => s.Id), $"/?{query}{(byCoverage ? "&sort=coverage" : "")} lists its stories");
    }

    /// <summary>The ids on every page of the list, in order; each page's total must be the number of matches.</summary>
    private async Task<List<long>> ListedAsync(string query, bool byCoverage)
    {
        var total = Expected(query).Count;
        using var client = site.Reader();
        var ids = new List<long>();
        for (var page = 1; page == 1 || ids.Count < total; page++)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync($"/api/stories?{query}{(byCoverage ? "&sort=coverage" : "")}&page={page}")).RootElement;
            json.GetProperty("total").GetInt32().Should().Be(total, $"page {page} of {query} counts every match");
            var items = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
            if (items.Count == 0) break;
            ids.AddRange(items);
        }
        return ids;
    }

    /// <summary>The filter's stories newest first (undated last), from what the store was given.</summary>
    private List<SpreadStoreSite.Seeded> Expected(string query)
    {
        var parts = query.Split('&').Select(p => p.Split('=')).ToLookup(p => p[0], p => Uri.UnescapeDataString(p[1]));
        var outlets = parts["outlet"].ToList();
        var language = parts["lang"].FirstOrDefault();
        DateOnly? from = parts["from"].Select(d => DateOnly.Parse(d, CultureInfo.InvariantCulture)).Cast<DateOnly?>().FirstOrDefault();
        DateOnly? to = parts["to"].Select(d => DateOnly.Parse(d, CultureInfo.InvariantCulture)).Cast<DateOnly?>().FirstOrDefault();
        var undated = parts["undated"].Contains("true");
        var ranged = from is not null || to is not null;
        return site.Stories
            .Where(s => outlets.Count == 0 || s.Outlets.Overlaps(outlets))
            .Where(s => language is null || s.Languages.Contains(language))
            .Where(s => !ranged || (s.FirstDate is null
                ? undated
                : (to is null || s.FirstDate <= to) && (from is null || s.LastDate >= from)))
            .OrderByDescending(s => s.LastDate.HasValue).ThenByDescending(s => s.LastDate).ThenByDescending(s => s.Id)
            .ToList();
    }
}
