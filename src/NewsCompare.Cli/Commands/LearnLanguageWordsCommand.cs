using System.CommandLine;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `learn-language-words`: writes the words most articles of each language use (Stories/language-words.txt) from the
/// articles of story-pairs-dev (languages from its rated pairs) and BASIL (English).
/// </summary>
internal static class LearnLanguageWordsCommand
{
    public static Command Create()
    {
        var datasets = Path.Combine("..", "shared", "datasets");
        var basil = new Option<DirectoryInfo>("--basil") { Description = "story-grouping-dev folder", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(datasets, "story-grouping-dev")) };
        var pairs = new Option<DirectoryInfo>("--pairs") { Description = "story-pairs-dev folder", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(datasets, "story-pairs-dev")) };
        var share = new Option<double>("--min-share") { Description = "Share of a language's articles a word must appear in", DefaultValueFactory = _ => 0.25 };
        var max = new Option<int>("--max") { Description = "Most words kept per language", DefaultValueFactory = _ => 150 };
        var output = new Option<FileInfo>("--out") { Description = "The file to write", DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "NewsCompare.Core", "Stories", "language-words.txt")) };
        var command = new Command("learn-language-words", "Learn the words most news articles of each language use, from the labelled development sets")
        {
            basil, pairs, share, max, output,
        };
        command.SetAction(parse =>
        {
            try
            {
                var articles = new List<(string, StoryArticle)>();
                if (parse.GetValue(pairs) is { Exists: true } p)
                {
                    var languages = StorySet.RatedLanguages(p.FullName);
                    articles.AddRange(StorySet.RatedPairs(p.FullName, false).Items.Where(i => languages.ContainsKey(i.File)).Select(i => (languages[i.File], i.Article)));
                }
                if (parse.GetValue(basil) is { Exists: true } b) articles.AddRange(StorySet.Basil(b.FullName, false).Items.Select(i => ("en", i.Article)));
                if (articles.Count == 0) throw new InvalidDataException("no labelled articles found (--basil, --pairs)");
                var file = parse.GetValue(output)!;
                File.WriteAllText(file.FullName, LanguageWords.Write(articles, parse.GetValue(share), parse.GetValue(max),
                    $"Words most news articles of each language use, learned by `newscompare learn-language-words --min-share {parse.GetValue(share)} --max {parse.GetValue(max)}`\nfrom story-pairs-dev (languages from its rated pairs) and story-grouping-dev (English). Lower-case uses only: names never count."));
                Console.WriteLine($"wrote {file.FullName} from {articles.Count} articles");
                return 0;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"learn-language-words: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
