using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Browser;

/// <summary>An old story link after a regroup, followed in a browser, and an editor applying a proposed split.</summary>
public sealed class StoryIdentityBrowserTests(GroupedBrowserSite site) : IClassFixture<GroupedBrowserSite>
{
    [Fact]
    public async Task AReaderFollowsAnOldStoryLinkToItsStoryAndAnEditorAppliesTheProposedSplit()
    {
        var e = site.Events;
        var old = e.FirstStoryOf[e.Ferry[1]];
        var topic = await GroupedEvents.StoryOfAsync(site.DatabasePath, e.Bridge[0]);
        var page = await site.PageAsync();
        var problems = new List<string>();
        async Task Axe(string what) => problems.AddRange((await page.RunAxe()).Violations
            .Where(v => v.Impact is "serious" or "critical").Select(v => $"{what}: {v.Id} {v.Help}"));

        // A link shared before the regroup.
        var response = await page.GotoAsync($"/stories/{old}");
        response!.Status.Should().Be(410);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Story {old} no longer exists");
        await Axe("retired story");
        await BrowserSite.ScreenshotAsync(page, "story-retired-desktop");
        await page.Locator(".successors a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/stories/{topic}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This story may hold more than one event" })).ToBeVisibleAsync();
        await Axe("mixed story");
        await BrowserSite.ScreenshotAsync(page, "story-mixed-desktop");
        // On a phone and in dark mode the flag's layout and colours change.
        var contrast = new Deque.AxeCore.Commons.AxeRunOptions { RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "rule", Values = ["color-contrast", "target-size"] } };
        foreach (var (width, height, scheme, name) in new[] { (390, 844, ColorScheme.Light, "phone"), (1280, 900, ColorScheme.Dark, "dark") })
        {
            var other = await site.PageAsync(width, height, scheme);
            await other.GotoAsync($"/stories/{topic}");
            problems.AddRange((await other.RunAxe(contrast)).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{name}: {v.Id} {v.Help}"));
            await BrowserSite.ScreenshotAsync(other, $"story-mixed-{name}");
            await other.Context.CloseAsync();
        }

        // An editor signs in and applies the split in one click.
        await page.GotoAsync($"/account/signin?ReturnUrl=%2Fstories%2F{topic}");
        await page.GetByLabel("Editor name").FillAsync(TestSite.EditorName);
        await page.GetByLabel("Password").FillAsync(TestSite.EditorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/stories/{topic}$"));
        await Axe("mixed story, editor");
        await BrowserSite.ScreenshotAsync(page, "story-mixed-editor-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply the proposed split" }).ClickAsync();

        var ferry = await GroupedEvents.StoryOfAsync(site.DatabasePath, e.Ferry[0]);
        ferry.Should().NotBe(topic);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/stories/{ferry}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Split story {topic} as proposed");
        await Assertions.Expect(page.Locator(".mixed-flag")).ToHaveCountAsync(0);
        await page.GotoAsync($"/stories/{topic}");
        await Assertions.Expect(page.Locator(".mixed-flag")).ToHaveCountAsync(0);
        await using (var db = await NewsCompare.Core.Data.NewsStore.OpenAsync(site.DatabasePath))
        {
            var correction = db.StoryCorrections.Single();
            (correction.Kind, correction.FromStoryId, correction.ToStoryId).Should().Be(("split", topic, ferry));
            correction.Reason.Should().Contain("applied the proposed split").And.Contain(TestSite.EditorName);
        }
        problems.Should().BeEmpty();
    }
}
