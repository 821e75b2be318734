using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsCompare.Core.Text;

/// <summary>
/// Case, accent, letter-form and script folding: the forms under which two spellings of a word count as one. The one
/// place every reader of text (grouping, comparison, language detection, the extractor's vocabulary) folds words.
/// </summary>
public static class Folding
{
    /// <summary>
    /// <paramref name="text"/> in lower case without accents: "Élysée" becomes "elysee", Turkish dotless and dotted
    /// i both become "i", "ß" becomes "ss". Arabic loses its vowel marks and tatweel, and writes each letter one way
    /// (hamza on alef, alef maqsura as ya, ta marbuta as ha, the Persian kaf and ya as Arabic ones). Characters that
    /// are neither letters nor digits are kept as they are.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsFolded(text)) return text;
        // Capitalised ASCII words (names, sentence starts) only need lower case, written straight into the string.
        if (Ascii.IsValid(text)) return string.Create(text.Length, text, static (lower, t) => Ascii.ToLower(t, lower, out _));
        var folded = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD)) AppendFolded(folded, ch);
        return folded.ToString();
    }

    /// <summary>
    /// The key one name gets in every script and spelling: <see cref="Fold"/>ed, Cyrillic, Greek and Arabic letters
    /// written in Latin ones (a plain one-way romanisation), then "sh"/"ş" → "s", "ch"/"ç" → "c", "kh" → "h", so
    /// Патрушев, Patrushev and Patruşev are one key. Arabic also loses the article written onto a word (الرئيس and
    /// رئيس are one key).
    /// </summary>
    public static string Key(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var folded = Fold(word);
        return Romanise(IsArabic(folded) ? WithoutArabicArticle(folded) : folded);
    }

    /// <summary>
    /// A <see cref="Fold"/>ed word with Cyrillic, Greek and Arabic letters written in Latin ones and the spellings of
    /// one sound across languages made one ("sh" → "s", "ch" → "c", "kh" → "h"); Latin words only get the latter.
    /// </summary>
    public static string Romanise(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var s = folded;
        if (!Ascii.IsValid(s))
        {
            var sb = new StringBuilder(s.Length + 4);
            foreach (var ch in s)
            {
                if (Latin.TryGetValue(ch, out var latin)) sb.Append(latin);
                else sb.Append(ch);
            }
            s = sb.ToString();
        }
        if (s.Contains('h', StringComparison.Ordinal))
            s = s.Replace("sh", "s", StringComparison.Ordinal).Replace("ch", "c", StringComparison.Ordinal).Replace("kh", "h", StringComparison.Ordinal);
        return s;
    }

    /// <summary>Whether a folded word is written in Arabic letters.</summary>
    public static bool IsArabic(string folded) => folded.Length > 0 && folded[0] is >= '\u0620' and <= '\u064A';

    // The article and the prepositions written onto it: وال، بال، كال، فال، لل، ال. A stem of at least two letters
    // must remain, so short words that merely start with these letters keep them.
    private static readonly string[] Articles = ["وال", "بال", "كال", "فال", "لل", "ال"];

    /// <summary>A folded Arabic word without the article (and preposition) written onto it.</summary>
    public static string WithoutArabicArticle(string folded)
    {
        foreach (var article in Articles)
            if (folded.Length - article.Length >= 2 && folded.StartsWith(article, StringComparison.Ordinal))
                return folded[article.Length..];
        return folded;
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

    /// <summary>
    /// Lower case of one character, without a trip to the platform's casing tables for the characters that have no
    /// lower case (ideographs, punctuation, letters already small): that call dominated the extractor's time on
    /// non-Latin pages.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c) =>
        c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c)
        : c is >= 'À' and <= 'Þ' and not '×' ? (char)(c + 32)   // Latin-1 capitals
        : c is >= 'А' and <= 'Я' ? (char)(c + 32)               // Cyrillic capitals
        : c is >= 'Ѐ' and <= 'Џ' ? (char)(c + 80)
        : char.IsUpper(c) ? char.ToLowerInvariant(c) : c;

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
            case 'đ' or 'Đ': folded.Append('d'); break;
            case 'þ' or 'Þ': folded.Append("th"); break;
            // Arabic: tatweel only stretches a word; the other forms are one letter written several ways (the hamza
            // forms of alef decompose to alef and a mark above).
            case '\u0640': break;
            case 'ى' or 'ی': folded.Append('ي'); break;
            case 'ة': folded.Append('ه'); break;
            case 'ک': folded.Append('ك'); break;
            case 'ٱ': folded.Append('ا'); break;
            default: folded.Append(char.ToLowerInvariant(ch)); break;
        }
    }

    // Letters of other scripts written in Latin: enough to give one key per name, not a transcription.
    private static readonly Dictionary<char, string> Latin = BuildLatin();

    private static Dictionary<char, string> BuildLatin()
    {
        var map = new Dictionary<char, string>();
        void Add(string letters, string latin)
        {
            var parts = latin.Split(' ');
            for (var i = 0; i < letters.Length; i++) map[letters[i]] = parts[i] == "_" ? "" : parts[i];
        }
        Add("абвгдежзиклмнопрстуфхцчшщъыьэюяіїєґў", "a b v g d e zh z i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g u");
        Add("αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t y f kh ps o");
        Add("ابتثجحخدذرزسشصضطظعغفقكلمنهويء", "a b t th j h kh d dh r z s sh s d t z _ gh f q k l m n h w y _");
        return map;
    }

    // Most words are plain lower-case ASCII already: no allocation for them.
    private static bool IsFolded(string text)
    {
        foreach (var ch in text)
            if (ch > 0x7F || char.IsAsciiLetterUpper(ch)) return false;
        return true;
    }
}
