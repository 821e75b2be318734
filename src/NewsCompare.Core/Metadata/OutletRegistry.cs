using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsCompare.Core.Metadata;

/// <summary>
/// A known outlet: its display name, the domains it publishes on, other names it goes by, and who it is: country,
/// main language, owner type and owner, homepage, and the address of a source supporting the owner type.
/// </summary>
public sealed record OutletInfo
{
    /// <summary>The name shown to readers.</summary>
    public required string Name { get; init; }
    /// <summary>What it publishes as: one of <see cref="OutletKinds"/>, if known.</summary>
    public string? Kind { get; init; }
    /// <summary>Hosts it publishes on; subdomains match too.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];
    /// <summary>Other names it is credited by in text (agency codes, former names).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>True when the name is an ordinary word ("Time"): then only its domains and aliases are matched in text.</summary>
    public bool Ambiguous { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of its country ("IR"): the state that owns or funds it, else where it is based.</summary>
    public string? Country { get; init; }
    /// <summary>ISO 639-1 code of its main language ("en").</summary>
    public string? Language { get; init; }
    /// <summary>Who owns it: one of <see cref="OwnerTypes"/>, if known.</summary>
    public string? OwnerType { get; init; }
    /// <summary>The owner and how it holds the outlet, in a sentence.</summary>
    public string? Owner { get; init; }
    /// <summary>The outlet's home page.</summary>
    public string? Homepage { get; init; }
    /// <summary>The address of a source supporting <see cref="OwnerType"/> (a reference article or the outlet's ownership page).</summary>
    public string? Source { get; init; }

    /// <summary>
    /// This entry with every description field it leaves out taken from <paramref name="fallback"/>; a name either
    /// marks ambiguous stays so.
    /// </summary>
    /// <param name="fallback">The entry it replaces.</param>
    public OutletInfo Over(OutletInfo fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return this with
        {
            Kind = Kind ?? fallback.Kind,
            Ambiguous = Ambiguous || fallback.Ambiguous,
            Domains = Domains.Count > 0 ? Domains : fallback.Domains,
            Aliases = Aliases.Count > 0 ? Aliases : fallback.Aliases,
            Country = Country ?? fallback.Country,
            Language = Language ?? fallback.Language,
            OwnerType = OwnerType ?? fallback.OwnerType,
            Owner = Owner ?? fallback.Owner,
            Homepage = Homepage ?? fallback.Homepage,
            Source = Source ?? fallback.Source,
        };
    }

    /// <summary>What is wrong with the entry's description fields (empty when nothing): each a short phrase naming the field.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (OwnerType is not null && !OwnerTypes.All.Contains(OwnerType)) problems.Add($"ownerType \"{OwnerType}\" is not one of {string.Join(", ", OwnerTypes.All)}");
        if (Kind is not null && !OutletKinds.All.Contains(Kind)) problems.Add($"kind \"{Kind}\" is not one of {string.Join(", ", OutletKinds.All)}");
        if (Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper))) problems.Add($"country \"{Country}\" is not a two-letter ISO 3166 code such as \"FR\"");
        if (Language is not null && (Language.Length != 2 || !Language.All(char.IsAsciiLetterLower))) problems.Add($"language \"{Language}\" is not a two-letter ISO 639-1 code such as \"fr\"");
        if (Homepage is not null && !IsWebAddress(Homepage)) problems.Add($"homepage \"{Homepage}\" is not an http(s) address");
        if (Source is not null && !IsWebAddress(Source)) problems.Add($"source \"{Source}\" is not an http(s) address");
        return problems;
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal);
}

/// <summary>The owner types an outlet may have (docs/outlets.md defines each).</summary>
public static class OwnerTypes
{
    /// <summary>A company whose shares trade on a stock exchange, or one such a company controls.</summary>
    public const string Public = "public";
    /// <summary>Privately held: people, families, private companies, trusts, foundations, cooperatives, non-profits.</summary>
    public const string Private = "private";
    /// <summary>A state owns it or directs its management, with no statute shielding its editorial line from the government.</summary>
    public const string StateControlled = "state-controlled";
    /// <summary>Funded mainly by public money, with editorial independence from the government set in law or charter.</summary>
    public const string StateFundedPublicService = "state-funded-public-service";

    /// <summary>Every owner type.</summary>
    public static IReadOnlyList<string> All { get; } = [Public, Private, StateControlled, StateFundedPublicService];

    /// <summary>The owner type as readers see it ("state-funded public service").</summary>
    /// <param name="ownerType">An owner type.</param>
    public static string Label(string ownerType) => ownerType == StateFundedPublicService ? "state-funded public service" : ownerType;
}

/// <summary>What an outlet publishes as.</summary>
public static class OutletKinds
{
    /// <summary>Every kind: a news agency, a broadcaster, a newspaper, a magazine, an online-only outlet, an aggregator.</summary>
    public static IReadOnlyList<string> All { get; } = ["wire", "broadcaster", "newspaper", "magazine", "online", "aggregator"];
}

