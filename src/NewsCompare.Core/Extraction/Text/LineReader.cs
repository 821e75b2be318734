using System.Globalization;
using System.Runtime.CompilerServices;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>Splits a capture into measured, classified lines (one pass to measure, one to classify).</summary>
internal static class LineReader
{
    private const int ProseWords = 12;
    private const int LongLineWords = 25;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<TextLine> Read(string text, ClutterVocabulary vocabulary)
    {
        var lines = new List<TextLine>();
        var blank = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            // Jump to the next line break (or the end of the text).
            var next = text.AsSpan(i).IndexOfAny('\n', '\r');
            i = next < 0 ? text.Length : i + next;
            var raw = text.AsSpan(start, i - start).Trim();
            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
            if (raw.IsEmpty || IsInvisible(raw))
            {
                blank = true;
                continue;
            }
            var line = new TextLine { Text = raw.ToString(), Index = lines.Count, BlankBefore = blank || lines.Count == 0 };
            Measure(line);
            lines.Add(line);
            blank = false;
        }

        var articleScript = DominantScript(lines);
        foreach (var line in lines)
        {
            ExtractionBudget.Check();
            Classify(line, articleScript, vocabulary);
        }
        MarkRepeats(lines);
        return lines;
    }

    /// <summary>Marks sentence-length lines the page states more than once: gallery captions, teasers shown twice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MarkRepeats(List<TextLine> lines)
    {
        var seen = new Dictionary<string, TextLine>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Words < 6) continue;
            if (seen.TryGetValue(line.Normalised, out var first))
            {
                first.Repeated = true;
                line.Repeated = true;
            }
            else seen[line.Normalised] = line;
        }
    }

    /// <summary>The script of most letters in sentence-length lines: the article's own script.</summary>
    public static Script DominantScript(List<TextLine> lines)
    {
        Span<int> letters = stackalloc int[(int)Script.Other + 1];
        foreach (var line in lines)
            if (line.Words >= 8) letters[(int)line.Script] += (int)(line.Letters * line.ScriptShare);
        var best = Script.Latin;
        for (var s = 1; s < letters.Length; s++)
            if (letters[s] > letters[(int)best]) best = (Script)s;
        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsInvisible(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsWhiteSpace(c) && c != '\uFEFF' && c != '\u200B' && c != '\u200C' && c != '\u200D' && c != '\u00AD') return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Measure(TextLine line)
    {
        var text = line.Text;
        Span<int> scripts = stackalloc int[(int)Script.Other + 1];
        int letters = 0, digits = 0, cased = 0, upper = 0, words = 0, capital = 0, small = 0, ideographs = 0, inner = 0, punctuation = 0;
        var inWord = false;
        var hasTab = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Small ASCII letters, most of any Latin text, first and in full.
            if ((uint)(c - 'a') <= 'z' - 'a')
            {
                letters++;
                scripts[(int)Script.Latin]++;
                cased++;
                if (!inWord)
                {
                    words++;
                    small++;
                }
                inWord = true;
                continue;
            }
            if (c == '\t') hasTab = true;
            // Plain ASCII letters take the short way; everything else asks the Unicode tables.
            var asciiLetter = (uint)((c | 0x20) - 'a') <= 'z' - 'a';
            if (!asciiLetter && (c == ' ' || c > 127 && char.IsWhiteSpace(c) || c is '\t' or '\u000B' or '\f'))
            {
                inWord = false;
                continue;
            }
            if (asciiLetter || c > 127 && char.IsLetter(c))
            {
                letters++;
                var script = c < 0x250 ? Script.Latin : ScriptOf(c);
                scripts[(int)script]++;
                if (script is Script.Han or Script.Thai) ideographs++;
                var isUpper = asciiLetter ? c <= 'Z' : char.IsUpper(c);
                var isLower = asciiLetter ? c >= 'a' : char.IsLower(c);
                if (isUpper || isLower)
                {
                    cased++;
                    if (isUpper) upper++;
                }
                if (!inWord)
                {
                    words++;
                    if (isUpper) capital++;
                    else if (isLower) small++;
                }
                inWord = true;
            }
            else if (char.IsDigit(c))
            {
                digits++;
                if (!inWord) words++;
                inWord = true;
            }
            else if (c is ',' or ';' or ':' or '、' or '，' or '.' or '!' or '?' or '。')
            {
                punctuation++;
                if (IsSentenceEnd(c) && i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2])) inner++;
                else if (c is '。' && i + 1 < text.Length) inner++;
            }
            else if (IsSentenceEnd(c) && i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2]))
            {
                inner++;
            }
            else if (c is '。' or '！' or '？' && i + 1 < text.Length)
            {
                inner++;
            }
        }

        var best = Script.None;
        for (var s = 1; s < scripts.Length; s++)
            if (scripts[s] > 0 && (best == Script.None || scripts[s] > scripts[(int)best])) best = (Script)s;

        line.Letters = letters;
        line.Digits = digits;
        line.CasedLetters = cased;
        line.UpperLetters = upper;
        line.Words = words + ideographs / 2;
        line.Ideographs = ideographs;
        line.CapitalWords = capital;
        line.SmallWords = small;
        line.InnerSentenceEnds = inner;
        line.Punctuation = punctuation;
        line.HasTab = hasTab;
        line.Script = best;
        line.ScriptShare = letters == 0 ? 0 : (double)scripts[(int)best] / letters;
        line.EndsSentence = EndsLikeSentence(text);
        line.Truncated = text.EndsWith("...", StringComparison.Ordinal) && text.Length > 3 && char.IsLetterOrDigit(text[^4])
            || text.EndsWith('…') && text.Length > 1 && char.IsLetterOrDigit(text[^2])
            || text.EndsWith("[…]", StringComparison.Ordinal) || text.EndsWith("[...]", StringComparison.Ordinal);
        line.Normalised = ClutterVocabulary.Normalise(text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Classify(TextLine line, Script articleScript, ClutterVocabulary vocabulary)
    {
        if (line.Letters == 0)
        {
            // Counters ("0", "84.1K" is not here: it has a letter), bullets and separators.
            line.Kind = LineKind.Clutter;
            line.Reason = line.Digits > 0 ? RemovalReasons.Widget : RemovalReasons.Furniture;
            return;
        }
        if (line.Script != Script.Latin && line.Script != articleScript && line.ScriptShare >= 0.6 && line.Letters >= 2
            && articleScript != Script.None)
        {
            line.Group = vocabulary.Match(line.Normalised, line.Words);
            line.Kind = LineKind.Clutter;
            line.Reason = line.Group == RemovalReasons.Spam ? RemovalReasons.Spam : RemovalReasons.ForeignScript;
            return;
        }

        line.Group = vocabulary.Match(line.Normalised, line.Words);
        var prose = IsProse(line);
        switch (line.Group)
        {
            case ClutterVocabulary.SectionLabel when line.Words <= 8 && !line.EndsSentence:
                line.Kind = LineKind.Barrier;
                line.Reason = RemovalReasons.Spillover;
                return;
            case RemovalReasons.Comments:
                line.Kind = LineKind.Barrier;
                line.Reason = RemovalReasons.Comments;
                return;
            case RemovalReasons.Footer when line.Normalised.Contains('©') || line.Normalised.Contains("copyright", StringComparison.Ordinal)
                                            || line.Normalised.Contains("rights reserved", StringComparison.Ordinal):
                // A copyright line closes the page: nothing of the article continues below it.
                line.Kind = LineKind.Barrier;
                line.Reason = RemovalReasons.Footer;
                return;
            case ClutterVocabulary.Credit:
                line.Kind = LineKind.Caption;
                return;
            case ClutterVocabulary.Byline or ClutterVocabulary.Summary or ClutterVocabulary.AuthorLabel or ClutterVocabulary.SectionLabel or null:
                break;
            default:
                // A long sentence that merely mentions "share" is prose; short matches are furniture.
                if (!prose || line.Group is RemovalReasons.Footer or RemovalReasons.Advert or RemovalReasons.Spam or RemovalReasons.Share
                        or RemovalReasons.Login)
                {
                    line.Kind = LineKind.Clutter;
                    line.Reason = line.Group;
                    return;
                }
                break;
        }

        if (line.Words <= 5 && (line.Text.EndsWith("says:", StringComparison.Ordinal) || line.Text.EndsWith("wrote:", StringComparison.Ordinal)))
        {
            // The signature over a comment.
            line.Kind = LineKind.Clutter;
            line.Reason = RemovalReasons.Comments;
            return;
        }
        if (IsBreadcrumb(line.Text))
        {
            line.Kind = LineKind.Clutter;
            line.Reason = RemovalReasons.Navigation;
            return;
        }
        if (IsBareAddress(line.Text))
        {
            line.Kind = LineKind.Clutter;
            line.Reason = RemovalReasons.Footer;
            return;
        }
        if (HasTrailingCredit(line.Text))
        {
            line.Kind = LineKind.Caption;
            return;
        }
        line.Kind = prose ? LineKind.Prose
            : line.HasTab ? LineKind.TableRow
            : line.EndsSentence && line.Words >= 3 && !line.TitleShaped && !HeaderShapes.IsDateLine(line) ? LineKind.ShortSentence
            : LineKind.Short;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsProse(TextLine line)
    {
        if (line.Words < ProseWords) return false;
        // Twenty words without a comma or a full stop are a tag cloud or a keyword list, not a sentence.
        if (line.Words >= 20 && line.Punctuation == 0) return false;
        // Title Case lines of any length are headlines and link lists, not paragraphs.
        if (line.CasedLetters > 0 && line.SmallWords * 10 < (line.CapitalWords + line.SmallWords) * 3 && line.Words < 40) return false;
        return line.EndsSentence || line.InnerSentenceEnds > 0 || line.Words >= LongLineWords;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '。' or '！' or '？' or '…';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool EndsLikeSentence(string text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '」' or '』' or '*' || char.IsWhiteSpace(c)) continue;
            return IsSentenceEnd(c) || c is ';';
        }
        return false;
    }

    /// <summary>"News / China / Russia", "Home › World › Europe": short segments between path separators.</summary>
    private static readonly System.Buffers.SearchValues<char> PathSeparators = System.Buffers.SearchValues.Create("›»>/→|");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsBreadcrumb(string text)
    {
        if (text.AsSpan().IndexOfAny(PathSeparators) < 0) return false;
        var separators = 0;
        var segmentWords = 0;
        var maxSegment = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '›' or '»' or '>' or '/' or '→' or '|' && (i == 0 || text[i - 1] == ' ' || c is '›' or '»')
                && (i + 1 >= text.Length || text[i + 1] == ' ' || c is '›' or '»'))
            {
                separators++;
                maxSegment = Math.Max(maxSegment, segmentWords);
                segmentWords = 0;
                inWord = false;
                continue;
            }
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord)
            {
                inWord = true;
                segmentWords++;
            }
        }
        maxSegment = Math.Max(maxSegment, segmentWords);
        return separators >= 2 && maxSegment <= 4 || separators == 1 && maxSegment <= 2 && text.TrimEnd().EndsWith('›');
    }

    /// <summary>A web address on its own ("www.example.co.uk", "https://example.com/page").</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsBareAddress(string text)
    {
        if (text.Contains(' ', StringComparison.Ordinal)) return false;
        return text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A line closed by a photo credit: "... in Bali in July, 2022. (Photo by EPA)", "... (NASA/JPL-Caltech/ASU)",
    /// "... - Sputnik International, 1920, 19.09.2023", "... treatmentCredit: EPA".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasTrailingCredit(string text)
    {
        if (text.Length < 6) return false;
        if (text[^1] == ')')
        {
            var open = text.LastIndexOf('(');
            if (open > 0)
            {
                var inside = text.AsSpan(open + 1, text.Length - open - 2);
                var trimmed = inside.TrimStart();
                if (inside.Contains('/') && inside.Length <= 80 && CountWords(inside) <= 8 && trimmed.Length > 0 && char.IsUpper(trimmed[0]))
                    return true;
                if (inside.StartsWith("Photo", StringComparison.OrdinalIgnoreCase) || inside.StartsWith("Image", StringComparison.OrdinalIgnoreCase)
                    || inside.StartsWith("Credit", StringComparison.OrdinalIgnoreCase) || inside.StartsWith("Foto", StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }
        // "<caption> - Agency Name, 1920, 19.09.2023": a caption stamped with the source and a numeric date.
        var dash = text.LastIndexOf(" - ", StringComparison.Ordinal);
        if (dash > 0 && text.Length - dash <= 60)
        {
            var tail = text.AsSpan(dash + 3);
            if (tail.Length > 0 && char.IsUpper(tail[0]) && EndsWithNumericDate(tail)) return true;
        }
        var credit = text.LastIndexOf("Credit:", StringComparison.Ordinal);
        return credit > 0 && text.Length - credit <= 60;
    }

    private static bool EndsWithNumericDate(ReadOnlySpan<char> s)
    {
        // dd.mm.yyyy, dd/mm/yyyy or yyyy-mm-dd at the very end.
        if (s.Length < 10) return false;
        var end = s[^10..];
        var digits = 0;
        var separators = 0;
        foreach (var c in end)
        {
            if (char.IsDigit(c)) digits++;
            else if (c is '.' or '/' or '-') separators++;
        }
        return digits == 8 && separators == 2;
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord)
            {
                inWord = true;
                n++;
            }
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Script ScriptOf(char c)
    {
        if (c < 0x250) return Script.Latin;
        if (c is >= '\u0370' and < '\u0400') return Script.Greek;
        if (c is >= '\u0400' and < '\u0530') return Script.Cyrillic;
        if (c is >= '\u0590' and < '\u0600') return Script.Hebrew;
        if (c is >= '\u0600' and < '\u0780') return Script.Arabic;
        if (c is >= '\u0900' and < '\u0980') return Script.Devanagari;
        if (c is >= '\u0E00' and < '\u0E80') return Script.Thai;
        if (c is >= '\u1E00' and < '\u1F00') return Script.Latin;
        if (c is >= '\u1100' and < '\u1200' || c is >= '\u3130' and < '\u3190' || c is >= '\uAC00' and < '\uD7B0') return Script.Hangul;
        if (c is >= '\u3040' and < '\u3100' || c is >= '\u3400' and < '\u4DC0' || c is >= '\u4E00' and < '\uA000'
            || c is >= '\uF900' and < '\uFB00' || c is >= '\uFF66' and < '\uFFA0')
            return Script.Han;
        if (c is >= '\uFF21' and < '\uFF5B') return Script.Latin;
        return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter ? Script.Other : Script.Latin;
    }
}
