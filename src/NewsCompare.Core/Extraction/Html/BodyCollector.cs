using System.Text;

namespace NewsCompare.Core.Extraction.Html;

/// <summary>
/// Walks the whole page once, in reading order, and sends every run of text to where it belongs: the body
/// (inside the chosen containers and not clutter), the captions, or the removed lines with a reason. Text that
/// the extractor keeps elsewhere (the headline, byline and standfirst) is not repeated.
/// </summary>
internal sealed class BodyCollector
{
    private const int MaxRemovedLine = 600;
    private const int MaxRemovedLines = 4000;
    private const int BoilerplateMaxLength = 120;
    private const int ShortLabel = 50;
    private const int ShortLine = 200;

    private enum Sink { Body, Caption, Removed, Silent }

    private readonly HashSet<PageNode> _roots;
    private readonly IReadOnlySet<PageNode> _silent;
    private readonly int _contentLength;
    private readonly string? _headline;
    private readonly StringBuilder _piece = new();
    private int _pieceLength;
    private int _pieceLinkLength;
    private bool _pendingSpace;
    private int _linkDepth;
    private int _rowDepth;
    private bool _lastWentToBody;

    // Each kept line remembers how many lines had been removed before it, so that one dropped later goes back
    // to its place in page order.
    private readonly List<(string Text, bool Heading, int RemovedBefore)> _body = [];
    private readonly HashSet<string> _bodySeen = new(StringComparer.Ordinal);
    private readonly List<string> _captions = [];
    private readonly List<RemovedLine> _removed = [];

    private BodyCollector(IEnumerable<PageNode> roots, IReadOnlySet<PageNode> silent, string? headline)
    {
        _headline = headline;
        _roots = new HashSet<PageNode>(roots, ReferenceEqualityComparer.Instance);
        _silent = silent;
        _contentLength = _roots.Sum(r => r.TextLength);
    }

    public sealed record Result(IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Captions, IReadOnlyList<RemovedLine> Removed);

    /// <param name="start">Where reading starts (the body element).</param>
    /// <param name="roots">The article's containers.</param>
    /// <param name="silent">Elements kept elsewhere (headline, byline, standfirst): neither body nor removed.</param>
    /// <param name="headline">The headline, so that a repeat of it inside the body is dropped.</param>
    public static Result Collect(PageNode start, IEnumerable<PageNode> roots, IReadOnlySet<PageNode> silent, string? headline)
    {
        var collector = new BodyCollector(roots, silent, headline);
        var startSink = collector._roots.Contains(start) ? Sink.Body : Sink.Removed;
        collector.Visit(start, startSink, startSink == Sink.Body ? null : RemovalReasons.Furniture);
        collector.Flush(startSink, startSink == Sink.Body ? null : RemovalReasons.Furniture, false);
        return collector.Finish();
    }

    private void Visit(PageNode node, Sink sink, string? reason)
    {
        if (node.IsText)
        {
            Append(node.Text!);
            return;
        }
        ExtractionBudget.Check();
        if (node.Tag == "br" || node.Tag == "hr")
        {
            Flush(sink, reason, false);
            return;
        }
        if (sink == Sink.Body && node.Hidden && !node.IsBlock)
        {
            // Text for screen readers only inside a line (", opens new tab" in a link) goes without breaking the line.
            var hidden = node.InnerText().Trim();
            if (hidden.Length > 0) AddRemoved(hidden, RemovalReasons.Furniture);
            return;
        }
        var (innerSink, innerReason) = Classify(node, sink, reason);
        if (sink == Sink.Body && innerSink == Sink.Removed && innerReason is RemovalReasons.Spillover or RemovalReasons.Share)
        {
            Flush(sink, reason, false);
            DropIntroduction(innerReason);
        }
        // A data table reads row by row: its cells are words of one line, not paragraphs of their own.
        var cell = _rowDepth > 0 && node.Tag is "td" or "th";
        var boundary = (node.IsBlock && !cell) || innerSink != sink || innerReason != reason;
        if (boundary) Flush(sink, reason, false);
        if (cell) _pendingSpace = true;
        var isLink = node.Tag == "a";
        var row = node.Tag == "tr" && IsDataRow(node);
        if (isLink) _linkDepth++;
        if (row) _rowDepth++;
        foreach (var child in node.Children) Visit(child, innerSink, innerReason);
        if (isLink) _linkDepth--;
        if (row) _rowDepth--;
        if (boundary) Flush(innerSink, innerReason, node.IsHeading);
    }

