namespace NewsCompare.Core.Extraction.Text;

/// <summary>
/// Removes a note about the author that closes the body: among the last paragraphs, the first one that names the
/// byline's author near its start ("Jane Doe is a reporter for ...", "You can email Jane Doe here", or the bare
/// name) begins the note, and it and everything after it leave the body. The author's name is the only signal,
/// so it works the same in every language.
/// </summary>
internal static class AuthorNoteCutter
{
    // A note about the author is a paragraph or two and a contact line: look no further up than this.
    private const int LastParagraphs = 3;
    // The name stands near the note's start ("Jane Doe is ...", "You can email Jane Doe ...").
    private const int NameWithinWords = 6;

    public static void Cut(List<TextLine> lines, LinePlan plan)
    {
        var name = AuthorName(plan, lines);
        if (name is null) return;
        var paragraphs = new List<int>();
        for (var i = 0; i < lines.Count; i++)
            if (plan.Parts[i] == LinePart.Paragraph) paragraphs.Add(i);
        // The article itself must stay: only a body of several paragraphs has a note to lose.
        if (paragraphs.Count <= LastParagraphs) return;
        for (var p = paragraphs.Count - LastParagraphs; p < paragraphs.Count; p++)
        {
            var index = paragraphs[p];
            if (!NamesNearStart(plan.Texts[index] ?? lines[index].Text, name.Value)) continue;
            for (var q = p; q < paragraphs.Count; q++) plan.Remove(paragraphs[q], RemovalReasons.Furniture);
            return;
        }
    }

    /// <summary>The first two capitalised words of the byline after its opener ("By", "Von", "Par"): the author's
    /// given name and surname, or null when the byline holds no such pair.</summary>
    internal static (string First, string Second)? AuthorName(LinePlan plan, List<TextLine> lines)
    {
        string? byline = null;
        for (var i = 0; i < lines.Count && byline is null; i++)
            if (plan.Parts[i] == LinePart.Byline) byline = plan.Texts[i] ?? lines[i].Text;
        if (byline is null) return null;
        var words = byline.Split((char[])[' ', '\u00A0', ',', '|', '/'], StringSplitOptions.RemoveEmptyEntries);
        var from = 0;
        // The opener: a short word or one in small letters ("By", "by", "von", "Por").
        if (words.Length > 2 && (words[0].Length <= 3 || char.IsLower(words[0][0]))) from = 1;
        if (words.Length < from + 2) return null;
        var first = words[from];
        var second = words[from + 1];
        if (!IsNameWord(first) || !IsNameWord(second)) return null;
        return (first, second);
    }

    private static bool IsNameWord(string word) => word.Length >= 2 && char.IsUpper(word[0]) && word.Any(char.IsLower);

    private static bool NamesNearStart(string text, (string First, string Second) name)
    {
        var words = text.Split((char[])[' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < words.Length && i < NameWithinWords; i++)
            if (words[i] == name.First && words[i + 1].TrimEnd('.', ',', ':', '\'', '’', 's') == name.Second.TrimEnd('s'))
                return true;
        return false;
    }
}
