using System.Globalization;
using System.Text.Json;

namespace NewsCompare.Core.Stories;

/// <summary>The kinds of evidence an article's similarity to a story is made of, one sub-score each.</summary>
public enum SimilarityFeature
{
    /// <summary>Ordinary content words of the text.</summary>
    Words,
    /// <summary>Names of people, places and organisations, and runs of them ("Wang Yi", "Belt and Road Forum").</summary>
    Names,
    /// <summary>Figures: amounts, counts, scores, years.</summary>
    Numbers,
    /// <summary>Words of the headline, matched only against other headlines.</summary>
    Headline,
    /// <summary>Days between the article's own date and the story's known dates, in weeks (0 when either is unknown).</summary>
    Gap,
}

/// <summary>
/// How the sub-scores of similarity combine into the one score that places an article (a weighted sum) and the
/// score from which an article joins a story rather than opens a new one. Learned from labelled pairs and groupings
/// by the CLI's <c>learn-grouping</c>, shipped as <c>Stories/grouping-weights.json</c> (docs/stories.md).
/// </summary>
public sealed record GroupingWeights
{
    /// <summary>Weight of the content-word sub-score.</summary>
    public double Words { get; init; } = 1;
    /// <summary>Weight of the names sub-score.</summary>
    public double Names { get; init; } = 1;
    /// <summary>Weight of the numbers sub-score.</summary>
    public double Numbers { get; init; } = 1;
    /// <summary>Weight of the headline sub-score.</summary>
    public double Headline { get; init; } = 1;
    /// <summary>Weight of the date gap in weeks (negative: a gap counts against joining).</summary>
    public double Gap { get; init; }
    /// <summary>The combined score from which an article joins a story, for a language without a level of its own.</summary>
    public double Join { get; init; } = 0.16;
    /// <summary>
    /// The join level of each language that has one (code → score), learned where that language's pairs are labelled:
    /// how alike two reports of one event look depends on how a language's words fall into terms (inflection, script,
    /// what its outlets print around an article), so one level for all lets one language merge and another split.
    /// </summary>
    public IReadOnlyDictionary<string, double> LanguageJoin { get; init; } = new Dictionary<string, double>();

    /// <summary>Whether <paramref name="other"/> holds the same weights, levels and description (the levels compared by content).</summary>
    /// <param name="other">The weights to compare with.</param>
    public bool Equals(GroupingWeights? other) =>
        other is not null && (Words, Names, Numbers, Headline, Gap, Join, Description) == (other.Words, other.Names, other.Numbers, other.Headline, other.Gap, other.Join, other.Description)
        && LanguageJoin.Count == other.LanguageJoin.Count
        && LanguageJoin.All(kv => other.LanguageJoin.TryGetValue(kv.Key, out var j) && j.Equals(kv.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Words, Names, Numbers, Headline, Gap, Join, Description, LanguageJoin.Count);

    /// <summary>The score from which an article in <paramref name="language"/> joins a story.</summary>
    /// <param name="language">The article's language code ("en", "tr").</param>
    public double JoinFor(string? language) =>
        language is not null && LanguageJoin.TryGetValue(language, out var join) ? join : Join;
    /// <summary>Where the weights came from and how to learn them again.</summary>
    public string Description { get; init; } = "";

    /// <summary>Every sub-score weighed 1, no gap term, join at 0.16: plain cosine similarity.</summary>
    public static GroupingWeights Plain { get; } = new();

    /// <summary>The weights shipped with NewsCompare (embedded <c>grouping-weights.json</c>; <see cref="Plain"/> if absent).</summary>
    public static GroupingWeights Default => Shipped.Value;

    private static readonly Lazy<GroupingWeights> Shipped = new(() =>
    {
        var name = EmbeddedFiles.Find("grouping-weights.json");
        return name is null ? Plain : Parse(EmbeddedFiles.ReadText(name), name);
    });

    /// <summary>The weight of a term's kind (content word, name, number or headline term), by its hash bits.</summary>
    /// <summary>A pair's similarity from <see cref="StoryEngine.PairFeatures"/>' text sub-scores (words, names, figures, headline), without the gap.</summary>
    internal double TextSimilarity(double[] features) =>
        Words * features[0] + Names * features[1] + Numbers * features[2] + Headline * features[3];

    internal double Of(uint term) =>
        (term & TextSignals.HeadlineBit) != 0 ? Headline
        : (term & TextSignals.NumberBit) != 0 ? Numbers
        : (term & TextSignals.NameBit) != 0 ? Names
        : Words;

    /// <summary>The kind of a term.</summary>
    internal static SimilarityFeature KindOf(uint term) =>
        (term & TextSignals.HeadlineBit) != 0 ? SimilarityFeature.Headline
        : (term & TextSignals.NumberBit) != 0 ? SimilarityFeature.Numbers
        : (term & TextSignals.NameBit) != 0 ? SimilarityFeature.Names
        : SimilarityFeature.Words;

    /// <summary>Reads the JSON <see cref="Write"/> produces.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Its name, for error messages.</param>
    /// <exception cref="InvalidDataException">The text is not such an object or a weight is missing or not finite.</exception>
    public static GroupingWeights Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var root = JsonDocument.Parse(json).RootElement;
            double Get(string name)
            {
                if (!root.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number || !double.IsFinite(v.GetDouble()))
                    throw new InvalidDataException($"{source}: \"{name}\" is missing or not a finite number");
                return v.GetDouble();
            }
            var languages = new Dictionary<string, double>(StringComparer.Ordinal);
            if (root.TryGetProperty("languages", out var l))
            {
                if (l.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{source}: \"languages\" is not an object of join levels");
                foreach (var p in l.EnumerateObject())
                {
                    if (p.Value.ValueKind != JsonValueKind.Number || !double.IsFinite(p.Value.GetDouble()))
                        throw new InvalidDataException($"{source}: the join level of \"{p.Name}\" is not a finite number");
                    languages[p.Name] = p.Value.GetDouble();
                }
            }
            return new GroupingWeights
            {
                Words = Get("words"), Names = Get("names"), Numbers = Get("numbers"), Headline = Get("headline"), Gap = Get("gap"), Join = Get("join"),
                LanguageJoin = languages,
                Description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? "" : "",
            };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a JSON object of grouping weights ({ex.Message})", ex);
        }
    }

    /// <summary>The weights as the JSON file <see cref="Parse"/> reads.</summary>
    public string Write()
    {
        static string N(double x) => Math.Round(x, 4).ToString("R", CultureInfo.InvariantCulture);
        return "{\n" +
            $"  \"description\": {JsonSerializer.Serialize(Description)},\n" +
            $"  \"words\": {N(Words)},\n  \"names\": {N(Names)},\n  \"numbers\": {N(Numbers)},\n  \"headline\": {N(Headline)},\n" +
            $"  \"gap\": {N(Gap)},\n  \"join\": {N(Join)}" +
            (LanguageJoin.Count == 0 ? "" : ",\n  \"languages\": { " + string.Join(", ", LanguageJoin.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{JsonSerializer.Serialize(kv.Key)}: {N(kv.Value)}")) + " }") +
            "\n}\n";
    }
}
