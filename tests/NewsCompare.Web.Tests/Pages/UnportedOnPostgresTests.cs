using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsCompare.Core.Data;
using NewsCompare.Web.Importing;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>The newsroom on PostgreSQL with the app's own importer, story editor and corrections.</summary>
public sealed class PostgresEditingSite : NewsroomSite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;

    protected override bool RealStoryEditor => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<ICaptureImporter, StoreCaptureImporter>());
    }
}

/// <summary>
/// On PostgreSQL, an editor asking for what does not run there yet (import, story corrections, metadata corrections)
/// gets a page saying so, never an error page; each test stands down once its feature is ported.
/// </summary>
public sealed class UnportedOnPostgresTests(PostgresEditingSite site) : IClassFixture<PostgresEditingSite>
{
    private readonly PostgresEditingSite site = TestSite.Ready(site);

    private void SkipOncePorted(StoreFeature feature)
    {
        try
        {
            StoreDialect.Postgres.Require(feature);
        }
        catch (StoreFeatureNotSupportedException)
        {
            return;
        }
        Skip.If(true, $"{feature} runs on PostgreSQL now: its page tests cover it");
    }

    [SkippableFact]
    public async Task AnUploadSaysImportDoesNotRunOnPostgresYet()
    {
        SkipOncePorted(StoreFeature.Import);
        var editor = await site.EditorAsync();
        var form = await site.PageAsync("/import", editor);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TestSite.Token(form)), "__RequestVerificationToken" },
            { new StringContent("Harbour reopens\n\nThe harbour reopened on Monday after the storm.\n"), "Input.Text" },
        };

        using var response = await editor.PostAsync("/import", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await TestSite.ParseAsync(response);
        page.QuerySelector(".form-errors")!.TextContent.Should().Contain("Nothing was imported: Importing captures does not run on a PostgreSQL store yet");
        await using var db = site.Open();
        db.Captures.Count().Should().Be(9, "the newsroom's captures and no more");
    }

    [SkippableFact]
    public async Task AStoryCorrectionSaysGroupingDoesNotRunOnPostgresYet()
    {
        SkipOncePorted(StoreFeature.Grouping);
        var editor = await site.EditorAsync();
        var story = await site.PageAsync($"/stories/{site.TreatyStory}", editor);

        using var response = await editor.PostAsync($"/stories/{site.TreatyStory}/edit?handler=Merge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["OtherStoryId"] = site.StrikeStory.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reason"] = "same river port",
            ["__RequestVerificationToken"] = TestSite.Token(story),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await site.PageAsync(response.Headers.Location!.ToString(), editor);
        after.QuerySelector(".notice")!.TextContent.Should().StartWith("Not changed: Story grouping").And.Contain("does not run on a PostgreSQL store yet");
        (await site.PageAsync($"/stories/{site.StrikeStory}")).QuerySelector("h1")!.TextContent.Should().Contain("Port strike ends");
    }

    [SkippableFact]
    public async Task AMetadataCorrectionSaysItDoesNotRunOnPostgresYet()
    {
        SkipOncePorted(StoreFeature.MetadataCorrections);
        var editor = await site.EditorAsync();
        var form = await site.PageAsync($"/articles/{site.Lone.Id}", editor);
        var fields = form.QuerySelectorAll("form.correct-form input").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Correction.Published"] = "2024-06-02";
        fields["Correction.Reason"] = "date printed in the paper";

        using var response = await editor.PostAsync($"/articles/{site.Lone.Id}?handler=Correct", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestSite.ParseAsync(response)).QuerySelector(".form-errors, .validation-summary-errors, [role=alert]")!.TextContent
            .Should().Contain("Correcting an article's metadata does not run on a PostgreSQL store yet");
    }
}
