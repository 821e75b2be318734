using System.Runtime.CompilerServices;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>
/// Gives every line left outside the article its removal reason: its own when the vocabulary knows it, else the
/// reason of the section it sits in (menus above the article; after it, whatever the last label opened:
/// other articles, comments or the footer).
/// </summary>
internal static class OutsideReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read(List<TextLine> lines, LinePlan plan)
    {
        var firstKept = Array.FindIndex(plan.Parts, p => p is not (LinePart.Unassigned or LinePart.Removed));
        var section = RemovalReasons.Furniture;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var unassigned = plan.Parts[i] == LinePart.Unassigned;
            var below = firstKept >= 0 && i > firstKept;
            if (below && (line.Kind == LineKind.Barrier || line.Reason is RemovalReasons.Footer or RemovalReasons.Comments))
                section = line.Reason!;
            // Below the article, a headline-shaped line or a photo opens another article's teaser.
            if (below && section == RemovalReasons.Furniture
                && (line.Kind == LineKind.Short && line.TitleShaped && line.Words >= 5 || line.Kind == LineKind.Caption))
                section = RemovalReasons.Spillover;
            if (!unassigned) continue;
            if (line.Reason is { } own)
                plan.Remove(i, own);
            else if (IsInWidget(lines, i))
                plan.Remove(i, RemovalReasons.Widget);
            else
                plan.Remove(i, below ? section : firstKept < 0 ? Unplaced(line) : RemovalReasons.Navigation);
        }
    }

    /// <summary>A one- or two-word label among counters: "Happy / 0 %", "5 Star / 0%".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsInWidget(List<TextLine> lines, int i)
    {
        if (lines[i].Words > 2) return false;
        for (var j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++)
            if (j != i && lines[j].Reason == RemovalReasons.Widget) return true;
        return false;
    }

    /// <summary>With no article found, a line is furniture unless its shape says menu.</summary>
    private static string Unplaced(TextLine line) => line.Words <= 4 ? RemovalReasons.Navigation : RemovalReasons.Furniture;
}
