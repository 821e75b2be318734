using Microsoft.Extensions.DependencyInjection;
using NewsCompare.Core.Data;
using NewsCompare.Web.Reading;
using NewsCompare.Web.Tests.Infrastructure;
using NewsCompare.Web.Tests.Pages;

namespace NewsCompare.Web.Tests.Reading;

public sealed class WordSharesTests(CrowdedStoreSite site) : IClassFixture<CrowdedStoreSite>
{
    [Fact]
    public async Task ReadsTheShareOfArticlesUsingEachWordFromTheSearchIndex()
    {
        await using var db = new NewsDb(NewsStore.Options(site.DatabasePath));
        var counts = site.Services.GetRequiredService<ListCounts>();

        var shares = await WordShares.LookupAsync(db, counts, ["common", "rainbow", "nowhereword"], CancellationToken.None);

        shares.Should().ContainKey("common").And.ContainKey("rainbow").And.NotContainKey("nowhereword");
        shares["common"].Should().BeApproximately(1.0, 0.001, "every article says it");
        shares["rainbow"].Should().BeApproximately(0.5, 0.001, "the even-numbered half says it");
    }
}

public sealed class SmallStoreWordSharesTests(NewsroomSite site) : IClassFixture<NewsroomSite>
{
    [Fact]
    public async Task GivesNoSharesFromAStoreTooSmallToTellCommonWordsFromRareOnes()
    {
        await using var db = new NewsDb(NewsStore.Options(site.DatabasePath));
        (await WordShares.LookupAsync(db, site.Services.GetRequiredService<ListCounts>(), ["river", "treaty"], CancellationToken.None))
            .Should().BeEmpty();
    }
}
