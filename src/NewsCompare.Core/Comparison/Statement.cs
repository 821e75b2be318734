using NewsCompare.Core.Text;

namespace NewsCompare.Core.Comparison;

/// <summary>A sentence read for matching: its words folded, stemmed, and its names and figures picked out.</summary>
public sealed class Statement
{
    /// <summary>Reads <paramref name="text"/> as a sentence of <paramref name="language"/> (null: unknown, read as English).</summary>
    public Statement(string text, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Language = language;
        var tokens = Tokenizer.Tokens(text);
        Tokens = [.. tokens.Select(t => t.Folded)];
        Stems = [.. ContentWords.Of(tokens, language)];
        StemSet = new HashSet<string>(Stems, StringComparer.Ordinal);
        Names = new HashSet<string>(tokens.Where(t => t.LooksLikeName && t.Folded.Length > 1).Select(t => t.Folded), StringComparer.Ordinal);
        Numbers = [.. tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Folded).Distinct(StringComparer.Ordinal)];
        var stop = StopWords.For(language);
        Trigrams = Grams(tokens.Where(t => t.Kind == TokenKind.Word && !stop.Contains(t.Folded)).Select(t => t.Folded));
    }

    /// <summary>The sentence as written.</summary>
    public string Text { get; }
    /// <summary>Its language, if known.</summary>
    public string? Language { get; }
    /// <summary>Every word and figure, folded, in order.</summary>
    public string[] Tokens { get; }
    /// <summary>The content words' stems (and figures), in order.</summary>
    public string[] Stems { get; }
    /// <summary>The distinct content stems.</summary>
    public HashSet<string> StemSet { get; }
    /// <summary>Folded words that look like names (capitalised inside the sentence).</summary>
    public HashSet<string> Names { get; }
    /// <summary>The figures' plain values, distinct.</summary>
    public string[] Numbers { get; }
    /// <summary>Character trigrams of the content words (with word boundaries), which meet across spellings and cognates.</summary>
    public HashSet<string> Trigrams { get; }

    private static HashSet<string> Grams(IEnumerable<string> words)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var padded = "_" + word + "_";
            for (var i = 0; i + 3 <= padded.Length; i++) grams.Add(padded.Substring(i, 3));
        }
        return grams;
    }
}
