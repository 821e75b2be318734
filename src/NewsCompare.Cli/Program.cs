using System.CommandLine;
using NewsCompare.Cli;
using NewsCompare.Cli.Commands;

var root = new RootCommand("NewsCompare: import news captures, group them into stories, compare how outlets cover an event.");
root.Options.Add(CliOptions.Db);

root.Subcommands.Add(StoreInfoCommand.Create());
root.Subcommands.Add(BenchExtractionCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(BenchImportCommand.Create());
root.Subcommands.Add(BenchGroupingCommand.Create());
root.Subcommands.Add(BenchMixedCommand.Create());
root.Subcommands.Add(BenchGroupingScaleCommand.Create());
root.Subcommands.Add(BenchStoriesCommand.Create());
root.Subcommands.Add(LearnGroupingCommand.Create());
root.Subcommands.Add(LearnLanguageWordsCommand.Create());
root.Subcommands.Add(GenerateCorpusCommand.Create());
root.Subcommands.Add(BuildBackgroundTermsCommand.Create());
root.Subcommands.Add(RegroupCommand.Create());
root.Subcommands.Add(CopyStoreCommand.Create());
root.Subcommands.Add(StoryCorrectionCommands.Move());
root.Subcommands.Add(StoryCorrectionCommands.Split());
root.Subcommands.Add(StoryCorrectionCommands.Merge());
root.Subcommands.Add(CorrectCommand.Create());
root.Subcommands.Add(AddEditorCommand.Create());
root.Subcommands.Add(EditorCommands.SetPassword());
root.Subcommands.Add(EditorCommands.Remove());
root.Subcommands.Add(EditorCommands.SetDisplayName());
root.Subcommands.Add(BenchWebCommand.Create());
root.Subcommands.Add(BenchSoakCommand.Create());
root.Subcommands.Add(StatementCommands.Learn());
root.Subcommands.Add(StatementCommands.Match());
root.Subcommands.Add(BenchStatementsCommand.Create());

// A store named wrongly or that cannot be opened, or a feature the store's engine does not run yet: one line saying so, not a stack trace.
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is NewsCompare.Core.Data.StoreTargetException or NewsCompare.Core.Data.StoreFeatureNotSupportedException
                               or NewsCompare.Core.Data.StoreUnavailableException)
{
    Console.Error.WriteLine($"newscompare: {e.Message}");
    return 2;
}
catch (Exception e)
{
    Console.Error.WriteLine(e);
    return 1;
}
