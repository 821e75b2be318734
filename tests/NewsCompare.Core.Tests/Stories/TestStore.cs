using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>A real SQLite store in a temp folder, with a quick way to add articles as the importer would.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nc-stories-{Guid.NewGuid():N}.db");
    private int _captures;

    public NewsDb Db { get; private set; } = null!;

    public static async Task<TestStore> CreateAsync()
    {
        var store = new TestStore();
        store.Db = await NewsStore.OpenAsync(store._path);
        return store;
    }

    public async Task<long> AddAsync(string headline, string body, string? outlet = null, DateOnly? published = null, string? language = null)
    {
        var n = ++_captures;
        var capture = new Capture
        {
            Sha256 = $"{n:x64}", StoredContent = System.Text.Encoding.UTF8.GetBytes(body), FileName = $"{n}.txt",
            Format = "text", Encoding = "utf-8", ImportedAt = DateTime.UtcNow,
        };
        Db.Captures.Add(capture);
        await Db.SaveChangesAsync();
        var article = new Article
        {
            CaptureId = capture.Id, Headline = headline, Outlet = outlet ?? $"outlet{n}", Language = language, Published = published,
            PublishedSource = published is null ? null : "manifest",
            Paragraphs = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            ImportedAt = DateTime.UtcNow,
        };
        Db.Articles.Add(article);
        await Db.SaveChangesAsync();
        Db.ChangeTracker.Clear();
        return article.Id;
    }

    /// <summary>A second connection to the same file, as another reader (a web request) would have.</summary>
    public Microsoft.Data.Sqlite.SqliteConnection OpenReader()
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path}");
        connection.Open();
        return connection;
    }

    /// <summary>A second store object on the same file, as another process (an import beside a regroup) would have.</summary>
    public NewsDb OpenSecond() => new(NewsStore.Options(_path));

    /// <summary>The store file's full path.</summary>
    public string FilePath => _path;

    public async Task<Article> ArticleAsync(long id) => await Db.Articles.AsNoTracking().SingleAsync(a => a.Id == id);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
    }
}
