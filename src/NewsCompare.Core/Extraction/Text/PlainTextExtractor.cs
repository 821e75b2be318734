using System.Runtime.CompilerServices;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>
/// Extracts an article from a plain-text capture (what "select all, copy" in a browser gives): the headline,
/// standfirst, byline, dateline, captions and body paragraphs, with every other line kept in
/// <see cref="ExtractedArticle.Removed"/> under the reason it was dropped. See docs/extraction-text.md.
/// </summary>
public static class PlainTextExtractor
{
    /// <summary>Extracts the article from <paramref name="text"/>, a decoded plain-text capture.</summary>
    /// <param name="text">The capture's text.</param>
    /// <returns>The article's parts; a capture with no article in it gives no paragraphs and every line in Removed.</returns>
    public static ExtractedArticle Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ExtractionBudget.Run(text, ExtractWithinBudget);
    }

    private static ExtractedArticle ExtractWithinBudget(string text)
    {
        var vocabulary = ClutterVocabulary.Default;
        var lines = LineReader.Read(text, vocabulary);
        var plan = new LinePlan(lines.Count);
        var body = BodyLocator.Locate(lines, vocabulary);
        if (body is { } found)
        {
            var start = HeaderReader.Read(lines, found.Start, found.End, vocabulary, plan);
            BodyReader.Read(lines, start, found.End, plan, vocabulary);
            AuthorNoteCutter.Cut(lines, plan);
        }
        OutsideReader.Read(lines, plan);
        return plan.Assemble(lines);
    }
}

/// <summary>The part each line of a capture plays in the result.</summary>
internal enum LinePart
{
    Unassigned,
    Headline,
    Standfirst,
    Byline,
    Dateline,
    Caption,
    Paragraph,
    Removed,
}

/// <summary>The decision for every line; a paragraph may carry a dateline split off its start.</summary>
internal sealed class LinePlan(int count)
{
    public LinePart[] Parts { get; } = new LinePart[count];
    public string?[] Reasons { get; } = new string?[count];
    public string?[] Texts { get; } = new string?[count];
    public string? SplitDateline { get; set; }

    private DateOnly? _dated, _datedAbove;

    /// <summary>The first complete date read from the header's date lines and byline, under the headline before above it.</summary>
    public DateOnly? Published => _dated ?? _datedAbove;

    public void NoteDate(string text, bool afterHeadline)
    {
        if (afterHeadline) _dated ??= Metadata.DateFinder.InText(text);
        else _datedAbove ??= Metadata.DateFinder.InText(text);
    }

    private readonly bool[] _used = new bool[(int)LinePart.Removed + 1];

    public void Set(int index, LinePart part, string? reason = null, string? text = null)
    {
        Parts[index] = part;
        _used[(int)part] = true;
        Reasons[index] = reason;
        Texts[index] = text;
    }

    public void Remove(int index, string reason) => Set(index, LinePart.Removed, reason);

    public bool Has(LinePart part) => _used[(int)part];

    /// <summary>
    /// A credit the page glued to its caption ("© Agency / Go to the mediabankSecretary of ..."): innerText leaves no
    /// space where the credit's box ends, so a small letter runs straight into a capital. Credit and caption are split there.
    /// </summary>
    internal static IEnumerable<string> SplitCredit(string caption)
    {
        if (!caption.StartsWith('©') && !caption.StartsWith("Photo", StringComparison.OrdinalIgnoreCase)
            && !caption.StartsWith("Foto", StringComparison.OrdinalIgnoreCase))
            return [caption];
        for (var i = 1; i + 1 < Math.Min(caption.Length, 120); i++)
        {
            if (char.IsLower(caption[i]) && char.IsUpper(caption[i + 1]) && i + 2 < caption.Length && char.IsLower(caption[i + 2]))
                return [caption[..(i + 1)].Trim(), caption[(i + 1)..].Trim()];
        }
        return [caption];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ExtractedArticle Assemble(List<TextLine> lines)
    {
        string? headline = null, standfirst = null, byline = null, dateline = SplitDateline;
        var paragraphs = new List<string>();
        var captions = new List<string>();
        var removed = new List<RemovedLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = Texts[i] ?? lines[i].Text;
            switch (Parts[i])
            {
                case LinePart.Headline: headline = text; break;
                case LinePart.Standfirst: standfirst = text; break;
                case LinePart.Byline:
                    byline = text;
                    // A byline read without its date: the line as printed stays with the dropped lines.
                    if (Texts[i] is not null) removed.Add(new RemovedLine(lines[i].Text, RemovalReasons.Furniture));
                    break;
                case LinePart.Dateline: dateline = text; break;
                case LinePart.Caption: captions.AddRange(SplitCredit(text)); break;
                case LinePart.Paragraph: paragraphs.Add(text); break;
                default: removed.Add(new RemovedLine(text, Reasons[i] ?? RemovalReasons.Furniture)); break;
            }
        }
        return new ExtractedArticle
        {
            Headline = headline,
            Standfirst = standfirst,
            Byline = byline,
            Dateline = Html.TextTools.BareDateline(dateline),
            Paragraphs = paragraphs,
            Captions = captions,
            Removed = removed,
            Hints = Published is { } date
                ? new PageHints { Published = date, PublishedSource = Metadata.MetadataSources.Text + ":date-line" }
                : PageHints.None,
        };
    }
}
