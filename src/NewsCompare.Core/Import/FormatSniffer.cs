using System.Text.RegularExpressions;

namespace NewsCompare.Core.Import;

/// <summary>
/// Tells saved HTML from a plain-text capture by its content, never by its extension: a doctype, an html or head
/// element, or a browser's "saved from" comment near the start; else a high density of markup tags.
/// </summary>
internal static partial class FormatSniffer
{
    public const string Html = "html";
    public const string Text = "text";

    private const int Sample = 65536;

    public static string Detect(string text)
    {
        var sample = text.Length > Sample ? text[..Sample] : text;
        var start = sample.TrimStart();
        var head = start.Length > 1024 ? start[..1024] : start;
        if (StrongStart().IsMatch(head)) return Html;

        var tags = Tag().Matches(sample);
        if (tags.Count < 5) return Text;
        var tagChars = tags.Sum(m => m.Length);
        var structural = tags.Count(m => StructuralTag().IsMatch(m.Value));
        // Markup proper: tags cover a good share of the text and are the page's structure, not a quoted snippet.
        return tagChars >= sample.Length * 0.1 && structural >= 3 ? Html : Text;
    }

    /// <summary>True when HTML looks cut off: it opens the document but never closes it.</summary>
    public static bool LooksTruncated(string html)
    {
        var tail = html.Length > 4096 ? html[^4096..] : html;
        var opensDocument = html.Contains("<html", StringComparison.OrdinalIgnoreCase) || html.Contains("<body", StringComparison.OrdinalIgnoreCase);
        return opensDocument && !tail.Contains("</html", StringComparison.OrdinalIgnoreCase) && !tail.Contains("</body", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>])|<!--\s*saved from url=", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StrongStart();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^</?(?:html|head|body|div|p|span|a|meta|link|script|style|title|article|section|header|footer|nav|ul|li|h[1-6]|img|br|table|tr|td|main|figure|figcaption)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StructuralTag();
}
