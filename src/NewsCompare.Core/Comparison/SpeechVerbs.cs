using System.Collections.Frozen;
using NewsCompare.Core.Text;

namespace NewsCompare.Core.Comparison;

/// <summary>
/// The words news copy uses to say who said something ("said", "told reporters", "dijo", "sagte", "a déclaré",
/// "according to"), per language, from the data files <c>Comparison/SpeechVerbs/xx.txt</c>, and where they stand in a
/// text. A quotation goes to the subject of the speech verb nearest to it rather than to whichever name is nearest.
/// </summary>
internal static class SpeechVerbs
{
    /// <summary>Where the speaker of a form stands: either side ("Peskov said", "said Peskov"), only after or only before it.</summary>
    internal enum Side { Either, After, Before }

    /// <summary>A speech verb in a text: its first and last token and where its speaker stands.</summary>
    internal readonly record struct Found(int First, int Last, Side Speaker);

    private sealed record Form(string[] Words, Side Speaker);

    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, Form[]>>> Lists = new(Load);

    /// <summary>The speech verbs among <paramref name="tokens"/>, in order; a form of several words is matched whole, longest first.</summary>
    public static List<Found> Find(IReadOnlyList<Token> tokens, string? language)
    {
        var forms = language is not null && Lists.Value.TryGetValue(language, out var own) ? own : Lists.Value["en"];
        var result = new List<Found>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !forms.TryGetValue(tokens[i].Folded, out var candidates)) continue;
            foreach (var form in candidates)
            {
                var length = form.Words.Length;
                if (i + length > tokens.Count) continue;
                var whole = true;
                for (var k = 1; k < length && whole; k++) whole = tokens[i + k].Folded == form.Words[k];
                if (!whole) continue;
                result.Add(new Found(i, i + length - 1, form.Speaker));
                i += length - 1;
                break;
            }
        }
        return result;
    }

    private static FrozenDictionary<string, FrozenDictionary<string, Form[]>> Load()
    {
        var lists = new Dictionary<string, FrozenDictionary<string, Form[]>>(StringComparer.Ordinal);
        foreach (var name in EmbeddedFiles.Under(".Comparison.SpeechVerbs."))
        {
            using var reader = EmbeddedFiles.OpenText(name);
            var forms = new List<Form>();
            while (reader.ReadLine() is { } line)
            {
                var entry = line.Trim();
                if (entry.Length == 0 || entry.StartsWith('#')) continue;
                var side = entry.EndsWith(" >", StringComparison.Ordinal) ? Side.After
                    : entry.EndsWith(" <", StringComparison.Ordinal) ? Side.Before : Side.Either;
                if (side != Side.Either) entry = entry[..^2];
                var words = Tokenizer.Tokens(entry).Select(t => t.Folded).ToArray();
                if (words.Length > 0) forms.Add(new Form(words, side));
            }
            lists[name[..^".txt".Length].Split('.')[^1]] = forms.GroupBy(f => f.Words[0], StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(f => f.Words.Length).ToArray(), StringComparer.Ordinal);
        }
        return lists.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
