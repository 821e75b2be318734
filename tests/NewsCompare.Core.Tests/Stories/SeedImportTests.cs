using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// The real captures in seeds/ through the real import path (extraction, metadata, grouping on import): three events,
/// 000+001 (February 2023), 003+004 (September 2023) and 002 alone (2022). Only 001 and 004 carry dates, in their
/// addresses, which the importer reads from seeds/sources.json.
/// </summary>
public sealed class SeedImportTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsCompare.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("NewsCompare.sln not found above the test folder");
    }

    /// <summary>
    /// Imports the seed captures (with or without their sources manifest) and returns file prefix → story id, the
    /// stories flagged as possibly mixed, and how many articles got an inferred date.
    /// </summary>
    private static async Task<(Dictionary<string, long?> Story, List<long> Mixed, int Inferred)> ImportSeedsAsync(bool withSources)
    {
        var seeds = Path.Combine(RepoRoot(), "seeds");
        var folder = Path.Combine(Path.GetTempPath(), $"nc-seeds-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(seeds, "*.txt")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        if (withSources) File.Copy(Path.Combine(seeds, "sources.json"), Path.Combine(folder, "sources.json"));
        var dbPath = Path.Combine(folder, "store.db");
        try
        {
            await using var db = await NewsStore.OpenAsync(dbPath);
            var report = await new Importer(db).ImportPathsAsync([.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)], withSources ? Path.Combine(folder, "sources.json") : null);
            var rows = await db.Articles.AsNoTracking().Join(db.Captures.AsNoTracking(), a => a.CaptureId, c => c.Id, (a, c) => new { c.FileName, a.StoryId }).ToListAsync();
            rows.Should().HaveCount(5, "each seed capture is one article");
            var mixed = await db.Stories.AsNoTracking().Where(s => s.MixedSplit != null).Select(s => s.Id).ToListAsync();
            var inferred = await db.Articles.CountAsync(a => a.PublishedInferred);
            return (rows.ToDictionary(r => Path.GetFileName(r.FileName)[..3], r => r.StoryId), mixed, inferred);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    private static List<string> Groups(Dictionary<string, long?> story) =>
        story.GroupBy(kv => kv.Value).Select(g => string.Join(',', g.Select(kv => kv.Key).Order())).Order().ToList();

    [Fact]
    public async Task ImportedSeedsWithTheirSourcesFormExactlyTheThreeEvents()
    {
        var (story, _, _) = await ImportSeedsAsync(withSources: true);

        story.Values.Should().AllSatisfy(s => s.Should().NotBeNull("every imported article is grouped"));
        Groups(story).Should().BeEquivalentTo(["000,001", "002", "003,004"],
            "001 and 004 are dated seven months apart by their addresses; the undated 000 and 003 share their meetings' details; the undated 002 fits neither better than they fit each other");
    }

    [Fact]
    public async Task ImportedSeedsWithoutTheirSourcesSetTheNanpingReportApartAndLendNoDatesAcrossTheMoscowMeetings()
    {
        var (story, mixed, inferred) = await ImportSeedsAsync(withSources: false);

        Groups(story).Should().Contain("002", "the Nanping report names another counterpart and city");
        if (story["000"] == story["003"])
        {
            Groups(story).Should().BeEquivalentTo(["000,001,003,004", "002"]);
            mixed.Should().Contain(story["000"]!.Value, "a story of both Moscow meetings must say it may hold more than one event");
            inferred.Should().Be(0, "a flagged story lends no dates: 004's caption date is the September meeting's, not February's");
        }
        else Groups(story).Should().BeEquivalentTo(["000,001", "002", "003,004"]);
    }
}
