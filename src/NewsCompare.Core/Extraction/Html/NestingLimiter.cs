using System.Text;

namespace NewsCompare.Core.Extraction.Html;

/// <summary>
/// Caps how deeply elements nest before the page reaches the HTML parser. A tree builder checks the stack of open
/// elements at every tag, so markup nested 100,000 levels deep costs time in the square of its size; no real page
/// nests anywhere near <see cref="MaxDepth"/> levels. Tags that would open deeper are dropped (their text stays),
/// together with their closing tags, in one linear pass over the markup.
/// </summary>
internal static class NestingLimiter
{
    public const int MaxDepth = 400;

    // Elements a browser closes by itself when another of the same name opens: not counted as nesting.
    private static bool ClosesSibling(string tag) => tag is "p" or "li" or "dt" or "dd" or "option" or "tr" or "td" or "th" or "a";

    private static bool IsVoid(string tag) => tag is "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input"
        or "link" or "meta" or "param" or "source" or "track" or "wbr" or "keygen" or "image";

    // Their content is text up to the closing tag, never markup.
    private static bool IsRawText(string tag) => tag is "script" or "style" or "textarea" or "title" or "xmp" or "iframe"
        or "noembed" or "noframes" or "plaintext";

    /// <summary>Returns <paramref name="html"/> itself when it nests less than <see cref="MaxDepth"/> deep, else a copy without the deeper tags.</summary>
    public static string Limit(string html)
    {
        // A page with fewer tags than the limit cannot nest past it.
        if (html.AsSpan().Count('<') < MaxDepth) return html;

        var open = new List<string>(64);
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        StringBuilder? output = null;
        var copied = 0;
        var i = 0;
        while (true)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            var next = html[lt + 1];
            if (next == '!' || next == '?')
            {
                i = html.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal) ? SkipPast(html, "-->", lt + 4) : SkipPast(html, ">", lt);
                continue;
            }
            var closing = next == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_')) nameEnd++;
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = TagEnd(html, nameEnd);
            var drop = false;
            if (closing)
            {
                if (dropped.TryGetValue(name, out var pending) && pending > 0)
                {
                    dropped[name] = pending - 1;
                    drop = true;
                }
                else
                {
                    var at = open.LastIndexOf(name);
                    if (at >= 0) open.RemoveRange(at, open.Count - at);
                }
            }
            else if (IsRawText(name))
            {
                i = SkipRawText(html, name, tagEnd);
                continue;
            }
            else if (!IsVoid(name) && !(tagEnd >= 2 && html[tagEnd - 1] == '>' && html[tagEnd - 2] == '/'))
            {
                if (ClosesSibling(name))
                {
                    var at = open.LastIndexOf(name);
                    if (at >= 0 && open.Count - at <= 4) open.RemoveRange(at, open.Count - at);
                }
                if (open.Count >= MaxDepth)
                {
                    dropped[name] = dropped.GetValueOrDefault(name) + 1;
                    drop = true;
                }
                else
                {
                    open.Add(name);
                }
            }
            if (drop)
            {
                output ??= new StringBuilder(html.Length);
                output.Append(html, copied, lt - copied).Append(' ');
                copied = tagEnd;
            }
            i = tagEnd;
        }
        if (output is null) return html;
        return output.Append(html, copied, html.Length - copied).ToString();
    }

    // The index just after the tag's closing '>', quotes respected; the end of the markup when it never closes.
    private static int TagEnd(string html, int from)
    {
        char quote = '\0', previous = ' ';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            if (c is '"' or '\'' && previous == '=') quote = c;
            else if (c == '>') return i + 1;
            if (!char.IsWhiteSpace(c)) previous = c;
        }
        return html.Length;
    }

    private static int SkipPast(string html, string marker, int from)
    {
        var at = html.IndexOf(marker, from, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + marker.Length;
    }

    private static int SkipRawText(string html, string name, int from)
    {
        var at = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : at + 2;
    }
}
