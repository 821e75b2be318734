namespace NewsCompare.Core.Extraction.Html;

/// <summary>
/// Finds the container that holds the article body. Every paragraph-like run of text votes for the elements
/// above it (its container fully, the next one up half, further ones less), with longer runs and runs with
/// more commas voting more and link text voting nothing; containers named like content gain, containers named
/// like page chrome are left out. The best container, moved up where its parent clearly holds more of the
/// article, wins, and sibling blocks that read like the article are added to it.
/// </summary>
internal static class ContentFinder
{
    private const int MinimumRun = 20;
    private const int AncestorLevels = 5;

    /// <summary>The body's containers in page order (empty when the page has no run of text worth scoring), and
    /// the core: the best-scoring container itself, before widening to parents and siblings.</summary>
    public static (List<PageNode> Roots, PageNode? Core) Find(PageTree tree, bool skipExcluded = true)
    {
        var candidates = new List<PageNode>();
        foreach (var node in tree.Elements)
        {
            node.Scored = false;
            node.Prose = 0;
        }
        foreach (var node in tree.Elements)
        {
            if (node.InlineTextLength < MinimumRun || node.IsHeading || (skipExcluded && node.Excluded)) continue;
            // Inline elements' text already counts in the block around them.
            if (!node.IsBlock) continue;
            // A paragraph votes for its container; text straight in the body votes for the body.
            var owner = node.BlockChildren == 0 && node.Tag != "body" ? node.Parent : node;
            if (owner is null) continue;
            var links = (double)node.InlineLinkLength / node.InlineTextLength;
            var vote = (1 + node.InlineCommas + Math.Min(node.InlineTextLength / 100.0, 3)) * (1 - links);
            if (vote <= 0) continue;
            var prose = node.InlineTextLength - node.InlineLinkLength;
            for (var up = owner; up is not null; up = up.Parent) up.Prose += prose;
            var level = 0;
            for (var target = owner; target is not null && level < AncestorLevels; target = target.Parent, level++)
            {
                if (target.Tag is "html") break;
                if (!target.Scored)
                {
                    target.Scored = true;
                    target.Score = InitialScore(target);
                    candidates.Add(target);
                }
                target.Score += vote / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        if (candidates.Count == 0) return ([], null);

        PageNode top = candidates[0];
        foreach (var c in candidates)
            if (c.FinalScore > top.FinalScore) top = c;

        top = ClimbToSharedAncestor(top, candidates);
        top = ClimbWhileParentScoresHigher(top);
        var core = top;
        top = ClimbWhileParentAddsProse(top);
        while (top.Parent is { } parent && parent.Tag is not ("body" or "html") && parent.ElementChildren == 1)
            top = parent;
        return (SameClassParts(top) ?? WithSiblings(top), core);
    }

    private static double InitialScore(PageNode node)
    {
        var score = node.Tag switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "th" => -5,
            _ => 0,
        };
        if (node.Tag == "article") score += 5;
        return score + node.Hint.Weight;
    }

    // When several strong candidates sit under one ancestor, the article is probably split across them.
    private static PageNode ClimbToSharedAncestor(PageNode top, List<PageNode> candidates)
    {
        var strong = candidates
            .Where(c => !ReferenceEquals(c, top) && c.FinalScore >= top.FinalScore * 0.75)
            .OrderByDescending(c => c.FinalScore)
            .Take(4)
            .ToList();
        if (strong.Count < 3) return top;
        for (var parent = top.Parent; parent is not null && parent.Tag is not ("body" or "html"); parent = parent.Parent)
        {
            var containing = strong.Count(c => c.IsInside(parent));
            if (containing >= 3) return parent;
        }
        return top;
    }

    private static PageNode ClimbWhileParentScoresHigher(PageNode top)
    {
        var last = top.FinalScore;
        var threshold = last / 3;
        for (var parent = top.Parent; parent is not null && parent.Tag is not ("body" or "html"); parent = parent.Parent)
        {
            if (!parent.Scored) continue;
            var score = parent.FinalScore;
            if (score < threshold) break;
            if (score > last) return parent;
            last = score;
        }
        return top;
    }

    // A parent whose extra text is mostly prose, and less than what the winner already holds, holds more of the
    // same article: paragraphs the scoring split off (a lead paragraph in its own wrapper, a second body part).
    private static PageNode ClimbWhileParentAddsProse(PageNode top)
    {
        for (var parent = top.Parent; parent is not null && parent.Tag is not ("body" or "html"); parent = parent.Parent)
        {
            var extraText = parent.TextLength - top.TextLength;
            var extraProse = parent.Prose - top.Prose;
            if (extraText > 0 && (extraProse < extraText * 0.6 || extraProse >= top.Prose)) break;
            top = parent;
        }
        return top;
    }

    // An article set as a stack of parts (numbered sections, a story in chapters, the posts of a live report) repeats
    // one class on every part's wrapper: when the winner or one of its six nearest ancestors has siblings of that class that are prose too, the
    // article is all of them.
    private static List<PageNode>? SameClassParts(PageNode top)
    {
        var level = 0;
        for (var part = top; part.Parent is { } parent && level < 6 && parent.Tag is not ("body" or "html"); part = parent, level++)
        {
            var name = part.Attribute("class");
            if (string.IsNullOrEmpty(name)) continue;
            List<PageNode>? parts = null;
            foreach (var sibling in parent.Children)
            {
                if (sibling.IsText || sibling.Attribute("class") != name) continue;
                if (ReferenceEquals(sibling, part) || !sibling.Excluded && IsProsePart(sibling)) (parts ??= []).Add(sibling);
            }
            if (parts is { Count: >= 2 }) return parts;
        }
        return null;
    }

    private static bool IsProsePart(PageNode node) =>
        node.TextLength >= 150 && node.LinkDensity < 0.2 && node.Prose >= node.TextLength * 0.6;

    // Siblings that score well against the winner, or read like paragraphs of prose, belong to the article too.
    private static List<PageNode> WithSiblings(PageNode top)
    {
        var parent = top.Parent;
        if (parent is null) return [top];
        var threshold = Math.Max(10, top.FinalScore * 0.2);
        var topClass = top.Attribute("class");
        var result = new List<PageNode>();
        foreach (var sibling in parent.Children)
        {
            if (sibling.IsText) continue;
            if (ReferenceEquals(sibling, top))
            {
                result.Add(sibling);
                continue;
            }
            if (sibling.Excluded || sibling.IsHeading) continue;
            var bonus = !string.IsNullOrEmpty(topClass) && sibling.Attribute("class") == topClass ? top.FinalScore * 0.2 : 0;
            if (sibling.Scored && sibling.FinalScore + bonus >= threshold)
            {
                result.Add(sibling);
                continue;
            }
            if (sibling.BlockChildren == 0 && sibling.Tag is "p" or "div" or "blockquote" or "pre")
            {
                var density = sibling.LinkDensity;
                if ((sibling.TextLength > 65 && density < 0.25) || (sibling.TextLength > 0 && density == 0 && EndsSentence(sibling)))
                    result.Add(sibling);
            }
        }
        return result;
    }

    private static bool EndsSentence(PageNode node)
    {
        for (var i = node.Children.Count - 1; i >= 0; i--)
        {
            var child = node.Children[i];
            if (child.TextLength == 0) continue;
            var text = child.Text?.TrimEnd();
            return text is { Length: > 0 } && text[^1] is '.' or '!' or '?' or '"' or '”';
        }
        return false;
    }
}
