using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Import;

/// <summary>Which captures are versions of one article, manifests inside zips, and metadata a second import or an editor sets.</summary>
public sealed class ManifestAndIdentityTests
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<ImportReport> UploadAsync(ImportFixture f, params ImportUpload[] uploads)
    {
        await using var db = await f.OpenAsync();
        return await f.Importer(db).ImportUploadsAsync(uploads);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ArticlesWhoseAddressesDifferOnlyInTheQueryAreDifferentArticles(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        File.WriteAllText(Path.Combine(f.Captures, "sources.json"), """
            [{"file": "a.txt", "url": "https://www.example.co.nz/news/article.cfm?c_id=1&objectid=12297531"},
             {"file": "b.txt", "url": "https://www.example.co.nz/news/article.cfm?c_id=1&objectid=12297683&utm_source=feed"}]
            """);
        f.Write("a.txt", ImportFixture.Article("Harbour bridge reopens"));
        f.Write("b.txt", ImportFixture.Article("Council votes on rates rise"));

        var report = await f.ImportAsync([f.Captures]);

        report.Results.Select(r => r.Outcome).Should().Equal(ImportOutcome.Imported, ImportOutcome.Imported);
        var articles = await f.QueryAsync(db => db.Articles.OrderBy(a => a.Id).ToListAsync());
        articles.Should().OnlyContain(a => a.Version == 1 && a.IsLatest);
        articles.Select(a => a.UrlKey).Should().Equal("example.co.nz/news/article.cfm?c_id=1&objectid=12297531", "example.co.nz/news/article.cfm?c_id=1&objectid=12297683");
    }

    private const string Storm = "Storm closes the coast road\n\nHigh winds brought down trees along the coast road overnight.\n\nCrews expect to clear it by Friday, the roads agency said.\n";
    private const string Election = "Election count enters second day\n\nCounting of postal votes resumed in the capital this morning.\n\nOfficials said turnout was the highest in two decades.\n";

    [SkippableTheory]
    [EveryStore]
    public async Task AnotherArticleAtAnAddressAlreadyStoredIsNotAVersionOfIt(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        const string manifest = """[{"file": "live.txt", "url": "https://example.com/live"}]""";
        File.WriteAllText(Path.Combine(f.Captures, "sources.json"), manifest);
        f.Write("live.txt", Storm);
        await f.ImportAsync([f.Captures]);

        f.Write("live.txt", Election);
        var report = await f.ImportAsync([f.Captures]);

        report.Results.Should().ContainSingle().Which.Outcome.Should().Be(ImportOutcome.Imported);
        var rows = await f.QueryAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => new { a.Version, a.IsLatest }).ToListAsync());
        rows.Should().HaveCount(2).And.OnlyContain(r => r.Version == 1 && r.IsLatest);

        f.Write("live.txt", Election + "\n\nThe last ballot boxes from the islands arrived by boat on Tuesday evening.\n");
        var third = await f.ImportAsync([f.Captures]);
        third.Results.Should().ContainSingle().Which.Outcome.Should().Be(ImportOutcome.NewVersion);
        var latest = await f.QueryAsync(db => db.Articles.Where(a => a.IsLatest).OrderBy(a => a.Id).Select(a => new { a.Headline, a.Version }).ToListAsync());
        latest.Select(a => (a.Headline, a.Version)).Should().Equal(("Storm closes the coast road", 1), ("Election count enters second day", 2));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AManifestInsideAZipAppliesToTheFilesBesideIt(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var report = await UploadAsync(f, 
            new("bundle/sources.json", Bytes("""[{"file": "x.txt", "url": "https://apnews.com/article/x-2024-01-09", "outlet": "Harbour Times"}, {"file": "deeper/y.txt", "published": "2024-01-10"}]""")),
            new("bundle/x.txt", Bytes(ImportFixture.Article("Ferry service resumes"))),
            new("bundle/deeper/y.txt", Bytes(ImportFixture.Article("Tunnel works delayed"))));

        report.Failed.Should().Be(0, string.Join("; ", report.Results.Select(r => r.Reason)));
        report.Imported.Should().Be(2);
        var articles = await f.QueryAsync(db => db.Articles.OrderBy(a => a.Id).ToListAsync());
        (articles[0].Url, articles[0].Outlet, articles[0].OutletSource).Should().Be(("https://apnews.com/article/x-2024-01-09", "Harbour Times", "manifest"));
        (articles[1].Published, articles[1].PublishedSource).Should().Be((new DateOnly(2024, 1, 10), "manifest"));
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AManifestUploadedBesideAZipFindsTheFilesInIt(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var report = await UploadAsync(f, 
            new("sources.json", Bytes("""[{"file": "x.txt", "url": "https://example.org/x"}]""")),
            new("bundle/x.txt", Bytes(ImportFixture.Article("Ferry service resumes"))));

        report.Failed.Should().Be(0);
        (await f.QueryAsync(db => db.Articles.SingleAsync())).Url.Should().Be("https://example.org/x");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task KnownBytesWithNewManifestMetadataUpdateItAndRecordWhereItCameFrom(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var text = Bytes(ImportFixture.Article("Ferry service resumes"));
        (await UploadAsync(f, new ImportUpload("bundle/x.txt", text))).Imported.Should().Be(1);

        var report = await UploadAsync(f, 
            new("bundle/x.txt", text),
            new("bundle/sources.json", Bytes("""[{"file": "x.txt", "url": "https://example.org/ferry", "outlet": "Harbour Times", "published": "2024-02-01"}]""")));

        var result = report.Results.Should().ContainSingle().Subject;
        result.Outcome.Should().Be(ImportOutcome.Updated);
        result.UpdatedFields.Should().BeEquivalentTo([MetadataField.Url, MetadataField.Outlet, MetadataField.Published]);
        var article = await f.QueryAsync(db => db.Articles.SingleAsync());
        (article.Url, article.UrlKey, article.Outlet, article.Published, article.PublishedSource)
            .Should().Be(("https://example.org/ferry", "example.org/ferry", "Harbour Times", new DateOnly(2024, 2, 1), "manifest"));
        var changes = await f.QueryAsync(db => db.MetadataChanges.OrderBy(c => c.Id).ToListAsync());
        changes.Select(c => (c.Field, c.NewSource, c.Editor)).Should().OnlyContain(c => c.NewSource == "manifest" && c.Editor == null);
        changes.Single(c => c.Field == "Url").OldValue.Should().BeNull();

        (await UploadAsync(f, new("bundle/x.txt", text), new("bundle/sources.json", Bytes("""[{"file": "x.txt", "url": "https://example.org/ferry", "outlet": "Harbour Times", "published": "2024-02-01"}]"""))))
            .Results.Single().Outcome.Should().Be(ImportOutcome.Unchanged, "the same manifest again changes nothing");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AnEditorsCorrectionSurvivesAReimportWithAManifestAndARegroup(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var text = Bytes(ImportFixture.Article("Ferry service resumes"));
        var manifest = Bytes("""[{"file": "x.txt", "published": "2024-02-01", "outlet": "Harbour Times"}]""");
        await UploadAsync(f, new("x.txt", text), new("sources.json", manifest));
        await using (var db = await f.OpenAsync())
        {
            var id = await db.Articles.Select(a => a.Id).SingleAsync();
            var changes = await ArticleCorrections.CorrectAsync(db, id,
                new Dictionary<MetadataField, string?> { [MetadataField.Published] = "2024-01-31", [MetadataField.Byline] = "By Ann Editor" }, "alice", "the print edition's date");
            changes.Select(c => (c.Field, c.OldValue, c.NewValue)).Should().Equal(("Published", "2024-02-01", "2024-01-31"), ("Byline", null, "By Ann Editor"));
        }

        (await UploadAsync(f, new("x.txt", text), new("sources.json", manifest))).Results.Single().Outcome.Should().Be(ImportOutcome.Unchanged);
        await using (var db = await f.OpenAsync()) await new StoryStore(db).RegroupAsync();

        var article = await f.QueryAsync(db => db.Articles.SingleAsync());
        (article.Published, article.PublishedSource, article.PublishedInferred).Should().Be((new DateOnly(2024, 1, 31), "editor:alice", false));
        (article.Byline, article.BylineSource).Should().Be(("By Ann Editor", "editor:alice"));
        article.StoryId.Should().NotBeNull();
        var recorded = await f.QueryAsync(db => db.MetadataChanges.Where(c => c.Editor == "alice").ToListAsync());
        recorded.Should().HaveCount(2).And.OnlyContain(c => c.Reason == "the print edition's date");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ACorrectedDatePlacesTheArticleInItsStoryAgain(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        await UploadAsync(f, new ImportUpload("x.txt", Bytes(ImportFixture.Article("Ferry service resumes"))));
        await using var db = await f.OpenAsync();
        var article = await db.Articles.SingleAsync();
        var before = await db.StoryMemberships.SingleAsync();

        await ArticleCorrections.CorrectAsync(db, article.Id, new Dictionary<MetadataField, string?> { [MetadataField.Published] = "2024-03-05" }, "alice", "date from the print edition");

        var after = await db.StoryMemberships.SingleAsync();
        after.AssignedAt.Should().BeOnOrAfter(before.AssignedAt);
        var story = await db.Stories.SingleAsync();
        (story.FirstDate, story.LastDate).Should().Be((new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 5)), "the story's dates follow the corrected one");
    }

    [SkippableTheory]
    [InlineData(StoreProvider.Sqlite, MetadataField.Published, "19/09/2023", "is not a date")]
    [InlineData(StoreProvider.Sqlite, MetadataField.Url, "javascript:alert(1)", "is not an http(s) address")]
    [InlineData(StoreProvider.Sqlite, MetadataField.Language, "english", "is not a two-letter language code")]
    [InlineData(StoreProvider.Postgres, MetadataField.Published, "19/09/2023", "is not a date")]
    public async Task RefusesAValueThatCannotBeRight(StoreProvider provider, MetadataField field, string value, string reason)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        await UploadAsync(f, new ImportUpload("x.txt", Bytes(ImportFixture.Article("Ferry service resumes"))));
        await using var db = await f.OpenAsync();
        var id = await db.Articles.Select(a => a.Id).SingleAsync();

        var act = () => ArticleCorrections.CorrectAsync(db, id, new Dictionary<MetadataField, string?> { [field] = value }, "alice", "typo");

        (await act.Should().ThrowAsync<ArticleCorrectionException>()).WithMessage($"*{reason}*");
        (await db.MetadataChanges.CountAsync()).Should().Be(0);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task TwoEditorsCorrectingOneValueAtOnceEachRecordTheValueTheyReplaced(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        await UploadAsync(f, new ImportUpload("x.txt", Bytes(ImportFixture.Article("Ferry service resumes"))));
        var id = await f.QueryAsync(db => db.Articles.Select(a => a.Id).SingleAsync());
        var names = Enumerable.Range(1, 6).Select(i => $"By Reporter {i}").ToList();

        await Task.WhenAll(names.Select(name => Task.Run(async () =>
        {
            await using var db = f.NewContext();
            await ArticleCorrections.CorrectAsync(db, id, new Dictionary<MetadataField, string?> { [MetadataField.Byline] = name }, "editor" + name[^1], "byline from the print edition");
        })));

        // Each correction replaced what the one before it wrote: the history is one unbroken chain ending in the stored value.
        var history = await f.QueryAsync(db => ArticleCorrections.HistoryAsync(db, id));
        history.Should().HaveCount(names.Count);
        history.Select(c => c.NewValue).Should().BeEquivalentTo(names);
        history.Select(c => c.OldValue).Should().Equal([null, .. history.Select(c => c.NewValue).SkipLast(1)]);
        (await f.QueryAsync(db => db.Articles.SingleAsync())).Byline.Should().Be(history[^1].NewValue);
    }
}
