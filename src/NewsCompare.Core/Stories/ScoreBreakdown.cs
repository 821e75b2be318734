using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsCompare.Core.Stories;

/// <summary>One feature's part in an article's similarity to a story.</summary>
/// <param name="Feature">The kind of evidence.</param>
/// <param name="Value">Its sub-score (for <see cref="SimilarityFeature.Gap"/>: weeks between the article's date and the story's, 0 when either is unknown).</param>
/// <param name="Weight">Its learned weight (<see cref="GroupingWeights"/>).</param>
/// <param name="Contribution">What it adds to the score: the sub-score times the weight.</param>
public sealed record FeatureScore(SimilarityFeature Feature, double Value, double Weight, double Contribution);

/// <summary>
/// The figures behind one placement: the score the engine compared with its join threshold, made of one part per
/// feature, and what decided when the score alone did not. Kept with each membership so a page can show, for example,
/// "joined: 0.41 ≥ 0.16 = words 0.22 + names 0.12 + …" or "opened a new story: best candidate 0.12 &lt; 0.16".
/// </summary>
/// <param name="Threshold">The score from which an article joins a story, when the decision was taken.</param>
/// <param name="Compared">
/// The score compared with <paramref name="Threshold"/>: the article's similarity to the story it joined or stays in; for
/// an article that opened a story, its similarity to the best of the earlier stories it was compared with; null when
/// no earlier story shared its strongest terms.
/// </param>
/// <param name="Rule">
/// What decided besides the score (<see cref="BelowThreshold"/>, <see cref="DatesApart"/>, <see cref="OtherCast"/>,
/// <see cref="FewShared"/>, <see cref="OneOutlet"/>, <see cref="TopicOnly"/>, <see cref="SplitHalf"/>, <see cref="Outlier"/>, <see cref="Corrected"/>); null when the
/// article joined because <paramref name="Compared"/> reached the threshold.
/// </param>
/// <param name="Features">The parts of <paramref name="Compared"/>, one per feature in <see cref="SimilarityFeature"/> order; empty when it is null.</param>
public sealed record ScoreBreakdown(double Threshold, double? Compared, string? Rule, IReadOnlyList<FeatureScore> Features)
{
    /// <summary>The best candidate scored below the threshold: the article opened a story.</summary>
    public const string BelowThreshold = "score";
    /// <summary>The best candidate's known dates were more than the allowed gap from the article's.</summary>
    public const string DatesApart = "dates";
    /// <summary>Both name people or places, and not one name or figure is the same: another event of the topic.</summary>
    public const string OtherCast = "cast";
    /// <summary>The article shared too few distinct terms with the best candidate.</summary>
    public const string FewShared = "shared";
    /// <summary>An undated article resembled the best candidate no more than that story resembles another event of its topic.</summary>
    public const string TopicOnly = "topic";
    /// <summary>
    /// Only the article's own outlet had reported the best candidate, and the score, above the threshold, fell short
    /// of the threshold plus <see cref="StoryEngineOptions.SameOutletMargin"/>.
    /// </summary>
    public const string OneOutlet = "outlet";
    /// <summary>The article stayed with its half when its story was split into two events.</summary>
    public const string SplitHalf = "split";
    /// <summary>
    /// The article left a story whose other members hang together far better than it fits them
    /// (<see cref="StoryEngineOptions.OutlierBelow"/>); the figures are its similarity to them.
    /// </summary>
    public const string Outlier = "outlier";
    /// <summary>An editor's correction placed the article; the figures are its similarity to the story it was put in.</summary>
    public const string Corrected = "corrected";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new FeatureArray() },
    };

    /// <summary>
    /// The breakdown as the compact JSON the store keeps (<see cref="Parse"/> reads it), one row per membership:
    /// <c>{"threshold":0.16,"compared":0.41,"features":[["words",0.22,1,0.22],["names",0.12,1,0.12],…]}</c>, each feature
    /// as [name, value, weight, contribution]; <c>compared</c> and <c>rule</c> are left out when null.
    /// </summary>
    public string Serialise() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads <see cref="Serialise"/>'s JSON; null for null, empty or unreadable text (never throws).</summary>
    /// <param name="json">The stored text, if any.</param>
    public static ScoreBreakdown? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var b = JsonSerializer.Deserialize<ScoreBreakdown>(json, Json);
            if (b is null || !double.IsFinite(b.Threshold) || b.Compared is double c && !double.IsFinite(c)) return null;
            var features = (b.Features ?? []).Where(f => f is not null).ToList();
            return b with { Features = features };
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A feature as [name, value, weight, contribution]: a fifth of the size of an object with named fields.</summary>
    private sealed class FeatureArray : JsonConverter<FeatureScore>
    {
        // Each membership writes five features: their names once, not converted per row.
        private static readonly Dictionary<SimilarityFeature, string> Names =
            Enum.GetValues<SimilarityFeature>().Distinct().ToDictionary(f => f, f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString()));

        public override FeatureScore Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a feature is an array");
            reader.Read();
            if (reader.TokenType != JsonTokenType.String || !Enum.TryParse<SimilarityFeature>(reader.GetString(), ignoreCase: true, out var feature)
                || !Enum.IsDefined(feature))
                throw new JsonException("unknown feature");
            var x = new double[3];
            for (var i = 0; i < 3; i++)
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number) throw new JsonException("a feature's figures are numbers");
                x[i] = reader.GetDouble();
            }
            reader.Read();
            if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("a feature has four parts");
            return new FeatureScore(feature, x[0], x[1], x[2]);
        }

        public override void Write(Utf8JsonWriter writer, FeatureScore value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(Names.TryGetValue(value.Feature, out var name) ? name : JsonNamingPolicy.CamelCase.ConvertName(value.Feature.ToString()));
            writer.WriteNumberValue(value.Value);
            writer.WriteNumberValue(value.Weight);
            writer.WriteNumberValue(value.Contribution);
            writer.WriteEndArray();
        }
    }
}
