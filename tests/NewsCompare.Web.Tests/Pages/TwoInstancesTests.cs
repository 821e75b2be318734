using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsCompare.Core.Data;
using NewsCompare.Core.Tests;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>
/// Two web app instances on one PostgreSQL store, as behind a load balancer: each caches its pages, and a change
/// committed anywhere (through the other instance or straight into the store) shows on each one's next request.
/// </summary>
public sealed class TwoInstancesTests
{
    [SkippableFact]
    public async Task AChangeCommittedThroughOneInstanceShowsOnTheOtherAtItsNextRequest()
    {
        await using var store = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        await using var first = Instance(store.Target);
        await using var second = Instance(store.Target);
        var a = first.CreateClient();
        var b = second.CreateClient();
        (await CountAsync(a, "/articles?q=lighthouse")).Should().Be(0);
        (await CountAsync(b, "/articles?q=lighthouse")).Should().Be(0);
        (await GetAsync(b, "/articles?q=lighthouse")).FromCache.Should().BeTrue("the second instance keeps its page until the store changes");

        // Written with the first instance's own store configuration.
        var options = first.Services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<NewsDb>>();
        await new StoreBuilder(() => new NewsDb(options)).ArticleAsync("Lighthouse keeper retires", "Coast Courier", new DateOnly(2024, 5, 1), "The lighthouse closes.");
        (await CountAsync(b, "/articles?q=lighthouse")).Should().Be(1, "the other instance sees the store's generation move");
        (await CountAsync(a, "/articles?q=lighthouse")).Should().Be(1);

        // A story written straight into the store, as the command line would.
        var article = await new StoreBuilder(store.Target).ArticleAsync("Lighthouse to become museum", "Harbour Gazette", new DateOnly(2024, 5, 2), "The lighthouse reopens as a museum.");
        await new StoreBuilder(store.Target).StoryAsync("Lighthouse becomes a museum", article);
        foreach (var client in new[] { a, b })
        {
            (await CountAsync(client, "/articles?q=lighthouse")).Should().Be(2);
            (await GetAsync(client, "/")).Body.Should().Contain("Lighthouse becomes a museum");
        }
    }

    [SkippableFact]
    public async Task AnEditorSignedInThroughOneInstanceIsSignedInOnTheOther()
    {
        await using var store = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        var keys = Path.Combine(Path.GetTempPath(), $"nc-keys-{Guid.NewGuid():N}");
        try
        {
            await using var first = Instance(store.Target, keys);
            await using var second = Instance(store.Target, keys);
            var a = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var form = await TestSite.ParseAsync(await a.GetAsync("/account/signin"));
            using var signIn = await a.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = TestSite.EditorName, ["Input.Password"] = TestSite.EditorPassword, ["__RequestVerificationToken"] = TestSite.Token(form),
            }));
            signIn.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
            var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("newscompare.editor=", StringComparison.Ordinal)).Split(';')[0];

            var b = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/import");
            request.Headers.Add("Cookie", cookie);
            using var import = await b.SendAsync(request);

            import.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, "both instances read the shared key folder (NewsCompare:KeysFolder)");
        }
        finally
        {
            if (Directory.Exists(keys)) Directory.Delete(keys, recursive: true);
        }
    }

    private static WebApplicationFactory<Program> Instance(StoreTarget target, string? keys = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("NewsCompare:SeedOnFirstStart", "false");
            builder.UseSetting("NewsCompare:Store:Provider", "postgres");
            builder.UseSetting("NewsCompare:Store:ConnectionString", target.ConnectionString);
            builder.UseSetting("NewsCompare:Editor:Name", TestSite.EditorName);
            builder.UseSetting("NewsCompare:Editor:Password", TestSite.EditorPassword);
            if (keys is not null) builder.UseSetting("NewsCompare:KeysFolder", keys);
        });

    private static async Task<(string Body, bool FromCache)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, $"GET {url} should succeed");
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    private static async Task<int> CountAsync(HttpClient client, string url) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match((await GetAsync(client, url)).Body, "<strong class=\"count\">([0-9,]+)").Groups[1].Value.Replace(",", ""),
            System.Globalization.CultureInfo.InvariantCulture);
}
