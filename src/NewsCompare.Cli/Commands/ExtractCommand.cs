using System.CommandLine;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Import;

namespace NewsCompare.Cli.Commands;

/// <summary>`extract`: prints as JSON what the importer makes of each file, without touching a store.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("files") { Description = "Capture files and folders", Arity = ArgumentArity.OneOrMore };
        var sources = new Option<string?>("--sources") { Description = "A sources manifest (JSON list of {file, url, published?, outlet?})" };
        var outlets = new Option<string?>("--outlets") { Description = "A JSON file of extra outlets extending the built-in registry" };
        var command = new Command("extract", "Show as JSON the article, metadata and dropped lines the importer finds in each file") { paths, sources, outlets };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<CaptureAnalysis> analyses;
            try
            {
                analyses = Importer.Analyze(parse.GetValue(paths)!, parse.GetValue(sources), new ImportOptions { OutletRegistryPath = parse.GetValue(outlets) });
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            foreach (var failed in analyses.Where(a => !a.Succeeded)) Console.Error.WriteLine($"{Importer.PrintableName(failed.File)}: {failed.Error}");
            var documents = analyses.Where(a => a.Succeeded).Select(a => ArticleDocument.From(a.Article!, a.Capture!, a.File));
            await using var stdout = Console.OpenStandardOutput();
            await ArticleJson.WriteArrayAsync(stdout, documents.ToAsyncEnumerable(), ct);
            await stdout.WriteAsync("\n"u8.ToArray(), ct);
            return analyses.All(a => a.Succeeded) ? 0 : 1;
        });
        return command;
    }
}
