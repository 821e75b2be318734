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
root.Subcommands.Add(BenchGroupingScaleCommand.Create());
root.Subcommands.Add(BenchStoriesCommand.Create());
root.Subcommands.Add(LearnGroupingCommand.Create());
root.Subcommands.Add(LearnLanguageWordsCommand.Create());
root.Subcommands.Add(GenerateCorpusCommand.Create());
root.Subcommands.Add(BuildBackgroundTermsCommand.Create());
root.Subcommands.Add(RegroupCommand.Create());
root.Subcommands.Add(StoryCorrectionCommands.Move());
root.Subcommands.Add(StoryCorrectionCommands.Split());
root.Subcommands.Add(StoryCorrectionCommands.Merge());
root.Subcommands.Add(AddEditorCommand.Create());
root.Subcommands.Add(BenchWebCommand.Create());

return await root.Parse(args).InvokeAsync();
