using System.CommandLine;
using System.Text;
using NewsCompare.Core.Editors;

namespace NewsCompare.Cli.Commands;

/// <summary>`add-editor NAME`: creates an editor who can sign in to the web app to import and regroup.</summary>
internal static class AddEditorCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The name the editor signs in with" };
        var password = new Option<string?>("--password")
        {
            Description = "The password (at least 10 characters); read from standard input when omitted",
        };
        var display = new Option<string?>("--display-name") { Description = "The name readers see on the editor's corrections (default: \"an editor\")" };
        var command = new Command("add-editor", "Create an editor who can sign in to import and regroup stories") { name, password, display };
        command.SetAction(async (parse, ct) =>
        {
            var userName = parse.GetValue(name)!;
            var problem = EditorAccounts.NameProblem(userName);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"add-editor: {problem}");
                return 2;
            }

            var secret = parse.GetValue(password) ?? ReadPassword();
            problem = EditorPasswords.Problem(secret) ?? EditorAccounts.DisplayNameProblem(parse.GetValue(display));
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"add-editor: {problem}");
                return 2;
            }

            await using var db = await CliOptions.OpenStoreAsync(parse, ct);
            try
            {
                var editor = await EditorAccounts.AddAsync(db, userName, secret!, ct);
                if (parse.GetValue(display) is { } shown) await EditorAccounts.SetDisplayNameAsync(db, editor.UserName, shown, ct);
                Console.WriteLine($"editor '{editor.UserName}' created in {CliOptions.Store(parse).Display}");
                return 0;
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"add-editor: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    // Piped input is read as one line; at a terminal the password is typed without echo.
    internal static string? ReadPassword()
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        Console.Error.Write("Password: ");
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
