using System.CommandLine;
using NewsCompare.Core.Data;

namespace NewsCompare.Cli;

/// <summary>Options every verb shares, and how they resolve.</summary>
internal static class CliOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "The SQLite store file (default: $NewsCompare__Database, else ./newscompare.db)",
        Recursive = true,
    };

    public static string DatabasePath(ParseResult parse) =>
        parse.GetValue(Db)
        ?? Environment.GetEnvironmentVariable("NewsCompare__Database")
        ?? "newscompare.db";

    public static Task<NewsDb> OpenStoreAsync(ParseResult parse, CancellationToken ct) =>
        NewsStore.OpenAsync(DatabasePath(parse), ct);
}
