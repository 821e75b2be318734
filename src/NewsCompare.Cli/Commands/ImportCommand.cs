using System.CommandLine;
using NewsCompare.Core.Import;
using Spectre.Console;

namespace NewsCompare.Cli.Commands;

/// <summary>`import`: imports capture files and folders into the store, then prints what happened to each file.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Capture files and folders (folders are read recursively)", Arity = ArgumentArity.OneOrMore };
        var sources = new Option<string?>("--sources") { Description = "A sources manifest (JSON list of {file, url, published?, outlet?}); a folder's own sources.json is used automatically" };
        var outlets = new Option<string?>("--outlets") { Description = "A JSON file of extra outlets extending the built-in registry" };
        var maxMb = new Option<double>("--max-file-mb") { Description = "Files larger than this fail", DefaultValueFactory = _ => ImportOptions.DefaultMaxFileBytes / 1048576.0 };
        var batch = new Option<int>("--batch-size") { Description = "Files written per transaction", DefaultValueFactory = _ => new ImportOptions().BatchSize };
        var noGroup = new Option<bool>("--no-group") { Description = "Leave the imported articles ungrouped; a later import or `regroup --pending` places them" };
        var command = new Command("import", "Import captures (plain text or saved HTML) into the store") { paths, sources, outlets, maxMb, batch, noGroup };
        command.SetAction(async (parse, ct) =>
        {
            var options = new ImportOptions { OutletRegistryPath = parse.GetValue(outlets), MaxFileBytes = (long)(parse.GetValue(maxMb) * 1048576),
                BatchSize = Math.Max(1, parse.GetValue(batch)), GroupStories = !parse.GetValue(noGroup) };
            await using var db = await CliOptions.OpenStoreAsync(parse, ct);
            Importer importer;
            try
            {
                importer = new Importer(db, options);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            var files = parse.GetValue(paths)!;
            var manifest = parse.GetValue(sources);
            ImportReport report;
            var interactive = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
            if (interactive)
            {
                report = await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Importing", maxValue: 1);
                    var progress = new Progress<ImportProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                        task.Description = Markup.Escape(Importer.PrintableName(Path.GetFileName(p.Current)));
                    });
                    return await importer.ImportPathsAsync(files, manifest, progress, ct);
                });
            }
            else report = await importer.ImportPathsAsync(files, manifest, null, ct);

            PrintSummary(report, interactive);
            return report.Failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static void PrintSummary(ImportReport report, bool interactive)
    {
        var counts = new Table().AddColumns("imported", "new versions", "unchanged", "failed", "metadata updated");
        counts.AddRow((report.Imported - report.NewVersions).ToString(), report.NewVersions.ToString(), report.Unchanged.ToString(), report.Failed.ToString(),
            report.Updated.ToString());
        AnsiConsole.Write(counts);
        if (report.Grouping is { Rebuilt: true })
            Console.WriteLine("stories: the store had been grouped by an older version that read other terms from text; every story was rebuilt (as regroup does)");
        if (report.Grouping is { } g)
            Console.WriteLine($"stories: {g.Describe()}");

        var notes = report.Results.Where(r => r.Reason is not null).ToList();
        static string Outcome(ImportResult r) => r.Outcome switch
        {
            ImportOutcome.Failed => "failed",
            ImportOutcome.Updated => "updated",
            _ => $"{r.Outcome.ToString().ToLowerInvariant()} with a warning",
        };
        if (notes.Count == 0) return;
        if (!interactive)
        {
            // One line per file, never wrapped, so scripts and people can grep for a file name.
            foreach (var r in notes) Console.WriteLine($"{Importer.PrintableName(r.File)}: {Outcome(r)}: {Importer.PrintableName(r.Reason!)}");
            return;
        }
        var table = new Table().AddColumns("file", "outcome", "reason");
        foreach (var r in notes) table.AddRow(Markup.Escape(Importer.PrintableName(r.File)), Outcome(r), Markup.Escape(Importer.PrintableName(r.Reason!)));
        AnsiConsole.Write(table);
    }
}
