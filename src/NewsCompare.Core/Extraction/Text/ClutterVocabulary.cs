using System.Buffers;
using System.Text;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>
/// The widget and furniture phrases of <c>clutter-vocabulary.txt</c>, grouped by what a match means.
/// Matching works on <see cref="Normalise"/>d lines: exact, prefix, suffix or contains (see the file's header).
/// </summary>
internal sealed class ClutterVocabulary
{
    public const string SectionLabel = "section-label";
    public const string Credit = "credit";
    public const string Byline = "byline";
    public const string Summary = "summary";
    public const string Stopword = "stopword";

    // Prefix and suffix phrases only describe short lines: a long sentence that happens to start with "Share" is prose.
    private const int MaxAnchoredWords = 14;
    private const int MaxContainsWords = 40;
    // An article about casinos mentions casinos; a spam line is a short advert.
    private const int MaxSpamWords = 12;

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Phrase, string Group)> _prefixes = [];
    private readonly List<(string Phrase, string Group)> _suffixes = [];
    private readonly List<(string Phrase, string Group)> _contains = [];
    private readonly SearchValues<string> _containsSearch;
    private readonly HashSet<string> _stopwords = new(StringComparer.Ordinal);

    /// <summary>The vocabulary shipped with the extractor.</summary>
    public static ClutterVocabulary Default { get; } = LoadEmbedded();

    public ClutterVocabulary(TextReader reader)
    {
        var group = "";
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[' && line[^1] == ']' && line.Length > 2 && line.IndexOf(' ', StringComparison.Ordinal) < 0)
            {
                group = line[1..^1];
                continue;
            }
            if (group == Stopword)
            {
                _stopwords.Add(line.ToLowerInvariant());
                continue;
            }
            var starts = line.Length > 1 && line[0] == '*';
            var ends = line.Length > 1 && line[^1] == '*';
            // A phrase that continues ("credit:*", "*credit: *") keeps its closing punctuation: "credit:" is not "discredit".
            var phrase = Normalise(line.Trim('*'), keepTrailing: ends);
            if (phrase.Length == 0) continue;
            // Keep the first group a phrase is listed under: the file's order is its priority.
            if (starts && ends) _contains.Add((phrase, group));
            else if (ends) _prefixes.Add((phrase, group));
            else if (starts) _suffixes.Add((phrase, group));
            else _exact.TryAdd(phrase, group);
        }
        _containsSearch = SearchValues.Create(_contains.Select(c => c.Phrase).Distinct().ToArray(), StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="word"/> (lower case) is too common to say what a passage is about.</summary>
    public bool IsStopword(string word) => _stopwords.Contains(word);

    /// <summary>The group of the first phrase that describes <paramref name="normalised"/>, or null.</summary>
    /// <param name="normalised">The line after <see cref="Normalise"/>.</param>
    /// <param name="words">The line's word count, which limits prefix and suffix phrases to short lines.</param>
    public string? Match(string normalised, int words)
    {
        if (normalised.Length == 0) return null;
        if (_exact.TryGetValue(normalised, out var group)) return group;
        if (words <= MaxAnchoredWords)
        {
            foreach (var (phrase, g) in _prefixes)
                if (normalised.StartsWith(phrase, StringComparison.Ordinal)) return g;
            foreach (var (phrase, g) in _suffixes)
                if (normalised.EndsWith(phrase, StringComparison.Ordinal)) return g;
        }
        // Contains phrases describe furniture sentences, not paragraphs: a long line is prose whatever it mentions.
        if (words > MaxContainsWords || normalised.AsSpan().IndexOfAny(_containsSearch) < 0) return null;
        foreach (var (phrase, g) in _contains)
        {
            if (g == "spam" && words > MaxSpamWords) continue;
            if (normalised.Contains(phrase, StringComparison.Ordinal)) return g;
        }
        return null;
    }

    /// <summary>Whether <paramref name="normalised"/> starts with a phrase of <paramref name="group"/>.</summary>
    public bool StartsWithGroup(string normalised, string group)
    {
        foreach (var (phrase, g) in _prefixes)
            if (g == group && normalised.StartsWith(phrase, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Lower case, digit runs as "#", single spaces, without trailing punctuation, arrows or bullets, so that
    /// "Share this article »" and "12 Comments" meet the phrases "share this article" and "# comments".
    /// </summary>
    public static string Normalise(string line, bool keepTrailing = false)
    {
        var sb = new StringBuilder(line.Length);
        var space = false;
        var digit = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                digit = false;
                continue;
            }
            if (char.IsDigit(c))
            {
                if (digit) continue;
                if (space) sb.Append(' ');
                space = false;
                sb.Append('#');
                digit = true;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            digit = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        var end = sb.Length;
        while (!keepTrailing && end > 0 && IsTrailing(sb[end - 1])) end--;
        return sb.ToString(0, end);
    }

    private static bool IsTrailing(char c) =>
        c is ':' or '.' or '…' or '»' or '›' or '>' or '→' or '|' or '•' or '·' or '-' or '–' or '—' or ' ' or '!' or ','
            or '▸' or '▶' or '►' or '⟩' or '+';

    private static ClutterVocabulary LoadEmbedded()
    {
        var assembly = typeof(ClutterVocabulary).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("clutter-vocabulary.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new ClutterVocabulary(reader);
    }
}
