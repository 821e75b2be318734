using Microsoft.AspNetCore.Hosting;
using NewsCompare.Core.Articles;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>A store with articles but no story yet, started with a seeds folder configured.</summary>
public sealed class UngroupedStoreSite : TestSite
{
    public string SeedsFolder { get; } = Path.Combine(Path.GetTempPath(), "nc-seeds-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.Combine(SeedsFolder, "more"));
        File.WriteAllText(Path.Combine(SeedsFolder, "a.txt"), "Seed headline\n\nSeed body.");
        File.WriteAllText(Path.Combine(SeedsFolder, "more", "b.html"), "<h1>Seed</h1>");
        File.WriteAllText(Path.Combine(SeedsFolder, ".hidden"), "editor backup");
        Directory.CreateDirectory(Path.Combine(SeedsFolder, ".git"));
        File.WriteAllText(Path.Combine(SeedsFolder, ".git", "config"), "[core]\n\tbare = false");
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsCompare:SeedOnFirstStart", "true");
        builder.UseSetting("NewsCompare:Seeds", SeedsFolder);
    }

    protected override async Task SeedAsync()
    {
        for (var day = 1; day <= 25; day++)
            await Store.ArticleAsync(new Article { Headline = $"Report number {day}", Outlet = "Daily Planet", Published = new DateOnly(2024, 1, day), Paragraphs = ["Text."] });
    }
}

public sealed class FirstStartTests(UngroupedStoreSite site) : IClassFixture<UngroupedStoreSite>
{
    [Fact]
    public void EmptyStoreImportsEveryVisibleFileOfTheSeedsFolderOnce()
    {
        site.Importer.Received.Select(f => f.Name).Should().BeEquivalentTo("a.txt", "more/b.html");
        site.Importer.Received.Single(f => f.Name == "a.txt").Content.Should().Equal(File.ReadAllBytes(Path.Combine(site.SeedsFolder, "a.txt")));
    }

    [Fact]
    public async Task BeforeGroupingTheHomePageListsTheNewestArticles()
    {
        var page = await site.PageAsync("/");
        page.QuerySelector(".summary .count")!.TextContent.Should().Be("0 stories");
        page.QuerySelector("#ungrouped-heading")!.TextContent.Should().Be("Articles not yet grouped");
        var headlines = page.QuerySelectorAll(".ungrouped .article-list .headline").Select(h => h.TextContent).ToList();
        headlines.Should().HaveCount(10);
        headlines[0].Should().Be("Report number 25");
        page.QuerySelector(".ungrouped p")!.TextContent.Should().Contain("25 articles are not in a story yet");
    }

    [Fact]
    public async Task ArticlesPagePagesThroughTwentyAtATimeKeepingTheFilters()
    {
        var first = await site.PageAsync("/articles?from=2024-01-01");
        first.QuerySelectorAll(".article-list li").Should().HaveCount(20);
        first.QuerySelector(".summary")!.TextContent.Should().Contain("25 articles").And.Contain("showing 1–20");
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        next.Should().Be("?from=2024-01-01&page=2");

        var second = await site.PageAsync("/articles" + next);
        second.QuerySelectorAll(".article-list .headline").Select(h => h.TextContent).Should()
            .Equal("Report number 5", "Report number 4", "Report number 3", "Report number 2", "Report number 1");
        second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href").Should().Be("?from=2024-01-01");
    }
}
