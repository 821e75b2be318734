using System.Runtime.CompilerServices;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>
/// Finds the article body: the densest run of prose in the capture. Prose lines weigh for it, short lines and
/// clutter against it, and section labels ("Top Stories", "Comments") split the capture into parts. The best
/// part is then extended across a label only when the prose beyond continues the same subject, and cut before
/// a trailing block that introduces another article.
/// </summary>
internal static class BodyLocator
{
    private const double MinimumBody = 6;
    private const int MaxLabelGap = 24;
    private const double SameSubject = 0.15;
    private const int LongShortRun = 6;
    private const int MaxExtensions = 12;
    private const int MinContinuation = 50;
    private const int MaxListLines = 400;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Start, int End)? Locate(List<TextLine> lines, ClutterVocabulary vocabulary)
    {
        if (lines.Count == 0) return null;
        // Most pages put a blank line between the paragraphs of the article and none between the items of a list
        // of teasers: where the page spaces some of its prose, prose without a blank line above it counts for half.
        int prose = 0, spaced = 0;
        foreach (var line in lines)
        {
            if (line.Kind != LineKind.Prose) continue;
            prose++;
            if (line.BlankBefore) spaced++;
        }
        var unspaced = spaced >= 3 ? 0.5 : 1.0;
        var weights = new double[lines.Count];
        var shortRun = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            // A teaser is a sentence or two; a paragraph of 25 words or more is the article's however the page spaces it.
            weights[i] = Weight(lines[i]) * (lines[i].Kind == LineKind.Prose && !lines[i].BlankBefore && lines[i].Words < 25 ? unspaced : 1.0);
            // A long run of one- to three-word lines is a menu or a list of names: past a few, each costs more than the last.
            if (lines[i].Kind is LineKind.Prose or LineKind.ShortSentence or LineKind.TableRow) shortRun = 0;
            else if (lines[i].Words <= 3) shortRun++;
            if (shortRun > LongShortRun && lines[i].Words <= 3) weights[i] -= Math.Min(8, shortRun - LongShortRun + 1);
        }

        var best = BestChunk(weights, lines, vocabulary);
        if (best is null || best.Value.Sum < MinimumBody)
        {
            // No run of full paragraphs: a short capture (a headline with an excerpt cut short, a brief, or prose
            // hard-wrapped into short lines) is still an article when its sentence-shaped lines outweigh the rest.
            for (var i = 0; i < lines.Count; i++) weights[i] = ExcerptWeight(lines[i]);
            best = BestChunk(weights, lines, vocabulary);
            if (best is null || best.Value.Sum < MinimumBody) return null;
            // A line without a closing mark that opens the run is the excerpt's headline, not its first line.
            if (best.Value.Start < best.Value.End && lines[best.Value.Start].Kind == LineKind.Short)
                best = best.Value with { Start = best.Value.Start + 1 };
        }
        var (start, end, _) = best.Value;

        // Forward across section labels while the prose beyond them is about the same thing (a bounded number of
        // times: each step re-reads the body, and a hostile page could hold thousands of labels).
        for (var step = 0; step < MaxExtensions; step++)
        {
            var label = NextBarrier(lines, end + 1, 1);
            if (label < 0 || label - end > MaxLabelGap || IsHardStop(lines[label])) break;
            var chunkEnd = NextBarrier(lines, label + 1, 1);
            var next = BestRun(weights, lines, label + 1, chunkEnd < 0 ? lines.Count - 1 : chunkEnd - 1);
            if (next is null || next.Value.Start - end > MaxLabelGap || !Continues(lines, start, end, next.Value.Start, next.Value.End, vocabulary))
                break;
            end = next.Value.End;
        }
        // Backward likewise: a "Trending" box can sit above the part of the body that scored best.
        for (var step = 0; step < MaxExtensions; step++)
        {
            var label = NextBarrier(lines, start - 1, -1);
            if (label < 0 || start - label > MaxLabelGap || IsHardStop(lines[label])) break;
            var chunkStart = NextBarrier(lines, label - 1, -1);
            var previous = BestRun(weights, lines, chunkStart + 1, label - 1);
            if (previous is null || start - previous.Value.End > MaxLabelGap
                || !Continues(lines, start, end, previous.Value.Start, previous.Value.End, vocabulary))
                break;
            start = previous.Value.Start;
        }

        end = CutTrailingTeaser(lines, start, end, vocabulary);
        end = AnnouncedList(lines, end);
        start = SkipHeader(lines, start, end, vocabulary);
        // The paragraph that opens with a dateline is the first of the article: what stands above it is header.
        if (OpensWithDateline(lines, start, end) is var opening and > 0) start = opening;
        return (start, end);
    }

    /// <summary>How much a line speaks for being inside the body.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Weight(TextLine line) => line.Kind switch
    {
        // Article paragraphs are stated once; gallery captions and teasers often twice.
        LineKind.Prose => line.Truncated || line.Repeated ? -2 : Math.Min(line.Words, 120),
        LineKind.ShortSentence => 2,
        LineKind.TableRow => 1,
        LineKind.Short => line.TitleShaped && line.Words >= 6 ? -3 : -2,
        LineKind.Caption => -3,
        LineKind.Barrier => double.NegativeInfinity,
        _ => -6,
    };

    /// <summary>How much a line speaks for being part of a short capture's text, where no line is a full paragraph.</summary>
    private static double ExcerptWeight(TextLine line) => line.Kind switch
    {
        LineKind.Prose => Math.Min(line.Words, 120),
        LineKind.ShortSentence => Math.Max(2, line.Words),
        LineKind.Short when line.Words >= 5 && !line.TitleShaped && !line.AllCaps && line.SmallWords * 2 > line.Words => line.Words,
        _ => Weight(line),
    };

    /// <summary>
    /// The best run among the parts the section labels cut the capture into. A run's weight is scaled by how much
    /// its paragraphs share their words with one another: an article keeps returning to its people and places, a
    /// list of teasers for other articles does not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Start, int End, double Sum)? BestChunk(double[] weights, List<TextLine> lines, ClutterVocabulary vocabulary)
    {
        var candidates = new List<((int Start, int End, double Sum) Run, double Factor)>();
        var from = 0;
        var labelsAbove = 0;
        var belowComments = false;
        for (var i = 0; i <= lines.Count; i++)
        {
            if (i < lines.Count && lines[i].Kind != LineKind.Barrier) continue;
            if (i > from && BestRun(weights, lines, from, i - 1) is { } run)
            {
                // Each section label above a part makes it likelier to be one more box of other articles.
                var position = Math.Max(0.3, Math.Pow(0.93, labelsAbove)) * (belowComments ? 0.3 : 1);
                candidates.Add((run, position * Shape(lines, run)));
                // A part without labels can hold a short article and a heavier block of boilerplate (an "about us"
                // box in the footer): the best runs on either side of the heaviest compete too.
                if (run.Start > from && BestRun(weights, lines, from, run.Start - 1) is { Sum: >= MinimumBody } before)
                    candidates.Add((before, position * Shape(lines, before)));
                if (run.End < i - 1 && BestRun(weights, lines, run.End + 1, i - 1) is { Sum: >= MinimumBody } after)
                    candidates.Add((after, position * Shape(lines, after)));
            }
            from = i + 1;
            if (i < lines.Count && lines[i].Reason == RemovalReasons.Spillover) labelsAbove++;
            if (i < lines.Count && lines[i].Reason == RemovalReasons.Comments && lines[i].Words > 1) belowComments = true;
        }

        // Coherence is the costly part: weigh the parts from the highest possible score down and stop once no
        // remaining part could win even if perfectly coherent.
        candidates.Sort((a, b) => (b.Run.Sum * b.Factor).CompareTo(a.Run.Sum * a.Factor));
        (int Start, int End, double Sum)? best = null;
        var bestScore = 0.0;
        foreach (var (run, factor) in candidates)
        {
            if (run.Sum * factor * 1.3 <= bestScore) break;
            var score = run.Sum * (0.3 + Subject.Coherence(lines, run.Start, run.End, vocabulary)) * factor;
            if (score > bestScore)
            {
                bestScore = score;
                best = run;
            }
        }
        return best;
    }

    /// <summary>
    /// When the body's last paragraph announces a list ("The nominees in full:", "Los ganadores:"), the list
    /// that follows is the article's, however short and menu-like its items are: the body runs on to the next
    /// section label or widget line.
    /// </summary>
    private static int AnnouncedList(List<TextLine> lines, int end)
    {
        // The announcing line can stand just below the run, after a photo and its caption.
        var announce = -1;
        for (var i = end; i < lines.Count && i <= end + 3; i++)
        {
            var line = lines[i];
            if (line.Kind is LineKind.Barrier or LineKind.Clutter) break;
            if (line.Kind is LineKind.Prose or LineKind.ShortSentence or LineKind.Short && line.Words >= 4 && line.Text[^1] is ':' or '：')
            {
                announce = i;
                break;
            }
        }
        if (announce < 0) return end;
        // Photo credits and single widget lines inside the list stay in (the body sorts them out); a section
        // label or two widget lines in a row end it.
        var k = announce + 1;
        while (k < lines.Count && k - announce <= MaxListLines && lines[k].Kind != LineKind.Barrier
               && !(lines[k].Kind == LineKind.Clutter && k + 1 < lines.Count && lines[k + 1].Kind is LineKind.Clutter or LineKind.Barrier))
            k++;
        return k - 1;
    }

    /// <summary>How much a run's shape speaks for an article: date stamps between its paragraphs mark a comment
    /// thread or a list of teasers, and a dateline opening its first paragraphs or a date line just above it mark
    /// an article's top.</summary>
    private static double Shape(List<TextLine> lines, (int Start, int End, double Sum) run) =>
        (StampedLines(lines, run.Start, run.End) >= 3 ? 0.5 : 1)
        * (OpensWithDateline(lines, run.Start, run.End) >= 0 ? 1.5 : 1)
        * (DatedAbove(lines, run.Start) ? 1.3 : 1);

    /// <summary>
    /// A news report opens with a dateline ("ISLAMABAD, March 4 (Reuters) - ..."): the index of such a paragraph
    /// among the run's first three, or -1.
    /// </summary>
    private static int OpensWithDateline(List<TextLine> lines, int start, int end)
    {
        var seen = 0;
        for (var i = start; i <= end && seen < 3; i++)
        {
            if (lines[i].Kind != LineKind.Prose) continue;
            seen++;
            if (HeaderShapes.TrySplitDateline(lines[i].Text, out _, out var rest) && rest is not null) return i;
        }
        return -1;
    }

    /// <summary>A date line among the six lines above the run: where an article's header states when it was published.</summary>
    private static bool DatedAbove(List<TextLine> lines, int start)
    {
        for (var i = start - 1; i >= 0 && i >= start - 6; i--)
            if (lines[i].Kind is not (LineKind.Prose or LineKind.Barrier) && lines[i].Words <= 12 && HeaderShapes.IsDateLine(lines[i])) return true;
        return false;
    }

    /// <summary>The maximum-sum run of lines between <paramref name="from"/> and <paramref name="to"/> (Kadane), never across a barrier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Start, int End, double Sum)? BestRun(double[] weights, List<TextLine> lines, int from, int to)
    {
        (int, int, double)? best = null;
        var sum = 0.0;
        var runStart = from;
        for (var i = from; i <= to; i++)
        {
            if (lines[i].Kind == LineKind.Barrier)
            {
                sum = 0;
                runStart = i + 1;
                continue;
            }
            if (sum <= 0)
            {
                sum = 0;
                runStart = i;
            }
            sum += weights[i];
            if (best is null || sum > best.Value.Item3) best = (runStart, i, sum);
        }
        return best is { Item3: > 0 } ? best : null;
    }

    private static int NextBarrier(List<TextLine> lines, int from, int step)
    {
        for (var i = from; i >= 0 && i < lines.Count; i += step)
            if (lines[i].Kind == LineKind.Barrier) return i;
        return -1;
    }

    /// <summary>A comment form or thread, "Next Post", "You may also like": nothing of the article follows these.</summary>
    private static bool IsHardStop(TextLine label) =>
        label.Reason == RemovalReasons.Footer ? true
        : label.Reason == RemovalReasons.Comments ? label.Words > 1
            : label.Normalised.StartsWith("next", StringComparison.Ordinal) || label.Normalised.StartsWith("previous", StringComparison.Ordinal)
              || label.Normalised.StartsWith("you ", StringComparison.Ordinal) || label.Normalised.StartsWith("post nav", StringComparison.Ordinal);

    /// <summary>Whether the prose in [from, to] is about what the body in [start, end] is about.</summary>
    private static bool Continues(List<TextLine> lines, int start, int end, int from, int to, ClutterVocabulary vocabulary)
    {
        // A continuation is a passage of the article: a couple of paragraphs at least, not one teaser on the topic.
        int proseLines = 0, proseWords = 0;
        for (var i = from; i <= to; i++)
        {
            if (lines[i].Kind != LineKind.Prose) continue;
            proseLines++;
            proseWords += lines[i].Words;
        }
        if (proseLines < 2 || proseWords < MinContinuation || StampedLines(lines, from, to) >= 2) return false;
        var body = Subject.Words(lines, start, end, vocabulary);
        var other = Subject.Words(lines, from, to, vocabulary);
        return Subject.MutualOverlap(other, body) >= SameSubject;
    }

    /// <summary>
    /// Cuts a trailing block that introduces another article: a cluster of non-prose lines holding a title and a
    /// caption, label or furniture, followed by at most two short teaser paragraphs to the end of the run.
    /// </summary>
    private static int CutTrailingTeaser(List<TextLine> lines, int start, int end, ClutterVocabulary vocabulary)
    {
        var total = 0;
        for (var i = start; i <= end; i++)
            if (lines[i].Kind == LineKind.Prose) total += lines[i].Words;
        for (var i = start + 1; i <= end; i++)
        {
            var line = lines[i];
            if (line.Kind != LineKind.Short || !line.TitleShaped || line.Words < 5) continue;
            var clusterStart = i;
            while (clusterStart > start && !IsBodyText(lines[clusterStart - 1])) clusterStart--;
            var clusterEnd = i;
            while (clusterEnd < end && !IsBodyText(lines[clusterEnd + 1])) clusterEnd++;
            // Each cluster is looked at once, so a page of ten thousand titles stays linear.
            i = clusterEnd;
            if (clusterEnd - clusterStart < 1 || clusterStart == start) continue;
            var furnished = false;
            for (var j = clusterStart; j <= clusterEnd; j++)
                if (lines[j].Kind is LineKind.Caption or LineKind.Clutter or LineKind.Barrier) furnished = true;
            if (!furnished) continue;
            int proseAfter = 0, wordsAfter = 0;
            for (var j = clusterEnd + 1; j <= end; j++)
            {
                if (lines[j].Kind != LineKind.Prose) continue;
                proseAfter++;
                wordsAfter += lines[j].Words;
            }
            if (proseAfter <= 2 && wordsAfter * 10 <= total * 3)
            {
                var cut = clusterStart - 1;
                while (cut > start && !IsBodyText(lines[cut])) cut--;
                return cut;
            }
            // Only the first such cluster can open a teaser: when it does not, the article itself is built of
            // titled sections (a product round-up, a listicle) and later ones are more of the same.
            break;
        }
        return CutAuthorNote(lines, start, end, total, vocabulary);
    }

    /// <summary>
    /// Cuts a note about the author closing the run: a name ("About Jane Doe", or a bare name under a share line)
    /// followed by at most two short paragraphs that name that person again.
    /// </summary>
    private static int CutAuthorNote(List<TextLine> lines, int start, int end, int total, ClutterVocabulary vocabulary)
    {
        for (var i = Math.Max(start + 1, end - 4); i < end; i++)
        {
            var line = lines[i];
            if (line.Kind != LineKind.Short || line.Words is < 2 or > 5) continue;
            var labelled = vocabulary.StartsWithGroup(line.Normalised, ClutterVocabulary.AuthorLabel);
            if (!labelled && !(HeaderShapes.IsNameLike(line) && lines[i - 1].Kind is LineKind.Clutter or LineKind.Caption)) continue;
            int proseAfter = 0, wordsAfter = 0;
            var named = false;
            for (var j = i + 1; j <= end; j++)
            {
                if (!IsBodyText(lines[j])) continue;
                proseAfter++;
                wordsAfter += lines[j].Words;
                named |= SharesAName(line.Text, lines[j].Text);
            }
            if (named && proseAfter <= 2 && wordsAfter * 10 <= total * 3)
            {
                var cut = i - 1;
                while (cut > start && !IsBodyText(lines[cut])) cut--;
                return cut;
            }
        }
        return end;
    }

    /// <summary>Whether a capitalised word of <paramref name="name"/> (three letters or more) occurs in <paramref name="text"/>.</summary>
    private static bool SharesAName(string name, string text)
    {
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (word.Length >= 3 && char.IsUpper(word[0]) && text.Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Moves the start past header furniture the run began with: a standfirst, byline, date or caption above the
    /// first real paragraph belongs to the header, not the body.
    /// </summary>
    private static int SkipHeader(List<TextLine> lines, int start, int end, ClutterVocabulary vocabulary)
    {
        var anchor = -1;
        for (var i = start; i <= end; i++)
        {
            var line = lines[i];
            if (line.Kind != LineKind.Prose) continue;
            // A sentence right above a bare credit ("Credit...", "Photo: Jane Doe") is a caption, not the first paragraph.
            if (i + 1 <= end && lines[i + 1].Kind == LineKind.Caption && lines[i + 1].Words <= 8) continue;
            // The next line that is not clutter or a photo: an advert or a picture between two paragraphs does not
            // make the first a header.
            var n = i + 1;
            while (n <= end && lines[n].Kind is LineKind.Clutter or LineKind.Caption) n++;
            var next = n <= end ? lines[n] : null;
            // A long paragraph stands on its own, unless a date or byline follows it: then it was the standfirst.
            if (next is null || next.Kind is LineKind.Prose or LineKind.ShortSentence
                || line.Words >= 40 && !HeaderShapes.IsDateLine(next) && !HeaderShapes.IsByline(next, vocabulary))
            {
                anchor = i;
                break;
            }
        }
        if (anchor <= start) return start;
        for (var i = start; i < anchor; i++)
        {
            var line = lines[i];
            if (line.Kind is LineKind.Caption or LineKind.Clutter || HeaderShapes.IsDateLine(line) || HeaderShapes.IsByline(line, vocabulary))
                return anchor;
        }
        return start;
    }

    /// <summary>Lines in [from, to] that state a date or time, or sign a comment ("jdoe says:").</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int StampedLines(List<TextLine> lines, int from, int to)
    {
        var n = 0;
        for (var i = from; i <= to; i++)
            if (lines[i].Kind is LineKind.Short or LineKind.Clutter && (HeaderShapes.IsDateLine(lines[i]) || lines[i].Reason == RemovalReasons.Comments))
                n++;
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBodyText(TextLine line) => line.Kind is LineKind.Prose or LineKind.ShortSentence;
}
