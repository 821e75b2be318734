using System.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace NewsCompare.Cli.Commands;

/// <summary>`info`: where the store is and what it holds.</summary>
internal static class StoreInfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the store's location and counts");
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await CliOptions.OpenStoreAsync(parse, ct);
            var captures = await db.Captures.CountAsync(ct);
            var articles = await db.Articles.CountAsync(ct);
            var stories = await db.Stories.CountAsync(ct);
            Console.WriteLine($"store: {CliOptions.Store(parse).Display} ({CliOptions.DatabaseChoice(parse)})");
            Console.WriteLine($"captures: {captures}, articles: {articles}, stories: {stories}");
            return 0;
        });
        return command;
    }
}
