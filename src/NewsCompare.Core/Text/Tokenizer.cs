using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsCompare.Core.Text;

/// <summary>Splits text into words and figures, for every script the app meets.</summary>
public static partial class Tokenizer
{
    /// <summary>The words and figures of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<Token> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(text))
        {
            var value = m.Value;
            var startsSentence = StartsSentence(text, m.Index);
            if (m.Groups["num"].Success)
            {
                tokens.Add(new Token(value, m.Index, TokenKind.Number, NumberValue(value), false, startsSentence));
                continue;
            }
            // "Minister's" and "l'armée": the apostrophe joins a clitic; keep the longer part as the word.
            var word = TrimClitic(value);
            tokens.Add(new Token(word, m.Index + value.IndexOf(word, StringComparison.Ordinal), TokenKind.Word,
                Folding.Fold(word), char.IsUpper(word[0]), startsSentence));
        }
        return tokens;
    }

    /// <summary>The folded words of <paramref name="text"/> (figures included, as plain values).</summary>
    public static IEnumerable<string> FoldedWords(string text) => Tokens(text).Select(t => t.Folded);

    private static string TrimClitic(string word)
    {
        var apostrophe = word.IndexOfAny(['\'', '’']);
        if (apostrophe < 0) return word;
        var before = word[..apostrophe];
        var after = word[(apostrophe + 1)..];
        // English possessive and contractions ("minister's", "don't") keep the stem before; Romance elision
        // ("l'armée", "dell'Europa") the word after.
        if (after.Length <= 2) return before.Length > 0 ? before : word;
        return before.Length <= 4 ? after : word;
    }

    /// <summary>A figure's value written plainly: thousands separators dropped, a decimal comma made a point.</summary>
    public static string NumberValue(string figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var digits = figure.Replace("\u00A0", "", StringComparison.Ordinal);
        // "1,200" and "1.200" are thousands; "3,5" and "3.5" decimals: a separator followed by exactly three digits
        // (and not the only separator of a number like "0,125"...) is taken as thousands.
        var groups = digits.Split([',', '.']);
        if (groups.Length == 1) return digits;
        var thousands = groups.Skip(1).All(g => g.Length == 3) && groups[0] != "0";
        if (thousands) return string.Concat(groups);
        var whole = string.Concat(groups[..^1]);
        var value = whole + "." + groups[^1];
        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(CultureInfo.InvariantCulture) : value;
    }

    private static bool StartsSentence(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '\'' or '(' or '«' or '„' or '¿' or '¡' or '—' or '-')) i--;
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '…' or '»' or '”';
    }

    [GeneratedRegex(@"(?<num>\d+(?:[.,\u00A0]\d{3})*(?:[.,]\d+)?)|\p{L}[\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*")]
    private static partial Regex TokenPattern();
}
