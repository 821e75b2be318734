using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace NewsCompare.Web.Reading;

/// <summary>
/// The filters of the stories and articles lists, read from the query string so every filtered view is a link.
/// Dates: only stated dates inside the range match, unless <see cref="Undated"/> also lets in undated articles and
/// dates that were inferred (from the story) rather than stated.
/// </summary>
public sealed class ListFilter
{
    public const int PageSize = 20;

    /// <summary>
    /// Pages up to this one are found by walking the list's index and testing each row against the filters (cheap
    /// near the top); deeper ones from the list of matches, whose cost does not grow with the page (a broad search's
    /// page 3,000 by probing took 3.6 s).
    /// </summary>
    public const int ProbedPages = 10;

    [FromQuery(Name = "outlet")] public string[]? Outlet { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    /// <summary>With a date range: also list undated articles and stories, and count inferred dates as dates.</summary>
    [FromQuery(Name = "undated")] public bool? Undated { get; set; }
    /// <summary>Words to find in headlines, standfirsts and bodies.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "lang")] public string? Lang { get; set; }
    /// <summary>"date" (newest first, the default) or "coverage" (most outlets first).</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    /// <summary>Articles only: those not yet grouped into a story.</summary>
    [FromQuery(Name = "ungrouped")] public bool? Ungrouped { get; set; }
    [FromQuery(Name = "page")] public int? Page { get; set; }

    public bool IncludeUndated => Undated == true;
    public bool OnlyUngrouped => Ungrouped == true;
    public int PageNumber => Math.Clamp(Page ?? 1, 1, 100_000);
    public bool ByCoverage => string.Equals(Sort, "coverage", StringComparison.OrdinalIgnoreCase);
    public IReadOnlyList<string> Outlets => (Outlet ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).Distinct().Take(50).ToList();
    public string? Language => string.IsNullOrWhiteSpace(Lang) ? null : Lang.Trim().ToLowerInvariant();
    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, 200)];
    public bool HasDateRange => From is not null || To is not null;
    /// <summary>A range that ends before it starts: nothing can match, and the page says so.</summary>
    public bool ReversedRange => From is not null && To is not null && From > To;
    public bool IsFiltered => Outlets.Count > 0 || HasDateRange || Search is not null || Language is not null || OnlyUngrouped;

    /// <summary>A sentence saying what is filtered, for the top of a list.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Search is not null) parts.Add($"matching “{Search}”");
        if (Outlets.Count > 0) parts.Add("from " + string.Join(", ", Outlets));
        if (From is not null && To is not null) parts.Add($"dated {Iso(From)} to {Iso(To)}");
        else if (From is not null) parts.Add($"dated {Iso(From)} or later");
        else if (To is not null) parts.Add($"dated {Iso(To)} or earlier");
        if (HasDateRange) parts.Add(IncludeUndated ? "undated and inferred dates included" : "stated dates only");
        if (Language is not null) parts.Add($"in language “{Language}”");
        if (OnlyUngrouped) parts.Add("not yet grouped into a story");
        return string.Join("; ", parts);
    }

    /// <summary>The query string for these filters at another page (or sort), for links.</summary>
    public string Query(int? page = null, string? sort = null)
    {
        var pairs = new List<(string, string)>();
        foreach (var o in Outlets) pairs.Add(("outlet", o));
        if (From is not null) pairs.Add(("from", Iso(From)));
        if (To is not null) pairs.Add(("to", Iso(To)));
        if (IncludeUndated) pairs.Add(("undated", "true"));
        if (Search is not null) pairs.Add(("q", Search));
        if (Language is not null) pairs.Add(("lang", Language));
        if (OnlyUngrouped) pairs.Add(("ungrouped", "true"));
        var s = sort ?? Sort;
        if (!string.IsNullOrEmpty(s)) pairs.Add(("sort", s));
        if ((page ?? 1) > 1) pairs.Add(("page", (page ?? 1).ToString(CultureInfo.InvariantCulture)));
        var text = new StringBuilder();
        foreach (var (key, value) in pairs)
            text.Append(text.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        return text.ToString();
    }

    private static string Iso(DateOnly? date) => date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One page of a list, with the total that matched.</summary>
/// <remarks>A page beyond the last is empty, with <see cref="From"/> and <see cref="To"/> 0 and the true total.</remarks>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int From => Items.Count == 0 ? 0 : ((Page - 1) * PageSize) + 1;
    public int To => Items.Count == 0 ? 0 : ((Page - 1) * PageSize) + Items.Count;
}
