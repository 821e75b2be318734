using System.Globalization;
using System.Text;

namespace NewsCompare.Core.Stories;

/// <summary>
/// The words most news articles of a language use (function words and the everyday vocabulary of news), learned
/// from labelled articles by the CLI's <c>learn-language-words</c> and shipped as <c>Stories/language-words.txt</c>.
/// They tell an article's language and weigh nothing in grouping, whatever the language: a small store cannot
/// learn from its own counts that "bir" or "وقال" are everywhere.
/// </summary>
public static class LanguageWords
{
    /// <summary>The shipped lists: language code → normalised words (empty if the file is absent).</summary>
    internal static IReadOnlyDictionary<string, string[]> Shipped => Loaded.Value;

    private static readonly Lazy<Dictionary<string, string[]>> Loaded = new(() =>
    {
        var name = EmbeddedFiles.Find("language-words.txt");
        return name is null ? [] : Parse(EmbeddedFiles.ReadText(name), name);
    });

    /// <summary>Reads the format <see cref="Write"/> produces: "language TAB word" lines, "#" comments.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">Its name, for error messages.</param>
    /// <exception cref="InvalidDataException">A line is not "language TAB word".</exception>
    public static Dictionary<string, string[]> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new InvalidDataException($"{source}: line {number}: expected \"language<TAB>word\"");
            if (!lists.TryGetValue(parts[0], out var list)) lists[parts[0]] = list = [];
            list.Add(parts[1]);
        }
        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// For each language, the normalised words used by at least <paramref name="minShare"/> of its articles (at most
    /// <paramref name="max"/>, most used first), as the file <see cref="Parse"/> reads. Languages with fewer than 30
    /// articles are left out: their counts say nothing yet.
    /// </summary>
    /// <param name="articles">Articles with their known language.</param>
    /// <param name="minShare">Share of a language's articles a word must appear in.</param>
    /// <param name="max">Most words kept per language.</param>
    /// <param name="description">A line saying where the articles came from and how to learn the file again.</param>
    public static string Write(IEnumerable<(string Language, StoryArticle Article)> articles, double minShare, int max, string description)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var df = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var docs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (language, article) in articles)
        {
            if (!df.TryGetValue(language, out var counts)) df[language] = counts = new(StringComparer.Ordinal);
            docs[language] = docs.GetValueOrDefault(language) + 1;
            // Only words the article writes in lower case inside a sentence: names are never everyday words, however
            // often a narrow collection repeats them.
            foreach (var word in TextSignals.Tokenise(article.Headline, article.Paragraphs).Where(t => !t.Numeric && !t.Capitalised && !t.Headline)
                         .Select(t => t.Text).Distinct(StringComparer.Ordinal))
                counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        var sb = new StringBuilder();
        foreach (var line in description.Split('\n')) sb.Append("# ").Append(line.TrimEnd()).Append('\n');
        foreach (var (language, counts) in df.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (docs[language] < 30) continue;
            sb.Append("# ").Append(language).Append(": ").Append(docs[language].ToString(CultureInfo.InvariantCulture)).Append(" articles\n");
            foreach (var (word, _) in counts.Where(kv => kv.Value >= minShare * docs[language] && !kv.Key.Contains('\t', StringComparison.Ordinal))
                         .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(max))
                sb.Append(language).Append('\t').Append(word).Append('\n');
        }
        return sb.ToString();
    }
}
