using System.Net;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

public sealed class HealthTestsOnSqlite(TestSite site) : HealthTests<TestSite>(site);

public sealed class HealthTestsOnPostgres(PostgresTestSite site) : HealthTests<PostgresTestSite>(site);

public abstract class HealthTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : TestSite
{
    private readonly TSite site = TestSite.Ready(site);

    [SkippableFact]
    public async Task HealthAnswersHealthyWhileTheStoreAnswers()
    {
        var response = await site.Reader().GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }
}
