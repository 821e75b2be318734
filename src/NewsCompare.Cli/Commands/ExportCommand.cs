using System.CommandLine;
using System.Text.Json;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>`export`: prints every stored article (latest versions), or with --stories every story, as a JSON array.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var stories = new Option<bool>("--stories")
        {
            Description = "Print the stories instead: id, title, firstDate, lastDate, articles, independentVersions, outlets, relatedStories, articleIds",
        };
        var command = new Command("export", "Print every stored article (latest versions) as a JSON array") { output, stories };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await CliOptions.OpenStoreAsync(parse, ct);
            var path = parse.GetValue(output);
            await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            if (parse.GetValue(stories))
                await JsonSerializer.SerializeAsync(stream, StoriesExport.ListAsync(db, ct), ArticleJson.Options, ct);
            else
                await ArticleJson.WriteArrayAsync(stream, ArticleJson.LatestAsync(db, ct), ct);
            await stream.WriteAsync("\n"u8.ToArray(), ct);
            return 0;
        });
        return command;
    }
}
