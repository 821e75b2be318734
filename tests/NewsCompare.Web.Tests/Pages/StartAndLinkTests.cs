using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>A store an import left ungrouped (stopped between writing and grouping) before the app starts.</summary>
public sealed class PendingAtStartSite : TestSite
{
    public override async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await (await NewsStore.OpenAsync(DatabasePath)).DisposeAsync();
        string[] body = ["The river treaty was signed by the two ministers at dawn after a night of talks in the port city.",
            "Fishermen on both banks welcomed the river treaty, which shares the water of the delta."];
        await Store.ArticleAsync(new Article { Headline = "Ministers sign river treaty", Outlet = "Rock/Pop Daily", Language = "en", Published = new DateOnly(2024, 3, 3), Paragraphs = [.. body] });
        await Store.ArticleAsync(new Article { Headline = "River treaty signed at dawn", Outlet = "Harbour Times", Language = "en", Published = new DateOnly(2024, 3, 3), Paragraphs = [.. body] });
        await base.InitializeAsync();
    }
}

public sealed class StartAndLinkTests(PendingAtStartSite site) : IClassFixture<PendingAtStartSite>
{
    [Fact]
    public async Task ArticlesLeftUngroupedByAStoppedImportAreGroupedWhenTheAppStarts()
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        int pending;
        do
        {
            await using var db = await NewsStore.OpenAsync(site.DatabasePath);
            pending = await db.Articles.CountAsync(a => a.IsLatest && a.StoryId == null);
            if (pending > 0) await Task.Delay(200);
        }
        while (pending > 0 && DateTime.UtcNow < deadline);

        pending.Should().Be(0);
    }

    [Fact]
    public async Task AnOutletWhoseNameHoldsASlashLinksToItsPage()
    {
        var outlets = await site.PageAsync("/outlets");
        var href = outlets.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h!.StartsWith("/outlets/Rock", StringComparison.Ordinal))!;

        var page = await site.PageAsync(href);

        page.QuerySelector("h1")!.TextContent.Should().Contain("Rock/Pop Daily");
    }
}
