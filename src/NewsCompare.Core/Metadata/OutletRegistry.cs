using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace NewsCompare.Core.Metadata;

/// <summary>A known outlet: its display name, the domains it publishes on, and other names it goes by.</summary>
public sealed record OutletInfo
{
    /// <summary>The name shown to readers.</summary>
    public required string Name { get; init; }
    /// <summary>What kind of outlet it is ("wire", "state", "public", "national", "local", "aggregator"), if known.</summary>
    public string? Kind { get; init; }
    /// <summary>Hosts it publishes on; subdomains match too.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];
    /// <summary>Other names it is credited by in text (agency codes, former names).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>True when the name is an ordinary word ("Time"): then only its domains and aliases are matched in text.</summary>
    public bool Ambiguous { get; init; }
}

/// <summary>
/// The outlet registry: maps hosts and names found in text to outlets. The built-in list ships as
/// Metadata/outlets.json; users extend or override it with their own file of the same shape (an entry with the same
/// name replaces the built-in one).
/// </summary>
public sealed partial class OutletRegistry
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Lazy<OutletRegistry> BuiltIn = new(() => new OutletRegistry(ReadBuiltIn()));

    private readonly Dictionary<string, OutletInfo> _byDomain = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, OutletInfo> _byTerm = new(StringComparer.OrdinalIgnoreCase);
    private readonly Regex? _names;
    private readonly Regex? _domains;

    /// <summary>Builds a registry from <paramref name="outlets"/>; later entries with the same name replace earlier ones.</summary>
    /// <param name="outlets">The outlets.</param>
    public OutletRegistry(IEnumerable<OutletInfo> outlets)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        var byName = new Dictionary<string, OutletInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var outlet in outlets.Where(o => !string.IsNullOrWhiteSpace(o.Name))) byName[outlet.Name.Trim()] = outlet;
        Outlets = byName.Values.ToList();

        var names = new List<string>();
        foreach (var outlet in Outlets)
        {
            foreach (var domain in outlet.Domains) _byDomain[Hosts.Bare(domain)] = outlet;
            foreach (var term in (outlet.Ambiguous ? [] : new[] { outlet.Name }).Concat(outlet.Aliases).Where(t => t.Trim().Length >= 2))
            {
                _byTerm.TryAdd(term.Trim(), outlet);
                names.Add(term.Trim());
            }
        }
        // Names are matched as written (agency codes such as "AP" must not match "ap" inside a word), domains in any case.
        if (names.Count > 0) _names = new Regex(Alternation(names), RegexOptions.CultureInvariant | RegexOptions.Compiled);
        if (_byDomain.Count > 0) _domains = new Regex(Alternation(_byDomain.Keys), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);
    }

    /// <summary>Every outlet in the registry.</summary>
    public IReadOnlyList<OutletInfo> Outlets { get; }

    /// <summary>The built-in registry (Metadata/outlets.json).</summary>
    public static OutletRegistry Default => BuiltIn.Value;

    /// <summary>
    /// The built-in registry extended by the user's file at <paramref name="userFile"/> (a JSON list of
    /// <c>{name, domains, aliases, kind?, ambiguous?}</c>), or the built-in one when no file is given.
    /// </summary>
    /// <param name="userFile">The user's registry file, or null.</param>
    /// <exception cref="InvalidDataException">The file cannot be read or is not a list of outlets; the message names it.</exception>
    public static OutletRegistry Load(string? userFile)
    {
        if (string.IsNullOrWhiteSpace(userFile)) return Default;
        try
        {
            var extra = JsonSerializer.Deserialize<List<OutletInfo>>(File.ReadAllText(userFile), Json)
                        ?? throw new InvalidDataException("empty registry");
            return new OutletRegistry(Default.Outlets.Concat(extra));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"{userFile}: not a valid outlet registry: {e.Message}", e);
        }
    }

    /// <summary>The outlet publishing on <paramref name="host"/> or on a parent domain of it, if known.</summary>
    /// <param name="host">A host name such as "www.example.com".</param>
    public OutletInfo? FindByHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host)) return null;
        var bare = Hosts.Bare(host);
        while (true)
        {
            if (_byDomain.TryGetValue(bare, out var outlet)) return outlet;
            var dot = bare.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || bare.IndexOf('.', dot + 1) < 0) return null;
            bare = bare[(dot + 1)..];
        }
    }

    /// <summary>The outlet called <paramref name="name"/> (its name or an alias, any case), if known.</summary>
    /// <param name="name">A name.</param>
    public OutletInfo? FindByName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
        : Outlets.FirstOrDefault(o => string.Equals(o.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
          ?? (_byTerm.TryGetValue(name.Trim(), out var outlet) ? outlet : null);

    /// <summary>The outlets named in <paramref name="text"/> by name, alias or domain, in the order they appear.</summary>
    /// <param name="text">A line of text.</param>
    public IReadOnlyList<OutletInfo> FindMentions(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<(int Index, OutletInfo Outlet)>();
        if (_names is not null)
            foreach (Match m in _names.Matches(text))
                if (StartsWord(text, m.Index, '.')) found.Add((m.Index, _byTerm[m.Value]));
        if (_domains is not null)
            foreach (Match m in _domains.Matches(text))
                if (StartsWord(text, m.Index, '-')) found.Add((m.Index, _byDomain[m.Value.ToLowerInvariant()]));
        return found.OrderBy(f => f.Index).Select(f => f.Outlet).Distinct().ToList();
    }

    // No leading look-behind: it would stop the engine from jumping to candidate first characters; see StartsWord.
    private static string Alternation(IEnumerable<string> terms) =>
        "(?:" + string.Join("|", terms.Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length).Select(Regex.Escape)) + @")(?![\w])";

    /// <summary>True when the match at <paramref name="index"/> is not the tail of a longer word ("AP" in "MAP").</summary>
    private static bool StartsWord(string text, int index, char joiner) =>
        index == 0 || !(char.IsLetterOrDigit(text[index - 1]) || text[index - 1] == '_' || text[index - 1] == joiner);

    private static List<OutletInfo> ReadBuiltIn()
    {
        var assembly = typeof(OutletRegistry).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Metadata.outlets.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return JsonSerializer.Deserialize<List<OutletInfo>>(stream, Json) ?? [];
    }
}
