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
