using System.CommandLine;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>`move`, `split`, `merge`: a person's corrections of the grouping, recorded and kept by `regroup`.</summary>
internal static class StoryCorrectionCommands
{
    private static Option<string> Reason() => new("--reason") { Description = "Why (recorded with the correction)", Required = true };

    public static Command Move()
    {
        var article = new Argument<long>("article") { Description = "The article id" };
        var to = new Option<string>("--to") { Description = "The story id to move it to, or \"new\" for a story of its own", Required = true };
        var reason = Reason();
        var command = new Command("move", "Move an article to another story (or a new one)") { article, to, reason };
        command.SetAction((parse, ct) => Run(parse, ct, async stories =>
        {
            var target = parse.GetValue(to)!.Trim();
            long? storyId = null;
            if (!string.Equals(target, "new", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(target, out var id)) throw new StoryCorrectionException($"--to: \"{target}\" is neither a story id nor \"new\"");
                storyId = id;
            }
            var now = await stories.MoveAsync(parse.GetValue(article), storyId, parse.GetValue(reason)!, ct);
            Console.WriteLine($"article {parse.GetValue(article)} is now in story {now}");
        }));
        return command;
    }

    public static Command Split()
    {
        var story = new Argument<long>("story") { Description = "The story id" };
        var articles = new Argument<long[]>("articles") { Description = "The articles that form the new story", Arity = ArgumentArity.OneOrMore };
        var reason = Reason();
        var command = new Command("split", "Split some articles out of a story into a new one") { story, articles, reason };
        command.SetAction((parse, ct) => Run(parse, ct, async stories =>
        {
            var created = await stories.SplitAsync(parse.GetValue(story), parse.GetValue(articles)!, parse.GetValue(reason)!, ct);
            Console.WriteLine($"split into new story {created}");
        }));
        return command;
    }

    public static Command Merge()
    {
        var story = new Argument<long>("story") { Description = "The story that remains" };
        var other = new Argument<long>("other") { Description = "The story merged into it" };
        var reason = Reason();
        var command = new Command("merge", "Merge two stories") { story, other, reason };
        command.SetAction((parse, ct) => Run(parse, ct, async stories =>
        {
            var kept = await stories.MergeAsync(parse.GetValue(story), parse.GetValue(other), parse.GetValue(reason)!, ct);
            Console.WriteLine($"merged into story {kept}");
        }));
        return command;
    }

    private static async Task<int> Run(ParseResult parse, CancellationToken ct, Func<StoryStore, Task> action)
    {
        await using var db = await CliOptions.OpenStoreAsync(parse, ct);
        try
        {
            await action(new StoryStore(db));
            return 0;
        }
        catch (StoryCorrectionException ex)
        {
            Console.Error.WriteLine($"{parse.CommandResult.Command.Name}: {ex.Message}");
            return 2;
        }
    }
}
