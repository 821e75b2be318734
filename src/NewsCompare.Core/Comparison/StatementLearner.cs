namespace NewsCompare.Core.Comparison;

/// <summary>A pair of sentences labelled by people: the same statement or not.</summary>
/// <param name="Id">The pair's id.</param>
/// <param name="Same">The label.</param>
/// <param name="First">One sentence.</param>
/// <param name="Second">The other.</param>
public sealed record LabelledPair(string Id, bool Same, string First, string Second);

/// <summary>How a model is learned: a logistic regression, boosted trees, or trees boosted on top of the logistic one.</summary>
/// <param name="Ridge">The logistic part's L2 penalty on standardised weights; 0 with <paramref name="Logistic"/> off.</param>
/// <param name="Logistic">Whether the model has a logistic part.</param>
/// <param name="Depth">Depth of each tree.</param>
/// <param name="Trees">How many trees (0: logistic only).</param>
public sealed record LearnerSettings(double Ridge, bool Logistic, int Depth, int Trees)
{
    /// <summary>The shrinkage of each tree's output.</summary>
    public const double Rate = 0.05;

    /// <summary>Which family of learner this is: "logistic", "trees" or "logistic + trees".</summary>
    public string Family => Trees == 0 ? "logistic" : Logistic ? "logistic + trees" : "trees";

    /// <inheritdoc />
    public override string ToString() => Family switch
    {
        "logistic" => FormattableString.Invariant($"logistic regression, ridge {Ridge}"),
        "trees" => FormattableString.Invariant($"{Trees} boosted trees of depth {Depth}, rate {Rate}"),
        _ => FormattableString.Invariant($"logistic regression (ridge {Ridge}) and {Trees} boosted trees of depth {Depth}, rate {Rate}"),
    };
}

/// <summary>One configuration measured by <see cref="StatementLearner.Compare"/>.</summary>
/// <param name="Signals">The signal set.</param>
/// <param name="Settings">The learner chosen for it by cross-validation on the development part.</param>
/// <param name="DevCrossValidated">Its cross-validated figures on the development part.</param>
/// <param name="HeldOut">Learned on the development part, its figures on the held-out part.</param>
/// <param name="ForF1">The same learner with the threshold that gives the best F1 on the development part instead of the
/// best accuracy: its development and held-out figures.</param>
public sealed record LearnerComparison(string Signals, LearnerSettings Settings, MatchFigures DevCrossValidated, MatchFigures HeldOut,
    (MatchFigures Dev, MatchFigures HeldOut) ForF1);

/// <summary>
/// Learns a <see cref="StatementModel"/> from labelled pairs. A fixed share of the pairs (seeded) is held out and
/// never used to choose anything; on the rest (the development part) k-fold cross-validation chooses the learner
/// (logistic regression and its penalty, boosted trees and their number and depth, or both: the simplest within one
/// standard error of the most accurate) and the threshold, the
/// chosen learner learned on the development part is scored once on the held-out part, and the shipped model is
/// learned on all pairs with those choices.
/// </summary>
public static class StatementLearner
{
    private const int Iterations = 25;
    private const double LeafPenalty = 1.0;
    private const double MinLeafWeight = 2.0;
    private const int Bins = 32;

    /// <summary>The learners cross-validation chooses among.</summary>
    public static readonly IReadOnlyList<LearnerSettings> Candidates =
    [
        .. new[] { 0.01, 0.1, 1, 10, 100 }.Select(r => new LearnerSettings(r, true, 0, 0)),
        .. from d in new[] { 2, 3 } from t in new[] { 100, 200, 400 } select new LearnerSettings(0, false, d, t),
        .. from t in new[] { 50, 100, 200 } select new LearnerSettings(1, true, 2, t),
    ];

    /// <summary>The 21 signals of the first learned matcher, kept as the reference point of <see cref="Compare"/>.</summary>
    public static readonly IReadOnlyList<string> FirstSignals = StatementFeatures.Names.Take(21).ToList();

