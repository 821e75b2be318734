using System.Net;
using System.Net.Http.Headers;
using System.IO.Compression;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

public sealed class EditorAccessTestsOnSqlite(NewsroomSite site) : EditorAccessTests<NewsroomSite>(site);

public sealed class EditorAccessTestsOnPostgres(PostgresNewsroomSite site) : EditorAccessTests<PostgresNewsroomSite>(site);

public abstract class EditorAccessTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NewsroomSite
{
    private readonly TSite site = TestSite.Ready(site);

    [SkippableFact]
    public async Task ImportPageSendsReadersToSignIn()
    {
        using var response = await site.Reader().GetAsync("/import");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/signin").And.Contain("ReturnUrl=%2Fimport");
    }

    [SkippableFact]
    public async Task StoryEditsByReadersAreRefused()
    {
        var client = site.Reader();
        var signIn = await site.PageAsync("/account/signin", client);
        using var response = await client.PostAsync($"/stories/{site.TreatyStory}/edit?handler=Merge", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.OtherStoryId"] = site.StrikeStory.ToString(), ["Input.Reason"] = "same strike", ["__RequestVerificationToken"] = TestSite.Token(signIn) }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/signin");
        site.StoryEditor.Calls.Should().NotContain(c => c.StartsWith("merge " + site.StrikeStory, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task WrongPasswordIsRefusedWithAMessage()
    {
        var client = site.Reader();
        var form = await site.PageAsync("/account/signin", client);
        using var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = TestSite.EditorName, ["Input.Password"] = "not the password", ["__RequestVerificationToken"] = TestSite.Token(form),
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestSite.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent.Should().Contain("do not match");
        (await client.GetAsync("/import")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [SkippableFact]
    public async Task PostWithoutAntiforgeryTokenIsRejected()
    {
        var client = await site.EditorAsync();
        using var response = await client.PostAsync($"/stories/{site.TreatyStory}/edit?handler=Merge", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.OtherStoryId"] = site.FestivalStory.ToString(), ["Input.Reason"] = "same festival" }));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        site.StoryEditor.Calls.Should().NotContain(c => c.StartsWith($"merge {site.FestivalStory}", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task EditorSeesRegroupingFormsAndAMoveReachesTheStoriesService()
    {
        var client = await site.EditorAsync();
        var page = await site.PageAsync($"/stories/{site.TreatyStory}", client);
        page.QuerySelector(".editor-tools").Should().NotBeNull();
        page.QuerySelectorAll(".editor-tools form").Should().HaveCount(3);

        using var response = await client.PostAsync($"/stories/{site.TreatyStory}/edit?handler=Move", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["Input.ArticleId"] = site.TreatyHarbour.Id.ToString(), ["Input.TargetStoryId"] = site.StrikeStory.ToString(), ["Input.Reason"] = "reports the strike",
                ["__RequestVerificationToken"] = TestSite.Token(page),
            }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be($"/stories/{site.StrikeStory}");
        site.StoryEditor.Calls.Should().Contain($"move {site.TreatyHarbour.Id} to {site.StrikeStory} by {TestSite.EditorName} because reports the strike");
    }

    [SkippableFact]
    public async Task EditorUploadsFilesAndSeesTheReportAfterARedirect()
    {
        var client = await site.EditorAsync();
        var form = await site.PageAsync("/import", client);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TestSite.Token(form)), "__RequestVerificationToken" },
            { File("one.txt", "Headline one\n\nBody one."), "Input.Files", "one.txt" },
            { File("broken.html", "<html></html>"), "Input.Files", "broken.html" },
        };
        using var response = await client.PostAsync("/import", content);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var report = await site.PageAsync(response.Headers.Location!.ToString(), client);
        report.QuerySelector("h1")!.TextContent.Should().Be("Import report");
        report.QuerySelector(".summary")!.TextContent.Should().Contain("1 imported").And.Contain("1 failed");
        var rows = report.QuerySelectorAll("table.report tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().ContainSingle(r => r.Contains("one.txt") && r.Contains("Imported"));
        rows.Should().ContainSingle(r => r.Contains("broken.html") && r.Contains("Failed") && r.Contains("no article text found"));
        site.Importer.Received.Should().Contain(f => f.Name == "one.txt" && f.Content.Length == "Headline one\n\nBody one.".Length);

        var stranger = await site.Reader().GetAsync(response.Headers.Location!.ToString());
        stranger.StatusCode.Should().Be(HttpStatusCode.Redirect, "a report is only for its editor");
    }

    [SkippableFact]
    public async Task UploadOfAZipWithAPathOutsideTheUploadIsRefusedWhole()
    {
        var client = await site.EditorAsync();
        var form = await site.PageAsync("/import", client);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var w = new StreamWriter(archive.CreateEntry("good.txt").Open())) await w.WriteAsync("fine");
            await using (var w = new StreamWriter(archive.CreateEntry("../../etc/evil.txt").Open())) await w.WriteAsync("evil");
        }
        var before = site.Importer.Received.Count;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TestSite.Token(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(zip.ToArray()), "Input.Files", "captures.zip" },
        };
        using var response = await client.PostAsync("/import", content);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await TestSite.ParseAsync(response);
        page.QuerySelector(".problems")!.TextContent.Should().Contain("captures.zip: ../../etc/evil.txt").And.Contain("'..'");
        site.Importer.Received.Count.Should().Be(before, "nothing from a refused upload is imported");
    }

    [SkippableFact]
    public async Task SignOutEndsTheEditorSession()
    {
        var client = await site.EditorAsync();
        var page = await site.PageAsync("/", client);
        page.QuerySelector(".who")!.TextContent.Should().Be(TestSite.EditorName);
        using var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = TestSite.Token(page) }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/import")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [SkippableFact]
    public async Task ReadersSeeAnEditorOnCorrectionsWhereEditorsSeeTheSignInName()
    {
        var reader = await site.PageAsync($"/stories/{site.TreatyStory}");
        var line = reader.QuerySelector(".corrections li")!.TextContent;
        line.Should().Contain("· an editor:");

        var editor = await site.PageAsync($"/stories/{site.TreatyStory}", await site.EditorAsync());
        editor.QuerySelector(".corrections li")!.TextContent.Should().Contain($"· {TestSite.EditorName}:");
    }

    [SkippableFact]
    public async Task AnEmptyOrOversizeFileIsReportedWhileTheOthersOfTheUploadImport()
    {
        var client = await site.EditorAsync();
        var form = await site.PageAsync("/import", client);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TestSite.Token(form)), "__RequestVerificationToken" },
            { File("kept.txt", "Headline kept\n\nBody kept."), "Input.Files", "kept.txt" },
            { File("empty.txt", ""), "Input.Files", "empty.txt" },
            { File("huge.txt", new string('x', 21 * 1024 * 1024)), "Input.Files", "huge.txt" },
        };
        using var response = await client.PostAsync("/import", content);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var report = await site.PageAsync(response.Headers.Location!.ToString(), client);
        var rows = report.QuerySelectorAll("table.report tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().ContainSingle(r => r.Contains("kept.txt") && r.Contains("Imported"));
        rows.Should().ContainSingle(r => r.Contains("empty.txt") && r.Contains("Failed") && r.Contains("empty file"));
        rows.Should().ContainSingle(r => r.Contains("huge.txt") && r.Contains("Failed") && r.Contains("too large"));
        site.Importer.Received.Should().Contain(f => f.Name == "kept.txt").And.NotContain(f => f.Name == "empty.txt" || f.Name == "huge.txt");
    }

    private static ByteArrayContent File(string name, string text)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".html", StringComparison.Ordinal) ? "text/html" : "text/plain");
        return content;
    }
}
