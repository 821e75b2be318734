using System.Globalization;
using System.Text;

namespace NewsCompare.Core.Text;

/// <summary>Accent and case folding: the form under which two spellings of a word count as one.</summary>
public static class Folding
{
    /// <summary>
    /// <paramref name="text"/> in lower case without accents: "Élysée" becomes "elysee", Turkish dotless and dotted
    /// i both become "i", "ß" becomes "ss". Characters that are neither letters nor digits are kept as they are.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsFolded(text)) return text;
        var folded = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD)) AppendFolded(folded, ch);
        return folded.ToString();
    }

    /// <summary>
    /// A word's first token as a unicode61 full-text index with diacritics removed stores it: lower case, no accents,
    /// up to the first character that is not a letter or digit ("Minister’s" is stored as "minister").
    /// </summary>
    public static string IndexForm(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var folded = new StringBuilder(word.Length);
        foreach (var ch in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (!char.IsLetterOrDigit(ch)) break;
            folded.Append(char.ToLowerInvariant(ch));
        }
        return folded.ToString();
    }

    private static void AppendFolded(StringBuilder folded, char ch)
    {
        if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) return;
        switch (ch)
        {
            case 'ı' or 'İ': folded.Append('i'); break;
            case 'ß': folded.Append("ss"); break;
            case 'ё' or 'Ё': folded.Append('е'); break;
            case 'ø' or 'Ø': folded.Append('o'); break;
            case 'æ' or 'Æ': folded.Append("ae"); break;
            case 'œ' or 'Œ': folded.Append("oe"); break;
            case 'ł' or 'Ł': folded.Append('l'); break;
            default: folded.Append(char.ToLowerInvariant(ch)); break;
        }
    }

    // Most words are plain lower-case ASCII already: no allocation for them.
    private static bool IsFolded(string text)
    {
        foreach (var ch in text)
            if (ch > 0x7F || char.IsAsciiLetterUpper(ch)) return false;
        return true;
    }
}
