using AngleSharp.Dom;

namespace NewsCompare.Core.Extraction.Html;

/// <summary>
/// One element or text run of the page, with its text counts worked out once. The extractor reads this light
/// copy of the DOM rather than querying AngleSharp again and again.
/// </summary>
internal sealed class PageNode
{
    public PageNode(string tag, IElement? element, PageNode? parent, string? text = null)
    {
        Tag = tag;
        Element = element;
        Parent = parent;
        Text = text;
    }

    /// <summary>Lower-case tag name, or "#text" for a run of text.</summary>
    public string Tag { get; }
    public IElement? Element { get; }
    public PageNode? Parent { get; }
    /// <summary>The text of a text run (raw, not yet normalised).</summary>
    public string? Text { get; }
    // Text runs have no children; they share one empty list rather than each allocating its own.
    private static readonly List<PageNode> NoChildren = [];
    public List<PageNode> Children { get; private set; } = NoChildren;

    public void AddChild(PageNode child)
    {
        if (ReferenceEquals(Children, NoChildren)) Children = [];
        Children.Add(child);
    }

    public bool IsText => Element is null;
    public bool IsBlock { get; set; }
    public ElementHint Hint { get; set; } = ElementHint.Nothing;
    /// <summary>Hidden from readers (hidden attribute, display:none, screen-reader-only class).</summary>
    public bool Hidden { get; set; }
    /// <summary>This element or an ancestor looks like page chrome, so its text never scores a container.</summary>
    public bool Excluded { get; set; }
    /// <summary>Position in document order, for "comes before" tests.</summary>
    public int Order { get; set; }

    // Counts over the whole subtree: letters, digits and punctuation (whitespace not counted).
    public int TextLength { get; set; }
    public int LinkLength { get; set; }
    public int Commas { get; set; }
    public int Images { get; set; }
    // Counts over the text that sits directly in this element or in its inline children, not in block children.
    public int InlineTextLength { get; set; }
    public int InlineLinkLength { get; set; }
    public int InlineCommas { get; set; }
    public int BlockChildren { get; set; }
    public int ElementChildren { get; set; }

    // Content scoring.
    public bool Scored { get; set; }
    public double Score { get; set; }
    /// <summary>Characters of scored, non-link paragraph text in the subtree.</summary>
    public int Prose { get; set; }

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkLength / TextLength;
    public double FinalScore => Score * (1 - LinkDensity);

    public string? Attribute(string name) => Element?.GetAttribute(name);

    public bool IsInside(PageNode ancestor)
    {
        for (var n = this; n is not null; n = n.Parent)
            if (ReferenceEquals(n, ancestor)) return true;
        return false;
    }

    /// <summary>
    /// The subtree's text, whitespace folded; block boundaries and line breaks become spaces, and with
    /// <paramref name="spaceElements"/> so does the boundary between two sibling elements (bylines set name and
    /// outlet in adjacent spans that only styling keeps apart; a span around a name's last letter stays joined).
    /// </summary>
    public string InnerText(bool spaceElements = false)
    {
        var builder = new System.Text.StringBuilder();
        AppendText(this, builder, spaceElements);
        return TextTools.Clean(builder.ToString()) ?? "";
    }

    private static void AppendText(PageNode node, System.Text.StringBuilder builder, bool spaceElements)
    {
        if (node.IsText)
        {
            builder.Append(node.Text);
            return;
        }
        if (node.Hidden) return;
        if (node.IsBlock || node.Tag == "br") builder.Append(' ');
        PageNode? previous = null;
        foreach (var child in node.Children)
        {
            if (spaceElements && previous is { IsText: false } && !child.IsText) builder.Append(' ');
            AppendText(child, builder, spaceElements);
            previous = child;
        }
        if (node.IsBlock) builder.Append(' ');
    }

    /// <summary>
    /// A paragraph element holding a run of prose (long, with commas, hardly linked). Its class name does not make it
    /// chrome: pages mark the article's own paragraphs "paywall", "locked" or "premium".
    /// </summary>
    public bool IsProseParagraph => Tag == "p" && InlineTextLength >= 120 && InlineCommas >= 1 && InlineLinkLength * 4 < InlineTextLength;

    public bool IsHeading => Tag.Length == 2 && Tag[0] == 'h' && Tag[1] is >= '1' and <= '6';
}
