using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NewsCompare.Web.Tests.Browser;

namespace NewsCompare.Web.Tests.Comparison;

[Trait("Category", "Browser")]
public sealed class CompareBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private CompareVersions? _versions;

    private async Task<string> UrlAsync() => $"/compare?ids={(_versions ??= await CompareVersions.WriteAsync(site.Store)).Ids}";

    [Fact]
    public async Task ChoosingASentenceLightsUpItsCounterpartsByMouseAndKeyboard()
    {
        var page = await site.PageAsync();
        await page.GotoAsync(await UrlAsync());
        var columns = page.Locator(".columns-compare .column");
        var said = columns.Nth(0).Locator(".sentence", new() { HasText = "Mayor Ivan Petrov said" });
        await said.ClickAsync();
        await Assertions.Expect(said).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(columns.Nth(1).Locator(".sentence.is-linked")).ToHaveCountAsync(1);
        await Assertions.Expect(columns.Nth(1).Locator(".sentence.is-linked")).ToContainTextAsync("According to Mayor Ivan Petrov");
        await Assertions.Expect(columns.Nth(2).Locator(".sentence.is-linked")).ToContainTextAsync("Mayor Ivan Petrov said");
        await BrowserSite.ScreenshotAsync(page, "compare-aligned-desktop");

        var rail = columns.Nth(2).Locator(".sentence", new() { HasText = "Rail services" });
        await rail.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(columns.Nth(0).Locator(".sentence.is-linked")).ToContainTextAsync("Rail services along the coast");
        await Assertions.Expect(columns.Nth(1).Locator(".sentence.is-linked")).ToHaveCountAsync(0);
        await Assertions.Expect(said).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhoneEachSentenceStillSaysWhereElseItAppears()
    {
        var page = await site.PageAsync(390, 844);
        await page.GotoAsync(await UrlAsync());
        var note = page.Locator(".columns-compare .column").Nth(0).Locator(".sentence .also").First;
        await Assertions.Expect(note).ToBeVisibleAsync();
        (await note.InnerTextAsync()).Should().Contain("other figures");
        await page.Locator(".columns-compare .column").Nth(1).Locator(".sentence", new() { HasText = "According to Mayor" }).ClickAsync();
        await Assertions.Expect(page.Locator(".columns-compare .column").Nth(0).Locator(".sentence.is-linked")).ToContainTextAsync("Mayor Ivan Petrov said");
        await BrowserSite.ScreenshotAsync(page, "compare-aligned-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheComparePageHasNoSeriousAccessibilityProblems()
    {
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            var page = await site.PageAsync(width, height);
            foreach (var url in new[] { await UrlAsync(), "/compare?q=Varna" })
            {
                await page.GotoAsync(url);
                var result = await page.RunAxe();
                problems.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{width}px {url}: {v.Id} {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
            }
            await page.Context.CloseAsync();
        }
        problems.Should().BeEmpty();
    }
}
