using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsCompare.Core.Extraction.Text;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// The real captures in seeds/: three events (000+001 in February 2023, 003+004 in September 2023, 002 alone in
/// 2022). Fed to the engine as the importer feeds it, through the plain-text extractor (on raw lines, clutter included,
/// the page furniture makes the two dated meetings look as alike as any report looks to either, and the undated reports
/// stand apart: see docs/stories.md, known limits); the dates are the ones the addresses carry, as the metadata
/// resolver reads them.
/// </summary>
public sealed partial class SeedGroupingTests
{
    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds"))) return Path.Combine(dir.FullName, "seeds");
        throw new DirectoryNotFoundException("seeds/ not found above the test folder");
    }

    internal static List<(string Prefix, StoryArticle Article)> LoadSeeds()
    {
        var folder = SeedsFolder();
        var urls = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sources.json"))).RootElement.EnumerateArray()
            .ToDictionary(e => e.GetProperty("file").GetString()!, e => e.GetProperty("url").GetString());
        return Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select((path, i) =>
        {
            var name = Path.GetFileName(path);
            var extracted = PlainTextExtractor.Extract(File.ReadAllText(path));
            var m = UrlDate().Match(urls.GetValueOrDefault(name) ?? "");
            DateOnly? date = m.Success ? DateOnly.ParseExact(m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value, "yyyyMMdd", CultureInfo.InvariantCulture) : null;
            return (name[..3], new StoryArticle(i + 1, extracted.Headline, extracted.Paragraphs, null, null, date));
        }).ToList();
    }

    [Fact]
    public void SeedsWithTheDatesTheirAddressesCarryFormTheThreeEventsAndAvoidTheQuoteTrap()
    {
        var seeds = LoadSeeds();
        seeds.Count(s => s.Article.Published is not null).Should().Be(2, "two of the five addresses carry a date");
        var result = StoryEngine.Group(seeds.Select(s => s.Article).ToList());
        int StoryOf(string prefix) => result.Placements[seeds.Single(s => s.Prefix == prefix).Article.Id].Story;

        StoryOf("001").Should().Be(StoryOf("000"), "both report Wang Yi's February visit");
        StoryOf("004").Should().Be(StoryOf("003"), "both report the September talks");
        StoryOf("004").Should().NotBe(StoryOf("000"), "the shared Patrushev quote is from meetings seven months apart");
        StoryOf("002").Should().NotBe(StoryOf("000"), "the undated Nanping report fits the February meeting no better than the topic's other meeting does")
            .And.NotBe(StoryOf("004"));
        result.Placements[seeds.Single(s => s.Prefix == "000").Article.Id].InferredDate.Should().Be(new DateOnly(2023, 2, 21));
    }

    [Fact]
    public void SeedsWithoutDatesSetTheNanpingReportApartAndFlagTheTwoMoscowMeetings()
    {
        var seeds = LoadSeeds().Select(s => (s.Prefix, Article: s.Article with { Published = null })).ToList();
        var result = StoryEngine.Group(seeds.Select(s => s.Article).ToList());
        int StoryOf(string prefix) => result.Placements[seeds.Single(s => s.Prefix == prefix).Article.Id].Story;

        result.Stories[StoryOf("002")].Articles.Should().ContainSingle("another counterpart in another city: the Nanping report stands alone");
        new[] { "001", "003", "004" }.Select(StoryOf).Should().AllBeEquivalentTo(StoryOf("000"), "nothing undated tells the two Moscow meetings apart here");
        var moscow = result.Stories[StoryOf("000")];
        moscow.Mixed.Should().NotBeNull("a story of two meetings must say it may hold more than one event");
        moscow.Mixed!.Keep.Concat(moscow.Mixed.Move).Should().HaveCount(4);
    }

    [GeneratedRegex(@"[/_-]((?:19|20)\d\d)/?(0[1-9]|1[0-2])/?(0[1-9]|[12]\d|3[01])(?:[/_-]|\d{3,})")]
    private static partial Regex UrlDate();
}