    private static bool IsDataRow(PageNode row)
    {
        foreach (var child in row.Children)
            if (!child.IsText && (child.Tag is not ("td" or "th") || child.BlockChildren > 0)) return false;
        return true;
    }

    // Per parent: whether a prose paragraph there carries the class asked about (the answer for one class per parent,
    // which is all a run of "paywall" paragraphs needs, and keeps a page of ten thousand paragraphs linear).
    private readonly Dictionary<PageNode, (string Class, bool Shares)> _proseClasses = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A short paragraph named like chrome ("paywall", "locked") whose class its prose siblings share is one more
    /// paragraph of the article: the page marks its own paragraphs that way, whatever they say.
    /// </summary>
    private bool SharesClassWithProse(PageNode node)
    {
        if (node.Tag != "p" || node.Parent is not { } parent || node.Attribute("class") is not { Length: > 0 } name) return false;
        if (_proseClasses.TryGetValue(parent, out var known) && known.Class == name) return known.Shares;
        var shares = false;
        foreach (var sibling in parent.Children)
        {
            if (sibling.Tag == "p" && sibling.IsProseParagraph && sibling.Attribute("class") == name)
            {
                shares = true;
                break;
            }
        }
        _proseClasses[parent] = (name, shares);
        return shares;
    }

    private (Sink, string?) Classify(PageNode node, Sink sink, string? reason)
    {
        if (_silent.Contains(node)) return (Sink.Silent, null);
        if (_roots.Contains(node)) return (Sink.Body, null);
        if (sink == Sink.Silent || sink == Sink.Caption) return (sink, reason);
        if (node.Hidden) return (Sink.Removed, RemovalReasons.Furniture);

        if (sink == Sink.Removed)
        {
            // Outside the article: name the region by the most telling element on the way down.
            if (node.Hint.IsClutter) return (Sink.Removed, node.Hint.Reason);
            var byTag = ReasonForTag(node.Tag);
            if (byTag is not null && reason == RemovalReasons.Furniture) return (Sink.Removed, byTag);
            return (sink, reason);
        }

        // Inside the article. Nothing holding half of it or more is dropped or taken for a caption, whatever its name.
        var small = node.TextLength * 2 < _contentLength;
        if (!small) return (sink, reason);
        if (node.Tag is "figure" or "figcaption" || node.Hint.Kind == HintKind.Caption) return (Sink.Caption, null);
        if (node.Tag == "h1") return (Sink.Removed, RemovalReasons.Furniture);
        if (!node.IsBlock) return (sink, reason);
        if (node.Hint.IsClutter && !node.IsProseParagraph && !SharesClassWithProse(node)) return (Sink.Removed, node.Hint.Reason);
        // The article's own header holds the headline and byline (kept elsewhere) and furniture around them.
        if (node.Tag == "header") return (Sink.Removed, RemovalReasons.Furniture);
        if (ReasonForTag(node.Tag) is { } tagReason) return (Sink.Removed, tagReason);
        // Byline boxes, and author biographies at the foot of the article.
        if (node.Hint.Kind == HintKind.Byline && node.TextLength < 600) return (Sink.Removed, RemovalReasons.Furniture);
        if (node.Hint.Kind == HintKind.Date && node.TextLength < 100) return (Sink.Removed, RemovalReasons.Furniture);
        if (node.Tag is "ul" or "ol" or "div" or "section" or "table" or "dl" && node.TextLength > 0 && node.LinkDensity > 0.5)
            return (Sink.Removed, RemovalReasons.Spillover);
        if (IsTeaserList(node) || IsLinkList(node)) return (Sink.Removed, RemovalReasons.Spillover);
        return (sink, reason);
    }

