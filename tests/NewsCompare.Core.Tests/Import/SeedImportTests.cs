using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Core.Tests.Extraction.Text;

namespace NewsCompare.Core.Tests.Import;

/// <summary>The real pipeline (real extractors, real store) on the five real captures in seeds/.</summary>
public sealed class SeedImportTests : IDisposable
{
    private readonly ImportFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static string SeedsFolder => Path.GetDirectoryName(SeedCaptureTests.SeedPath("000"))!;

    // Grouping off: these tests are about what the captures themselves say, not dates a story would infer.
    private static readonly ImportOptions Options = new() { GroupStories = false };

    public static TheoryData<string, string?, string?, string?> WithManifest => new()
    {
        // seed, outlet, published, published source
        { "000", "CTV News", null, null },
        { "001", "Press TV", "2023-02-21", "url-path" },
        { "002", "Kpakpando FM", null, null },
        { "003", "Democracy News Live", null, null },
        { "004", "Sputnik", "2023-09-19", "url-path" },
    };

    public static TheoryData<string, string?, string?, string?> WithoutManifest => new()
    {
        { "000", "CTV News", null, null },
        { "001", "Press TV", null, null },
        { "002", "Kpakpando FM", null, null },
        { "003", null, null, null },
        { "004", "Sputnik", "2023-09-19", "text" },
    };

    [Theory]
    [MemberData(nameof(WithManifest))]
    public async Task ImportsEachSeedWithItsManifestKnowingOutletAndDate(string seed, string? outlet, string? published, string? source)
    {
        var report = await new Importer(await NewsStore.OpenAsync(_fixture.DbPath), Options).ImportPathsAsync([SeedsFolder]);

        report.Failed.Should().Be(0);
        report.Imported.Should().Be(5);
        await ShouldHaveAsync(seed, outlet, published, source, expectUrl: true);
    }

    [Theory]
    [MemberData(nameof(WithoutManifest))]
    public async Task ImportsEachSeedWithoutAManifestKnowingWhatTheTextSays(string seed, string? outlet, string? published, string? source)
    {
        var files = Directory.GetFiles(SeedsFolder, "*.txt").Select(f => _fixture.Write(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

        var report = await new Importer(await NewsStore.OpenAsync(_fixture.DbPath), Options).ImportPathsAsync(files);

        report.Failed.Should().Be(0);
        await ShouldHaveAsync(seed, outlet, published, source, expectUrl: false);
    }

    [Fact]
    public async Task KeepsEveryLineOfEverySeedAsArticleTextOrRemovedClutter()
    {
        await new Importer(await NewsStore.OpenAsync(_fixture.DbPath), Options).ImportPathsAsync([SeedsFolder]);
        await using var db = new NewsDb(NewsStore.Options(_fixture.DbPath));

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

    private async Task ShouldHaveAsync(string seed, string? outlet, string? published, string? source, bool expectUrl)
    {
        await using var db = new NewsDb(NewsStore.Options(_fixture.DbPath));
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
