using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsCompare.Core.Metadata;

/// <summary>Finds complete dates (day, month and year) in addresses and lines of text. A month and year alone is not a date.</summary>
internal static partial class DateFinder
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>A date in the address's path: /2023/02/21/, /2023-02-21, /20230919/.</summary>
    public static DateOnly? InUrlPath(string? url)
    {
        if (Hosts.Parse(url) is not { } uri) return null;
        var path = uri.AbsolutePath;
        foreach (Match m in UrlSlashed().Matches(path))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) return d;
        foreach (Match m in UrlCompact().Matches(path))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) return d;
        return null;
    }

    /// <summary>The first complete date written in <paramref name="line"/>, if any.</summary>
    public static DateOnly? InText(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        var found = new List<(int Index, DateOnly Date)>();
        foreach (Match m in Iso().Matches(line))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) found.Add((m.Index, d));
        foreach (Match m in Dotted().Matches(line))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) found.Add((m.Index, d));
        foreach (Match m in MonthFirst().Matches(line))
            if (MonthNumber(m.Groups["mon"].Value) is { } mon && Make(m.Groups["y"].Value, mon, m.Groups["d"].Value) is { } d) found.Add((m.Index, d));
        foreach (Match m in DayFirst().Matches(line))
            if (MonthNumber(m.Groups["mon"].Value) is { } mon && Make(m.Groups["y"].Value, mon, m.Groups["d"].Value) is { } d) found.Add((m.Index, d));
        return found.Count == 0 ? null : found.MinBy(f => f.Index).Date;
    }

    private static string? MonthNumber(string name)
    {
        var lower = name.TrimEnd('.').ToLowerInvariant();
        if (lower.Length < 3) return null;
        var index = Array.FindIndex(Months, m => m.StartsWith(lower, StringComparison.Ordinal) || (lower == "sept" && m == "september"));
        return index < 0 ? null : (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static DateOnly? Make(string year, string month, string day)
    {
        if (!int.TryParse(year, CultureInfo.InvariantCulture, out var y) || !int.TryParse(month, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(day, CultureInfo.InvariantCulture, out var d)) return null;
        if (y < 1990 || y > DateTime.UtcNow.Year + 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, d);
    }

    [GeneratedRegex(@"/(?<y>(?:19|20)\d\d)[/-](?<m>\d\d?)[/-](?<d>\d\d?)(?=[/_.-]|$)")]
    private static partial Regex UrlSlashed();

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)\d\d)(?<m>[01]\d)(?<d>[0-3]\d)(?![0-9])")]
    private static partial Regex UrlCompact();

    [GeneratedRegex(@"(?<![\d.-])(?<y>(?:19|20)\d\d)-(?<m>[01]?\d)-(?<d>[0-3]?\d)(?![\d])")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d.])(?<d>[0-3]?\d)\.(?<m>[01]?\d)\.(?<y>(?:19|20)\d\d)(?![\d])")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"\b(?<mon>[A-Za-z]{3,9}\.?)\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>[A-Za-z]{3,9}\.?),?\s+(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex DayFirst();
}
