using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Pages.Stories;

/// <summary>A point on the story timeline: one article, placed by its date on its outlet's row.</summary>
public sealed record TimelineMark(long ArticleId, double X, double Y, bool Inferred, string Label);

/// <summary>
/// The server-drawn timeline of when each outlet published: an SVG in a 1000-wide coordinate space, one row per
/// outlet, its name written above the row so the dates use the full width (and fit a phone without scrolling).
/// Positions are computed here so the page needs no script and no inline style.
/// </summary>
public sealed record Timeline(IReadOnlyList<string> Rows, IReadOnlyList<TimelineMark> Marks, DateOnly First, DateOnly Last,
    double Height, IReadOnlyList<StoryArticle> Undated)
{
    public const double Left = 20;
    public const double Right = 980;
    public const double RowHeight = 54;
    public const double Top = 44;

    public static Timeline? For(IReadOnlyList<StoryArticle> articles)
    {
        var dated = articles.Where(a => a.Published is not null).ToList();
        if (dated.Count == 0) return null;
        var first = dated.Min(a => a.Published!.Value);
        var last = dated.Max(a => a.Published!.Value);
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        var rows = dated.Select(a => Shared.Display.Outlet(a.Outlet)).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        var marks = dated.Select(a =>
        {
            var x = first == last ? (Left + Right) / 2 : Left + ((Right - Left) * (a.Published!.Value.DayNumber - first.DayNumber) / span);
            var y = Top + (rows.IndexOf(Shared.Display.Outlet(a.Outlet)) * RowHeight) + (RowHeight / 2);
            var label = $"{Shared.Display.Outlet(a.Outlet)}, {Shared.Display.Date(a.Published)}{(a.PublishedInferred ? " (inferred)" : "")}: {Shared.Display.Headline(a.Headline)}";
            return new TimelineMark(a.Id, Math.Round(x, 1), y, a.PublishedInferred, label);
        }).ToList();
        return new Timeline(rows, marks, first, last, Top + (rows.Count * RowHeight) + 10,
            articles.Where(a => a.Published is null).ToList());
    }

    public double RowY(int row) => Top + (row * RowHeight) + (RowHeight / 2);

    /// <summary>Where a row's outlet name sits: above its line, at the left.</summary>
    public double RowLabelY(int row) => RowY(row) - 17;

    /// <summary>Where the first date's label goes: the left end, or above the dots when every date is the same day.</summary>
    public (double X, string Class) FirstLabel => First == Last ? ((Left + Right) / 2, "axis-label middle") : (Left, "axis-label");

    /// <summary>An SVG text element (Razor reserves the text tag), its content encoded like any other.</summary>
    public static IHtmlContent Label(double x, double y, string cssClass, string content)
    {
        var tag = new TagBuilder("text");
        tag.Attributes["x"] = x.ToString(CultureInfo.InvariantCulture);
        tag.Attributes["y"] = y.ToString(CultureInfo.InvariantCulture);
        tag.Attributes["class"] = cssClass;
        tag.InnerHtml.Append(content);
        return tag;
    }
}
