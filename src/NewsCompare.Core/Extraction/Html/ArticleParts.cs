namespace NewsCompare.Core.Extraction.Html;

/// <summary>Picks the elements that hold the headline, the byline and the standfirst.</summary>
internal static class ArticleParts
{
    /// <summary>
    /// The h1 that best matches the page's own title, or, when no title is stated, the h1 nearest the body.
    /// A heading that shares few words with the title (a site logo, a section name) is not the headline.
    /// </summary>
    public static (PageNode? Node, string? Text) Headline(PageTree tree, PageMetadata metadata, IReadOnlyList<PageNode> roots)
    {
        var reference = metadata.ReferenceTitle is { } title ? TextTools.StripTitleSuffix(title, metadata.SiteName) : null;
        var bodyStart = roots.Count > 0 ? roots[0].Order : int.MaxValue;
        PageNode? best = null;
        string? bestText = null;
        var bestScore = double.MinValue;
        foreach (var h1 in tree.Headings1)
        {
            if (h1.Hidden || h1.TextLength == 0 || h1.TextLength > 400) continue;
            var text = h1.InnerText();
            var score = reference is null ? 0 : TextTools.Similarity(text, reference);
            if (reference is not null && score < 0.5) continue;
            // Among equals, the heading inside the article or the last one before it.
            var inside = roots.Any(h1.IsInside);
            if (inside || h1.Order < bodyStart) score += 0.1;
            if (inside) score += 0.05;
            if (score > bestScore)
            {
                best = h1;
                bestText = text;
                bestScore = score;
            }
        }
        if (best is not null) return (best, bestText);
        return (null, string.IsNullOrEmpty(reference) ? null : reference);
    }

    /// <summary>
    /// The short byline-like element (class or id naming a byline or author, rel=author) that names the author the
    /// metadata gives; else the first inside the article; else the first after the headline.
    /// </summary>
    public static (PageNode? Node, string? Text) Byline(PageTree tree, IReadOnlyList<PageNode> roots, PageNode? headline, string? author)
    {
        PageNode? named = null, inside = null, after = null;
        var surname = author is null ? null : LastWord(author.Split(',')[0]);
        foreach (var node in tree.Bylines)
        {
            // A byline is a line, not a biography.
            if (node.Hidden || node.TextLength is < 3 or > 100 || node.Hint.IsClutter) continue;
            if (named is null && surname is { Length: > 1 } && node.InnerText().Contains(surname, StringComparison.OrdinalIgnoreCase)) named = node;
            if (inside is null && roots.Any(node.IsInside)) inside = node;
            if (after is null && headline is not null && node.Order > headline.Order) after = node;
        }
        var chosen = named ?? inside ?? after;
        if (chosen is null) return (null, null);
        var text = TightenPunctuation(chosen.InnerText(spaceElements: true));
        return BodyCollector.HasLetterOrDigit(text) ? (chosen, text) : (null, null);
    }

    // Spacing every element apart leaves "Jane Doe , Reporter": punctuation goes back against its word.
    private static string TightenPunctuation(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && i + 1 < text.Length && text[i + 1] is ',' or '.' or ';' or ':' or ')' or '!' or '?') continue;
            builder.Append(text[i]);
        }
        return builder.ToString();
    }

    private static string? LastWord(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0 ? null : words[^1];
    }

    /// <summary>
    /// The summary under the headline: an element named like a dek, or one repeating the page's description,
    /// after the headline and outside the body's core container (inside it, such text is the body's lede).
    /// </summary>
    public static (PageNode? Node, string? Text) Standfirst(PageTree tree, PageMetadata metadata, PageNode? core, PageNode? headline)
    {
        if (headline is null) return (null, null);
        var end = core?.Order ?? int.MaxValue;
        foreach (var node in tree.Standfirsts)
        {
            if (node.Order <= headline.Order || node.Hidden || node.Hint.IsClutter) continue;
            if (node.Order >= end) break;
            if (node.TextLength is < 30 or > 600) continue;
            return (node, node.InnerText());
        }
        if (metadata.Description is not { } description) return (null, null);
        var start = tree.Elements.IndexOf(headline);
        for (var i = start + 1; i < tree.Elements.Count && i < start + 60; i++)
        {
            var node = tree.Elements[i];
            if (node.Order >= end) break;
            if (node.BlockChildren > 0 || !node.IsBlock || node.TextLength < 30 || node.TextLength > 600) continue;
            var text = node.InnerText();
            if (TextTools.Similarity(text, description) >= 0.8) return (node, text);
        }
        return (null, null);
    }
}
