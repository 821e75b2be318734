using System.Globalization;

namespace NewsCompare.Web.Pages.Shared;

/// <summary>How dates, sources and counts read on the pages.</summary>
public static class Display
{
    public static string Date(DateOnly? date) =>
        date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "undated";

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Range(DateOnly? first, DateOnly? last) =>
        first is null && last is null ? "undated"
        : first is null || last is null || first == last ? Date(first ?? last)
        : $"{Date(first)} – {Date(last)}";

    /// <summary>An outlet's span of dates, marked "(inferred)" when it has only inferred ones.</summary>
    public static string Span(NewsCompare.Web.Reading.OutletSummary outlet) =>
        Range(outlet.First, outlet.Last) + (outlet.DatesInferred ? " (inferred)" : "");

    /// <summary>The outlet's page: each part of the name escaped, a '/' in it kept as a path separator the page reads back.</summary>
    public static string OutletHref(string outlet) =>
        "/outlets/" + string.Join('/', outlet.Split('/').Select(Uri.EscapeDataString));

    public static string Plural(int count, string one, string many) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>A provenance code ("html:og:site_name", "url-host") as a reader-facing phrase.</summary>
    public static string Source(string? source)
    {
        if (string.IsNullOrWhiteSpace(source)) return "source not recorded";
        var cut = source.IndexOf(':', StringComparison.Ordinal);
        var (code, detail) = cut < 0 ? (source, null) : (source[..cut], source[(cut + 1)..]);
        var phrase = code switch
        {
            "manifest" => "the import's sources manifest",
            "html" => "the page's HTML metadata",
            "url-host" => "the address's host",
            "url-path" => "a date in the address",
            "text" => "the article text",
            "extraction" => "the page's structure",
            "detected" => "detected from the text",
            "story" => "its story",
            "editor" => "an editor's correction",
            _ => code,
        };
        return detail is null ? phrase : $"{phrase} ({detail})";
    }

    /// <summary>
    /// Where a value came from, as a phrase that stands on its own ("from the address's host", "detected from the
    /// text", "corrected by alice"); empty when no source was recorded.
    /// </summary>
    public static string Provenance(string? source)
    {
        if (string.IsNullOrWhiteSpace(source)) return "";
        var cut = source.IndexOf(':', StringComparison.Ordinal);
        var (code, detail) = cut < 0 ? (source, null) : (source[..cut], source[(cut + 1)..]);
        return code switch
        {
            "detected" => "detected from the text",
            "story" => "inferred from its story",
            "editor" => detail is null ? "corrected by an editor" : $"corrected by {detail}",
            _ => "from " + Source(source),
        };
    }

    /// <summary>A dateline without the dash or colon that joins it to the first sentence ("MOSCOW (Sputnik) -").</summary>
    public static string Dateline(string dateline) => dateline.Trim().TrimEnd('-', '–', '—', ':', ' ', '\u00a0');

    public static string Headline(string? headline) => string.IsNullOrWhiteSpace(headline) ? "(no headline)" : headline;
    public static string Outlet(string? outlet) => string.IsNullOrWhiteSpace(outlet) ? "Unknown outlet" : outlet;
}
