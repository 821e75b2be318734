using System.CommandLine;
using NewsCompare.Core.Data;

namespace NewsCompare.Cli;

/// <summary>Options every verb shares, and how they resolve.</summary>
internal static class CliOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "The store: a SQLite file, or a PostgreSQL database as postgres://user:password@host:5432/database (default: $NewsCompare__Database, else the shared SQLite store in the user's data folder, the web app's too)",
        Recursive = true,
    };

    /// <summary>The store: --db, else $NewsCompare__Database (a path relative to the current folder, or a postgres:// URI), else the shared default.</summary>
    /// <exception cref="StoreTargetException">A URI that names no usable database.</exception>
    public static StoreTarget Store(ParseResult parse) =>
        StoreTarget.Resolve(parse.GetValue(Db) ?? Environment.GetEnvironmentVariable(NewsStore.DatabaseVariable), Environment.CurrentDirectory);

    /// <summary>The SQLite store file's full path, for verbs that work on the file itself (the benchmarks).</summary>
    /// <exception cref="StoreFeatureNotSupportedException">The store is a PostgreSQL database.</exception>
    public static string DatabasePath(ParseResult parse)
    {
        var store = Store(parse);
        StoreDialect.Of(store.Provider).Require(StoreFeature.Benchmarks);
        return store.Display;
    }

    /// <summary>Where <see cref="DatabasePath"/> came from, for `info`.</summary>
    public static string DatabaseChoice(ParseResult parse) =>
        parse.GetValue(Db) is not null ? "--db"
        : !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(NewsStore.DatabaseVariable)) ? "$" + NewsStore.DatabaseVariable
        : "the default, shared with the web app";

    public static Task<NewsDb> OpenStoreAsync(ParseResult parse, CancellationToken ct) =>
        NewsStore.OpenAsync(Store(parse), ct);
}
