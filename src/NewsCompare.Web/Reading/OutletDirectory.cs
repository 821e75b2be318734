using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using NewsCompare.Core.Metadata;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Reading;

/// <summary>Who an outlet is, as the pages and the API show it.</summary>
public sealed record OutletFacts(
    string Name, string? Kind, string? Country, string? CountryName, string? Language, string? LanguageName,
    string? OwnerType, string? OwnerTypeLabel, string? Owner, string? Homepage, string? Source)
{
    public bool IsStateControlled => OwnerType == OwnerTypes.StateControlled;

    /// <summary>The badge text: "state-controlled · Iran".</summary>
    public string? Badge => OwnerTypeLabel is null ? null : CountryName is null ? OwnerTypeLabel : $"{OwnerTypeLabel} · {CountryName}";
}

/// <summary>A story's independent versions and how many of them come from state-controlled outlets.</summary>
public sealed record StateShare(int Independent, int StateControlled, IReadOnlyList<string> StateOutlets, int Undescribed);

/// <summary>
/// The outlet registry the app imports with (the built-in one, extended by the file named in NewsCompare:Outlets),
/// answering "who is this outlet" for the names stored on articles.
/// </summary>
public sealed class OutletDirectory
{
    private readonly ConcurrentDictionary<string, OutletFacts?> _facts = new(StringComparer.Ordinal);

    public OutletDirectory(IOptions<NewsCompareOptions> options, IWebHostEnvironment environment)
    {
        UserFile = FullPath(options.Value.Outlets, environment.ContentRootPath);
        Registry = OutletRegistry.Load(UserFile);
    }

    /// <summary>The user's registry file, or null when only the built-in registry is used.</summary>
    public string? UserFile { get; }

    public OutletRegistry Registry { get; }

    public static string? FullPath(string? file, string contentRoot) =>
        string.IsNullOrWhiteSpace(file) ? null : Path.GetFullPath(Path.Combine(contentRoot, file));

    /// <summary>The facts about the outlet an article names (by name, alias, or the host stored when no name was known).</summary>
    public OutletFacts? Describe(string? outlet) =>
        string.IsNullOrWhiteSpace(outlet) ? null
        : _facts.GetOrAdd(outlet, name => (Registry.FindByName(name) ?? Registry.FindByHost(name)) is { } info ? Facts(info) : null);

    /// <summary>Of <paramref name="outlets"/> (one per independent version), how many are state-controlled, and which.</summary>
    public StateShare StateShare(IEnumerable<string?> outlets)
    {
        var facts = outlets.Select(o => (Outlet: o, Facts: Describe(o))).ToList();
        var state = facts.Where(f => f.Facts is { IsStateControlled: true }).ToList();
        return new StateShare(facts.Count, state.Count, state.Select(f => f.Facts!.Name).Distinct().ToList(), facts.Count(f => f.Facts?.OwnerType is null));
    }

    private static OutletFacts Facts(OutletInfo info) => new(
        info.Name, info.Kind, info.Country, CountryName(info.Country), info.Language, LanguageName(info.Language),
        info.OwnerType, info.OwnerType is null ? null : OwnerTypes.Label(info.OwnerType), info.Owner, info.Homepage, info.Source);

    private static string? CountryName(string? code)
    {
        if (code is null) return null;
        try { return new RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
    }

    private static string? LanguageName(string? code)
    {
        if (code is null) return null;
        try { return CultureInfo.GetCultureInfo(code).EnglishName; }
        catch (CultureNotFoundException) { return code; }
    }
}
