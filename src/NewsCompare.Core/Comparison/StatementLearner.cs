namespace NewsCompare.Core.Comparison;

/// <summary>A pair of sentences labelled by people: the same statement or not.</summary>
/// <param name="Id">The pair's id.</param>
/// <param name="Same">The label.</param>
/// <param name="First">One sentence.</param>
/// <param name="Second">The other.</param>
public sealed record LabelledPair(string Id, bool Same, string First, string Second);

/// <summary>
/// Learns a <see cref="StatementModel"/> from labelled pairs: logistic regression (Newton's method with a small
/// ridge penalty) on the <see cref="StatementFeatures"/>, the threshold chosen for accuracy on the training pairs,
/// and the figures of k-fold cross-validation, so the shipped figures are on pairs the weights never saw.
/// </summary>
public static class StatementLearner
{
    private const double Ridge = 1.0;
    private const int Iterations = 25;

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

    /// <summary>Learns the models from <paramref name="pairs"/> and cross-validates them over <paramref name="folds"/> folds.</summary>
    /// <param name="pairs">The labelled pairs.</param>
    /// <param name="trainedOn">What they are, for the model file.</param>
    /// <param name="folds">Cross-validation folds.</param>
    /// <param name="seed">Seed of the fold assignment.</param>
    /// <param name="embedder">When given, the sentences are embedded and a model with the embeddings' signals is learned too.</param>
    public static StatementModel Learn(IReadOnlyList<LabelledPair> pairs, string trainedOn, int folds = 10, int seed = 14, ISentenceEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < folds * 2) throw new ArgumentException($"need at least {folds * 2} pairs to learn from, got {pairs.Count}", nameof(pairs));
        var statements = pairs.Select(p => (new Statement(p.First), new Statement(p.Second))).ToArray();
        if (embedder is not null) Embed(statements.SelectMany(s => new[] { s.Item1, s.Item2 }).ToList(), embedder);
        var features = statements.Select(s => StatementFeatures.Compute(s.Item1, s.Item2)).ToArray();
        var gates = statements.Select(s => StatementFeatures.Gate(s.Item1, s.Item2)).ToArray();
        var labels = pairs.Select(p => p.Same).ToArray();
        var fold = FoldOf(pairs.Count, folds, seed);

        LogisticModel Fit(IReadOnlyList<string> names, Func<int, bool> include) =>
            Train(names, [.. Enumerable.Range(0, pairs.Count).Where(include)], features, labels, gates);

        MatchFigures CrossValidate(IReadOnlyList<string> names)
        {
            var predicted = new bool[pairs.Count];
            for (var k = 0; k < folds; k++)
            {
                var model = Fit(names, i => fold[i] != k);
                for (var i = 0; i < pairs.Count; i++)
                    if (fold[i] == k) predicted[i] = model.Score(features[i]) >= model.Threshold;
            }
            return Figures(predicted, labels);
        }

        var lexical = StatementFeatures.Names.Except(StatementFeatures.FromEmbeddings).ToList();
        var across = StatementFeatures.AcrossLanguages;
        var all = StatementFeatures.Names;
        return new StatementModel(trainedOn, Fit(lexical, _ => true), Fit(across, _ => true), CrossValidate(lexical), CrossValidate(across),
            embedder is null ? null : Fit(all, _ => true), embedder is null ? null : CrossValidate(all));
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

    private static int[] FoldOf(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var i = 0; i < count; i++) fold[order[i]] = i % folds;
        return fold;
    }

    // The gate keeps a margin below the lowest value seen among pairs called the same, for pairs unlike the training ones.
    private const double GateMargin = 0.75;

    private static LogisticModel Train(IReadOnlyList<string> names, int[] rows, double[][] features, bool[] labels, double[] gates)
    {
        var columns = names.Select(n => StatementFeatures.Names.ToList().IndexOf(n)).ToArray();
        var d = columns.Length;
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = rows.Average(r => features[r][columns[j]]);
            var variance = rows.Average(r => Math.Pow(features[r][columns[j]] - mean[j], 2));
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }
        var x = rows.Select(r => columns.Select((c, j) => (features[r][c] - mean[j]) / scale[j]).Append(1.0).ToArray()).ToArray();
        var y = rows.Select(r => labels[r] ? 1.0 : 0.0).ToArray();

        // Newton's method on the penalised log-likelihood (the intercept unpenalised).
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
            for (var a = 0; a < d; a++) { gradient[a] -= Ridge * w[a]; hessian[a, a] += Ridge; }
            var step = Solve(hessian, gradient);
            for (var a = 0; a <= d; a++) w[a] += step[a];
            if (step.Max(Math.Abs) < 1e-8) break;
        }

        var scores = x.Select(row => Sigmoid(Dot(w, row))).ToArray();
        var threshold = BestThreshold(scores, y);
        // The across-languages model is trained on same-language pairs but gated on spelling overlap, which two
        // languages share far less of: it is not gated.
        var gated = names.Contains("stem-dice");
        var gate = gated ? rows.Where((_, i) => scores[i] >= threshold).Select(r => gates[r]).DefaultIfEmpty(0).Min() * GateMargin : 0;
        return new LogisticModel(names.ToList(), Rounded(mean), Rounded(scale), Rounded(w[..d]), Math.Round(w[d], 6),
            Math.Round(threshold, 6), Math.Round(gate, 6));
    }

    private static double[] Rounded(double[] values) => [.. values.Select(v => Math.Round(v, 6))];

    // The threshold with the most training pairs decided right: midway between two neighbouring scores.
    private static double BestThreshold(double[] scores, double[] y)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var right = y.Count(v => v == 1); // everything called "same"
        var best = right;
        var threshold = scores[order[0]] - 1e-6;
        for (var k = 0; k < order.Length; k++)
        {
            right += y[order[k]] == 1 ? -1 : 1; // pair k now called "not the same"
            if (right > best && (k + 1 == order.Length || scores[order[k + 1]] > scores[order[k]]))
            {
                best = right;
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
