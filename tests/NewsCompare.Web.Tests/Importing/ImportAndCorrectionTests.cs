using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;
using NewsCompare.Web.Importing;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Importing;

/// <summary>The web app with the real importer and story grouping behind the upload page (no doubles for importing).</summary>
public class RealImportSite : TestSite
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<ICaptureImporter, StoreCaptureImporter>());
    }

    public async Task<T> QueryAsync<T>(Func<NewsDb, Task<T>> query)
    {
        await using var db = Open();
        return await query(db);
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresRealImportSite : RealImportSite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public sealed class ImportAndCorrectionTestsOnSqlite(RealImportSite site) : ImportAndCorrectionTests<RealImportSite>(site);

public sealed class ImportAndCorrectionTestsOnPostgres(PostgresRealImportSite site) : ImportAndCorrectionTests<PostgresRealImportSite>(site);

public abstract class ImportAndCorrectionTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RealImportSite
{
    private readonly TSite site = TestSite.Ready(site);

    private const string Ferry = "Ferry service resumes after storm\n\nThe island ferry sailed again on Monday after three days of gales.\n\nThe operator said all crossings would run to timetable.\n";
    // A text of its own: the shared capture template would join this article to another test's dated one, lending it a date.
    private const string Toll = "Bridge toll scrapped\n\nDrivers crossing the estuary bridge will pay nothing from next spring, the transport board decided.\n\nThe toll booths are to be removed over the winter.\n";
    private const string Tunnel = "Tunnel works delayed by flooding\n\nWater in the new rail tunnel has set work back by a month.\n\nEngineers are pumping the shafts around the clock.\n";

    private static string Capture(string headline, string subject) => Captures.Article(headline, subject);

    private static byte[] Zip(params (string Name, string Content)[] entries) => Captures.Zip(entries);

    private async Task<IHtmlDocument> UploadAsync(HttpClient client, Action<MultipartFormDataContent> fill)
    {
        var form = await site.PageAsync("/import", client);
        using var content = new MultipartFormDataContent { { new StringContent(TestSite.Token(form)), "__RequestVerificationToken" } };
        fill(content);
        using var response = await client.PostAsync("/import", content);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await site.PageAsync(response.Headers.Location!.ToString(), client);
    }

    private static List<string> Rows(IHtmlDocument report) => report.QuerySelectorAll("table.report tbody tr").Select(r => r.TextContent).ToList();

    [SkippableFact]
    public async Task AZipKeepsItsManifestAndAReuploadWithAFixedManifestUpdatesTheMetadata()
    {
        var client = await site.EditorAsync();
        var wrong = Zip(("sources.json", """[{"file": "ferry-x.txt", "url": "https://example.org/ferry"}]"""), ("ferry.txt", Ferry), ("tunnel.txt", Tunnel));
        var first = await UploadAsync(client, c => c.Add(new ByteArrayContent(wrong), "Input.Files", "bundle.zip"));
        first.QuerySelector(".summary")!.TextContent.Should().Contain("2 imported").And.Contain("1 failed");
        Rows(first).Should().ContainSingle(r => r.Contains("ferry-x.txt") && r.Contains("named in bundle/sources.json but not uploaded"));

        var fixedZip = Zip(("sources.json", """
            [{"file": "ferry.txt", "url": "https://example.org/2024/05/02/ferry", "outlet": "Island Courier"},
             {"file": "tunnel.txt", "url": "https://example.org/tunnel", "published": "2024-05-03"}]
            """), ("ferry.txt", Ferry), ("tunnel.txt", Tunnel));
        var second = await UploadAsync(client, c => c.Add(new ByteArrayContent(fixedZip), "Input.Files", "bundle.zip"));

        second.QuerySelector(".summary")!.TextContent.Should().Contain("2 with metadata updated").And.Contain("0 failed");
        Rows(second).Should().OnlyContain(r => r.Contains("Metadata updated") && r.Contains("metadata updated from the sources manifest"));
        var ferry = await site.QueryAsync(db => db.Articles.SingleAsync(a => a.Headline == "Ferry service resumes after storm"));
        (ferry.Url, ferry.UrlSource, ferry.Outlet, ferry.OutletSource).Should().Be(("https://example.org/2024/05/02/ferry", "manifest", "Island Courier", "manifest"));
        var tunnel = await site.QueryAsync(db => db.Articles.SingleAsync(a => a.Headline == "Tunnel works delayed by flooding"));
        (tunnel.Published, tunnel.PublishedSource).Should().Be((new DateOnly(2024, 5, 3), "manifest"));

        var page = await site.PageAsync($"/articles/{tunnel.Id}");
        page.QuerySelector(".changes")!.TextContent.Should().Contain("date").And.Contain("2024-05-03").And.Contain("from a sources manifest");
    }

    [SkippableFact]
    public async Task TheReportLinksTheStoryEachFileJoinedAndShowsItsWarnings()
    {
        var client = await site.EditorAsync();
        var report = await UploadAsync(client, c =>
        {
            c.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Capture("Harbour wall repaired", "the harbour wall"))), "Input.Files", "wall.txt");
            c.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("""[{"file": "wall.txt", "published": "next Tuesday"}]""")), "Input.Files", "sources.json");
        });

        var row = report.QuerySelectorAll("table.report tbody tr").Single(r => r.TextContent.Contains("wall.txt"));
        row.QuerySelector(".warning")!.TextContent.Should().Contain("Warning:").And.Contain("\"published\" is not a date");
        report.QuerySelector(".summary")!.TextContent.Should().Contain("1 file with warnings");
        var id = await site.QueryAsync(db => db.Articles.Where(a => a.Headline == "Harbour wall repaired").Select(a => a.StoryId).SingleAsync());
        id.Should().NotBeNull();
        var title = await site.QueryAsync(db => db.Stories.Where(st => st.Id == id).Select(st => st.Title).SingleAsync());
        row.QuerySelector($"a[href='/stories/{id}']")!.TextContent.Should().Be(title);

        var article = await site.QueryAsync(db => db.Articles.Where(a => a.Headline == "Harbour wall repaired").Select(a => a.Id).SingleAsync());
        using var api = await site.Reader().GetAsync($"/api/articles/{article}");
        (await api.Content.ReadAsStringAsync()).Should().Contain("\"warnings\":[").And.Contain("is not a date");
    }

    [SkippableFact]
    public async Task PastedTextImportsWithItsAddressOutletAndDate()
    {
        var client = await site.EditorAsync();
        var report = await UploadAsync(client, c =>
        {
            c.Add(new StringContent(Capture("Lighthouse keeper retires", "the point lighthouse")), "Input.Text");
            c.Add(new StringContent("https://www.example.net/news/lighthouse?utm_source=rss"), "Input.Url");
            c.Add(new StringContent("Coast Weekly"), "Input.Outlet");
            c.Add(new StringContent("2024-06-01"), "Input.Published");
        });

        Rows(report).Should().ContainSingle(r => r.Contains("pasted-") && r.Contains("Imported"));
        var article = await site.QueryAsync(db => db.Articles.SingleAsync(a => a.Headline == "Lighthouse keeper retires"));
        (article.Url, article.Outlet, article.Published, article.PublishedSource, article.UrlKey)
            .Should().Be(("https://www.example.net/news/lighthouse?utm_source=rss", "Coast Weekly", new DateOnly(2024, 6, 1), "manifest", "example.net/news/lighthouse"));
    }

    [SkippableFact]
    public async Task AnAddressOrDateThatCannotBeReadIsRefusedWithTheField()
    {
        var client = await site.EditorAsync();
        var form = await site.PageAsync("/import", client);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TestSite.Token(form)), "__RequestVerificationToken" },
            { new StringContent("Some pasted text\n\nwith a body."), "Input.Text" },
            { new StringContent("19/09/2023"), "Input.Published" },
        };
        using var response = await client.PostAsync("/import", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await TestSite.ParseAsync(response);
        page.QuerySelector(".form-errors")!.TextContent.Should().Contain("Date: \"19/09/2023\" is not a date");
    }

    [SkippableFact]
    public async Task TheImportFormShowsNoEmptyErrorList()
    {
        var page = await site.PageAsync("/import", await site.EditorAsync());

        page.QuerySelector(".form-errors").Should().BeNull();
        page.QuerySelectorAll("li").Where(li => li.TextContent.Trim().Length == 0).Should().BeEmpty();
        page.QuerySelector("textarea[name='Input.Text']").Should().NotBeNull();
    }

    [SkippableFact]
    public async Task AnEditorCorrectsADateOnTheArticlePageAndItIsRecordedAndRegrouped()
    {
        var client = await site.EditorAsync();
        await UploadAsync(client, c => c.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Toll)), "Input.Files", "toll.txt"));
        var id = await site.QueryAsync(db => db.Articles.Where(a => a.Headline == "Bridge toll scrapped").Select(a => a.Id).SingleAsync());
        var form = await site.PageAsync($"/articles/{id}", client);
        form.QuerySelector("input[name='Correction.Published']")!.GetAttribute("value").Should().BeEmpty();

        // The form as the browser sends it: every field as shown, the date filled in, a reason given.
        var fields = form.QuerySelectorAll("form.correct-form input").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Correction.Published"] = "2023-09-19";
        fields["Correction.Reason"] = "date printed in the paper";
        using var response = await client.PostAsync($"/articles/{id}?handler=Correct", new FormUrlEncodedContent(fields));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await site.PageAsync($"/articles/{id}", client);
        var date = page.QuerySelectorAll(".provenance dt").First(d => d.TextContent == "Date").NextElementSibling!.TextContent;
        date.Should().Contain("19 Sep 2023").And.Contain($"corrected by {TestSite.EditorName}");
        page.QuerySelector(".changes")!.TextContent.Should().Contain("date").And.Contain("none → 2023-09-19").And.Contain("date printed in the paper");
        var story = await site.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => db.Stories.Single(s => s.Id == a.StoryId)).SingleAsync());
        story.FirstDate.Should().Be(new DateOnly(2023, 9, 19));
        var recorded = await site.QueryAsync(db => db.MetadataChanges.Where(c => c.ArticleId == id).ToListAsync());
        recorded.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Field = "Published", OldValue = (string?)null, NewValue = "2023-09-19", Editor = TestSite.EditorName });

        await site.QueryAsync(async db => await new StoryStore(db).RegroupAsync());
        (await site.QueryAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.PublishedSource).SingleAsync())).Should().Be("editor:" + TestSite.EditorName);
    }

    [SkippableFact]
    public async Task ACorrectionNeedsAReasonAndAnEditor()
    {
        var client = await site.EditorAsync();
        await UploadAsync(client, c => c.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Capture("Museum reopens its doors", "the town museum"))), "Input.Files", "museum.txt"));
        var id = await site.QueryAsync(db => db.Articles.Where(a => a.Headline == "Museum reopens its doors").Select(a => a.Id).SingleAsync());
        var form = await site.PageAsync($"/articles/{id}", client);

        using var noReason = await client.PostAsync($"/articles/{id}?handler=Correct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestSite.Token(form), ["Correction.Language"] = "fr", ["Correction.Reason"] = "",
        }));
        noReason.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestSite.ParseAsync(noReason)).QuerySelector(".form-errors")!.TextContent.Should().Contain("Say why");

        var reader = site.Reader();
        var anonymous = await site.PageAsync($"/articles/{id}", reader);
        anonymous.QuerySelector("form.correct-form").Should().BeNull("readers see no correction form");
        (await site.QueryAsync(db => db.MetadataChanges.CountAsync(c => c.ArticleId == id))).Should().Be(0);
    }
    [SkippableFact]
    public async Task ADatelineHasItsOwnRowWithoutItsDashAndEveryPhraseReadsOnce()
    {
        var article = await site.Store.ArticleAsync(new NewsCompare.Core.Articles.Article
        {
            Headline = "Talks resume in the capital", HeadlineSource = "extraction", Dateline = "MOSCOW (Sputnik) -", Language = "ru", LanguageSource = "detected",
            Paragraphs = ["Delegations met again on Tuesday."],
        });

        var page = await site.PageAsync($"/articles/{article.Id}");

        page.QuerySelector(".byline").Should().BeNull("a dateline is not a byline");
        page.QuerySelector(".reading .dateline")!.TextContent.Should().Be("MOSCOW (Sputnik)");
        var provenance = page.QuerySelectorAll(".provenance dt").Zip(page.QuerySelectorAll(".provenance dd"))
            .ToDictionary(p => p.First.TextContent.Trim(), p => p.Second.TextContent.Trim());
        provenance["Dateline"].Should().StartWith("MOSCOW (Sputnik)").And.NotContain(" -");
        provenance["Headline"].Should().StartWith("Talks resume in the capital");
        provenance["Language"].Should().Contain("detected from the text").And.NotContain("from detected");
        provenance["Outlet"].Should().Be("Unknown outlet");
    }

}