/// <summary>
/// The outlet registry: maps hosts and names found in text to outlets. The built-in list ships as
/// Metadata/outlets.json; users extend or override it with their own file of the same shape (an entry with the same
/// name replaces the built-in one).
/// </summary>
public sealed class OutletRegistry
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
    /// <summary>Names and aliases by their words joined with single spaces, matched as written.</summary>
    private readonly Dictionary<string, OutletInfo> _byWords = new(StringComparer.Ordinal);
    private readonly int _longestName;
    /// <summary>The first words of the names, so that most words of a line cost one lookup.</summary>
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds a registry from <paramref name="outlets"/>; a later entry with the same name replaces an earlier one, keeping
    /// the earlier one's description fields it leaves out.
    /// </summary>
    /// <param name="outlets">The outlets.</param>
    public OutletRegistry(IEnumerable<OutletInfo> outlets)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        var byName = new Dictionary<string, OutletInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var outlet in outlets.Where(o => !string.IsNullOrWhiteSpace(o.Name)))
            byName[outlet.Name.Trim()] = byName.TryGetValue(outlet.Name.Trim(), out var earlier) ? outlet.Over(earlier) : outlet;
        Outlets = byName.Values.ToList();

        foreach (var outlet in Outlets)
        {
            foreach (var domain in outlet.Domains) _byDomain[Hosts.Bare(domain)] = outlet;
            foreach (var term in (outlet.Ambiguous ? [] : new[] { outlet.Name }).Concat(outlet.Aliases).Where(t => t.Trim().Length >= 2))
            {
                _byTerm.TryAdd(term.Trim(), outlet);
                var words = Words(term);
                if (words.Count == 0) continue;
                _byWords.TryAdd(string.Join(' ', words.Select(w => w.Text)), outlet);
                _firstWords.Add(words[0].Text);
                _longestName = Math.Max(_longestName, words.Count);
            }
        }
    }

    /// <summary>Every outlet in the registry.</summary>
    public IReadOnlyList<OutletInfo> Outlets { get; }

    /// <summary>The built-in registry (Metadata/outlets.json).</summary>
    public static OutletRegistry Default => BuiltIn.Value;

    /// <summary>
    /// The built-in registry extended by the user's file at <paramref name="userFile"/> (a JSON list of entries shaped as
    /// the built-in ones; docs/outlets.md), or the built-in one when no file is given.
    /// </summary>
    /// <param name="userFile">The user's registry file, or null.</param>
    /// <exception cref="InvalidDataException">
    /// The file cannot be read, is not a list of outlets, or an entry has an invalid field; the message names the file
    /// (and the entry).
    /// </exception>
    public static OutletRegistry Load(string? userFile)
    {
        if (string.IsNullOrWhiteSpace(userFile)) return Default;
        try
        {
            var extra = JsonSerializer.Deserialize<List<OutletInfo>>(File.ReadAllText(userFile), Json)
                        ?? throw new InvalidDataException("empty registry");
            foreach (var entry in extra)
            {
                if (string.IsNullOrWhiteSpace(entry.Name)) throw new InvalidDataException("an entry has no name");
                if (entry.Problems() is { Count: > 0 } problems) throw new InvalidDataException($"\"{entry.Name}\": {string.Join("; ", problems)}");
            }
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
        // Word by word, not one big pattern: dropped lines run to hundreds per capture and this stays a few lookups each.
        // Names match as written, so the agency code "AP" matches neither "ap" nor the word "MAP"; domains in any case.
        var words = Words(text);
        var found = new List<OutletInfo>();
        for (var i = 0; i < words.Count; i++)
        {
            var domain = DomainOf(words[i].Text);
            if (domain is not null && FindByHost(domain) is { } byDomain && !found.Contains(byDomain)) found.Add(byDomain);
            if (!_firstWords.Contains(words[i].Text) && !_firstWords.Contains(WithoutPossessive(words[i].Text))) continue;
            for (var n = Math.Min(_longestName, words.Count - i); n >= 1; n--)
            {
                var phrase = n == 1 ? words[i].Text : string.Join(' ', words.Skip(i).Take(n).Select(w => w.Text));
                if (!_byWords.TryGetValue(phrase, out var outlet) && !_byWords.TryGetValue(WithoutPossessive(phrase), out outlet)) continue;
                if (!found.Contains(outlet)) found.Add(outlet);
                i += n - 1;
                break;
            }
        }
        return found;
    }

    private readonly record struct Word(string Text);

    /// <summary>
    /// The words of <paramref name="text"/>: runs of letters and digits, joined inside by . - &amp; / and apostrophes
    /// ("CTVNews.ca", "France-Presse", "RFE/RL", "People's"), with punctuation around them trimmed.
    /// </summary>
    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            var word = text.AsSpan(start, i - start).Trim(".-/'’&:");
            if (word.Length > 0 || text[start] == '&') words.Add(new Word(word.Length > 0 ? word.ToString() : "&"));
        }
        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '-' or '&' or '/' or '\'' or '’' or ':';

    private static string WithoutPossessive(string phrase) =>
        phrase.EndsWith("'s", StringComparison.Ordinal) || phrase.EndsWith("’s", StringComparison.Ordinal) ? phrase[..^2] : phrase;

    /// <summary>The host in a word that looks like a domain or an address ("www.presstv.co.uk", "https://x.com/a"), or null.</summary>
    private static string? DomainOf(string word)
    {
        if (!word.Contains('.', StringComparison.Ordinal)) return null;
        var w = word;
        var scheme = w.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) w = w[(scheme + 3)..];
        var slash = w.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) w = w[..slash];
        var dot = w.LastIndexOf('.');
        // A domain ends in a top-level label of letters: "CTVNews.ca" yes, "1.6282482" or "U.S" no.
        return dot > 0 && dot < w.Length - 2 && w[(dot + 1)..].All(char.IsAsciiLetter) && !w.Contains(':', StringComparison.Ordinal) ? w.ToLowerInvariant() : null;
    }

    private static List<OutletInfo> ReadBuiltIn()
    {
        using var stream = EmbeddedFiles.Open(EmbeddedFiles.Require("Metadata.outlets.json"));
        return JsonSerializer.Deserialize<List<OutletInfo>>(stream, Json) ?? [];
    }
}
