using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;
using NewsCompare.Core.Import;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Data;

public sealed class StoreCopierTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nc-copy-{Guid.NewGuid():N}")).FullName;

    [SkippableFact]
    public async Task ACollectionCopiedToPostgresAndBackReadsTheSameWithEveryCaptureIntact()
    {
        await using var original = await ProviderStore.CreateAsync(StoreProvider.Sqlite);
        await using var postgres = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        await using var back = await ProviderStore.CreateAsync(StoreProvider.Sqlite);
        await using (var db = await original.OpenAsync()) await FillAsync(db);

        var there = await CopyAsync(original, postgres);
        var home = await CopyAsync(postgres, back);

        there.CapturesVerified.Should().Be(8);
        home.Rows.Should().Equal(there.Rows);
        there.Rows.Should().Contain([("MetadataChanges", 1L), ("StoryCorrections", 1L), ("Editors", 1L)]);
        there.Rows.Where(r => r.Table.StartsWith("StoryPostings", StringComparison.Ordinal)).Sum(r => r.Rows).Should().BePositive();
        var expected = await ReadableAsync(original);
        (await ReadableAsync(postgres)).Should().Be(expected);
        (await ReadableAsync(back)).Should().Be(expected);

        await using var reopened = await postgres.OpenAsync();
        var added = await EditorAccounts.AddAsync(reopened, "second", "another long password");
        added.Id.Should().BeGreaterThan(1, "the copied ids are taken");
        (await reopened.Captures.AsNoTracking().Where(c => c.Storage == CaptureContent.Brotli).CountAsync()).Should().BePositive();
    }

    [Fact]
    public async Task ACopyIntoAStoreThatHoldsCapturesIsRefusedAndChangesNothing()
    {
        await using var first = await ProviderStore.CreateAsync(StoreProvider.Sqlite);
        await using var second = await ProviderStore.CreateAsync(StoreProvider.Sqlite);
        await using (var db = await first.OpenAsync()) await FillAsync(db);
        await using (var db = await second.OpenAsync()) await new Importer(db).ImportPathsAsync([Directory.GetFiles(Path.Combine(RepoRoot(), "seeds"), "*.txt")[0]]);

        var copy = () => CopyAsync(first, second);

        await copy.Should().ThrowAsync<InvalidOperationException>().WithMessage("*not empty*");
        await using var check = await second.OpenAsync();
        (await check.Captures.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task ASqliteStoreCopiedToAnotherFileReadsTheSame()
    {
        await using var original = await ProviderStore.CreateAsync(StoreProvider.Sqlite);
        await using var copy = await ProviderStore.CreateAsync(StoreProvider.Sqlite);
        await using (var db = await original.OpenAsync()) await FillAsync(db);

        var report = await CopyAsync(original, copy);

        report.CapturesVerified.Should().Be(8);
        (await ReadableAsync(copy)).Should().Be(await ReadableAsync(original));
    }

    private static async Task<StoreCopyReport> CopyAsync(ProviderStore from, ProviderStore to)
    {
        await using var source = await from.OpenAsync();
        await using var destination = await to.OpenAsync();
        return await StoreCopier.CopyAsync(source, destination);
    }

    /// <summary>Everything a reader sees: the export of articles and stories, corrections and metadata history.</summary>
    private static async Task<string> ReadableAsync(ProviderStore store)
    {
        await using var db = await store.OpenAsync();
        using var articles = new MemoryStream();
        await ArticleJson.WriteArrayAsync(articles, ArticleJson.LatestAsync(db));
        var stories = await StoriesExport.ListAsync(db).ToListAsync();
        var corrections = await StoryStore.CorrectionsAsync(db);
        var history = await db.MetadataChanges.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        var memberships = await db.StoryMemberships.AsNoTracking().OrderBy(m => m.ArticleId).ToListAsync();
        var editors = await db.Set<Editor>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        return Encoding.UTF8.GetString(articles.ToArray()) + JsonSerializer.Serialize(new { stories, corrections, history, memberships, editors }, Times);
    }

    // PostgreSQL keeps times to the microsecond and says they are UTC; SQLite keeps the text the store wrote.
    private static readonly JsonSerializerOptions Times = new() { Converters = { new MicrosecondTimes() } };

    private sealed class MicrosecondTimes : System.Text.Json.Serialization.JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(new DateTime(value.Ticks - value.Ticks % 10, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The seeds, two large captures (stored compressed), a metadata correction, a move and an editor.</summary>
    private async Task FillAsync(NewsDb db)
    {
        var seeds = Path.Combine(RepoRoot(), "seeds");
        var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
        files.Add(Write("lang-de.txt", Report("Neue Brücke über die Elbe eröffnet", "Die Brücke verbindet beide Ufer der Stadt und wurde nach vier Jahren Bauzeit eröffnet.", 400)));
        files.Add(Write("lang-fr.txt", Report("Un nouveau pont ouvre sur la Loire", "Le pont relie les deux rives de la ville après quatre années de travaux.", 400)));
        files.Add(Write("lang-es.txt", Report("Se inaugura un puente sobre el Ebro", "El puente une las dos orillas tras cuatro años de obras.", 5)));
        var report = await new Importer(db).ImportPathsAsync(files, Path.Combine(seeds, "sources.json"));
        report.Results.Should().OnlyContain(r => r.Outcome == ImportOutcome.Imported);

        var ids = report.Results.Select(r => r.ArticleId!.Value).ToList();
        await ArticleCorrections.CorrectAsync(db, ids[0], new Dictionary<MetadataField, string?> { [MetadataField.Outlet] = "Corrected Outlet" }, "editor", "wrong outlet");
        await new StoryStore(db).MoveAsync(ids[^1], null, "a story of its own");
        await EditorAccounts.AddAsync(db, "Anna", "correct horse battery");
    }

    private static string Report(string headline, string sentence, int repeat) =>
        headline + "\n\n" + string.Join("\n\n", Enumerable.Range(1, repeat).Select(i => $"{sentence} ({i})"));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsCompare.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("NewsCompare.sln not found above the test folder");
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
