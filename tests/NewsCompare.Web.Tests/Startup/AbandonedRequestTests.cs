using Microsoft.AspNetCore.Http;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Tests.Startup;

public sealed class AbandonedRequestTests
{
    private static DefaultHttpContext Request(bool clientGone)
    {
        var context = new DefaultHttpContext();
        context.RequestAborted = new CancellationToken(clientGone);
        return context;
    }

    private static readonly RequestDelegate CancelledQuery = _ => throw new OperationCanceledException("Query was cancelled");

    [Fact]
    public async Task AQueryCancelledBecauseTheClientLeftEndsTheRequestAs499WithoutAnError()
    {
        var context = Request(clientGone: true);

        await LoggingSetup.EndAbandonedRequestsQuietly(context, CancelledQuery);

        context.Response.StatusCode.Should().Be(StatusCodes.Status499ClientClosedRequest);
    }

    [Fact]
    public async Task ACancellationWhileTheClientStillWaitsIsStillAnError()
    {
        var context = Request(clientGone: false);

        var act = () => LoggingSetup.EndAbandonedRequestsQuietly(context, CancelledQuery);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task OtherFailuresOfAnAbandonedRequestAreNotHidden()
    {
        var context = Request(clientGone: true);

        var act = () => LoggingSetup.EndAbandonedRequestsQuietly(context, _ => throw new InvalidOperationException("broken page"));

        await act.Should().ThrowAsync<InvalidOperationException>();
    }
}
