using System.CommandLine;
using NewsCompare.Cli;
using NewsCompare.Cli.Commands;

var root = new RootCommand("NewsCompare: import news captures, group them into stories, compare how outlets cover an event.");
root.Options.Add(CliOptions.Db);

root.Subcommands.Add(StoreInfoCommand.Create());
root.Subcommands.Add(BenchExtractionCommand.Create());
root.Subcommands.Add(AddEditorCommand.Create());
root.Subcommands.Add(BenchWebCommand.Create());

return await root.Parse(args).InvokeAsync();