    // Three or more short items that each pair a picture with a link: cards pointing
    // at other articles ("most popular", "you may also like") even when nothing names them.
    private static bool IsTeaserList(PageNode node)
    {
        if (node.Images < 3 || node.LinkDensity < 0.1) return false;
        var cards = 0;
        foreach (var child in node.Children)
            if (!child.IsText && child.Images > 0 && child.LinkLength > 0 && child.TextLength < 300) cards++;
        return cards >= 3;
    }

    // A list of three or more items that each carry a link, with a good part of its text linked: headlines of
    // other stories ("More great stories"), even when each item adds a few unlinked words.
    private static bool IsLinkList(PageNode node)
    {
        if (node.Tag is not ("ul" or "ol") || node.LinkDensity < 0.3) return false;
        var items = 0;
        foreach (var child in node.Children)
        {
            if (child.IsText) continue;
            if (child.LinkLength == 0) return false;
            items++;
        }
        return items >= 3;
    }

    private static string? ReasonForTag(string tag) => tag switch
    {
        "nav" => RemovalReasons.Navigation,
        "footer" => RemovalReasons.Footer,
        "aside" => RemovalReasons.Spillover,
        "header" => RemovalReasons.Navigation,
        "form" => RemovalReasons.Furniture,
        _ => null,
    };

