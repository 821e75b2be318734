using System.Runtime.CompilerServices;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>
/// Reads the lines above the body: picks the headline (a title-like line shortly before the body, often repeated
/// in the page, sharing words with the first paragraphs) and sorts the lines around it into standfirst, byline,
/// dateline, captions and furniture.
/// </summary>
internal static class HeaderReader
{
    private const int Reach = 40;

    /// <summary>Assigns the header lines and returns where the body paragraphs start (after a summary standfirst).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Read(List<TextLine> lines, int start, int end, ClutterVocabulary vocabulary, LinePlan plan)
    {
        var zoneStart = Math.Max(0, start - Reach);
        var headline = PickHeadline(lines, zoneStart, start, end, vocabulary);
        if (headline >= 0) plan.Set(headline, LinePart.Headline);

        // A summary opening the body right under the headline ("The article discusses ...") is the standfirst.
        if (start < end && vocabulary.StartsWithGroup(lines[start].Normalised, ClutterVocabulary.Summary) && (headline < 0 || headline == start - 1))
        {
            plan.Set(start, LinePart.Standfirst);
            start++;
        }

        var headlineNorm = headline >= 0 ? lines[headline].Normalised : null;
        var above = RemovalReasons.Navigation;
        for (var i = zoneStart; i < start; i++)
        {
            var line = lines[i];
            // Above the headline, titles under a "Most Read" label are other articles, not menu entries.
            if (line.Kind == LineKind.Barrier) above = line.Reason == RemovalReasons.Spillover ? RemovalReasons.Spillover : RemovalReasons.Navigation;
            if (i == headline || plan.Parts[i] != LinePart.Unassigned) continue;
            var afterHeadline = headline >= 0 && i > headline;
            // A date line in the header dates the article, whatever else is decided about the line; one above the
            // headline (often the day the page was seen) only when none follows it.
            if (HeaderShapes.IsDateLine(line)) plan.NoteDate(line.Text, afterHeadline);
            if (line.Normalised == headlineNorm || headlineNorm is { Length: > 0 } && line.Kind != LineKind.Prose
                    && line.Normalised.EndsWith(headlineNorm, StringComparison.Ordinal))
                plan.Remove(i, RemovalReasons.Duplicate);
            else if (IsCaption(lines, i, start))
                plan.Set(i, LinePart.Caption);
            else if (afterHeadline && i == headline + 1 && !plan.Has(LinePart.Standfirst) && line.Words >= 8 && line.Group is null
                     && !HeaderShapes.IsDateLine(line)
                     && (line.Kind is LineKind.Prose or LineKind.ShortSentence || line.Kind == LineKind.Short && !line.TitleShaped))
                plan.Set(i, LinePart.Standfirst);
            else if (!plan.Has(LinePart.Byline) && (HeaderShapes.IsByline(line, vocabulary) || HeaderShapes.IsDatedByline(line)
                     || afterHeadline && HeaderShapes.IsNameLike(line) && (line.Words > 1 || i == headline + 1)))
            {
                // The byline names its author; a date printed with it is the article's date, read apart.
                plan.NoteDate(line.Text, afterHeadline: true);
                var name = HeaderShapes.WithoutDate(line.Text);
                plan.Set(i, LinePart.Byline, text: name == line.Text ? null : name);
            }
            else if (afterHeadline && !plan.Has(LinePart.Dateline) && line.Kind is LineKind.Short or LineKind.ShortSentence
                     && HeaderShapes.TrySplitDateline(line.Text, out _, out var rest) && rest is null)
                plan.Set(i, LinePart.Dateline);
            else if (line.Reason is { } reason)
                plan.Remove(i, reason);
            else if (HeaderShapes.IsDateLine(line))
                plan.Remove(i, RemovalReasons.Furniture);
            else
                plan.Remove(i, afterHeadline ? RemovalReasons.Furniture : above);
        }
        return start;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PickHeadline(List<TextLine> lines, int zoneStart, int start, int end, ClutterVocabulary vocabulary)
    {
        var firstParagraphs = new List<ulong[]>();
        for (var i = start; i <= end && firstParagraphs.Count < 4; i++)
            if (lines[i].Kind == LineKind.Prose) firstParagraphs.Add(Subject.Of(lines[i], vocabulary));
        var subject = Subject.Union(firstParagraphs);

        var best = -1;
        var bestScore = 0.0;
        var scores = new double[start - zoneStart];
        for (var i = zoneStart; i < start; i++)
        {
            var line = lines[i];
            if (!IsCandidate(line, vocabulary)) continue;
            var score = Math.Min(line.Words, 12) * 0.8;
            if (line.TitleShaped) score += 2;
            // Headlines rarely close with a full stop; the standfirst under them does.
            if (line.EndsSentence && !line.Text.EndsWith('?') && !line.Text.EndsWith('!')) score -= line.Words > 20 ? 10 : 7;
            if (line.Words == 2) score -= 6;
            else if (line.Words == 3) score -= 2;
            if (line.AllCaps && line.Words <= 3) score -= 4;
            // Distance counts the lines a reader sees between the title and the text, not share buttons and widgets.
            var distance = 0;
            for (var j = i + 1; j < start; j++)
                if (lines[j].Kind is not (LineKind.Clutter or LineKind.Barrier)) distance++;
            score -= 0.5 * distance;
            // A title right above a bare credit is a photo caption ("Eastern Michigan quarterback Mike Glass III").
            if (i + 1 < start && lines[i + 1].Kind == LineKind.Caption && lines[i + 1].Words <= 8) score -= 6;
            if (IsRepeated(lines, i)) score += 5;
            score += 10 * Subject.Overlap(Subject.Of(line, vocabulary), subject);
            scores[i - zoneStart] = score;
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        // A shorter title straight above the winner is the headline and the winner its standfirst: pages put the
        // headline first, and a standfirst without a full stop can outscore it on length and shared words.
        // Only when the two are plainly one story: adjacent, the lower one long, and sharing words.
        var above = best - 1;
        if (best > zoneStart && scores[above - zoneStart] > 0 && lines[above].Words is >= 5 && lines[above].Words < lines[best].Words
            && !lines[best].TitleShaped && lines[best].Words >= 12
            && Subject.Overlap(Subject.Of(lines[above], vocabulary), Subject.Of(lines[best], vocabulary)) > 0)
            return above;
        return best;
    }

    private static bool IsCandidate(TextLine line, ClutterVocabulary vocabulary) =>
        line.Kind is not (LineKind.Clutter or LineKind.Barrier or LineKind.Caption or LineKind.TableRow)
        && line.Words is >= 2 and <= 25 && !HeaderShapes.IsDateLine(line) && !HeaderShapes.IsByline(line, vocabulary)
        // Headlines carry no web addresses ("More info: www.example.com").
        && !line.Text.Contains("www.", StringComparison.OrdinalIgnoreCase) && !line.Text.Contains("://", StringComparison.Ordinal);

    /// <summary>The page states this line again (a gallery title, "Home / Section / Headline", the document title).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsRepeated(List<TextLine> lines, int index)
    {
        var norm = lines[index].Normalised;
        if (norm.Length < 12) return false;
        var from = Math.Max(0, index - 30);
        var to = Math.Min(lines.Count - 1, index + 30);
        for (var i = from; i <= to; i++)
            if (i != index && lines[i].Normalised.Length >= norm.Length && lines[i].Normalised.EndsWith(norm, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>A caption, or the line right above a bare credit ("Credit...", "Photo: Jane Doe/AP").</summary>
    private static bool IsCaption(List<TextLine> lines, int index, int start)
    {
        var line = lines[index];
        if (line.Kind == LineKind.Caption) return true;
        if (line.Kind is LineKind.Clutter or LineKind.Barrier || index + 1 >= start) return false;
        var next = lines[index + 1];
        return next.Kind == LineKind.Caption && next.Words <= 8 && line.Words >= 4 && !line.TitleShaped;
    }
}
