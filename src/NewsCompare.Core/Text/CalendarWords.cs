using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Text;

/// <summary>
/// Names of months and weekdays in the languages the product meets most (Metadata/month-names.txt and
/// weekday-names.txt): words written with a capital that name no one, so they are never taken for a speaker.
/// </summary>
public static class CalendarWords
{
    private static readonly HashSet<string> Weekdays = LoadWeekdays();

    private static readonly Dictionary<string, string[]> ByLanguage = LoadByLanguage();

    /// <summary>
    /// The month names (with their abbreviations) and weekday names of one language, lower case; empty for a language
    /// the lists do not hold. For readers that match words in a form of their own (story grouping keys them) and
    /// must not take another language's calendar word for one of theirs ("Mars", "Avril" and "Domingo" are names in
    /// English).
    /// </summary>
    /// <param name="language">An ISO 639-1 code ("de", "tr").</param>
    public static IReadOnlyList<string> For(string language) => ByLanguage.GetValueOrDefault(language ?? "") ?? [];

    /// <summary>The languages <see cref="For"/> knows.</summary>
    public static IReadOnlyCollection<string> Languages => ByLanguage.Keys;

    /// <summary>Whether <paramref name="word"/> (any case, with or without accents) names a month or a day of the week.</summary>
    public static bool Contains(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return DateFinder.IsMonth(word) || Weekdays.Contains(Folding.Fold(word));
    }

    /// <summary>Whether every word of <paramref name="phrase"/> is a calendar word ("Monday", "Saturday, March"); false for none.</summary>
    public static bool Only(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = Tokenizer.Tokens(phrase).Where(t => t.Kind == TokenKind.Word).Select(t => t.Text).ToList();
        return words.Count > 0 && words.All(Contains);
    }

    private static HashSet<string> LoadWeekdays() =>
        Lines("weekday-names.txt").SelectMany(parts => parts.Skip(1)).Select(Folding.Fold).ToHashSet(StringComparer.Ordinal);

    // Month lines are "<language> <number> <names...>", weekday lines "<language> <names...>".
    private static Dictionary<string, string[]> LoadByLanguage() =>
        Lines("month-names.txt").Select(parts => (Language: parts[0], Names: parts.Skip(2)))
            .Concat(Lines("weekday-names.txt").Select(parts => (Language: parts[0], Names: parts.Skip(1))))
            .GroupBy(x => x.Language, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Names).Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static IEnumerable<string[]> Lines(string file)
    {
        var assembly = typeof(CalendarWords).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(file, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') yield return line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
