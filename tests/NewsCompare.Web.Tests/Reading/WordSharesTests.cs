using Microsoft.Extensions.DependencyInjection;
using NewsCompare.Core.Data;
using NewsCompare.Web.Reading;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Reading;

public sealed class WordSharesTests(NewsroomSite site) : IClassFixture<NewsroomSite>
{
    [Fact]
    public async Task ReadsHowManyArticlesUseEachWordFromTheSearchIndex()
    {
        await using var db = new NewsDb(NewsStore.Options(site.DatabasePath));
        var counts = site.Services.GetRequiredService<ListCounts>();

        var shares = await WordShares.LookupAsync(db, counts, ["river", "greve", "nowhereword"], CancellationToken.None);

        shares.Should().ContainKey("river").And.ContainKey("greve").And.NotContainKey("nowhereword");
        shares["river"].Should().BeGreaterThan(shares["greve"], "three treaty articles mention the river, one the strike (grève)");
        shares["greve"].Should().BeGreaterThan(0).And.BeLessThan(0.5);
    }

    [Fact]
    public async Task AnEmptyListLooksNothingUp()
    {
        await using var db = new NewsDb(NewsStore.Options(site.DatabasePath));
        (await WordShares.LookupAsync(db, site.Services.GetRequiredService<ListCounts>(), [], CancellationToken.None)).Should().BeEmpty();
    }
}