    // Appends raw text, folding every run of whitespace into one space and dropping invisible characters.
    private void Append(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }
            if (c is '\u200B' or '\uFEFF' or '\u00AD' or '\u2060') continue;
            if (_pendingSpace && _piece.Length > 0) _piece.Append(' ');
            _pendingSpace = false;
            _piece.Append(c);
            _pieceLength++;
            if (_linkDepth > 0) _pieceLinkLength++;
        }
    }

    private void Flush(Sink sink, string? reason, bool heading)
    {
        if (_piece.Length == 0)
        {
            _pendingSpace = false;
            return;
        }
        var text = _piece.ToString();
        var links = _pieceLength == 0 ? 0 : (double)_pieceLinkLength / _pieceLength;
        _piece.Clear();
        _pieceLength = 0;
        _pieceLinkLength = 0;
        _pendingSpace = false;
        switch (sink)
        {
            case Sink.Body:
                KeepInBody(text, links, heading);
                break;
            case Sink.Caption:
                if (LineRules.IsGalleryControl(text)) AddRemoved(text, RemovalReasons.Widget);
                else if (!_captions.Contains(text)) _captions.Add(text);
                break;
            case Sink.Removed:
                AddRemoved(text, reason ?? RemovalReasons.Furniture);
                break;
        }
    }

    // A heading or short label kept just before a dropped box ("More stories", "Get our newsletter") introduced
    // that box, not the article's next paragraphs.
    private void DropIntroduction(string reason)
    {
        if (!_lastWentToBody || _body.Count == 0) return;
        var (text, heading, _) = _body[^1];
        if (!heading && (text.Length > 60 || LineRules.EndsSentence(text))) return;
        _body.RemoveAt(_body.Count - 1);
        _bodySeen.Remove(text);
        AddRemoved(text, reason);
    }

    private void KeepInBody(string text, double links, bool heading)
    {
        if (!HasLetterOrDigit(text))
        {
            AddRemoved(text, RemovalReasons.Furniture);
            return;
        }
        if (text.Length <= ShortLine && IsCredit(text))
        {
            if (!_captions.Contains(text)) _captions.Add(text);
            return;
        }
        if (text.Length <= BoilerplateMaxLength && BoilerplateReason(text) is { } reason)
        {
            AddRemoved(text, reason);
            return;
        }
        if (LineRules.Furniture(text, _headline) is { } lineReason)
        {
            AddRemoved(text, lineReason);
            return;
        }
        if (links > 0.8 && text.Length < 120)
        {
            AddRemoved(text, RemovalReasons.Spillover);
            return;
        }
        if (text.Length >= 20 && !_bodySeen.Add(text))
        {
            AddRemoved(text, RemovalReasons.Duplicate);
            return;
        }
        _body.Add((text, heading, _removed.Count));
        _lastWentToBody = true;
    }

    private static bool IsCredit(string text)
    {
        foreach (var start in ElementHints.CreditStarts)
            if (text.StartsWith(start, StringComparison.OrdinalIgnoreCase)) return true;
        return IsPipedCredit(text);
    }

    /// <summary>
    /// A photo credit set as names between bars ("Jane Doe | AFP | Getty Images"): three or more short
    /// capitalised parts and no sentence. The shape is the same in every language.
    /// </summary>
    internal static bool IsPipedCredit(string text)
    {
        if (LineRules.EndsSentence(text)) return false;
        var parts = 0;
        foreach (var range in text.AsSpan().Split('|'))
        {
            var part = text.AsSpan()[range].Trim();
            if (part.IsEmpty || !char.IsUpper(part[0]) || part.Count(' ') > 3) return false;
            parts++;
        }
        return parts >= 3;
    }

    private static string? BoilerplateReason(string text)
    {
        foreach (var (start, reason) in ElementHints.BoilerplateStarts)
        {
            if (!text.StartsWith(start, StringComparison.OrdinalIgnoreCase)) continue;
            // A whole word only: "Subscribe" is a prompt, "Subscribers rose" is prose.
            if (text.Length > start.Length && char.IsLetter(text[start.Length]) && !start.EndsWith(' ')) continue;
            // One word ("Comments", "Sponsored") marks a label only on a short line: "Comments by the minister
            // angered unions" is prose. Phrases and labels with a colon are telling on any line this short.
            if (start.Contains(' ') || start.EndsWith(':') || text.Length <= ShortLabel) return reason;
        }
        return null;
    }

    private void AddRemoved(string text, string reason)
    {
        _lastWentToBody = false;
        if (_removed.Count >= MaxRemovedLines) return;
        if (text.Length > MaxRemovedLine) text = string.Concat(text.AsSpan(0, MaxRemovedLine), "…");
        // Menus and link lists arrive one item at a time: short neighbours with the same reason share a line.
        if (_removed.Count > 0 && text.Length < 60)
        {
            var last = _removed[^1];
            if (last.Reason == reason && last.Text.Length + text.Length < 200 && !last.Text.EndsWith('…'))
            {
                _removed[^1] = last with { Text = last.Text + " | " + text };
                return;
            }
        }
        _removed.Add(new RemovedLine(text, reason));
    }

    private Result Finish()
    {
        // Headings left at the very end introduce something that was dropped (related links, comments).
        while (_body.Count > 0 && _body[^1].Heading)
        {
            var (text, _, removedBefore) = _body[^1];
            _removed.Insert(Math.Min(removedBefore, _removed.Count), new RemovedLine(text, RemovalReasons.Spillover));
            _body.RemoveAt(_body.Count - 1);
        }
        // A short label opening the body, before any sentence, names the section ("World · Europe"), not the article.
        for (var labels = 0; labels < 2 && _body.Count > 1 && IsSectionLabel(_body[0].Text); labels++)
        {
            var (text, _, removedBefore) = _body[0];
            _removed.Insert(Math.Min(removedBefore, _removed.Count), new RemovedLine(text, RemovalReasons.Navigation));
            _body.RemoveAt(0);
        }
        return new Result(_body.Select(b => b.Text).ToList(), _captions, _removed);
    }

    private static bool IsSectionLabel(string text)
    {
        if (text.Length > 40 || TextTools.WordCount(text) > 4) return false;
        var last = text[^1];
        return !char.IsDigit(last) && last is not ('.' or '!' or '?' or ':' or '-' or '–' or '—' or '"' or '”' or ')');
    }

    internal static bool HasLetterOrDigit(string text)
    {
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }
}
