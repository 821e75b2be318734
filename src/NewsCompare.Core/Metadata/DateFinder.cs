using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsCompare.Core.Metadata;

/// <summary>Finds complete dates (day, month and year) in addresses and lines of text. A month and year alone is not a date.</summary>
internal static partial class DateFinder
{
    /// <summary>Month names and abbreviations of the languages the product meets most (month-names.txt), lower case, to their number.</summary>
    internal static IReadOnlyDictionary<string, int> MonthNames { get; } = LoadMonthNames();

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup =
        ((Dictionary<string, int>)MonthNames).GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, int> LoadMonthNames()
    {
        using var reader = EmbeddedFiles.OpenText(EmbeddedFiles.Require("month-names.txt"));
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
            foreach (var name in parts.Skip(2)) names[name] = month;
        }
        return names;
    }

    /// <summary>Whether <paramref name="word"/> names a month in one of the known languages ("Sept", "Eylül", "сентября").</summary>
    public static bool IsMonth(ReadOnlySpan<char> word) => MonthLookup.ContainsKey(word);

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
        foreach (Match m in Ideographic().Matches(line))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) found.Add((m.Index, d));
        return found.Count == 0 ? null : found.MinBy(f => f.Index).Date;
    }

    private static string? MonthNumber(string name) =>
        MonthLookup.TryGetValue(name.AsSpan().TrimEnd('.'), out var month) ? month.ToString(CultureInfo.InvariantCulture) : null;

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

    // "September 19, 2023", "Sept. 19 2023".
    [GeneratedRegex(@"(?<!\p{L})(?<mon>\p{L}{3,10}\.?)\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d\d)(?!\d)")]
    private static partial Regex MonthFirst();

    // "19 September 2023", "19. September 2023", "19 de septiembre de 2023", "19 сентября 2023 г.", "19 Eylül 2023".
    [GeneratedRegex(@"(?<![\d.])(?<d>[0-3]?\d)(?:st|nd|rd|th|\.|º)?\s+(?:of\s+|de\s+)?(?<mon>\p{L}{3,10}\.?),?\s+(?:de\s+|del\s+)?(?<y>(?:19|20)\d\d)(?!\d)")]
    private static partial Regex DayFirst();

    // "2023年9月19日".
    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)\s?年\s?(?<m>[01]?\d)\s?月\s?(?<d>[0-3]?\d)\s?日")]
    private static partial Regex Ideographic();
}
