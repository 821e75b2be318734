using System.Runtime.CompilerServices;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>
/// Sorts the lines of the body run: paragraphs (subheads, list items and one-sentence paragraphs included),
/// captions, and the clutter inside the article (inline "Read more" links, adverts, boxes of other headlines).
/// </summary>
internal static class BodyReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read(List<TextLine> lines, int start, int end, LinePlan plan, ClutterVocabulary vocabulary)
    {
        var prose = new List<ulong[]>();
        for (var i = start; i <= end; i++)
            if (lines[i].Kind == LineKind.Prose) prose.Add(Subject.Of(lines[i], vocabulary));
        var subject = Subject.Union(prose);

        // Repeats are compared as written ("1 tsp cloves" and "2 tsp cloves" are two lines), the headline loosely.
        var kept = new HashSet<string>(StringComparer.Ordinal);
        string? headline = null;
        for (var i = 0; i < lines.Count; i++)
            if (plan.Parts[i] == LinePart.Headline) headline = lines[i].Normalised;

        var afterLabel = false;
        var first = true;
        for (var i = start; i <= end; i++)
        {
            var line = lines[i];
            if (plan.Parts[i] != LinePart.Unassigned) continue;
            switch (line.Kind)
            {
                case LineKind.Barrier:
                    plan.Remove(i, line.Reason!);
                    afterLabel = true;
                    continue;
                case LineKind.Clutter:
                    plan.Remove(i, line.Reason!);
                    continue;
                case LineKind.Caption:
                    plan.Set(i, LinePart.Caption);
                    continue;
                case LineKind.Prose:
                    afterLabel = false;
                    break;
                case LineKind.Short when SpillsOver(lines, i, start, end, afterLabel) || IsForeignTitle(line, subject, vocabulary):
                    plan.Remove(i, RemovalReasons.Spillover);
                    continue;
                case LineKind.Short when i + 1 <= end && lines[i + 1].Kind == LineKind.Caption && lines[i + 1].Normalised.StartsWith("credit", StringComparison.Ordinal):
                    plan.Set(i, LinePart.Caption);
                    continue;
            }
            if (line.Normalised == headline || !kept.Add(line.Text))
            {
                plan.Remove(i, RemovalReasons.Duplicate);
                continue;
            }
            if (first && !plan.Has(LinePart.Dateline) && HeaderShapes.TrySplitDateline(line.Text, out var dateline, out var rest) && rest is not null)
            {
                plan.SplitDateline = dateline;
                plan.Set(i, LinePart.Paragraph, text: rest);
            }
            else
            {
                plan.Set(i, LinePart.Paragraph);
            }
            first = false;
        }
    }

    /// <summary>
    /// A short line inside the body that belongs to another article: titles under a section label, a run of
    /// headlines, or one long headline-shaped link.
    /// </summary>
    private static bool SpillsOver(List<TextLine> lines, int i, int start, int end, bool afterLabel)
    {
        var line = lines[i];
        if (afterLabel) return true;
        if (line.AllCaps && line.Words >= 9) return true;
        if (!line.TitleShaped || line.Text.EndsWith(':') || line.Text.EndsWith('?')) return false;
        if (line.Words >= 9) return true;
        if (line.Words < 5) return false;
        return i > start && IsHeadlineLink(lines[i - 1]) || i < end && IsHeadlineLink(lines[i + 1]);
    }

    /// <summary>A headline-shaped line sharing no word with the article: a link to another story, not a subhead.</summary>
    private static bool IsForeignTitle(TextLine line, ulong[] subject, ClutterVocabulary vocabulary) =>
        line.TitleShaped && line.Words >= 5 && line.Ideographs == 0
        && Subject.Of(line, vocabulary) is { Length: >= 3 } words && Subject.Overlap(words, subject) == 0;

    private static bool IsHeadlineLink(TextLine line) => line.Kind == LineKind.Short && line.TitleShaped && line.Words >= 5;
}
