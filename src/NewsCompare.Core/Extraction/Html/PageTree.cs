using AngleSharp.Dom;

namespace NewsCompare.Core.Extraction.Html;

/// <summary>
/// Builds the <see cref="PageNode"/> copy of a parsed page in one walk, counting text as it goes and picking up
/// everything the metadata reader needs (meta tags, links, JSON-LD, headings, time stamps) on the way.
/// </summary>
internal sealed class PageTree
{
    // Deeper markup is flattened into one text run so that no later walk can run out of stack.
    private const int MaxDepth = 250;

    // Tag tests are switches rather than set lookups: they run for every element of every page.
    private static bool IsSkipped(string tag) => tag switch
    {
        "script" or "style" or "noscript" or "template" or "svg" or "math" or "iframe" or "object" or "embed" or "canvas"
            or "video" or "audio" or "select" or "option" or "textarea" or "input" or "button" or "meta" or "link" or "title"
            or "base" or "head" or "datalist" or "map" or "dialog" or "frameset" or "frame" => true,
        _ => false,
    };

    private static bool IsBlockTag(string tag) => tag switch
    {
        "html" or "body" or "address" or "article" or "aside" or "blockquote" or "details" or "summary" or "dd" or "div"
            or "dl" or "dt" or "fieldset" or "figcaption" or "figure" or "footer" or "form" or "h1" or "h2" or "h3" or "h4"
            or "h5" or "h6" or "header" or "hgroup" or "hr" or "li" or "main" or "nav" or "ol" or "p" or "pre" or "section"
            or "table" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th" or "ul" or "center" or "menu" or "caption"
            or "legend" or "ins" or "del" or "noframes" => true,
        _ => false,
    };

    // Page chrome by tag: its text never scores a container.
    private static bool IsChromeTag(string tag) => tag is "nav" or "aside" or "footer";

    private static readonly PageNode Whitespace = new("#text", null, null, " ");

    private readonly Dictionary<(string?, string?, string?, string?), ElementHint> _hintCache = [];
    private int _order;

    private PageTree(PageNode root) => Root = root;

    public PageNode Root { get; }
    public PageNode? Body { get; private set; }
    /// <summary>Every element node in document order.</summary>
    public List<PageNode> Elements { get; } = [];
    public List<IElement> Metas { get; } = [];
    public List<IElement> Links { get; } = [];
    public string? Title { get; private set; }
    public string? Language { get; private set; }
    public List<PageNode> Headings1 { get; } = [];
    public List<PageNode> Times { get; } = [];
    public List<PageNode> ItemProps { get; } = [];
    public List<PageNode> Bylines { get; } = [];
    public List<PageNode> Standfirsts { get; } = [];

    public static PageTree Build(IDocument document)
    {
        var html = document.DocumentElement;
        var root = new PageNode("html", html, null) { IsBlock = true };
        var tree = new PageTree(root);
        if (html is null) return tree;
        tree.Language = html.GetAttribute("lang") ?? html.GetAttribute("xml:lang");
        tree.Elements.Add(root);
        tree.AddChildren(html, root, 0);
        tree.Body ??= root;
        tree.MarkExcluded();
        return tree;
    }

