using System.Text.RegularExpressions;

namespace NewsCompare.Core.Extraction.Html;

/// <summary>
/// Tests on single short lines found inside the body that mark them as furniture whatever their markup:
/// a repeat of the headline, a bare date stamp, a printed byline, a copyright or affiliate notice.
/// </summary>
internal static partial class LineRules
{
    private const int ShortLine = 200;

    /// <summary>The removal reason when <paramref name="line"/> is furniture, else null.</summary>
    public static string? Furniture(string line, string? headline)
    {
        if (line.Length > ShortLine) return null;
        if (headline is not null && line.Length <= headline.Length * 1.3 + 10 && TextTools.Similarity(line, headline) >= 0.9)
            return RemovalReasons.Duplicate;
        // Not an attribution line ("— Name (@handle) November 18, 2019") under a quoted post.
        if (line.Length <= 70 && TextTools.WordCount(line) <= 10 && line[0] is not ('—' or '–' or '-') && !line.Contains('@')
            && DateStamp().IsMatch(line) && !EndsSentence(line))
            return RemovalReasons.Furniture;
        if (line.Length <= 100 && line.StartsWith("By ", StringComparison.Ordinal) && line.Length > 4 && char.IsUpper(line[3]) && !EndsSentence(line))
            return RemovalReasons.Furniture;
        if (line[0] is '©' or 'ⓒ' || line.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("copyright", StringComparison.OrdinalIgnoreCase)
            || line.Contains("all rights reserved", StringComparison.OrdinalIgnoreCase))
            return RemovalReasons.Footer;
        if (line.Contains("affiliate", StringComparison.OrdinalIgnoreCase) && line.Contains("commission", StringComparison.OrdinalIgnoreCase)
            || line.Contains("earn a commission", StringComparison.OrdinalIgnoreCase))
            return RemovalReasons.Advert;
        if (line.Length <= 160 && line.Contains("newsletter", StringComparison.OrdinalIgnoreCase))
            return RemovalReasons.Share;
        if (FollowPrompt().IsMatch(line))
            return RemovalReasons.Share;
        return null;
    }

    /// <summary>A gallery's buttons and counters ("Close", "Caption", "Image 3 of 23") rather than a caption.</summary>
    public static bool IsGalleryControl(string line) =>
        (line.Length <= 20 && ElementHints.GalleryControls.Contains(line.Trim().TrimEnd('.', ':').ToLowerInvariant())) || Counter().IsMatch(line);

    public static bool EndsSentence(string line) => line[^1] is '.' or '!' or '?' && !line.EndsWith("a.m.", StringComparison.Ordinal) && !line.EndsWith("p.m.", StringComparison.Ordinal);

    [GeneratedRegex(@"^\W*(\p{L}+\s+)?\d+\s*(of|/)\s*\d+\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Counter();

    // "Follow us on Twitter", "Follow her on Instagram", "Follow @desk on X".
    [GeneratedRegex(@"\bfollow (us|me|her|him|them|@\w+)\b.{0,60}\b(twitter|facebook|instagram|linkedin|tiktok|threads|bluesky|x)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowPrompt();

    [GeneratedRegex(@"\d{1,2}:\d{2}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateStamp();
}
