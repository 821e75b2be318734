using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>
/// Read pages are answered from memory until the store changes. Every test writes through a connection of its own
/// (as the command line would), so the app learns of changes only from the store itself.
/// </summary>
public sealed class PageCacheTestsOnSqlite(TestSite site) : PageCacheTests<TestSite>(site);

public sealed class PageCacheTestsOnPostgres(PostgresTestSite site) : PageCacheTests<PostgresTestSite>(site);

public abstract class PageCacheTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : TestSite
{
    private readonly TSite site = TestSite.Ready(site);

    private static async Task<(string Body, bool FromCache)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, $"GET {url} should succeed");
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    private static int Count(string body) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(body, "<strong class=\"count\">([0-9,]+)").Groups[1].Value.Replace(",", ""),
            System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task RepeatedViewsComeFromMemoryUntilAnotherConnectionChangesTheStore()
    {
        var reader = site.Reader();
        var before = await GetAsync(reader, "/articles?q=lighthouse");
        (await GetAsync(reader, "/articles?q=lighthouse")).FromCache.Should().BeTrue("nothing changed since the first view");

        var article = await site.Store.ArticleAsync("Lighthouse keeper retires", "Coast Courier", new DateOnly(2024, 5, 1), "The lighthouse closes.");
        var after = await GetAsync(reader, "/articles?q=lighthouse");
        after.FromCache.Should().BeFalse("the store changed");
        Count(after.Body).Should().Be(Count(before.Body) + 1);
        after.Body.Should().Contain("Lighthouse keeper retires");

        await site.Store.StoryAsync("Lighthouse closes", article);
        var home = await GetAsync(reader, "/?q=lighthouse");
        home.Body.Should().Contain("Lighthouse closes");
        (await GetAsync(reader, "/?q=lighthouse")).FromCache.Should().BeTrue();
    }

    [SkippableFact]
    public async Task EditorsAreNeverServedTheAnonymousPageNorIsTheirsKeptForOthers()
    {
        var a = await site.Store.ArticleAsync("Ferry timetable changes", "Coast Courier", new DateOnly(2024, 6, 1), "New ferry times.");
        var story = await site.Store.StoryAsync("Ferry timetable", a);
        var url = $"/stories/{story.Id}";
        var reader = site.Reader();
        await GetAsync(reader, url);
        var anonymous = await GetAsync(reader, url);
        anonymous.FromCache.Should().BeTrue();
        anonymous.Body.Should().NotContain("edit-forms");

        var editor = await site.EditorAsync();
        var edited = await GetAsync(editor, url);
        edited.FromCache.Should().BeFalse("a signed-in editor's page is rendered for them");
        edited.Body.Should().Contain("edit-forms").And.Contain("__RequestVerificationToken");
        (await GetAsync(editor, url)).FromCache.Should().BeFalse();

        (await GetAsync(site.Reader(), url)).Body.Should().NotContain("edit-forms").And.NotContain("__RequestVerificationToken");
    }

    [SkippableFact]
    public async Task AFormsAntiforgeryTokenIsNeverHandedToAnotherVisitor()
    {
        var first = await site.PageAsync("/account/signin", site.Reader());
        var second = await site.PageAsync("/account/signin", site.Reader());
        TestSite.Token(first).Should().NotBe(TestSite.Token(second));
    }

    [SkippableFact]
    public async Task ApiAnswersFollowTheStoreToo()
    {
        var reader = site.Reader();
        var before = await GetAsync(reader, "/api/articles?outlet=Harbour%20Gazette");
        before.Body.Should().Contain("\"total\":0");
        await site.Store.ArticleAsync("Harbour dredging starts", "Harbour Gazette", new DateOnly(2024, 7, 1), "Dredging begins.");
        (await GetAsync(reader, "/api/articles?outlet=Harbour%20Gazette")).Body.Should().Contain("\"total\":1");
    }
    [SkippableFact]
    public async Task ARequestStartedAfterACommitSeesItWhileOtherRequestsKeepAskingTheStore()
    {
        // Requests arriving together share a reading of the store's generation; one that began before a commit must
        // not answer a request that came after it.
        const string url = "/articles?outlet=Quay%20Herald";
        var reader = site.Reader();
        using var stop = new CancellationTokenSource();
        var busy = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) (await reader.GetAsync(url)).Dispose();
        })).ToList();
        for (var i = 1; i <= 6; i++)
        {
            await site.Store.ArticleAsync($"Quay crane {i} installed", "Quay Herald", new DateOnly(2024, 8, i), "A new crane stands on the quay.");
            var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => GetAsync(reader, url)));
            pages.Select(p => Count(p.Body)).Should().AllBeEquivalentTo(i, "every request began after the article was committed");
        }
        await stop.CancelAsync();
        await Task.WhenAll(busy);
    }
}
