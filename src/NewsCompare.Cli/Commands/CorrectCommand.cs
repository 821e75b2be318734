using System.CommandLine;
using NewsCompare.Core.Articles;

namespace NewsCompare.Cli.Commands;

/// <summary>`correct ARTICLE --date 2023-09-19 --reason ...`: an editor's correction of an article's metadata, recorded.</summary>
internal static class CorrectCommand
{
    public static Command Create()
    {
        var article = new Argument<long>("article") { Description = "The article id" };
        var fields = new Dictionary<MetadataField, Option<string?>>
        {
            [MetadataField.Outlet] = new("--outlet") { Description = "The outlet the article is credited to" },
            [MetadataField.Published] = new("--date") { Description = "The publication date (YYYY-MM-DD)" },
            [MetadataField.Url] = new("--url") { Description = "The address the capture was taken from" },
            [MetadataField.Headline] = new("--headline") { Description = "The headline" },
            [MetadataField.Byline] = new("--byline") { Description = "The byline (\"\" clears it)" },
            [MetadataField.Language] = new("--language") { Description = "The two-letter language code" },
        };
        var reason = new Option<string>("--reason") { Description = "Why (recorded with the correction)", Required = true };
        var editor = new Option<string?>("--editor") { Description = "Who corrects (default: the signed-in user's name)" };
        var command = new Command("correct", "Correct an article's outlet, date, address, headline, byline or language") { article, reason, editor };
        foreach (var option in fields.Values) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var values = fields.Where(f => parse.GetResult(f.Value) is not null).ToDictionary(f => f.Key, f => parse.GetValue(f.Value));
            if (values.Count == 0)
            {
                await Console.Error.WriteLineAsync("correct: name at least one value to correct (--outlet, --date, --url, --headline, --byline, --language)");
                return 2;
            }
            await using var db = await CliOptions.OpenStoreAsync(parse, ct);
            try
            {
                var id = parse.GetValue(article);
                var changes = await ArticleCorrections.CorrectAsync(db, id, values, parse.GetValue(editor) ?? Environment.UserName, parse.GetValue(reason)!, ct);
                if (changes.Count == 0) Console.WriteLine($"article {id}: already has these values; nothing changed");
                foreach (var c in changes)
                    Console.WriteLine($"article {id}: {ArticleCorrections.Name(Enum.Parse<MetadataField>(c.Field))} {c.OldValue ?? "(none)"} -> {c.NewValue ?? "(none)"}");
                return 0;
            }
            catch (ArticleCorrectionException e)
            {
                await Console.Error.WriteLineAsync($"correct: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
