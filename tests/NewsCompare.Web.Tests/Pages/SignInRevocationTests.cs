using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

public sealed class SignInRevocationTests(TestSite site) : IClassFixture<TestSite>
{
    private const string Password = "a long enough password";

    /// <summary>A client whose cookies the test can read and copy, signed in as a new editor.</summary>
    private async Task<(HttpClient Client, CookieContainer Cookies)> SignedInAsync(string name)
    {
        await using (var db = await NewsStore.OpenAsync(site.DatabasePath)) await EditorAccounts.AddAsync(db, name, Password);
        var cookies = new CookieContainer();
        var client = await site.SignInAsync(site.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), name, Password);
        return (client, cookies);
    }

    /// <summary>GET /import with a copy of the cookies taken earlier: 200 when the sign-in still holds, else a redirect to sign in.</summary>
    private async Task<HttpStatusCode> ReplayAsync(string cookieHeader)
    {
        var copy = new CookieContainer();
        copy.SetCookies(new Uri("http://localhost"), cookieHeader.Replace("; ", ",", StringComparison.Ordinal));
        using var client = site.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(copy));
        using var response = await client.GetAsync("/import");
        return response.StatusCode;
    }

    [Fact]
    public async Task AReplayedCookieIsRefusedAfterSignOut()
    {
        var (client, cookies) = await SignedInAsync("replay.signout");
        var saved = cookies.GetCookieHeader(new Uri("http://localhost"));
        (await ReplayAsync(saved)).Should().Be(HttpStatusCode.OK, "the copy works while the editor is signed in");

        var page = await site.PageAsync("/", client);
        using var signOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = TestSite.Token(page) }));
        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await ReplayAsync(saved)).Should().Be(HttpStatusCode.Redirect, "signing out ends every copy of the sign-in");
    }

    [Fact]
    public async Task AReplayedCookieIsRefusedAfterTheEditorIsRemoved()
    {
        var (_, cookies) = await SignedInAsync("replay.removed");
        var saved = cookies.GetCookieHeader(new Uri("http://localhost"));

        await using (var db = await NewsStore.OpenAsync(site.DatabasePath)) await EditorAccounts.RemoveAsync(db, "replay.removed");

        (await ReplayAsync(saved)).Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AReplayedCookieIsRefusedAfterAPasswordChangeWhileTheNewPasswordSignsIn()
    {
        var (_, cookies) = await SignedInAsync("replay.password");
        var saved = cookies.GetCookieHeader(new Uri("http://localhost"));

        await using (var db = await NewsStore.OpenAsync(site.DatabasePath)) await EditorAccounts.SetPasswordAsync(db, "replay.password", "another long password");

        (await ReplayAsync(saved)).Should().Be(HttpStatusCode.Redirect);
        var fresh = await site.EditorAsync("replay.password", "another long password");
        (await fresh.GetAsync("/import")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
