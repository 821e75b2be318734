using System.CommandLine;
using System.Text.Json;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `build-background-terms`: counts how many articles of a sample of varied news use each term, the way story
/// grouping reads terms, and writes the background file the engine ships (Stories/background-terms.txt).
/// </summary>
internal static class BuildBackgroundTermsCommand
{
    public static Command Create()
    {
        var dataset = new Argument<DirectoryInfo>("dataset")
        {
            Description = "A folder with ground-truth.json ({id: {articleBody}}): article bodies, paragraphs separated by blank lines",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "datasets", "article-extraction-dev")),
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "The file to write",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "NewsCompare.Core", "Stories", "background-terms.txt")),
        };
        var minDocuments = new Option<int>("--min-documents") { Description = "Leave out terms fewer articles use", DefaultValueFactory = _ => 2 };
        var command = new Command("build-background-terms", "Count term document frequencies over a news sample for story grouping's background")
        {
            dataset, output, minDocuments,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dataset)!;
            var truth = Path.Combine(folder.FullName, "ground-truth.json");
            if (!File.Exists(truth))
            {
                Console.Error.WriteLine($"{truth}: not found (the folder needs ground-truth.json with an articleBody per page)");
                return 2;
            }
            List<StoryArticle> articles = [];
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(truth));
                foreach (var page in doc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (page.Value.ValueKind != JsonValueKind.Object || !page.Value.TryGetProperty("articleBody", out var body) || body.GetString() is not { } text)
                        continue;
                    var paragraphs = text.Replace("\r", "", StringComparison.Ordinal)
                        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    if (paragraphs.Count > 0) articles.Add(new StoryArticle(articles.Count + 1, null, paragraphs, null, null, null));
                }
            }
            catch (JsonException ex)
            {
                Console.Error.WriteLine($"{truth}: not valid JSON ({ex.Message})");
                return 2;
            }
            var description =
                $"Background term document frequencies for story grouping (NewsCompare.Core.Stories.BackgroundTerms).\n" +
                $"Counted over the {articles.Count} article bodies of {folder.Name}/ground-truth.json (varied news pages, not a grouping set).\n" +
                $"Regenerate: dotnet run --project src/NewsCompare.Cli -- build-background-terms <that folder> --min-documents {parse.GetValue(minDocuments)}\n" +
                "Columns: articles using the term, w (word) or n (name, name phrase or number), the term as the engine normalises it.";
            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            var written = BackgroundTerms.Write(articles, Math.Max(1, parse.GetValue(minDocuments)), description);
            File.WriteAllText(file.FullName, written);
            Console.WriteLine($"{file.FullName}: {written.Count(c => c == '\n') - 5} terms from {articles.Count} articles");
            return 0;
        });
        return command;
    }
}
