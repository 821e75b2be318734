using AngleSharp.Html.Parser;

namespace NewsCompare.Core.Extraction.Html;

/// <summary>
/// Extracts an article and the page's own metadata from a saved HTML page: the body paragraphs in reading
/// order, the headline, byline, standfirst, dateline and captions, and every dropped block of text with its reason.
/// </summary>
/// <remarks>See docs/extraction-html.md for how the body is chosen.</remarks>
public static class HtmlExtractor
{
    // Below this many characters of body text the first pass probably threw the article out with the chrome.
    private const int ShortBody = 250;

    // One parser serves every call: it keeps no state between documents. Script, style and comment text is
    // never part of an article, so the parser does not even build it (JSON-LD and the saved-from comment are
    // read from the raw markup instead).
    private static readonly HtmlParser Parser = new(new HtmlParserOptions
    {
        IsScripting = false,
        SkipScriptText = true,
        SkipRawText = true,
        SkipComments = true,
        DisableElementPositionTracking = true,
    });

    /// <summary>
    /// Extracts the article from <paramref name="html"/>, a decoded HTML page. Never throws on any string:
    /// broken, truncated or empty markup gives whatever article can be found (possibly nothing).
    /// </summary>
    /// <param name="html">The page's markup.</param>
    public static ExtractedArticle Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return ExtractionBudget.Run(html, ExtractWithinBudget);
    }

    private static ExtractedArticle ExtractWithinBudget(string html)
    {
        var document = Parser.ParseDocument(NestingLimiter.Limit(html));
        var tree = PageTree.Build(document);
        var metadata = PageMetadata.Read(html, tree);

        var (roots, core) = ContentFinder.Find(tree);
        if (roots.Sum(r => r.TextLength) < ShortBody)
        {
            var retry = ContentFinder.Find(tree, skipExcluded: false);
            if (retry.Roots.Sum(r => r.TextLength) > roots.Sum(r => r.TextLength)) (roots, core) = retry;
        }

        var (headlineNode, headline) = ArticleParts.Headline(tree, metadata, roots);
        metadata.ReadTimeElements(tree, roots, headlineNode);
        var (bylineNode, byline) = ArticleParts.Byline(tree, roots, headlineNode, metadata.Author);
        var (standfirstNode, standfirst) = ArticleParts.Standfirst(tree, metadata, core, headlineNode);
        var silent = new HashSet<PageNode>(ReferenceEqualityComparer.Instance);
        foreach (var node in new[] { headlineNode, bylineNode, standfirstNode })
            if (node is not null) silent.Add(node);

        var start = tree.Body ?? tree.Root;
        var collected = BodyCollector.Collect(start, roots, silent, headline);

        var paragraphs = collected.Paragraphs.ToList();
        string? dateline = null;
        if (paragraphs.Count > 0)
        {
            (dateline, var rest) = TextTools.SplitDateline(paragraphs[0]);
            if (dateline is not null) paragraphs[0] = rest;
        }

        return new ExtractedArticle
        {
            Headline = headline,
            Standfirst = standfirst,
            Byline = byline ?? metadata.Author,
            Dateline = TextTools.BareDateline(dateline),
            Paragraphs = paragraphs,
            Captions = collected.Captions,
            Removed = collected.Removed,
            Hints = metadata.ToHints(),
        };
    }
}
