using System.Globalization;
using System.Text;

namespace NewsCompare.Core.Stories;

/// <summary>
/// How common words and names are in news in general: document frequencies counted once over a shipped sample of
/// varied news articles (<c>Stories/background-terms.txt</c>, written by the CLI's <c>build-background-terms</c>).
/// A store of five articles cannot tell that "security" or "president" are everyday news words; blended in as
/// extra documents, the sample can. Its weight fades by itself as the store grows past its size.
/// </summary>
public sealed class BackgroundTerms
{
    /// <summary>Articles the sample was counted over.</summary>
    public int Documents { get; }

    private readonly Dictionary<uint, int> _df;

    private BackgroundTerms(int documents, Dictionary<uint, int> df) => (Documents, _df) = (documents, df);

    /// <summary>No background at all (the store's own counts only).</summary>
    public static BackgroundTerms None { get; } = new(0, []);

    /// <summary>The sample shipped with NewsCompare (embedded <c>background-terms.txt</c>).</summary>
    public static BackgroundTerms Default => Shipped.Value;

    private static readonly Lazy<BackgroundTerms> Shipped = new(LoadEmbedded);

    /// <summary>Documents of the sample that use the term (0 when it is not in the file).</summary>
    internal int Frequency(uint term) => _df.GetValueOrDefault(term);

    private static BackgroundTerms LoadEmbedded()
    {
        var name = EmbeddedFiles.Find("background-terms.txt");
        return name is null ? None : Parse(EmbeddedFiles.ReadText(name), name);
    }

    /// <summary>Reads the file format <see cref="Write"/> produces.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">Its name, for error messages.</param>
    /// <exception cref="InvalidDataException">A line is not "df, kind (w or n), term" separated by tabs.</exception>
    public static BackgroundTerms Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var documents = 0;
        var df = new Dictionary<uint, int>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# documents ", StringComparison.Ordinal))
            {
                if (!int.TryParse(line["# documents ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out documents))
                    throw new InvalidDataException($"{source}: line {lineNumber}: the document count is not a number");
                continue;
            }
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || parts[1] is not ("w" or "n") || parts[2].Length == 0)
                throw new InvalidDataException($"{source}: line {lineNumber}: expected \"documents<TAB>w|n<TAB>term\"");
            df[TextSignals.Hash(parts[2], parts[1] == "n", parts[1] == "n" && char.IsDigit(parts[2][0]))] = count;
        }
        if (documents <= 0 && df.Count > 0) throw new InvalidDataException($"{source}: no \"# documents N\" line");
        return new BackgroundTerms(documents, df);
    }

    /// <summary>
    /// Counts, over <paramref name="articles"/>, how many use each term the way the grouping engine reads them
    /// (words, names, name phrases, numbers), and writes the terms used by at least <paramref name="minDocuments"/>
    /// of them, most common first: the file <see cref="Parse"/> reads.
    /// </summary>
    /// <param name="articles">A sample of varied news articles (never the articles being grouped or scored).</param>
    /// <param name="minDocuments">Terms used by fewer articles are left out (they say nothing about commonness).</param>
    /// <param name="description">A line saying where the sample came from and how to regenerate the file.</param>
    public static string Write(IReadOnlyList<StoryArticle> articles, int minDocuments, string description)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var df = new Dictionary<(string Text, bool Name), int>();
        foreach (var counts in articles.Select(TermCounts.Count))
            foreach (var (hash, text) in counts.Text)
                if (counts.Counts.ContainsKey(hash))
                {
                    var key = (text, (hash & TextSignals.NameBit) != 0);
                    df[key] = df.GetValueOrDefault(key) + 1;
                }
        var sb = new StringBuilder();
        foreach (var line in description.Split('\n')) sb.Append("# ").Append(line.TrimEnd()).Append('\n');
        sb.Append("# documents ").Append(articles.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var ((text, name), count) in df.Where(kv => kv.Value >= minDocuments && !kv.Key.Text.Contains('\t', StringComparison.Ordinal))
                     .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Text, StringComparer.Ordinal).ThenBy(kv => kv.Key.Name))
            sb.Append(count.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(name ? 'n' : 'w').Append('\t').Append(text).Append('\n');
        return sb.ToString();
    }
}
