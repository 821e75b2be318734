using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Pages.Shared;

/// <summary>What the shared filter form shows: the current filters and the choices for outlets and languages.</summary>
public sealed record FilterForm(
    ListFilter Filter, IReadOnlyList<string> Outlets, IReadOnlyList<string> Languages,
    bool ShowSort, bool ShowOutlets = true, bool ShowUngrouped = false);
