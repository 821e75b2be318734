using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsCompare.Core.Extraction.Html;

/// <summary>Small text helpers: whitespace folding, title suffixes, word overlap and datelines.</summary>
internal static partial class TextTools
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / "];

    /// <summary>Folds whitespace, decodes stray entities (JSON-LD often carries them) and trims; null for blank.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Contains('&')) value = WebUtility.HtmlDecode(value);
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (c is '\u200B' or '\uFEFF' or '\u00AD') continue;
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>
    /// Strips the site's name from a document title: "Headline | Site", "Headline - Section - Site", or a
    /// leading "Site | Headline". A trailing part goes when it names the site or is short beside a longer headline.
    /// </summary>
    public static string StripTitleSuffix(string title, string? siteName)
    {
        var result = title.Trim();
        for (var round = 0; round < 2; round++)
        {
            var (at, separator) = LastSeparator(result);
            if (at <= 0) break;
            var head = result[..at].Trim();
            var tail = result[(at + separator.Length)..].Trim();
            if (NamesSite(tail, siteName) || (WordCount(tail) <= 4 && WordCount(head) >= 3 && tail.Length < head.Length))
                result = head;
            else break;
        }
        var (first, firstSeparator) = FirstSeparator(result);
        if (first > 0 && NamesSite(result[..first].Trim(), siteName))
            result = result[(first + firstSeparator.Length)..].Trim();
        return result;
    }

    private static bool NamesSite(string part, string? siteName) =>
        !string.IsNullOrEmpty(siteName) && (part.Equals(siteName, StringComparison.OrdinalIgnoreCase)
                                            || Squash(part) == Squash(siteName));

    private static string Squash(string value) => new(value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static (int At, string Separator) LastSeparator(string title)
    {
        var best = (-1, "");
        foreach (var separator in TitleSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > best.Item1) best = (at, separator);
        }
        return best;
    }

    private static (int At, string Separator) FirstSeparator(string title)
    {
        var best = (-1, "");
        foreach (var separator in TitleSeparators)
        {
            var at = title.IndexOf(separator, StringComparison.Ordinal);
            if (at >= 0 && (best.Item1 < 0 || at < best.Item1)) best = (at, separator);
        }
        return best;
    }

    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) count++;
            inWord = letter;
        }
        return count;
    }

    /// <summary>
    /// A dateline as its own field: the place (and agency) without the dash that joined it to the first sentence,
    /// "MOSCOW (Reuters) -" gives "MOSCOW (Reuters)".
    /// </summary>
    public static string? BareDateline(string? dateline)
    {
        var bare = dateline?.TrimEnd(' ', '-', '–', '—', '.', ':', '\u00a0');
        return string.IsNullOrWhiteSpace(bare) ? null : bare;
    }

    /// <summary>Dice overlap of the two texts' lower-cased words, 0 to 1.</summary>
    public static double Similarity(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b)) return 0;
        var left = Words(a);
        var right = Words(b);
        if (left.Count == 0 || right.Count == 0) return 0;
        var shared = left.Count(right.Contains);
        return 2.0 * shared / (left.Count + right.Count);
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Splits a dateline off the first paragraph: "MOSCOW (Reuters) - The..." gives ("MOSCOW (Reuters) -", "The..."),
    /// "(CNN) The..." gives ("(CNN)", "The..."). A place must be in capitals, or be followed by an agency in brackets.
    /// </summary>
    public static (string? Dateline, string Remainder) SplitDateline(string paragraph)
    {
        if (paragraph.Length < 12) return (null, paragraph);
        var head = paragraph.Length > 120 ? paragraph[..120] : paragraph;
        var agencyOnly = AgencyDatelinePattern().Match(head);
        if (agencyOnly.Success) return (agencyOnly.Groups["dateline"].Value.Trim(), paragraph[agencyOnly.Length..].TrimStart());
        var match = DatelinePattern().Match(head);
        if (!match.Success) return (null, paragraph);
        var place = match.Groups["place"].Value;
        var capitals = place.Count(char.IsUpper) >= place.Count(char.IsLetter) * 0.8 && place.Count(char.IsLetter) >= 2;
        if (!capitals && !match.Groups["agency"].Success) return (null, paragraph);
        var rest = paragraph[match.Length..].TrimStart();
        if (rest.Length == 0 || !char.IsLetterOrDigit(rest[0]) && rest[0] is not ('"' or '“' or '‘' or '\'')) return (null, paragraph);
        return (match.Value.Trim(), rest);
    }

    // "(CNN) President...", "(Bloomberg) -- Shares...": an agency alone, one or two capitalised words in brackets.
    [GeneratedRegex(@"^(?<dateline>\((?:\p{Lu}[\p{L}&.]*)(?: \p{Lu}[\p{L}&.]*)?\)(?:\s*[-–—]{1,2})?)\s+(?=[\p{Lu}""“‘'])", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyDatelinePattern();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();

    // PLACE[, Region][, Month Day][ (Agency)] followed by a dash.
    [GeneratedRegex(@"^(?<place>[\p{Lu}][\p{L}.'’ -]{1,40}?)(?:,\s*[\p{L}.' ]{2,30}?)?(?:,\s*\p{L}{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?<agency>\s*\([^()]{2,40}\))?\s*[-–—]{1,2}\s", RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePattern();
}
