using System.Collections.Frozen;

namespace NewsCompare.Core.Text;

/// <summary>
/// The stop words of each language, from the data files <c>Text/StopWords/xx.txt</c>: the short function words
/// (articles, pronouns, auxiliaries, "said") that say nothing about what a sentence reports. Stored folded.
/// </summary>
public static class StopWords
{
    private static readonly Lazy<(FrozenDictionary<string, FrozenSet<string>> All, FrozenDictionary<string, IReadOnlyList<string>> Telling, FrozenDictionary<string, IReadOnlyList<string>> Written)> Lists = new(Load);

    /// <summary>The languages with a stop word list (two-letter codes).</summary>
    public static IReadOnlyCollection<string> Languages => Lists.Value.All.Keys;

    /// <summary>The folded stop words of <paramref name="language"/>; English when the language has no list.</summary>
    public static FrozenSet<string> For(string? language) =>
        language is not null && Lists.Value.All.TryGetValue(language, out var set) ? set : Lists.Value.All["en"];

    /// <summary>Whether <paramref name="language"/> has a list of its own.</summary>
    public static bool Has(string? language) => language is not null && Lists.Value.All.ContainsKey(language);

    /// <summary>
    /// The most frequent stop words of <paramref name="language"/> as written (not folded), the ones that tell the
    /// language apart (above the "--" line of its file).
    /// </summary>
    public static IReadOnlyList<string> Telling(string language) =>
        Lists.Value.Telling.TryGetValue(language, out var words) ? words : [];

    /// <summary>Every stop word of <paramref name="language"/> as its file writes it (lower case, with its accents).</summary>
    public static IReadOnlyList<string> Written(string language) =>
        Lists.Value.Written.TryGetValue(language, out var words) ? words : [];

    private static (FrozenDictionary<string, FrozenSet<string>>, FrozenDictionary<string, IReadOnlyList<string>>, FrozenDictionary<string, IReadOnlyList<string>>) Load()
    {
        var all = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var telling = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var written = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in EmbeddedFiles.Under(".Text.StopWords."))
        {
            var language = name[..^".txt".Length].Split('.')[^1];
            using var reader = EmbeddedFiles.OpenText(name);
            var words = new List<string>();
            var asWritten = new List<string>();
            var top = new List<string>();
            var above = true;
            while (reader.ReadLine() is { } line)
            {
                var word = line.Trim();
                if (word.Length == 0 || word.StartsWith('#')) continue;
                if (word == "--") { above = false; continue; }
                if (above) top.Add(word);
                asWritten.Add(word);
                words.Add(Folding.Fold(word));
            }
            all[language] = words.ToFrozenSet(StringComparer.Ordinal);
            telling[language] = top;
            written[language] = asWritten;
        }
        return (all.ToFrozenDictionary(StringComparer.Ordinal), telling.ToFrozenDictionary(StringComparer.Ordinal), written.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
