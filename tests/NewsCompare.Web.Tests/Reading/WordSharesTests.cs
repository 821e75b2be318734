using Microsoft.Extensions.DependencyInjection;
using NewsCompare.Core.Data;
using NewsCompare.Web.Reading;
using NewsCompare.Web.Tests.Infrastructure;
using NewsCompare.Web.Tests.Pages;

namespace NewsCompare.Web.Tests.Reading;

public sealed class WordSharesTestsOnSqlite(CrowdedStoreSite site) : WordSharesTests<CrowdedStoreSite>(site);

public sealed class WordSharesTestsOnPostgres(PostgresCrowdedStoreSite site) : WordSharesTests<PostgresCrowdedStoreSite>(site);

public abstract class WordSharesTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : CrowdedStoreSite
{
    private readonly TSite site = TestSite.Ready(site);

    [SkippableFact]
    public async Task ReadsTheShareOfArticlesUsingEachWordFromTheSearchIndex()
    {
        await using var db = new NewsDb(NewsStore.Options(site.Target));
        var counts = site.Services.GetRequiredService<ListCounts>();

        var shares = await WordShares.LookupAsync(db, counts, ["common", "rainbow", "nowhereword"], CancellationToken.None);

        shares.Should().ContainKey("common").And.ContainKey("rainbow").And.NotContainKey("nowhereword");
        shares["common"].Should().BeApproximately(1.0, 0.001, "every article says it");
        shares["rainbow"].Should().BeApproximately(0.5, 0.001, "the even-numbered half says it");
    }
}

public sealed class SmallStoreWordSharesTestsOnSqlite(NewsroomSite site) : SmallStoreWordSharesTests<NewsroomSite>(site);

public sealed class SmallStoreWordSharesTestsOnPostgres(PostgresNewsroomSite site) : SmallStoreWordSharesTests<PostgresNewsroomSite>(site);

public abstract class SmallStoreWordSharesTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NewsroomSite
{
    private readonly TSite site = TestSite.Ready(site);

    [SkippableFact]
    public async Task GivesNoSharesFromAStoreTooSmallToTellCommonWordsFromRareOnes()
    {
        await using var db = new NewsDb(NewsStore.Options(site.Target));
        (await WordShares.LookupAsync(db, site.Services.GetRequiredService<ListCounts>(), ["river", "treaty"], CancellationToken.None))
            .Should().BeEmpty();
    }
}
