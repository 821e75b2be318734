using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Text;

/// <summary>
/// Names of months and weekdays in the languages the product meets most (Metadata/month-names.txt and
/// weekday-names.txt): words written with a capital that name no one, so they are never taken for a speaker.
/// </summary>
public static class CalendarWords
{
    private static readonly HashSet<string> Weekdays = LoadWeekdays();

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

    private static HashSet<string> LoadWeekdays()
    {
        using var reader = EmbeddedFiles.OpenText(EmbeddedFiles.Require("weekday-names.txt"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            foreach (var name in line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)) names.Add(Folding.Fold(name));
        }
        return names;
    }
}
