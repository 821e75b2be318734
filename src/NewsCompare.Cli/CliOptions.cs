using System.CommandLine;
using NewsCompare.Core.Data;

namespace NewsCompare.Cli;

/// <summary>Options every verb shares, and how they resolve.</summary>
internal static class CliOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "The SQLite store file (default: $NewsCompare__Database, else the shared store in the user's data folder, the web app's too)",
        Recursive = true,
    };

    /// <summary>The store's full path: --db, else $NewsCompare__Database (both relative to the current folder), else the shared default.</summary>
    public static string DatabasePath(ParseResult parse) =>
        NewsStore.ResolvePath(parse.GetValue(Db) ?? Environment.GetEnvironmentVariable(NewsStore.DatabaseVariable), Environment.CurrentDirectory);

    /// <summary>Where <see cref="DatabasePath"/> came from, for `info`.</summary>
    public static string DatabaseChoice(ParseResult parse) =>
        parse.GetValue(Db) is not null ? "--db"
        : !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(NewsStore.DatabaseVariable)) ? "$" + NewsStore.DatabaseVariable
        : "the default, shared with the web app";

    public static Task<NewsDb> OpenStoreAsync(ParseResult parse, CancellationToken ct) =>
        NewsStore.OpenAsync(DatabasePath(parse), ct);
}
