using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Core.Tests.Extraction.Text;

namespace NewsCompare.Core.Tests.Import;

/// <summary>The real pipeline (real extractors, real store) on the five real captures in seeds/.</summary>
public sealed class SeedImportTests
{
    private static string SeedsFolder => Path.GetDirectoryName(SeedCaptureTests.SeedPath("000"))!;

    // Grouping off: these tests are about what the captures themselves say, not dates a story would infer.
    private static readonly ImportOptions Options = new() { GroupStories = false };

    public static TheoryData<StoreProvider, string, string?, string?, string?> WithManifest => OnEachEngine(new()
    {
        // seed, outlet, published, published source
        { "000", "CTV News", null, null },
        { "001", "Press TV", "2023-02-21", "url-path" },
        { "002", "Kpakpando FM", null, null },
        { "003", "Democracy News Live", null, null },
        { "004", "Sputnik", "2023-09-19", "url-path" },
    });

    public static TheoryData<StoreProvider, string, string?, string?, string?> WithoutManifest => OnEachEngine(new()
    {
        { "000", "CTV News", null, null },
        { "001", "Press TV", null, null },
        { "002", "Kpakpando FM", null, null },
        { "003", null, null, null },
        { "004", "Sputnik", "2023-09-19", "text" },
    });

    private static TheoryData<StoreProvider, string, string?, string?, string?> OnEachEngine(TheoryData<string, string?, string?, string?> rows)
    {
        var data = new TheoryData<StoreProvider, string, string?, string?, string?>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.Postgres })
            foreach (var row in rows)
            {
                var (seed, outlet, published, source) = ((string)row[0], (string?)row[1], (string?)row[2], (string?)row[3]);
                data.Add(provider, seed, outlet, published, source);
            }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(WithManifest))]
    public async Task ImportsEachSeedWithItsManifestKnowingOutletAndDate(StoreProvider provider, string seed, string? outlet, string? published, string? source)
    {
        await using var fixture = await ImportFixture.CreateAsync(provider);
        await using var db = await fixture.OpenAsync();
        var report = await new Importer(db, Options).ImportPathsAsync([SeedsFolder]);

        report.Failed.Should().Be(0);
        report.Imported.Should().Be(5);
        await ShouldHaveAsync(fixture, seed, outlet, published, source, expectUrl: true);
    }

    [SkippableTheory]
    [MemberData(nameof(WithoutManifest))]
    public async Task ImportsEachSeedWithoutAManifestKnowingWhatTheTextSays(StoreProvider provider, string seed, string? outlet, string? published, string? source)
    {
        await using var fixture = await ImportFixture.CreateAsync(provider);
        var files = Directory.GetFiles(SeedsFolder, "*.txt").Select(f => fixture.Write(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

        await using var db = await fixture.OpenAsync();
        var report = await new Importer(db, Options).ImportPathsAsync(files);

        report.Failed.Should().Be(0);
        await ShouldHaveAsync(fixture, seed, outlet, published, source, expectUrl: false);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task KeepsEveryLineOfEverySeedAsArticleTextOrRemovedClutter(StoreProvider provider)
    {
        await using var fixture = await ImportFixture.CreateAsync(provider);
        await using (var store = await fixture.OpenAsync()) await new Importer(store, Options).ImportPathsAsync([SeedsFolder]);
        await using var db = fixture.NewContext();

        foreach (var article in await db.Articles.Include(a => a.Clutter).Include(a => a.Capture).ToListAsync())
        {
            var kept = new[] { article.Headline, article.Standfirst, article.Byline, article.Dateline }
                .Concat(article.Paragraphs).Concat(article.Captions).Concat(article.Clutter.Select(c => c.Text))
                .Where(t => t is not null).Select(t => t!).ToList();
            // Compare with the decoded and repaired text: mojibake repair changes a few characters on purpose.
            var text = TextDecoder.Decode(CaptureContent.Read(article.Capture!)).Text;
            foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                kept.Should().Contain(k => k.Contains(line, StringComparison.Ordinal) || (k.Length > 0 && line.Contains(k, StringComparison.Ordinal)),
                    $"line \"{line}\" of {article.Capture!.FileName} should be kept somewhere");
            }
        }
    }

    private static async Task ShouldHaveAsync(ImportFixture fixture, string seed, string? outlet, string? published, string? source, bool expectUrl)
    {
        await using var db = fixture.NewContext();
        var article = await db.Articles.Include(a => a.Capture).SingleAsync(a => a.Capture!.FileName.Contains(seed + "_"));
        article.Outlet.Should().Be(outlet);
        article.PublishedInferred.Should().BeFalse();
        article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).Should().Be(published);
        if (published is null) article.Published.Should().BeNull();
        if (source is not null) article.PublishedSource.Should().StartWith(source);
        (article.Url is not null).Should().Be(expectUrl);
        article.Paragraphs.Should().NotBeEmpty();
    }
}
