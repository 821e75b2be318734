using NewsCompare.Core.Text;

namespace NewsCompare.Core.Comparison;

/// <summary>Names in running text: runs of capitalised words ("Vladimir Putin", "Hong Kong"), and when two name one.</summary>
internal static class NamePhrases
{
    /// <summary>The name phrases of <paramref name="text"/>, as written, in order, distinct.</summary>
    public static List<string> Of(string text) => Of(text, Tokenizer.Tokens(text));

    /// <summary>The name phrases of <paramref name="text"/> read from its <paramref name="tokens"/> (<see cref="Tokenizer.Tokens"/>).</summary>
    public static List<string> Of(string text, IReadOnlyList<Token> tokens) => Spans(text, tokens).Select(s => s.Text).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The name phrases with where they start and end in <paramref name="text"/>.</summary>
    public static List<(string Text, int Start, int End)> Spans(string text) => Spans(text, Tokenizer.Tokens(text));

    private static List<(string Text, int Start, int End)> Spans(string text, IReadOnlyList<Token> tokens)
    {
        int End(int t) => tokens[t].Start + tokens[t].Text.Length;
        var spans = new List<(string Text, int Start, int End)>();
        foreach (var (first, runLast) in Ranges(tokens))
        {
            // "U.S.": its first full stop ends the run, leaving an initial that names nothing on its own ("The U").
            var last = runLast;
            while (last >= first && tokens[last].Text.Length == 1 && End(last) < text.Length && text[End(last)] == '.') last--;
            if (last < first) continue;
            // A sentence's first word joins only for the name after it; a lone capital letter is the pronoun "I".
            if (first == last && (!tokens[first].LooksLikeName || tokens[first].Text.Length == 1)) continue;
            spans.Add((text[tokens[first].Start..End(last)], tokens[first].Start, End(last)));
        }
        return spans;
    }

    /// <summary>The name phrases of a text as ranges of its <paramref name="tokens"/> (first and last token).</summary>
    public static List<(int First, int Last)> Ranges(IReadOnlyList<Token> tokens)
    {
        var result = new List<(int, int)>();
        var i = 0;
        while (i < tokens.Count)
        {
            // A capitalised word opening a sentence is a name only when another capitalised word follows it.
            var opens = tokens[i].LooksLikeName
                || (tokens[i].Kind == TokenKind.Word && tokens[i].Capitalised && i + 1 < tokens.Count && tokens[i + 1].LooksLikeName
                    && tokens[i + 1].Start - (tokens[i].Start + tokens[i].Text.Length) <= 1);
            if (!opens) { i++; continue; }
            var start = i;
            while (i + 1 < tokens.Count && tokens[i + 1].LooksLikeName && tokens[i + 1].Start - (tokens[i].Start + tokens[i].Text.Length) <= 1) i++;
            result.Add((start, i));
            i++;
        }
        return result;
    }

    /// <summary>
    /// Two phrases name the same one when every word of the shorter is in the longer ("Putin", "Vladimir Putin"),
    /// allowing one letter of difference in longer words (transliterations: "Sergey", "Sergei").
    /// </summary>
    public static bool SameName(string a, string b) => SameName(Words(a), Words(b));

    /// <summary>The distinct folded words of a name phrase, as <see cref="SameName(string[], string[])"/> compares them.</summary>
    public static string[] Words(string phrase) => [.. Tokenizer.FoldedWords(phrase).Distinct(StringComparer.Ordinal)];

    /// <summary><see cref="SameName(string, string)"/> on phrases already split by <see cref="Words"/>.</summary>
    public static bool SameName(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        foreach (var w in shorter)
        {
            var found = false;
            foreach (var o in longer)
                if (SameWord(w, o)) { found = true; break; }
            if (!found) return false;
        }
        return true;
    }

    private static bool SameWord(string a, string b)
    {
        if (a == b) return true;
        if (Math.Min(a.Length, b.Length) < 5 || Math.Abs(a.Length - b.Length) > 1) return false;
        // One substitution, insertion or deletion.
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