    /// <summary>
    /// Reads pairs in the statement-matching set's format: a header line, then <c>id, label, sentence1, sentence2</c>
    /// separated by tabs (no quoting). A label other than 0 or 1 (or none) reads as "not the same".
    /// </summary>
    /// <exception cref="InvalidDataException">A line without four fields; the message names the file and line.</exception>
    public static IReadOnlyList<LabelledPair> ReadPairs(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pairs = new List<LabelledPair>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number == 1 || line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length < 4) throw new InvalidDataException($"{source}:{number}: expected id, label, sentence1, sentence2 separated by tabs; found {fields.Length} field(s)");
            pairs.Add(new LabelledPair(fields[0], fields[1].Trim() == "1", fields[2], fields[3]));
        }
        return pairs;
    }

    /// <summary>Learns the models from <paramref name="pairs"/>: see <see cref="StatementLearner"/> for the protocol.</summary>
    /// <param name="pairs">The labelled pairs.</param>
    /// <param name="trainedOn">What they are, for the model file.</param>
    /// <param name="folds">Cross-validation folds on the development part.</param>
    /// <param name="seed">Seed of the held-out part and the fold assignment.</param>
    /// <param name="embedder">When given, the sentences are embedded and a model with the embeddings' signals is learned too.</param>
    /// <param name="candidates">The learners to choose among (default <see cref="Candidates"/>).</param>
    public static StatementModel Learn(IReadOnlyList<LabelledPair> pairs, string trainedOn, int folds = 10, int seed = 14,
        ISentenceEmbedder? embedder = null, IReadOnlyList<LearnerSettings>? candidates = null)
    {
        var data = Prepare(pairs, folds, seed, embedder);
        var lexical = StatementFeatures.Names.Except(StatementFeatures.FromEmbeddings).ToList();
        var (settings, model, dev, heldOut, _) = Choose(data, lexical, candidates ?? Candidates);
        var across = Choose(data, StatementFeatures.AcrossLanguages, [new LearnerSettings(1, true, 0, 0)]);
        var embedded = embedder is null ? default : Choose(data, StatementFeatures.Names, [settings]);
        return new StatementModel(trainedOn, settings.ToString(), model, across.Model, dev, heldOut, across.HeldOut, data.WeightsAll,
            embedded.Model, embedded.HeldOut);
    }

    /// <summary>
    /// Measures signal sets against learner families under <see cref="Learn"/>'s protocol: for each set and family, the
    /// learner cross-validation chooses, its development figures and its held-out figures.
    /// </summary>
    /// <param name="pairs">The labelled pairs.</param>
    /// <param name="sets">The signal sets, each named.</param>
    /// <param name="folds">Cross-validation folds on the development part.</param>
    /// <param name="seed">Seed of the held-out part and the fold assignment.</param>
    /// <param name="candidates">The learners to choose among, by family (default <see cref="Candidates"/>).</param>
    /// <param name="foldSeed">When given, the development part is cut into folds by this seed instead (the held-out part stays).</param>
    public static IReadOnlyList<LearnerComparison> Compare(IReadOnlyList<LabelledPair> pairs, IReadOnlyList<(string Name, IReadOnlyList<string> Signals)> sets, int folds = 10, int seed = 14,
        IReadOnlyList<LearnerSettings>? candidates = null, int? foldSeed = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var data = Prepare(pairs, folds, seed, null);
        if (foldSeed is { } reseed)
        {
            // The same held-out part, the development part cut into other folds.
            var dev = (int[])data.Dev.Clone();
            new Random(reseed).Shuffle(dev);
            var fold = (int[])data.Fold.Clone();
            for (var i = 0; i < dev.Length; i++) fold[dev[i]] = i % folds;
            data = data with { Fold = fold };
        }
        var rows = new List<LearnerComparison>();
        foreach (var (name, signals) in sets)
            foreach (var family in (candidates ?? Candidates).GroupBy(c => c.Family))
            {
                var chosen = Choose(data, signals, [.. family]);
                rows.Add(new LearnerComparison(name, chosen.Settings, chosen.Dev, chosen.HeldOut, chosen.ForF1));
            }
        return rows;
    }

    /// <summary>Sets <see cref="Statement.Embedding"/> on the statements whose language <paramref name="embedder"/> reads (each distinct text embedded once).</summary>
    public static void Embed(IReadOnlyList<Statement> statements, ISentenceEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(embedder);
        var texts = statements.Where(s => embedder.Reads(s.Language)).Select(s => s.Text).Distinct(StringComparer.Ordinal).ToList();
        var vectors = embedder.Embed(texts);
        var byText = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++) byText[texts[i]] = vectors[i];
        foreach (var s in statements)
            if (byText.TryGetValue(s.Text, out var v) && embedder.Reads(s.Language)) s.Embedding = v;
    }

    /// <summary>Accuracy, precision, recall and F1 of <paramref name="predicted"/> against <paramref name="labels"/>.</summary>
    public static MatchFigures Figures(IReadOnlyList<bool> predicted, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        int tp = 0, fp = 0, fn = 0, right = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (predicted[i] == labels[i]) right++;
            if (predicted[i] && labels[i]) tp++;
            else if (predicted[i]) fp++;
            else if (labels[i]) fn++;
        }
        double precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp), recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new MatchFigures(labels.Count, Round(right / (double)Math.Max(1, labels.Count)), Round(precision), Round(recall), Round(f1));
    }

    private static double Round(double value) => Math.Round(value, 4);

    private sealed record Data(
        double[][] FeaturesDev, double[][] FeaturesAll, double[] Gates, bool[] Labels, int[] Dev, int[] HeldOut, int[] Fold, int Folds, WordWeights WeightsAll);

    // The held-out part is a fifth of the pairs. Word weights for the development figures come from the development
    // part's sentences only; the shipped model's from all.
    private static Data Prepare(IReadOnlyList<LabelledPair> pairs, int folds, int seed, ISentenceEmbedder? embedder)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (folds < 2) throw new ArgumentException("need at least two folds", nameof(folds));
        if (pairs.Count < folds * 5) throw new ArgumentException($"need at least {folds * 5} pairs to learn from, got {pairs.Count}", nameof(pairs));
        var statements = pairs.Select(p => (A: new Statement(p.First), B: new Statement(p.Second))).ToArray();
        if (embedder is not null) Embed(statements.SelectMany(s => new[] { s.A, s.B }).ToList(), embedder);
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        new Random(seed).Shuffle(order);
        var held = order.Take(pairs.Count / 5).Order().ToArray();
        var dev = order.Skip(pairs.Count / 5).Order().ToArray();
        var fold = new int[pairs.Count];
        for (var i = 0; i < pairs.Count; i++) fold[order[i]] = i % folds;
        var weightsDev = WordWeights.Learn(dev.SelectMany(i => new[] { statements[i].A, statements[i].B }));
        var weightsAll = WordWeights.Learn(statements.SelectMany(s => new[] { s.A, s.B }));
        return new Data(
            [.. statements.Select(s => StatementFeatures.Compute(s.A, s.B, weights: weightsDev))],
            [.. statements.Select(s => StatementFeatures.Compute(s.A, s.B, weights: weightsAll))],
            [.. statements.Select(s => StatementFeatures.Gate(s.A, s.B))],
            [.. pairs.Select(p => p.Same)], dev, held, fold, folds, weightsAll);
    }

    private static (LearnerSettings Settings, PairModel Model, MatchFigures Dev, MatchFigures HeldOut, (MatchFigures Dev, MatchFigures HeldOut) ForF1) Choose(
        Data data, IReadOnlyList<string> names, IReadOnlyList<LearnerSettings> candidates)
    {
        var columns = names.Select(n => StatementFeatures.Names.ToList().IndexOf(n)).ToArray();
        if (columns.Any(c => c < 0)) throw new ArgumentException("unknown feature", nameof(names));
        // Out-of-fold scores of every candidate; the boosted ones are read at every tree count from one run per depth.
        var scores = candidates.ToDictionary(c => c, _ => new double[data.Labels.Length]);
        foreach (var group in candidates.GroupBy(c => (c.Logistic, c.Ridge, c.Depth)))
        {
            var counts = group.Select(c => c.Trees).Distinct().Order().ToArray();
            var settings = group.MaxBy(c => c.Trees)!;
            Parallel.For(0, data.Folds, k =>
            {
                var train = data.Dev.Where(i => data.Fold[i] != k).ToArray();
                var model = Fit(settings, columns, names, train, data.FeaturesDev, data.Labels, data.Gates, 0.5);
                foreach (var i in data.Dev.Where(i => data.Fold[i] == k))
                {
                    var staged = Staged(model, data.FeaturesDev[i], counts);
                    foreach (var c in group) scores[c][i] = staged[Array.IndexOf(counts, c.Trees)];
                }
            });
        }
        var devLabels = data.Dev.Select(i => data.Labels[i]).ToArray();
        var measured = candidates
            .Select(c => (Settings: c, Threshold: BestThreshold([.. data.Dev.Select(i => scores[c][i])], devLabels)))
            .Select(x => (x.Settings, x.Threshold, Figures: Figures([.. data.Dev.Select(i => scores[x.Settings][i] >= x.Threshold)], devLabels)))
            .ToList();
        // The one-standard-error rule: the simplest learner whose accuracy is within a standard error of the best one's.
        // A weakly penalised model weighs correlated signals against each other, which goes wrong on pairs less alike
        // than the training ones; most pairs a comparison scores are.
        var top = measured.Max(x => x.Figures.Accuracy);
        var standardError = Math.Sqrt(top * (1 - top) / devLabels.Length);
        var best = measured.Where(x => x.Figures.Accuracy >= top - standardError)
            .OrderBy(x => x.Settings.Trees > 0).ThenBy(x => x.Settings.Trees * x.Settings.Depth).ThenByDescending(x => x.Settings.Ridge)
            .ThenByDescending(x => x.Figures.Accuracy).First();

        var onDev = Fit(best.Settings, columns, names, data.Dev, data.FeaturesDev, data.Labels, data.Gates, best.Threshold);
        var heldOut = Figures([.. data.HeldOut.Select(i => onDev.Score(data.FeaturesDev[i]) >= onDev.Threshold)], [.. data.HeldOut.Select(i => data.Labels[i])]);
        var all = Fit(best.Settings, columns, names, [.. Enumerable.Range(0, data.Labels.Length)], data.FeaturesAll, data.Labels, data.Gates, best.Threshold);
        var outOfFold = data.Dev.Select(i => scores[best.Settings][i]).ToArray();
        var forF1 = BestF1Threshold(outOfFold, devLabels);
        var f1 = (Figures([.. outOfFold.Select(s => s >= forF1)], devLabels),
            Figures([.. data.HeldOut.Select(i => onDev.Score(data.FeaturesDev[i]) >= forF1)], [.. data.HeldOut.Select(i => data.Labels[i])]));
        return (best.Settings, all, best.Figures, heldOut, f1);
    }

    // The model's probability after each of the given numbers of trees.
    private static double[] Staged(PairModel model, double[] features, int[] counts)
    {
        var trees = model.Trees ?? [];
        var stripped = model with { Trees = null };
        var z = Logit(stripped.Score(features));
        var indexes = model.Features.Select(n => StatementFeatures.Names.ToList().IndexOf(n)).ToArray();
        var result = new double[counts.Length];
        var done = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            for (; done < Math.Min(counts[c], trees.Count); done++) z += trees[done].Of(features, indexes);
            result[c] = Sigmoid(z);
        }
        return result;
    }

    private static double Logit(double p) => Math.Log(Math.Max(p, 1e-15) / Math.Max(1 - p, 1e-15));


    // The gate keeps a margin below the lowest value seen among pairs called the same, for pairs unlike the training ones.
    private const double GateMargin = 0.75;

    private static PairModel Fit(LearnerSettings settings, int[] columns, IReadOnlyList<string> names, int[] rows, double[][] features, bool[] labels, double[] gates, double threshold)
    {
        var d = columns.Length;
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = Math.Round(rows.Average(r => features[r][columns[j]]), 6);
            var variance = rows.Average(r => Math.Pow(features[r][columns[j]] - mean[j], 2));
            scale[j] = variance > 1e-12 ? Math.Round(Math.Sqrt(variance), 6) : 1;
        }
        var x = rows.Select(r => columns.Select((c, j) => (features[r][c] - mean[j]) / scale[j]).Append(1.0).ToArray()).ToArray();
        var y = rows.Select(r => labels[r] ? 1.0 : 0.0).ToArray();
        var w = settings.Logistic ? Logistic(x, y, settings.Ridge) : PriorOnly(y, d);
        var weights = Rounded(w[..d]);
        var bias = Math.Round(w[d], 6);
        var margin = x.Select(row => bias + Enumerable.Range(0, d).Sum(j => weights[j] * row[j])).ToArray();
        var trees = settings.Trees > 0 ? Boost(rows.Select(r => columns.Select(c => features[r][c]).ToArray()).ToArray(), y, margin, settings) : null;
        var model = new PairModel(names.ToList(), mean, scale, weights, bias, Math.Round(threshold, 6), 0, trees);
        // The across-languages model is trained on same-language pairs but gated on spelling overlap, which two
        // languages share far less of: it is not gated.
        if (!names.Contains("stem-dice")) return model;
        var gate = rows.Where(r => model.Score(features[r]) >= threshold).Select(r => gates[r]).DefaultIfEmpty(0).Min() * GateMargin;
        return model with { Gate = Math.Round(gate, 6) };
    }

    private static double[] PriorOnly(double[] y, int d)
    {
        var w = new double[d + 1];
        var p = Math.Clamp(y.Average(), 1e-3, 1 - 1e-3);
        w[d] = Math.Log(p / (1 - p));
        return w;
    }

    // Newton's method on the penalised log-likelihood (the intercept unpenalised).
    private static double[] Logistic(double[][] x, double[] y, double ridge)
    {
        var d = x[0].Length - 1;
        var w = new double[d + 1];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var gradient = new double[d + 1];
            var hessian = new double[d + 1, d + 1];
            for (var i = 0; i < x.Length; i++)
            {
                var p = Sigmoid(Dot(w, x[i]));
                var weight = p * (1 - p);
                for (var a = 0; a <= d; a++)
                {
                    gradient[a] += (y[i] - p) * x[i][a];
                    for (var b = 0; b <= d; b++) hessian[a, b] += weight * x[i][a] * x[i][b];
                }
            }
            for (var a = 0; a < d; a++) { gradient[a] -= ridge * w[a]; hessian[a, a] += ridge; }
            var step = Solve(hessian, gradient);
            for (var a = 0; a <= d; a++) w[a] += step[a];
            if (step.Max(Math.Abs) < 1e-8) break;
        }
        return w;
    }

    // Gradient boosting of the log-loss from the given margins: each tree is grown level by level on binned feature
    // values, splits chosen by the second-order gain, leaves set by one Newton step, shrunk by the rate.
    private static List<ScoreTree> Boost(double[][] x, double[] y, double[] margin, LearnerSettings settings)
    {
        var n = x.Length;
        var d = x[0].Length;
        var cuts = new double[d][];
        var bins = new byte[n][];
        for (var i = 0; i < n; i++) bins[i] = new byte[d];
        for (var j = 0; j < d; j++)
        {
            var sorted = x.Select(row => row[j]).Order().ToArray();
            cuts[j] = [.. Enumerable.Range(1, Bins - 1).Select(q => Math.Round(sorted[q * (n - 1) / Bins], 6)).Distinct()];
            for (var i = 0; i < n; i++)
            {
                var b = Array.BinarySearch(cuts[j], x[i][j]);
                bins[i][j] = (byte)(b >= 0 ? b : ~b);
            }
        }
        var f = (double[])margin.Clone();
        var g = new double[n];
        var h = new double[n];
        var node = new int[n];
        var internalNodes = (1 << settings.Depth) - 1;
        var trees = new List<ScoreTree>(settings.Trees);
        var histogram = new double[(1 << (settings.Depth - 1)) * d * Bins * 2];
        for (var t = 0; t < settings.Trees; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = Sigmoid(f[i]);
                g[i] = p - y[i];
                h[i] = Math.Max(p * (1 - p), 1e-9);
                node[i] = 0;
            }
            var feature = new int[internalNodes];
            var split = new double[internalNodes];
            for (var level = 0; level < settings.Depth; level++)
            {
                var first = (1 << level) - 1;
                var width = 1 << level;
                Array.Clear(histogram, 0, width * d * Bins * 2);
                for (var i = 0; i < n; i++)
                {
                    var row = bins[i];
                    var at = (node[i] - first) * d * Bins * 2;
                    for (var j = 0; j < d; j++)
                    {
                        var cell = at + (j * Bins + row[j]) * 2;
                        histogram[cell] += g[i];
                        histogram[cell + 1] += h[i];
                    }
                }
                var splitBin = new int[width];
                for (var k = 0; k < width; k++)
                {
                    double bestGain = 1e-9;
                    feature[first + k] = 0;
                    split[first + k] = double.PositiveInfinity;
                    splitBin[k] = Bins;
                    for (var j = 0; j < d; j++)
                    {
                        var at = (k * d + j) * Bins * 2;
                        double gAll = 0, hAll = 0;
                        for (var b = 0; b < Bins; b++) { gAll += histogram[at + 2 * b]; hAll += histogram[at + 2 * b + 1]; }
                        double gl = 0, hl = 0;
                        for (var b = 0; b < cuts[j].Length; b++)
                        {
                            gl += histogram[at + 2 * b];
                            hl += histogram[at + 2 * b + 1];
                            double gr = gAll - gl, hr = hAll - hl;
                            if (hl < MinLeafWeight || hr < MinLeafWeight) continue;
                            var gain = gl * gl / (hl + LeafPenalty) + gr * gr / (hr + LeafPenalty) - gAll * gAll / (hAll + LeafPenalty);
                            if (gain > bestGain) { bestGain = gain; feature[first + k] = j; split[first + k] = cuts[j][b]; splitBin[k] = b; }
                        }
                    }
                }
                for (var i = 0; i < n; i++)
                    node[i] = bins[i][feature[node[i]]] <= splitBin[node[i] - first] ? 2 * node[i] + 1 : 2 * node[i] + 2;
            }
            var leafG = new double[internalNodes + 1];
            var leafH = new double[internalNodes + 1];
            for (var i = 0; i < n; i++) { leafG[node[i] - internalNodes] += g[i]; leafH[node[i] - internalNodes] += h[i]; }
            var leaf = new double[internalNodes + 1];
            for (var l = 0; l < leaf.Length; l++) leaf[l] = Math.Round(-LearnerSettings.Rate * leafG[l] / (leafH[l] + LeafPenalty), 6);
            for (var i = 0; i < n; i++) f[i] += leaf[node[i] - internalNodes];
            trees.Add(new ScoreTree(feature, split, leaf));
        }
        return trees;
    }

    private static double[] Rounded(double[] values) => [.. values.Select(v => Math.Round(v, 6))];

    // The threshold with the most pairs decided right: midway between two neighbouring scores.
    private static double BestThreshold(double[] scores, bool[] labels)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var right = labels.Count(v => v); // everything called "same"
        var best = right;
        var threshold = scores[order[0]] - 1e-6;
        for (var k = 0; k < order.Length; k++)
        {
            right += labels[order[k]] ? -1 : 1; // pair k now called "not the same"
            if (right > best && (k + 1 == order.Length || scores[order[k + 1]] > scores[order[k]]))
            {
                best = right;
                threshold = k + 1 == order.Length ? scores[order[k]] + 1e-6 : (scores[order[k]] + scores[order[k + 1]]) / 2;
            }
        }
        return threshold;
    }

    // The threshold with the best F1 of the "same" class, midway between two neighbouring scores.
    private static double BestF1Threshold(double[] scores, bool[] labels)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        int tp = labels.Count(v => v), fp = labels.Length - tp, positives = tp;
        double F1() => tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + (positives - tp));
        var best = F1();
        var threshold = scores[order[0]] - 1e-6;
        for (var k = 0; k < order.Length; k++)
        {
            if (labels[order[k]]) tp--; else fp--;
            if (F1() > best && (k + 1 == order.Length || scores[order[k + 1]] > scores[order[k]]))
            {
                best = F1();
                threshold = k + 1 == order.Length ? scores[order[k]] + 1e-6 : (scores[order[k]] + scores[order[k + 1]]) / 2;
            }
        }
        return threshold;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(double[] w, double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < w.Length; i++) sum += w[i] * x[i];
        return sum;
    }

    // Gaussian elimination with partial pivoting; the matrix is small and, with the ridge, well conditioned.
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (var c = 0; c < n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (v[col], v[pivot]) = (v[pivot], v[col]);
            }
            if (Math.Abs(m[col, col]) < 1e-12) continue;
            for (var r = col + 1; r < n; r++)
            {
                var factor = m[r, col] / m[col, col];
                if (factor == 0) continue;
                for (var c = col; c < n; c++) m[r, c] -= factor * m[col, c];
                v[r] -= factor * v[col];
            }
        }
        var result = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = v[r];
            for (var c = r + 1; c < n; c++) sum -= m[r, c] * result[c];
            result[r] = Math.Abs(m[r, r]) < 1e-12 ? 0 : sum / m[r, r];
        }
        return result;
    }
}
