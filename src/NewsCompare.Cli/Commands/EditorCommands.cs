using System.CommandLine;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `set-password`, `remove-editor` and `set-display-name`: changes to an existing editor. A new password and a
/// removal end the editor's sign-ins in the web app on their next request.
/// </summary>
internal static class EditorCommands
{
    public static Command SetPassword()
    {
        var name = NameArgument();
        var password = new Option<string?>("--password") { Description = "The new password (at least 10 characters); read from standard input when omitted" };
        var command = new Command("set-password", "Give an editor a new password and sign them out everywhere") { name, password };
        command.SetAction((parse, ct) => Change(parse, "set-password", ct, async db =>
        {
            var secret = parse.GetValue(password) ?? AddEditorCommand.ReadPassword();
            if (EditorPasswords.Problem(secret) is { } problem) throw new ArgumentException(problem);
            await EditorAccounts.SetPasswordAsync(db, parse.GetValue(name)!, secret!, ct);
            return $"password of '{parse.GetValue(name)}' changed; their earlier sign-ins no longer work";
        }));
        return command;
    }

    public static Command Remove()
    {
        var name = NameArgument();
        var command = new Command("remove-editor", "Remove an editor; their sign-ins stop working at once (their corrections stay)") { name };
        command.SetAction((parse, ct) => Change(parse, "remove-editor", ct, async db =>
        {
            await EditorAccounts.RemoveAsync(db, parse.GetValue(name)!, ct);
            return $"editor '{parse.GetValue(name)}' removed";
        }));
        return command;
    }

    public static Command SetDisplayName()
    {
        var name = NameArgument();
        var shown = new Argument<string?>("display-name") { Description = "The name readers see on the editor's corrections; omit to show \"an editor\"", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("set-display-name", "Set the name readers see on an editor's corrections (the sign-in name is never shown to readers)") { name, shown };
        command.SetAction((parse, ct) => Change(parse, "set-display-name", ct, async db =>
        {
            await EditorAccounts.SetDisplayNameAsync(db, parse.GetValue(name)!, parse.GetValue(shown), ct);
            return $"'{parse.GetValue(name)}' is shown to readers as \"{(string.IsNullOrWhiteSpace(parse.GetValue(shown)) ? "an editor" : parse.GetValue(shown)!.Trim())}\"";
        }));
        return command;
    }

    private static Argument<string> NameArgument() => new("name") { Description = "The editor's sign-in name" };

    /// <summary>Runs one change against the store: exit 0 and a line saying what changed, else 1 and the reason.</summary>
    private static async Task<int> Change(ParseResult parse, string verb, CancellationToken ct, Func<NewsDb, Task<string>> change)
    {
        await using var db = await CliOptions.OpenStoreAsync(parse, ct);
        try
        {
            Console.WriteLine(await change(db));
            return 0;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{verb}: {e.Message}");
            return 1;
        }
    }
}
