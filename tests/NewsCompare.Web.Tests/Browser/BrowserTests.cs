using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class BrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task ReaderFiltersStoriesByOutletThenByDate()
    {
        var page = await site.PageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Valley Gazette").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        // Expect polls the address and the list; waiting for load events raced with the form's navigation on busy machines.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]outlet=Valley"));
        await Assertions.Expect(page.Locator(".story-title")).ToHaveTextAsync(["Port strike ends", "Lantern festival announced"]);

        await page.GetByLabel("From").FillAsync("2024-05-01");
        await Assertions.Expect(page.GetByLabel("From")).ToHaveValueAsync("2024-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]from=2024-05-01"));
        await Assertions.Expect(page.Locator(".story-title")).ToHaveTextAsync(["Port strike ends"]);
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("1 story").And.Contain("dated 2024-05-01 or later");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReaderOpensAStoryAndSeesItsVersionsSideBySideOrStackedOnAPhone()
    {
        var page = await site.PageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ministers sign river treaty" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/stories/{site.TreatyStory}$"));
        await Assertions.Expect(page.Locator(".columns .column")).ToHaveCountAsync(3);
        var boxes = await Boxes(page.Locator(".columns .column"));
        boxes.Should().HaveCount(3);
        boxes.Select(b => b.Y).Distinct().Should().ContainSingle("columns sit side by side on a desktop");
        await BrowserSite.ScreenshotAsync(page, "story-desktop");

        await page.SetViewportSizeAsync(390, 844);
        boxes = await Boxes(page.Locator(".columns .column"));
        boxes.Select(b => b.X).Distinct().Should().ContainSingle("columns stack on a phone");
        boxes[1].Y.Should().BeGreaterThan(boxes[0].Y);
        await BrowserSite.ScreenshotAsync(page, "story-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReaderComparesTwoVersionsFromAStory()
    {
        var page = await site.PageAsync();
        await page.GotoAsync($"/stories/{site.TreatyStory}");
        var compare = page.GetByRole(AriaRole.Button, new() { Name = "Compare the checked versions" });
        (await compare.IsDisabledAsync()).Should().BeTrue("the script enables it for two to four versions");
        await page.GetByLabel("Compare the version from Daily Planet").CheckAsync();
        await page.GetByLabel("Compare the version from Harbour Times").CheckAsync();
        await compare.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/compare\?ids="));
        await Assertions.Expect(page.Locator(".column h2"))
            .ToHaveTextAsync(["Ministers sign river treaty after night of talks", "River deal reached"]);
        await BrowserSite.ScreenshotAsync(page, "compare-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReaderIsSentToSignInAndEditorUploadsAFile()
    {
        var page = await site.PageAsync();
        await page.GotoAsync("/import");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/signin\\?ReturnUrl=%2Fimport$"));
        await page.GetByLabel("Editor name").FillAsync(TestSite.EditorName);
        await page.GetByLabel("Password").FillAsync(TestSite.EditorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/import$"));

        await page.GetByLabel("Files or a .zip").SetInputFilesAsync(new FilePayload
        {
            Name = "uploaded-by-browser.txt", MimeType = "text/plain", Buffer = "Headline\n\nA paragraph."u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/import\?report="));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Import report");
        await Assertions.Expect(page.Locator("table.report")).ToContainTextAsync("uploaded-by-browser.txt");
        await Assertions.Expect(page.Locator("table.report")).ToContainTextAsync("Imported");
        site.Importer.Received.Should().Contain(f => f.Name == "uploaded-by-browser.txt");
        await BrowserSite.ScreenshotAsync(page, "import-report-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReaderSeesWhoEachOutletIsOnTheOutletsAndStoryPages()
    {
        var page = await site.PageAsync();
        await page.GotoAsync("/outlets");
        var badge = page.GetByRole(AriaRole.Row, new() { Name = "Press TV" }).GetByRole(AriaRole.Link, new() { Name = "state-controlled · Iran" });
        (await badge.GetAttributeAsync("href")).Should().Be("https://en.wikipedia.org/wiki/Press_TV");
        await BrowserSite.ScreenshotAsync(page, "outlets-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "Radio Free Europe/Radio Liberty", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Radio Free Europe/Radio Liberty");
        await Assertions.Expect(page.Locator(".outlet-facts")).ToContainTextAsync("state-funded public service · United States");
        await BrowserSite.ScreenshotAsync(page, "outlet-desktop");

        await page.GotoAsync($"/stories/{site.PipelineStory}");
        await Assertions.Expect(page.Locator(".state-share")).ToContainTextAsync("2 of 4 independent versions");
        var strip = await Boxes(page.Locator(".headlines li").First.Locator(".outlet, .headline"));
        (strip[0].X + strip[0].Width).Should().BeLessThanOrEqualTo(strip[1].X, "the outlet's badge stays in its column");
        await BrowserSite.ScreenshotAsync(page, "story-outlets-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EveryPageIsFreeOfSeriousAccessibilityProblemsOnDesktopAndPhone()
    {
        var pages = new Dictionary<string, string>
        {
            ["stories"] = "/",
            ["stories-filtered"] = "/?outlet=Harbour%20Times&from=2024-01-01&undated=true&sort=coverage",
            ["story"] = $"/stories/{site.TreatyStory}",
            ["articles"] = "/articles",
            ["article"] = $"/articles/{site.TreatyPlanet.Id}",
            ["compare"] = $"/compare?ids={site.TreatyPlanet.Id},{site.TreatyHarbour.Id},{site.StrikeValley.Id}",
            ["outlets"] = "/outlets",
            ["outlet"] = "/outlets/Daily%20Planet",
            ["outlet-described"] = "/outlets/Press%20TV",
            ["story-outlets"] = $"/stories/{site.PipelineStory}",
            ["signin"] = "/account/signin",
        };
        // Every rule on the desktop; on a phone and in dark mode the layout and colours change, so contrast and
        // target sizes are checked there (a full run per page on each would triple the suite's time).
        var contrastOnly = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "target-size", "scrollable-region-focusable"] } };
        var problems = new List<string>();
        foreach (var (width, device, scheme) in new[] { (1280, "desktop", ColorScheme.Light), (390, "phone", ColorScheme.Light), (1280, "dark", ColorScheme.Dark) })
        {
            var page = await site.PageAsync(width, width == 390 ? 844 : 900, scheme);
            foreach (var (name, url) in pages)
            {
                await page.GotoAsync(url);
                var result = device == "desktop" ? await page.RunAxe() : await page.RunAxe(contrastOnly);
                problems.AddRange(result.Violations
                    .Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{device} {url}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
                if (device != "dark" || name is "story" or "article" or "story-outlets") await BrowserSite.ScreenshotAsync(page, $"{name}-{device}");
            }
            await page.Context.CloseAsync();
        }
        problems.Should().BeEmpty();
    }

    private static async Task<List<LocatorBoundingBoxResult>> Boxes(ILocator locator)
    {
        var boxes = new List<LocatorBoundingBoxResult>();
        for (var i = 0; i < await locator.CountAsync(); i++) boxes.Add((await locator.Nth(i).BoundingBoxAsync())!);
        return boxes;
    }
}
