using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>The shapes of the lines around a headline: dates, bylines and datelines.</summary>
internal static partial class HeaderShapes
{
    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "updated", "published", "posted", "am", "pm", "ago", "gmt", "utc", "est", "edt", "pst", "pdt", "cst", "cet", "ist", "hst",
        "today", "yesterday", "publicado", "publiziert", "atualizado", "опубликовано", "обновлено", "aktualisiert", "actualizado",
        "publié", "pubblicato", "aggiornato", "güncelleme", "güncellendi", "yayınlanma", "تحديث", "نشر", "月",
    };

    /// <summary>"MOSCOW -", "WASHINGTON (AP) —", "CLEVELAND, Ohio –", "Dekalb, Ill. —": the place a story was filed from.</summary>
    [GeneratedRegex(
        @"^(?<d>(?:\p{Lu}[\p{Lu}.'’\-]+(?:\s\p{Lu}[\p{Lu}.'’\-]+){0,3}|\p{Lu}[\p{L}.'’\-]+(?:\s\p{Lu}[\p{L}.'’\-]+){0,2}(?=,))" +
        @"(?:,\s?\p{Lu}[\p{L}.'’]*(?:\s\p{Lu}[\p{L}.'’]*){0,2})?(?:,\s?(?:\p{L}{3,9}\.?\s\d{1,2}|\d{1,2}\.?\s\p{L}{3,9}\.?)(?:,?\s\d{4})?)?" +
        @"(?:\s?\([^()]{1,40}\)\.?)?\s?[-–—]{1,2})(?:\s+(?<rest>\S.*))?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex DatelinePattern();

    /// <summary>Splits a dateline off the start of <paramref name="text"/>; the rest is null when the line is only a dateline.</summary>
    public static bool TrySplitDateline(string text, out string dateline, out string? rest)
    {
        dateline = "";
        rest = null;
        try
        {
            var m = DatelinePattern().Match(text);
            if (!m.Success) return false;
            dateline = m.Groups["d"].Value;
            rest = m.Groups["rest"].Success ? text[m.Groups["rest"].Index..] : null;
            // A dateline names a place: at least three letters, and never the whole of a sentence.
            var letters = 0;
            foreach (var c in dateline)
                if (char.IsLetter(c)) letters++;
            return letters >= 3;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>A short line that states a date or time ("Updated 1:39 am EST, November 20, 2019", "18 NOV 2019").</summary>
    public static bool IsDateLine(TextLine line) => line.IsDate ??= StatesDate(line);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeWordLookup = TimeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StatesDate(TextLine line)
    {
        if (line.Digits == 0 || line.Words > 16) return false;
        var text = line.Text;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                var word = text.AsSpan(start, i - start);
                if (Metadata.DateFinder.IsMonth(word) || TimeWordLookup.Contains(word)) return true;
            }
            start = -1;
        }
        return HasNumericDate(text);
    }

    /// <summary>"19.09.2023", "11/19/2019", "2018-09-16": two separators between digit groups.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasNumericDate(string text)
    {
        var groups = 0;
        var inDigits = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                if (!inDigits) groups++;
                inDigits = true;
                continue;
            }
            inDigits = false;
            if (c is '.' or '/' or '-' && groups > 0 && i + 1 < text.Length && char.IsDigit(text[i + 1])) continue;
            if (groups >= 3) return true;
            groups = 0;
        }
        return groups >= 3;
    }

    /// <summary>A byline: "By Jane Doe", "Von Moritz Bachmann publiziert am ...", "Text: ...".</summary>
    public static bool IsByline(TextLine line, ClutterVocabulary vocabulary) =>
        line.Words <= 14 && line.Kind is not LineKind.Prose && vocabulary.StartsWithGroup(line.Normalised, ClutterVocabulary.Byline);

    /// <summary>A date line that names its author: "Posted on July 3, 2023 by Anna Green", "5:45 AM 11/19/2019 by Jo Bloggs".</summary>
    public static bool IsDatedByline(TextLine line)
    {
        if (!IsDateLine(line)) return false;
        var by = line.Text.IndexOf(" by ", StringComparison.OrdinalIgnoreCase);
        return by >= 0 && by + 4 < line.Text.Length && char.IsUpper(line.Text[by + 4]);
    }

    /// <summary>
    /// A byline without the date printed with it: "By Jane Doe, September 19, 2023" gives "By Jane Doe", "Posted on
    /// July 3, 2023 by Anna Green" gives "Anna Green". The line itself when no date can be told apart.
    /// </summary>
    public static string WithoutDate(string byline)
    {
        if (Metadata.DateFinder.InText(byline) is null) return byline;
        var by = byline.LastIndexOf(" by ", StringComparison.OrdinalIgnoreCase);
        if (by > 0 && Metadata.DateFinder.InText(byline[..by]) is not null && Metadata.DateFinder.InText(byline[by..]) is null)
            return byline[(by + 4)..].Trim();
        // Cut at the first separator after which a date follows: "By Jane Doe | Sept. 19, 2023 10:00 am".
        for (var i = 0; i < byline.Length; i++)
        {
            if (byline[i] is not (',' or '|' or '·' or '•' or '–' or '—') && !(byline[i] == '-' && i > 0 && byline[i - 1] == ' ')) continue;
            var head = byline[..i].Trim();
            if (head.Length >= 3 && Metadata.DateFinder.InText(head) is null && Metadata.DateFinder.InText(byline[i..]) is not null)
                return head;
        }
        return byline;
    }

    /// <summary>A short run of capitalised or single words with no digits: a person's or author's name.</summary>
    public static bool IsNameLike(TextLine line) =>
        line.Kind == LineKind.Short && line.Words is >= 1 and <= 4 && line.Digits == 0 && !line.EndsSentence && line.Group is null
        && line.Letters >= 3 && (line.CasedLetters == 0 || line.CapitalWords == line.Words || line.Words == 1)
        && !line.Text.Contains(':', StringComparison.Ordinal) && !line.AllCaps;
}
