using System.Net;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

public sealed class StrictLimitsSite : TestSite
{
    protected override int SignInPerMinute => 3;
}

public sealed class RateLimitTests(StrictLimitsSite site) : IClassFixture<StrictLimitsSite>
{
    [Fact]
    public async Task SignInAttemptsBeyondTheLimitAreRefusedButReadingIsNot()
    {
        var client = site.Reader();
        var form = await site.PageAsync("/account/signin", client);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "someone", ["Input.Password"] = "guess number " + i, ["__RequestVerificationToken"] = TestSite.Token(form),
            }));
            statuses.Add(response.StatusCode);
        }
        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/account/signin")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class StrictUploadsSite : NewsroomSite
{
    protected override int UploadPerMinute => 3;
}

public sealed class EditorRateLimitTests(StrictUploadsSite site) : IClassFixture<StrictUploadsSite>
{
    private async Task<HttpStatusCode> UploadAsync(HttpClient client, string? token)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent("Headline\n\nBody."u8.ToArray()), "Input.Files", "one.txt" } };
        if (token is not null) content.Add(new StringContent(token), "__RequestVerificationToken");
        using var response = await client.PostAsync("/import", content);
        return response.StatusCode;
    }

    [Fact]
    public async Task AnonymousPostsNeverTouchAnEditorsLimitWhichCountsTheEditorsOwnPosts()
    {
        var stranger = site.Reader();
        for (var i = 0; i < 10; i++) (await UploadAsync(stranger, null)).Should().Be(HttpStatusCode.Redirect, "anonymous posts are sent to sign in");

        var editor = await site.EditorAsync();
        var token = TestSite.Token(await site.PageAsync("/import", editor));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add(await UploadAsync(editor, token));

        statuses.Should().Equal(HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests);
    }
}
