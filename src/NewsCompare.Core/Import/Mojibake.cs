using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsCompare.Core.Import;

/// <summary>
/// Repairs mojibake: UTF-8 text that was once decoded with another code page and saved again, so that "’" reads
/// "â€™" (Windows-1252), "вЂ™" (Windows-1251) or "鈥" (GBK/GB18030). A suspicious run is encoded back with the code page and decoded as
/// UTF-8; the result is kept only when it is valid UTF-8 and more plausible than what stood there. What cannot be
/// repaired stays as found.
/// </summary>
internal static partial class Mojibake
{
    internal sealed record Result(string Text, int Repaired, int Unrepaired);

    /// <summary>A code page to encode suspicious runs back with; null when a character has no byte in it.</summary>
    private delegate byte[]? Encoder(string piece);

    private static readonly Lazy<Encoder> Windows1252 = new(() => SingleByte(1252));
    private static readonly Lazy<Encoder> Windows1251 = new(() => SingleByte(1251));
    private static readonly Lazy<HashSet<char>> Windows1251Upper = new(() =>
    {
        TextDecoder.EnsureCodePages();
        return [.. Encoding.GetEncoding(1251).GetString([.. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)])];
    });

    /// <summary>A single-byte code page as a reverse table, so an unencodable character costs no exception.</summary>
    private static Encoder SingleByte(int codePage)
    {
        TextDecoder.EnsureCodePages();
        var table = new Dictionary<char, byte>();
        var cp = Encoding.GetEncoding(codePage);
        for (var b = 0; b < 256; b++) table.TryAdd(cp.GetString([(byte)b])[0], (byte)b);
        return piece =>
        {
            var bytes = new byte[piece.Length];
            for (var i = 0; i < piece.Length; i++)
                if (table.TryGetValue(piece[i], out var b)) bytes[i] = b; else return null;
            return bytes;
        };
    }

    private static readonly Lazy<Encoder> Gb18030 = new(() =>
    {
        TextDecoder.EnsureCodePages();
        // GB18030 encodes every Unicode character, so encoding never fails.
        var cp = Encoding.GetEncoding(54936);
        return piece => cp.GetBytes(piece);
    });

    /// <summary>
    /// Most characters one UTF-8 sequence becomes: four bytes are four Windows-1252 characters, or two or three GBK ones.
    /// UTF-8 is self-synchronising, so the shortest piece from a lead byte that decodes is the character it was.
    /// </summary>
    private const int MaxPiece = 4;

    public static Result Repair(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F')) return new Result(text, 0, 0);
        var repaired = 0;
        var result = RepairWith(text, Windows1252.Value, IsLatinMojibakeChar, requireShorter: true, IsPlausible, ref repaired);
        // UTF-8 read as Windows-1251 ("вЂ™" for "’", "РџСЂ" for "Пр"): the Cyrillic counterpart.
        if (result.AsSpan().ContainsAnyInRange('\u0400', '\u04FF') && CyrillicPieces(result) is { } allowed)
            result = RepairWith(result, Windows1251.Value, Windows1251Upper.Value.Contains, requireShorter: true, IsPlausible, ref repaired, allowed);
        // CJK mojibake is only repaired in text that is not itself written mostly in a CJK script.
        var cjkMojibakePossible = result.AsSpan().ContainsAnyInRange('\u3000', '\u9FFF') && CjkShare(result) < 0.3;
        if (cjkMojibakePossible)
            result = RepairWith(result, Gb18030.Value, IsCjkMojibakeChar, requireShorter: false, IsPlausibleFromCjk, ref repaired);
        var unrepaired = (result.AsSpan().ContainsAny('â', 'Ã', 'Â') ? LatinLeftovers().Count(result) : 0)
                         + (result.Contains("вЂ", StringComparison.Ordinal) ? CyrillicLeftovers().Count(result) : 0)
                         + (cjkMojibakePossible ? CjkLeftovers().Count(result) : 0);
        return new Result(result, repaired, unrepaired);
    }

    private static string RepairWith(string text, Encoder codePage, Func<char, bool> suspicious, bool requireShorter,
        Func<string, bool> plausible, ref int repaired, Func<string, bool>? pieceAllowed = null)
    {
        StringBuilder? output = null;
        var i = 0;
        var copiedUpTo = 0;
        while (i < text.Length)
        {
            // Mojibake is never ASCII: jump straight to the next non-ASCII character.
            var next = text.AsSpan(i).IndexOfAnyExceptInRange('\0', '\u007F');
            if (next < 0) break;
            i += next;
            if (!suspicious(text[i])) { i++; continue; }
            var end = i;
            while (end < text.Length && suspicious(text[end])) end++;
            var run = text[i..end];
            var fixedRun = RepairRun(run, codePage, requireShorter, plausible, pieceAllowed, out var fixes);
            if (fixes > 0)
            {
                output ??= new StringBuilder(text.Length);
                output.Append(text, copiedUpTo, i - copiedUpTo).Append(fixedRun);
                copiedUpTo = end;
                repaired += fixes;
            }
            i = end;
        }
        if (output is null) return text;
        output.Append(text, copiedUpTo, text.Length - copiedUpTo);
        return output.ToString();
    }

    /// <summary>Repairs the pieces of <paramref name="run"/> that decode, left to right, one character at a time.</summary>
    private static string RepairRun(string run, Encoder codePage, bool requireShorter, Func<string, bool> plausible,
        Func<string, bool>? pieceAllowed, out int fixes)
    {
        fixes = 0;
        var output = new StringBuilder(run.Length);
        var start = 0;
        while (start < run.Length)
        {
            string? best = null;
            var bestEnd = start;
            // Only a character that encodes to a UTF-8 lead byte (C2-F4) can start a repair.
            if (codePage(run[start].ToString()) is not [>= 0xC2 and <= 0xF4, ..])
            {
                output.Append(run[start]);
                start++;
                continue;
            }
            for (var end = start + 1; end <= Math.Min(run.Length, start + MaxPiece); end++)
            {
                if (pieceAllowed is not null && !pieceAllowed(run[start..end])) continue;
                var candidate = TryDecode(run[start..end], codePage);
                if (candidate is null || !plausible(candidate) || (requireShorter && candidate.Length >= end - start)) continue;
                best = candidate;
                bestEnd = end;
                break;
            }
            if (best is null)
            {
                output.Append(run[start]);
                start++;
                continue;
            }
            output.Append(best);
            fixes++;
            start = bestEnd;
        }
        return output.ToString();
    }

    private static string? TryDecode(string piece, Encoder codePage)
    {
        var bytes = codePage(piece);
        if (bytes is null || bytes.All(b => b < 0x80) || !System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Repaired text must read as ordinary text: no controls, no replacement characters, no private use.</summary>
    private static bool IsPlausible(string s)
    {
        var nonAscii = 0;
        foreach (var c in s)
        {
            if (c < 0x80) { if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return false; continue; }
            nonAscii++;
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Format) return false;
            if (c == '\uFFFD') return false;
        }
        return nonAscii > 0;
    }

    /// <summary>
    /// Repairs of CJK mojibake must give Latin letters, punctuation or common symbols: a genuine ideograph in Latin
    /// text may happen to re-encode as valid UTF-8 for some rare character, which is not a repair.
    /// </summary>
    private static bool IsPlausibleFromCjk(string s) =>
        IsPlausible(s) && s.All(c => c < 0x80 || c is >= '\u00A0' and <= '\u024F' or >= '\u2000' and <= '\u214F');

    /// <summary>Characters UTF-8 lead and continuation bytes turn into when read as Windows-1252 or Latin-1.</summary>
    private static bool IsLatinMojibakeChar(char c) =>
        c is >= '\u0080' and <= '\u00FF' || c > '\u00FF' && "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".Contains(c, StringComparison.Ordinal);

    /// <summary>
    /// Whether Windows-1251 pieces may be repaired. "вЂ" (the lead of every curly quote and dash) never occurs in real
    /// text, so it is always repaired. Other pieces ("Рџ", "СЃ") only when the whole text reads as Cyrillic mojibake:
    /// "Р" and "С" make a quarter of its Cyrillic letters (every letter became one of them plus another character),
    /// and at least three are followed by a character Russian never puts there. Otherwise "«Р»" or "Сі" stay as written.
    /// </summary>
    /// <returns>Which pieces may be repaired, or null when none may (the pass is skipped).</returns>
    private static Func<string, bool>? CyrillicPieces(string text)
    {
        int cyrillic = 0, leads = 0, marked = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < '\u0400' or > '\u04FF') continue;
            cyrillic++;
            if (c is not ('Р' or 'С')) continue;
            leads++;
            if (i + 1 < text.Length && Windows1251Upper.Value.Contains(text[i + 1]) && !IsRussianAfterLetter(text[i + 1])) marked++;
        }
        if (cyrillic > 0 && leads >= cyrillic * 0.25 && marked >= 3) return _ => true;
        return text.Contains("вЂ", StringComparison.Ordinal) ? piece => piece.StartsWith("вЂ", StringComparison.Ordinal) : null;
    }

    private static bool IsRussianAfterLetter(char c) =>
        c is >= '\u0410' and <= '\u044F' || "Ёё«»№—–“”‘’„…\u00A0".Contains(c, StringComparison.Ordinal);

    /// <summary>CJK ideographs and full-width forms: what UTF-8 bytes become when read as GBK/GB18030.</summary>
    private static bool IsCjkMojibakeChar(char c) =>
        c is >= '\u3000' and <= '\u9FFF' or >= '\uF900' and <= '\uFFEF';

    /// <summary>What a broken UTF-8 sequence leaves behind when its bytes were lost: counted as unrepaired.</summary>
    [GeneratedRegex("â€|[ÃÂ][\u0080-\u00BF]")]
    private static partial Regex LatinLeftovers();

    [GeneratedRegex("вЂ")]
    private static partial Regex CyrillicLeftovers();

    [GeneratedRegex("鈥|锟斤拷")]
    private static partial Regex CjkLeftovers();

    private static double CjkShare(string text)
    {
        int letters = 0, cjk = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF') cjk++;
        }
        return letters == 0 ? 0 : (double)cjk / letters;
    }
}
