using System.CommandLine;
using System.Text.Json;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>`stories`: the stories listing as JSON lines (the integrator exposes it as `export --stories`).</summary>
internal static class StoriesCommand
{
    public static Command Create()
    {
        var command = new Command("stories", "List stories as JSON lines: id, title, firstDate, lastDate, articles, independentVersions, outlets, relatedStories");
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await CliOptions.OpenStoreAsync(parse, ct);
            await WriteAsync(db, Console.Out, ct);
            return 0;
        });
        return command;
    }

    /// <summary>Writes every story as one JSON object per line.</summary>
    public static async Task WriteAsync(Core.Data.NewsDb db, TextWriter output, CancellationToken ct)
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        await foreach (var story in StoriesExport.ListAsync(db, ct))
            await output.WriteLineAsync(JsonSerializer.Serialize(story, options));
    }
}
