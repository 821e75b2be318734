using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsCompare.Core.Data;

/// <summary>Opens the store (SQLite or PostgreSQL): connection settings shared by the web app, the command line and the tests.</summary>
public static class NewsStore
{
    /// <summary>The environment variable both the command line and the web app read for the store's path.</summary>
    public const string DatabaseVariable = "NewsCompare__Database";

    /// <summary>
    /// The store used when none is configured: <c>NewsCompare/newscompare.db</c> in the user's local data folder
    /// (<c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows,
    /// <c>~/Library/Application Support</c> on macOS), so the command line and the web app share one store wherever
    /// they are started from.
    /// </summary>
    public static string DefaultPath
    {
        get
        {
            var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            // A service account without a home folder: beside the program, the one place both can still agree on.
            if (string.IsNullOrEmpty(data)) data = AppContext.BaseDirectory;
            return Path.Combine(data, "NewsCompare", "newscompare.db");
        }
    }

    /// <summary>
    /// The full path of a configured store: <see cref="DefaultPath"/> when <paramref name="configured"/> is empty, else
    /// <paramref name="configured"/> taken from <paramref name="baseFolder"/> when relative.
    /// </summary>
    public static string ResolvePath(string? configured, string baseFolder) =>
        string.IsNullOrWhiteSpace(configured) ? DefaultPath : Path.GetFullPath(Path.Combine(baseFolder, configured.Trim()));

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
        options.UseNewsStore(new StoreTarget(StoreProvider.Sqlite, connectionString, connectionString));

    /// <summary>Configures <paramref name="options"/> for <paramref name="target"/>'s engine and connection.</summary>
    public static DbContextOptionsBuilder UseNewsStore(this DbContextOptionsBuilder options, StoreTarget target) =>
        StoreDialect.Of(target.Provider).Configure(options, target.ConnectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    /// <summary>Options for a <see cref="NewsDb"/> on the SQLite file at <paramref name="path"/>.</summary>
    public static DbContextOptions<NewsDb> Options(string path) => Options(StoreTarget.Sqlite(path));

    /// <summary>Options for a <see cref="NewsDb"/> on <paramref name="target"/>.</summary>
    public static DbContextOptions<NewsDb> Options(StoreTarget target) =>
        (DbContextOptions<NewsDb>)new DbContextOptionsBuilder<NewsDb>().UseNewsStore(target).Options;

    /// <summary>Opens the SQLite store at <paramref name="path"/>, bringing its schema up to date.</summary>
    public static Task<NewsDb> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(StoreTarget.Sqlite(path), cancellationToken);

    /// <summary>Opens the store <paramref name="target"/> names, bringing its schema up to date.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be opened or is not a NewsCompare store; the message names it and says why.</exception>
    public static async Task<NewsDb> OpenAsync(StoreTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var db = new NewsDb(Options(target));
        try
        {
            await SchemaMigrator.MigrateAsync(db, cancellationToken);
        }
        catch (Exception e)
        {
            await db.DisposeAsync();
            if (StoreUnavailableException.Explain(target, e) is { } explained) throw explained;
            throw;
        }
        return db;
    }
}
