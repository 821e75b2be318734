using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// A real store, a SQLite file in a temp folder or a database of its own on the PostgreSQL test server
/// (<see cref="ProviderStore"/>), with a quick way to add articles as the importer would.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly ProviderStore _store;
    private readonly string _path;
    private int _captures;

    private TestStore(ProviderStore store) => (_store, _path) = (store, store.Target.Provider == StoreProvider.Sqlite ? store.Target.Display : "");

    public NewsDb Db { get; private set; } = null!;

    /// <summary>The engine.</summary>
    public StoreProvider Provider => _store.Provider;

    /// <summary>The store's engine and connection.</summary>
    public StoreTarget Target => _store.Target;

    public static async Task<TestStore> CreateAsync(StoreProvider provider = StoreProvider.Sqlite)
    {
        var store = new TestStore(await ProviderStore.CreateAsync(provider));
        store.Db = await store._store.OpenAsync();
        return store;
    }

    /// <summary><paramref name="sql"/>, written with SQLite's names and flags, as this store's engine reads it.</summary>
    public string Sql(string sql) => Provider == StoreProvider.Postgres ? PostgresSql.Translate(sql) : sql;

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

    /// <summary>A second connection to the same store, as another reader (a web request) would have.</summary>
    public System.Data.Common.DbConnection OpenReader()
    {
        System.Data.Common.DbConnection connection = Provider == StoreProvider.Postgres
            ? new Npgsql.NpgsqlConnection(Target.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path}");
        connection.Open();
        return connection;
    }

    /// <summary>A second store object on the same store, as another process (an import beside a regroup) would have.</summary>
    public NewsDb OpenSecond() => new(NewsStore.Options(Target));

    /// <summary>The store file's full path.</summary>
    public string FilePath => _path;

    public async Task<Article> ArticleAsync(long id) => await Db.Articles.AsNoTracking().SingleAsync(a => a.Id == id);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _store.DisposeAsync();
    }
}
