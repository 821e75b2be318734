namespace NewsCompare.Web.Startup;

/// <summary>The "NewsCompare" configuration section. docs/web.md lists every key.</summary>
public sealed class NewsCompareOptions
{
    public const string Section = "NewsCompare";

    /// <summary>The SQLite store; empty for the shared default (NewsStore.DefaultPath); a relative path is taken from the content root.</summary>
    public string? Database { get; set; }
    /// <summary>The store's engine and connection (NewsCompare:Store:Provider, :ConnectionString); SQLite at <see cref="Database"/> when empty.</summary>
    public StoreOptions Store { get; set; } = new();
    /// <summary>The folder imported when the store is empty; default: the repository's seeds folder.</summary>
    public string? Seeds { get; set; }
    public bool SeedOnFirstStart { get; set; } = true;
    /// <summary>A file of outlets extending the built-in registry (docs/outlets.md); a relative path is taken from the content root.</summary>
    public string? Outlets { get; set; }
    /// <summary>
    /// A folder every instance of the app reads and writes, holding the keys that sign editors' cookies and forms, so a
    /// request may reach any instance (docs/deploy.md); each process's own default key folder when empty.
    /// </summary>
    public string? KeysFolder { get; set; }
    /// <summary>A rolling log file (one per day); no file when empty.</summary>
    public string? LogFile { get; set; }
    public EditorSeedOptions Editor { get; set; } = new();
    public UploadOptions Upload { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    public PageCacheOptions PageCache { get; set; } = new();
}

/// <summary>Which engine holds the store: docs/deploy.md.</summary>
public sealed class StoreOptions
{
    /// <summary><c>sqlite</c> (the default) or <c>postgres</c>.</summary>
    public string? Provider { get; set; }
    /// <summary>For PostgreSQL a postgres:// URI or an Npgsql connection string; for SQLite a file path (else <see cref="NewsCompareOptions.Database"/>).</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>Rendered pages kept in memory for anonymous readers until the store changes.</summary>
public sealed class PageCacheOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>The most memory the cached pages may take; the least used are dropped beyond it.</summary>
    public int SizeMegabytes { get; set; } = 64;
}

/// <summary>An editor created at start when the store has none.</summary>
public sealed class EditorSeedOptions
{
    public string? Name { get; set; }
    public string? Password { get; set; }
}

public sealed class UploadOptions
{
    public int MaxFiles { get; set; } = 1000;
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;
    public long MaxRequestBytes { get; set; } = 200L * 1024 * 1024;
    /// <summary>The most a zip may expand to, all entries together.</summary>
    public long MaxExpandedBytes { get; set; } = 500L * 1024 * 1024;
    /// <summary>The largest expanded/compressed ratio accepted for a zip entry (zip bombs expand thousands of times).</summary>
    public int MaxCompressionRatio { get; set; } = 200;
}

public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 10;
    /// <summary>Uploads per editor per minute.</summary>
    public int UploadPerMinute { get; set; } = 10;
}
