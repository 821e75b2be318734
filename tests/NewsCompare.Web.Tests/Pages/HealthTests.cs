using System.Net;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

public sealed class HealthTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task HealthAnswersHealthyWhileTheStoreAnswers()
    {
        var response = await site.Reader().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }
}
