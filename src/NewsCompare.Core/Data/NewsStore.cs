using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsCompare.Core.Data;

/// <summary>Opens the SQLite store: connection settings shared by the web app, the command line and the tests.</summary>
public static class NewsStore
{
    /// <summary>A connection string for the SQLite file at <paramref name="path"/>, creating its folder if needed.</summary>
    public static string SqliteConnectionString(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>Configures <paramref name="options"/> for the SQLite store at <paramref name="connectionString"/>.</summary>
    public static DbContextOptionsBuilder UseNewsStore(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(60))
               .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
               .AddInterceptors(SqlitePragmas.Instance);

    /// <summary>Options for a <see cref="NewsDb"/> on the SQLite file at <paramref name="path"/>.</summary>
    public static DbContextOptions<NewsDb> Options(string path) =>
        (DbContextOptions<NewsDb>)new DbContextOptionsBuilder<NewsDb>().UseNewsStore(SqliteConnectionString(path)).Options;

    /// <summary>Opens the store at <paramref name="path"/>, bringing its schema up to date.</summary>
    public static async Task<NewsDb> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var db = new NewsDb(Options(path));
        await SchemaMigrator.MigrateAsync(db, cancellationToken);
        return db;
    }
}
