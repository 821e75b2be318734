using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsCompare.Core.Text;

/// <summary>
/// Splits text into words and figures, for every script the app meets: the one word scanner behind grouping's term
/// reading, comparison's statements and the language detector.
/// </summary>
public static class Tokenizer
{
    /// <summary>The words and figures of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<Token> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var at = 0;
        while (Next(text, ref at, out var start, out var number))
        {
            var startsSentence = StartsSentence(text, start);
            var value = text[start..at];
            if (number)
            {
                tokens.Add(new Token(value, start, TokenKind.Number, NumberValue(value), false, startsSentence));
                continue;
            }
            var word = Word(value, out var offset);
            tokens.Add(new Token(word, start + offset, TokenKind.Word, Folding.Fold(word), char.IsUpper(word[0]), startsSentence));
        }
        return tokens;
    }

    /// <summary>The folded words of <paramref name="text"/> (figures included, as plain values).</summary>
    public static IEnumerable<string> FoldedWords(string text) => Tokens(text).Select(t => t.Folded);

    /// <summary>
    /// Finds the next word or figure of <paramref name="text"/> at or after <paramref name="at"/>: a word is a letter
    /// followed by letters, digits and marks, joined across an inner hyphen or apostrophe ("COVID-19", "l'armée");
    /// a figure is digits joined across inner separators ("1,200", "3.5", "1 200"). On return <paramref name="at"/>
    /// is just past it.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="at">Where to look from; on return, just past the word found.</param>
    /// <param name="start">Where the word found starts.</param>
    /// <param name="number">Whether it is a figure.</param>
    /// <param name="units">Let a figure run on into the letters written onto it ("19-day", "5G", "1990s"), one term
    /// for grouping; otherwise the figure and the word are two tokens.</param>
    /// <returns>False when the text holds no further word.</returns>
    public static bool Next(string text, ref int at, out int start, out bool number, bool units = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = at;
        while (i < text.Length && !IsLetterOrDigit(text[i])) i++;
        start = i;
        if (i == text.Length) { at = i; number = false; return false; }
        number = char.IsDigit(text[i]);
        i++;
        if (number)
        {
            while (i < text.Length)
            {
                if (char.IsDigit(text[i])) i++;
                else if (text[i] is '.' or ',' or '\u00A0' && i + 1 < text.Length && char.IsDigit(text[i + 1])) i += 2;
                else if (units && (IsLetterOrDigit(text[i]) || (text[i] == '-' && i + 1 < text.Length && IsLetterOrDigit(text[i + 1])))) i++;
                else break;
            }
        }
        else
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (IsLetterOrDigit(c) || IsMark(c)) i++;
                else if (c is '-' or '\'' or '’' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) i += 2;
                else break;
            }
        }
        at = i;
        return true;
    }

    /// <summary>
    /// The word of a scanned run without the clitic an apostrophe joins to it: English possessives and contractions
    /// ("minister's", "don't") and Turkish suffixes on names ("Türkiye'nin", "Erdoğan'ın") keep the part before,
    /// Romance elision ("l'armée", "dell'Europa") the part after.
    /// </summary>
    /// <param name="run">A word as <see cref="Next"/> finds it.</param>
    /// <param name="offset">Where the kept word starts in <paramref name="run"/>.</param>
    public static string Word(string run, out int offset)
    {
        ArgumentNullException.ThrowIfNull(run);
        offset = 0;
        var apostrophe = run.IndexOfAny(['\'', '’']);
        if (apostrophe <= 0) return run;
        var before = run[..apostrophe];
        var after = run[(apostrophe + 1)..];
        if (after.Length <= 2) return before;
        if (before.Length <= 4) { offset = apostrophe + 1; return after; }
        return char.IsUpper(before[0]) && char.IsLower(after[0]) ? before : run;
    }

    /// <summary>
    /// A figure's value written plainly: digits of every script as 0–9, thousands separators dropped, a decimal comma
    /// made a point ("1.500" = "1,500" = "1500", "2,5" = "2.5", "٢٠٢٣" = "2023").
    /// </summary>
    public static string NumberValue(string figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var digits = Ascii.IsValid(figure) ? figure.Replace("\u00A0", "", StringComparison.Ordinal) : AsciiDigits(figure);
        if (digits.IndexOfAny([',', '.']) < 0) return digits;
        // "1,200" and "1.200" are thousands; "3,5" and "3.5" decimals: when every group after the first has exactly
        // three digits (and the first is not a lone 0, as in "0,125"), the separators group thousands.
        var groups = digits.Split([',', '.']);
        var thousands = groups.Skip(1).All(g => g.Length == 3) && groups[0] != "0";
        if (thousands) return string.Concat(groups);
        var whole = string.Concat(groups[..^1]);
        var value = whole + "." + groups[^1];
        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(CultureInfo.InvariantCulture) : value;
    }

    /// <summary>
    /// A figure with the unit written onto it ("19-day", "5G"): the figure's <see cref="NumberValue"/> and the rest
    /// folded.
    /// </summary>
    public static string FigureWithUnit(string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var end = 0;
        while (end < run.Length && (char.IsDigit(run[end]) || run[end] is '.' or ',' or '\u00A0')) end++;
        return end == run.Length ? NumberValue(run) : NumberValue(run[..end]) + Folding.Fold(run[end..]);
    }

    private static string AsciiDigits(string figure)
    {
        var sb = new StringBuilder(figure.Length);
        foreach (var c in figure)
        {
            if (c is >= '0' and <= '9' or ',' or '.') sb.Append(c);
            else if (char.IsDigit(c)) sb.Append((char)('0' + (int)char.GetNumericValue(c)));
        }
        return sb.ToString();
    }

    internal static bool StartsSentence(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '\'' or '(' or '«' or '„' or '¿' or '¡' or '—' or '-')) i--;
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '…' or '»' or '”';
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetterOrDigit(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsMark(char c) =>
        c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
