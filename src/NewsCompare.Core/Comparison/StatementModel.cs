using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsCompare.Core.Comparison;

/// <summary>
/// A regression tree over raw feature values, complete to its depth and stored level by level: internal node k sends
/// a pair to 2k+1 when its feature is at most the split, else to 2k+2; the last level holds the leaves' values.
/// </summary>
/// <param name="Feature">Per internal node, the index into the model's <see cref="PairModel.Features"/>.</param>
/// <param name="Split">Per internal node, the value at or below which a pair goes left (infinity: every pair does).</param>
/// <param name="Leaf">Per leaf, what it adds to the log-odds.</param>
public sealed record ScoreTree(IReadOnlyList<int> Feature, IReadOnlyList<double> Split, IReadOnlyList<double> Leaf)
{
    /// <summary>What the tree adds to the log-odds of a pair: model feature k is <c>features[indexes[k]]</c>.</summary>
    internal double Of(double[] features, int[] indexes)
    {
        var node = 0;
        while (node < Feature.Count) node = features[indexes[Feature[node]]] <= Split[node] ? 2 * node + 1 : 2 * node + 2;
        return Leaf[node - Feature.Count];
    }
}

/// <summary>
/// A learned scorer over named features: a logistic part on standardised inputs and, optionally, boosted regression
/// trees added to its log-odds; the score that decides "same" and the gate below which pairs are not scored.
/// </summary>
/// <param name="Features">The names of the features it reads (from <see cref="StatementFeatures.Names"/>).</param>
/// <param name="Mean">Per feature, its mean on the training pairs.</param>
/// <param name="Scale">Per feature, its standard deviation on the training pairs (1 when constant).</param>
/// <param name="Weights">Per feature, its learned weight on the standardised value (all 0 for trees alone).</param>
/// <param name="Bias">The learned intercept.</param>
/// <param name="Threshold">The score (0–1) at or above which a pair is the same statement.</param>
/// <param name="Gate">Pairs whose <see cref="StatementFeatures.Gate"/> is below this are not scored: learned as the
/// lowest gate of any training pair the model calls the same, less a margin.</param>
/// <param name="Trees">Boosted trees whose outputs add to the log-odds (none for a logistic model).</param>
public sealed record PairModel(
    IReadOnlyList<string> Features, IReadOnlyList<double> Mean, IReadOnlyList<double> Scale,
    IReadOnlyList<double> Weights, double Bias, double Threshold, double Gate, IReadOnlyList<ScoreTree>? Trees = null)
{
    private int[]? _indexes;

    /// <summary>The probability (0–1) that the pair described by <paramref name="features"/> is one statement.</summary>
    /// <param name="features">All features of the pair, as <see cref="StatementFeatures.Compute"/> returns them.</param>
    public double Score(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var indexes = _indexes ??= [.. Features.Select(name => IndexOf(name))];
        var z = Bias;
        for (var i = 0; i < indexes.Length; i++) z += Weights[i] * (features[indexes[i]] - Mean[i]) / Scale[i];
        if (Trees is not null)
            foreach (var tree in Trees) z += tree.Of(features, indexes);
        return 1 / (1 + Math.Exp(-z));
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < StatementFeatures.Names.Count; i++)
            if (StatementFeatures.Names[i] == name) return i;
        throw new InvalidDataException($"statement model: unknown feature \"{name}\"");
    }
}

/// <summary>How a model did on pairs it was not trained on, or on its own training pairs.</summary>
/// <param name="Pairs">Pairs scored.</param>
/// <param name="Accuracy">Share of pairs decided right.</param>
/// <param name="Precision">Of the pairs called "same", the share that are.</param>
/// <param name="Recall">Of the pairs that are "same", the share called so.</param>
/// <param name="F1">Harmonic mean of precision and recall of the "same" class.</param>
public sealed record MatchFigures(int Pairs, double Accuracy, double Precision, double Recall, double F1);

/// <summary>
/// The learned statement matcher's data (<c>Comparison/statement-model.json</c>, written by
/// <c>newscompare learn-statements</c>): one model for sentences of one language, one for a pair of languages.
/// </summary>
/// <param name="TrainedOn">What the weights were learned from.</param>
/// <param name="Learner">The learner cross-validation chose for the same-language model, with its settings.</param>
/// <param name="SameLanguage">The model for two sentences in the same language (or unknown languages).</param>
/// <param name="AcrossLanguages">The model for sentences in two different languages: language-independent features only.</param>
/// <param name="DevCrossValidated">Cross-validated figures of the same-language model on the development part.</param>
/// <param name="HeldOut">Figures of the same-language model, learned on the development part, on the held-out part.</param>
/// <param name="HeldOutAcrossLanguages">The same for the across-languages model (on same-language pairs).</param>
/// <param name="WordWeights">How telling each stem is, learned from the pairs' sentences.</param>
/// <param name="WithEmbeddings">
/// The model for two sentences of one language that both carry a <see cref="Statement.Embedding"/>: the lexical
/// signals and the embeddings' (none when learned without an embedder).
/// </param>
/// <param name="HeldOutWithEmbeddings">Held-out figures of <paramref name="WithEmbeddings"/>.</param>
public sealed record StatementModel(
    string TrainedOn, string Learner, PairModel SameLanguage, PairModel AcrossLanguages, MatchFigures DevCrossValidated,
    MatchFigures HeldOut, MatchFigures HeldOutAcrossLanguages, WordWeights WordWeights,
    PairModel? WithEmbeddings = null, MatchFigures? HeldOutWithEmbeddings = null)
{
    /// <summary>How the model file is written and read.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly Lazy<StatementModel> Embedded = new(() =>
    {
        using var stream = EmbeddedFiles.Open(EmbeddedFiles.Require("Comparison.statement-model.json"));
        return Read(stream, "statement-model.json");
    });

    /// <summary>The model shipped in Core.</summary>
    public static StatementModel Default => Embedded.Value;

    /// <summary>Reads a model file; <paramref name="source"/> names it in errors.</summary>
    public static StatementModel Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        StatementModel? model;
        try { model = JsonSerializer.Deserialize<StatementModel>(stream, Json); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: not a statement model ({e.Message})", e); }
        if (model?.SameLanguage is null || model.AcrossLanguages is null || model.WordWeights?.Stems is null) throw new InvalidDataException($"{source}: not a statement model");
        foreach (var m in new[] { model.SameLanguage, model.AcrossLanguages, model.WithEmbeddings }.OfType<PairModel>())
        {
            var n = m.Features.Count;
            if (m.Mean.Count != n || m.Scale.Count != n || m.Weights.Count != n || m.Scale.Any(s => s <= 0))
                throw new InvalidDataException($"{source}: a model's features, means, scales and weights do not line up");
            foreach (var t in m.Trees ?? [])
                if (t.Split.Count != t.Feature.Count || t.Leaf.Count != t.Feature.Count + 1 || t.Feature.Any(k => k < 0 || k >= n))
                    throw new InvalidDataException($"{source}: a tree's nodes do not line up with its features");
        }
        return model;
    }
}