    private void AddChildren(INode source, PageNode target, int depth)
    {
        // Indexed: AngleSharp's NextSibling searches the parent's child list, which is slow on wide elements.
        var children = source.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText text)
            {
                AddText(target, text.Data);
            }
            else if (child is IElement element)
            {
                AddElement(element, target, depth + 1);
            }
        }
        Finish(target);
    }

    private void AddText(PageNode parent, string data)
    {
        var (length, commas) = Count(data);
        if (length == 0)
        {
            // Whitespace between elements only ever becomes a space: one shared run stands for all of them.
            parent.AddChild(Whitespace);
            return;
        }
        var node = new PageNode("#text", null, parent, data) { Order = _order++ };
        node.TextLength = length;
        node.Commas = commas;
        parent.AddChild(node);
    }

    private void AddElement(IElement element, PageNode parent, int depth)
    {
        ExtractionBudget.Check();
        var tag = element.LocalName;
        if (IsSkipped(tag))
        {
            Record(element, tag);
            return;
        }
        var node = new PageNode(tag, element, parent)
        {
            IsBlock = IsBlockTag(tag),
            Order = _order++,
        };
        string? className = null, id = null, role = null, style = null;
        var hidden = false;
        string? itemProp = null;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "class": className = attribute.Value; break;
                case "id": id = attribute.Value; break;
                case "role": role = attribute.Value; break;
                case "style": style = attribute.Value; break;
                case "hidden": hidden = true; break;
                case "itemprop": itemProp = attribute.Value; break;
            }
        }
        node.Hint = HintFor(className, id, role, itemProp);
        node.Hidden = hidden || node.Hint.Hidden || (style is not null && HidesByStyle(style));
        parent.AddChild(node);
        Elements.Add(node);
        Note(node, element, tag, itemProp is not null);

        if (depth >= MaxDepth)
        {
            AddText(node, FlatText(element));
            Finish(node);
        }
        else
        {
            AddChildren(element, node, depth);
        }
    }

    // Chrome by tag, role or name is left out of scoring, with its descendants; but a chrome-named wrapper
    // holding most of the page's text is a wrapper ("page-with-right-rail"), not chrome.
    private void MarkExcluded()
    {
        var half = (Body ?? Root).TextLength / 2;
        foreach (var node in Elements)
        {
            node.Excluded = node.Parent?.Excluded == true || node.Hidden
                || ((IsChromeTag(node.Tag) || (node.Hint.IsClutter && !node.Hint.Positive && !node.IsProseParagraph)) && node.TextLength <= half);
        }
    }

    // Sums the children's counts into the parent once all children are in.
    private static void Finish(PageNode node)
    {
        int text = 0, link = 0, commas = 0, images = 0, inlineText = 0, inlineLink = 0, inlineCommas = 0, blocks = 0, elements = 0;
        var isLink = node.Tag == "a";
        foreach (var child in node.Children)
        {
            text += child.TextLength;
            commas += child.Commas;
            images += child.Images;
            link += isLink ? child.TextLength : child.LinkLength;
            if (child.IsText)
            {
                inlineText += child.TextLength;
                inlineCommas += child.Commas;
                if (isLink) inlineLink += child.TextLength;
                continue;
            }
            elements++;
            if (child.IsBlock)
            {
                blocks++;
                continue;
            }
            inlineText += child.InlineTextLength;
            inlineCommas += child.InlineCommas;
            inlineLink += isLink ? child.InlineTextLength : child.InlineLinkLength;
            blocks += child.BlockChildren > 0 ? 1 : 0;
        }
        node.TextLength = text;
        node.LinkLength = link;
        node.Commas = commas;
        node.Images = images + (node.Tag == "img" ? 1 : 0);
        node.InlineTextLength = inlineText;
        node.InlineLinkLength = inlineLink;
        node.InlineCommas = inlineCommas;
        node.BlockChildren = blocks;
        node.ElementChildren = elements;
    }

    private ElementHint HintFor(string? className, string? id, string? role, string? itemProp)
    {
        if (className is null && string.IsNullOrEmpty(id) && role is null && itemProp is null) return ElementHint.Nothing;
        var key = (className, id, role, itemProp);
        if (!_hintCache.TryGetValue(key, out var hint))
        {
            hint = ElementHints.Read(className, id, role, itemProp);
            _hintCache[key] = hint;
        }
        return hint;
    }

    private static bool HidesByStyle(string style)
    {
        if (!style.Contains("none", StringComparison.OrdinalIgnoreCase) && !style.Contains("hidden", StringComparison.OrdinalIgnoreCase)) return false;
        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        // The usual "visually hidden" rule (text for screen readers only, such as ", opens new tab" inside a link)
        // clips the element to nothing.
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal)
            || compact.Contains("clip:rect(0000)", StringComparison.Ordinal) || compact.Contains("clip:rect(0,0,0,0)", StringComparison.Ordinal)
            || compact.Contains("clip-path:inset(50%)", StringComparison.Ordinal);
    }

    // Keeps what the metadata reader needs from elements that are not part of the text.
    private void Record(IElement element, string tag)
    {
        switch (tag)
        {
            case "meta":
                Metas.Add(element);
                break;
            case "link":
                Links.Add(element);
                break;
            case "title":
                Title ??= element.TextContent;
                break;
            case "head":
                foreach (var child in element.Children) Record(child, child.LocalName);
                break;
        }
    }

    private void Note(PageNode node, IElement element, string tag, bool itemProp)
    {
        switch (tag)
        {
            case "h1":
                Headings1.Add(node);
                break;
            case "time":
                Times.Add(node);
                break;
            case "body":
                Body ??= node;
                break;
            case "a" when element.GetAttribute("rel") is { } rel && rel.Contains("author", StringComparison.OrdinalIgnoreCase):
                Bylines.Add(node);
                break;
        }
        if (itemProp) ItemProps.Add(node);
        if (node.Hint.Kind == HintKind.Byline) Bylines.Add(node);
        else if (node.Hint.Kind == HintKind.Standfirst) Standfirsts.Add(node);
    }

    /// <summary>Non-whitespace characters and commas in <paramref name="text"/>.</summary>
    internal static (int Length, int Commas) Count(string text)
    {
        int length = 0, commas = 0;
        foreach (var c in text)
        {
            if (c <= ' ' || char.IsWhiteSpace(c)) continue;
            length++;
            if (c is ',' or '，' or '、') commas++;
        }
        return (length, commas);
    }

    // The text under an element too deeply nested to walk recursively, gathered without recursion.
    private static string FlatText(IElement element)
    {
        var builder = new System.Text.StringBuilder();
        INode? node = element.FirstChild;
        while (node is not null && !ReferenceEquals(node, element))
        {
            if (node is IText t) builder.Append(t.Data);
            else if (node is IElement e && !IsSkipped(e.LocalName) && node.FirstChild is not null)
            {
                if (IsBlockTag(e.LocalName)) builder.Append('\n');
                node = node.FirstChild;
                continue;
            }
            while (node is not null && !ReferenceEquals(node, element) && node.NextSibling is null) node = node.Parent;
            if (node is null || ReferenceEquals(node, element)) break;
            node = node.NextSibling;
        }
        return builder.ToString();
    }
}
