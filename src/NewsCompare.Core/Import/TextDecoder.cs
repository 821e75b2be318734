using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsCompare.Core.Import;

/// <summary>
/// Turns a capture's bytes into text: byte-order mark, then strict UTF-8, then the charset the page declares, then
/// Windows-1252 for legacy files (UTF-8 and Windows-1252 mixed in one file are read piece by piece), then mojibake
/// repair. Rejects binary files and text that decodes to garbage.
/// </summary>
internal static partial class TextDecoder
{
    internal sealed record Decoded(string Text, string Encoding, IReadOnlyList<string> Warnings);

    /// <summary>Thrown for bytes that are not text; the message is the reason shown to the user.</summary>
    internal sealed class NotTextException(string message) : Exception(message);

    private static readonly Lazy<bool> CodePages = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Makes the legacy code pages (Windows-1252, GB18030…) available; safe to call from any thread.</summary>
    public static void EnsureCodePages() => _ = CodePages.Value;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static Decoded Decode(ReadOnlySpan<byte> bytes)
    {
        EnsureCodePages();
        var warnings = new List<string>();
        var (text, label) = DecodeBytes(bytes, warnings);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        // A few stray NULs in a text file (a broken save, a bad copy) are removed with a warning; the binary check
        // above refused files with more. Kept, they would reach the API and exports as \u0000.
        var nuls = text.AsSpan().Count('\0');
        if (nuls > 0)
        {
            text = text.Replace("\0", "", StringComparison.Ordinal);
            warnings.Add($"{nuls} NUL character(s) removed from the text (the raw bytes are kept)");
        }

        // Repair first: a broken sequence may hold a C1 control character that the repair turns back into a quote.
        var repair = Mojibake.Repair(text);
        var unreadable = UnreadableShare(repair.Text);
        if (unreadable > 0.05)
            throw new NotTextException($"not readable text: {unreadable:P0} of the characters are control or undecodable characters");

        if (repair.Repaired > 0) label += $"+repaired({repair.Repaired})";
        if (repair.Unrepaired > 0)
            warnings.Add($"{repair.Unrepaired} broken character sequence(s) from an earlier wrong decoding could not be repaired and were kept as found");
        return new Decoded(repair.Text, label, warnings);
    }

    private static (string Text, string Label) DecodeBytes(ReadOnlySpan<byte> bytes, List<string> warnings)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (WithBom(bytes[4..], new UTF32Encoding(false, false), "utf-32le", warnings), "utf-32le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (WithBom(bytes[4..], new UTF32Encoding(true, false), "utf-32be", warnings), "utf-32be");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return DecodeUtf8OrMixed(bytes[3..], warnings);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (WithBom(bytes[2..], new UnicodeEncoding(false, false), "utf-16le", warnings), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (WithBom(bytes[2..], new UnicodeEncoding(true, false), "utf-16be", warnings), "utf-16be");

        var utf16 = GuessUtf16WithoutBom(bytes);
        if (utf16 is not null)
            return (WithBom(bytes, new UnicodeEncoding(utf16 == "utf-16be", false), utf16, warnings), utf16);

        if (LooksBinary(bytes)) throw new NotTextException("binary file, not a text or HTML capture (NUL or control bytes)");

        if (IsValidUtf8(bytes)) return (StrictUtf8.GetString(bytes), "utf-8");

        var declared = DeclaredCharset(bytes);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
            return (declared.GetString(bytes), declared.WebName);
        return DecodeUtf8OrMixed(bytes, warnings);
    }

