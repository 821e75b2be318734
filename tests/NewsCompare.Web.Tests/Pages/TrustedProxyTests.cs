using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>
/// A site behind one configured proxy (10.0.0.2) and one configured network (10.1.0.0/16), with a sign-in limit of
/// three posts a minute. The test server has no network peer: a request names the peer it comes from in
/// X-Test-Peer, set as the connection's address before anything else runs.
/// </summary>
public sealed class BehindProxySite : TestSite
{
    public const string PeerHeader = "X-Test-Peer";

    protected override int SignInPerMinute => 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsCompare:ForwardedHeaders:KnownProxies:0", "10.0.0.2");
        builder.UseSetting("NewsCompare:ForwardedHeaders:KnownNetworks:0", "10.1.0.0/16");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new PeerFromHeader()));
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return rest(context);
            });
            next(app);
        };
    }
}

public sealed class TrustedProxyTests(BehindProxySite site) : IClassFixture<BehindProxySite>
{
    /// <summary>Failed sign-in posts from <paramref name="peer"/>, each claiming the next of <paramref name="forwardedFor"/>.</summary>
    private async Task<List<HttpStatusCode>> SignInPostsAsync(string peer, params string?[] forwardedFor)
    {
        var client = site.Reader();
        client.DefaultRequestHeaders.Add(BehindProxySite.PeerHeader, peer);
        var token = TestSite.Token(await site.PageAsync("/account/signin", client));
        var statuses = new List<HttpStatusCode>();
        foreach (var claimed in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.UserName"] = "someone", ["Input.Password"] = "a guess", ["__RequestVerificationToken"] = token,
                }),
            };
            if (claimed is not null) request.Headers.Add("X-Forwarded-For", claimed);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static readonly HttpStatusCode[] ThreeThenRefused =
        [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests];

    [Fact]
    public async Task AClientThatIsNotAConfiguredProxyCannotChooseItsAddressByClaimingOne()
    {
        // Each post claims another address; all count against the connection's own.
        var statuses = await SignInPostsAsync("198.51.100.7", "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4");

        statuses.Should().Equal(ThreeThenRefused);
        (await SignInPostsAsync("198.51.100.8", [null])).Should().Equal(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BehindAConfiguredProxyEachClientItForwardsHasALimitOfItsOwn()
    {
        (await SignInPostsAsync("10.0.0.2", "203.0.113.20", "203.0.113.20", "203.0.113.20", "203.0.113.20")).Should().Equal(ThreeThenRefused);

        // Another client through the same proxy, and the same client through a proxy of the configured network.
        (await SignInPostsAsync("10.0.0.2", "203.0.113.21")).Should().Equal(HttpStatusCode.OK);
        (await SignInPostsAsync("10.1.7.9", "203.0.113.20")).Should().Equal(HttpStatusCode.TooManyRequests);
        // A proxy outside the list is a client like any other: what it forwards is not believed.
        (await SignInPostsAsync("10.2.0.1", "203.0.113.20")).Should().Equal(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheSchemeAConfiguredProxyForwardsMakesTheSignInCookieSecureAndAClaimedOneDoesNot()
    {
        async Task<string> SignInCookieAsync(string peer)
        {
            var client = site.Reader();
            client.DefaultRequestHeaders.Add(BehindProxySite.PeerHeader, peer);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.40");
            var token = TestSite.Token(await site.PageAsync("/account/signin", client));
            using var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = TestSite.EditorName, ["Input.Password"] = TestSite.EditorPassword, ["__RequestVerificationToken"] = token,
            }));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("newscompare.editor=", StringComparison.Ordinal));
        }

        (await SignInCookieAsync("10.0.0.2")).Should().Contain("secure");
        (await SignInCookieAsync("198.51.100.50")).Should().NotContain("secure");
    }
}