    /// <summary>Strict UTF-8 when valid; else UTF-8 pieces with the invalid bytes read as Windows-1252.</summary>
    private static (string, string) DecodeUtf8OrMixed(ReadOnlySpan<byte> bytes, List<string> warnings)
    {
        if (IsValidUtf8(bytes)) return (StrictUtf8.GetString(bytes), "utf-8");
        var legacy = Encoding.GetEncoding(1252);
        var output = new StringBuilder(bytes.Length);
        int validMultiByte = 0, invalid = 0, i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80) { output.Append((char)b); i++; continue; }
            var length = Utf8SequenceLength(bytes[i..]);
            if (length > 0)
            {
                output.Append(Encoding.UTF8.GetString(bytes.Slice(i, length)));
                validMultiByte++;
                i += length;
                continue;
            }
            output.Append(legacy.GetString(bytes.Slice(i, 1)));
            invalid++;
            i++;
        }
        var text = output.ToString();
        if (validMultiByte == 0)
        {
            if (NonAsciiLetterShare(text) > 0.4)
                throw new NotTextException("not readable text: the bytes are neither UTF-8 nor a legacy encoding's text");
            return (text, "windows-1252");
        }
        if (invalid > Math.Max(8, validMultiByte))
            throw new NotTextException($"not readable text: {invalid} bytes are not valid UTF-8 (garbled or mixed encodings)");
        warnings.Add($"mixed encodings: {invalid} byte(s) were not valid UTF-8 and were read as Windows-1252");
        return (text, "utf-8+windows-1252");
    }

    private static string WithBom(ReadOnlySpan<byte> bytes, Encoding encoding, string label, List<string> warnings)
    {
        var text = encoding.GetString(bytes);
        var replaced = text.Count(c => c == '\uFFFD');
        if (replaced > 0) warnings.Add($"{replaced} invalid {label} sequence(s) replaced by U+FFFD (the raw bytes are kept)");
        return text;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>The length of the well-formed UTF-8 multi-byte sequence at the start of <paramref name="s"/>, or 0.</summary>
    private static int Utf8SequenceLength(ReadOnlySpan<byte> s)
    {
        var length = s[0] switch { >= 0xC2 and <= 0xDF => 2, >= 0xE0 and <= 0xEF => 3, >= 0xF0 and <= 0xF4 => 4, _ => 0 };
        if (length == 0 || s.Length < length) return 0;
        return System.Text.Unicode.Utf8.IsValid(s[..length]) ? length : 0;
    }

    private static string? GuessUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        if (sample.Length < 16) return null;
        int evenZero = 0, oddZero = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZero++;
            if (sample[i + 1] == 0) oddZero++;
        }
        var pairs = sample.Length / 2;
        if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "utf-16le";
        if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "utf-16be";
        return null;
    }

    /// <summary>
    /// Binary when NUL bytes are at least one in a thousand, or other control bytes more than one in twenty,
    /// counted over the whole file (a binary tail after a text head is still binary).
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes;
        var nul = sample.Count((byte)0);
        var control = 0;
        for (var i = sample.IndexOfAnyInRange((byte)1, (byte)0x1F); i >= 0;)
        {
            if (sample[i] is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x0B or 0x1B)) control++;
            var next = sample[(i + 1)..].IndexOfAnyInRange((byte)1, (byte)0x1F);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return nul > 0 && nul * 1000L >= sample.Length || control * 20L > sample.Length;
    }

    /// <summary>The encoding a page declares in its first 4 KB (meta charset, http-equiv, XML declaration), if known.</summary>
    private static Encoding? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = CharsetDeclaration().Match(head);
        if (!match.Success) return null;
        try { return Encoding.GetEncoding(match.Groups[1].Value); }
        catch (ArgumentException) { return null; }
    }

    private static double UnreadableShare(string text)
    {
        if (text.Length == 0) return 0;
        var bad = 0;
        var span = text.AsSpan();
        // Printable ASCII is most of any capture: skip it in vectorised strides and look only at the rest.
        for (var i = span.IndexOfAnyExceptInRange(' ', '~'); i >= 0;)
        {
            var c = span[i];
            if (c is not ('\n' or '\t' or '\f' or '\v'))
            {
                var category = char.GetUnicodeCategory(c);
                if (category is UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned || c == '\uFFFD') bad++;
            }
            var next = span[(i + 1)..].IndexOfAnyExceptInRange(' ', '~');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return (double)bad / text.Length;
    }

    private static double NonAsciiLetterShare(string text)
    {
        int letters = 0, nonAscii = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c >= 0x80) nonAscii++;
        }
        return letters == 0 ? 1 : (double)nonAscii / letters;
    }

    [GeneratedRegex(@"(?:<meta[^>]+charset\s*=\s*[""']?|<\?xml[^>]+encoding\s*=\s*[""'])([A-Za-z0-9_.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();
}
