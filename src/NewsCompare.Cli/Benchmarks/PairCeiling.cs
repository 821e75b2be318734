using System.Globalization;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>
/// How far similarity built from words can tell a rated set's same-event pairs from its different-event pairs, at
/// best: for each similarity, the pairwise F1 of the best threshold chosen on the very pairs it is scored on (an
/// oracle, so an upper bound of any grouping that links pairs by that similarity), and for a logistic combination of
/// all of them, fitted on those pairs (upper bound) and cross-fitted over five folds (what it would do on pairs it
/// was not fitted on).
/// </summary>
internal static class PairCeiling
{
    /// <summary>The readings of an article's words compared, each as TF-IDF cosine (the baseline's weighing).</summary>
    public static readonly IReadOnlyList<(string Name, Func<string, IEnumerable<string>> Terms)> Readings =
    [
        ("words", w => [w]),
        // A crude stem for any language: inflected forms of one word mostly share their first five letters.
        ("word starts (5 letters)", w => [w.Length > 5 ? w[..5] : w]),
        ("letter 4-grams", FourGrams),
    ];

    /// <summary>One table row per group of the set's rated pairs (all, then each language).</summary>
    public static IEnumerable<string> Rows(StorySet set, StoryEngineOptions options)
    {
        var articles = set.Items.Select(i => i.Article).ToList();
        var index = set.Items.Select((x, i) => (x.File, i)).ToDictionary(x => x.File, x => x.i, StringComparer.Ordinal);
        var labelled = set.Pairs.Where(p => index.ContainsKey(p.A) && index.ContainsKey(p.B))
            .Select(p => (A: index[p.A], B: index[p.B], p.Same, p.Language)).ToList();
        var sims = Readings.Select(r => TfIdfBaseline.Similarities(articles, r.Terms)).ToList();
        var engine = StoryEngine.PairFeatures(articles, labelled.Select(p => (p.A, p.B)).ToList(), options);
        var features = labelled.Select((p, i) =>
        {
            var (a, b) = (Math.Min(p.A, p.B), Math.Max(p.A, p.B));
            var f = engine[i];
            return sims.Select(s => (double)s[a][b])
                .Append(options.Weights.TextSimilarity(f))
                .Concat(f.Take(4))
                .Append(Math.Log(1 + Math.Min(Length(articles[p.A]), Length(articles[p.B]))))
                .ToArray();
        }).ToList();
        var language = labelled.Select(p => p.Language).ToList();
        foreach (var g in language.Distinct().Order(StringComparer.Ordinal).Prepend(null))
        {
            var idx = Enumerable.Range(0, labelled.Count).Where(i => g is null || language[i] == g).ToList();
            var y = idx.Select(i => labelled[i].Same).ToList();
            var cells = Enumerable.Range(0, Readings.Count + 1).Select(k => BestF1(idx.Select(i => features[i][k]).ToList(), y));
            var x = idx.Select(i => features[i]).ToList();
            var fitted = BestF1(Fit(x, y)(x), y);
            var crossFitted = BestF1(CrossFitted(x, y, folds: 5), y);
            yield return $"| {set.Name}{(g is null ? "" : ": " + g)} | {y.Count} ({y.Count(t => t)}) | "
                + string.Join(" | ", cells.Select(F)) + $" | {F(fitted)} | {F(crossFitted)} |";
        }
    }

    /// <summary>The F1 of "same" at the best threshold on <paramref name="score"/> (score ≥ threshold is "same").</summary>
    public static double BestF1(IReadOnlyList<double> score, IReadOnlyList<bool> same)
    {
        var positives = same.Count(s => s);
        if (positives == 0) return 0;
        var order = Enumerable.Range(0, score.Count).OrderByDescending(i => score[i]).ToList();
        var (tp, fp, best) = (0, 0, 0.0);
        for (var k = 0; k < order.Count; k++)
        {
            if (same[order[k]]) tp++; else fp++;
            // Ties are decided together: a threshold cannot fall between two equal scores.
            if (k + 1 < order.Count && score[order[k + 1]] == score[order[k]]) continue;
            best = Math.Max(best, 2.0 * tp / (2 * tp + fp + (positives - tp)));
        }
        return best;
    }

    // Logistic regression on standardised features; a firm ridge, since some languages have a few dozen pairs.
    private static Func<IReadOnlyList<double[]>, IReadOnlyList<double>> Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y)
    {
        var d = x[0].Length;
        var mean = Enumerable.Range(0, d).Select(k => x.Average(r => r[k])).ToArray();
        var sd = Enumerable.Range(0, d).Select(k => Math.Sqrt(x.Average(r => (r[k] - mean[k]) * (r[k] - mean[k])))).Select(s => s == 0 ? 1 : s).ToArray();
        double[] Z(double[] r) => r.Select((v, k) => (v - mean[k]) / sd[k]).ToArray();
        var beta = Logistic.Fit(x.Select(Z).ToList(), y, x.Select(_ => 1.0).ToList(), ridge: 1);
        return rows => rows.Select(r => Z(r).Select((v, k) => v * beta[k]).Sum() + beta[d]).ToList();
    }

    private static double[] CrossFitted(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, int folds)
    {
        var score = new double[x.Count];
        var order = Enumerable.Range(0, x.Count).OrderBy(i => Hash(i)).ToList();
        for (var f = 0; f < folds; f++)
        {
            var test = order.Where((_, k) => k % folds == f).ToList();
            var train = order.Where((_, k) => k % folds != f).ToList();
            if (train.Select(i => y[i]).Distinct().Count() < 2) continue;
            var model = Fit(train.Select(i => x[i]).ToList(), train.Select(i => y[i]).ToList());
            var s = model(test.Select(i => x[i]).ToList());
            for (var k = 0; k < test.Count; k++) score[test[k]] = s[k];
        }
        return score;
    }

    // A fixed shuffle of the pairs into folds (no random generator, so the table is the same on every run).
    private static uint Hash(int i) => unchecked((uint)i * 2654435761u);

    private static int Length(StoryArticle a) => a.Paragraphs.Sum(p => p.Length) + (a.Headline?.Length ?? 0);

    private static IEnumerable<string> FourGrams(string w)
    {
        if (w.Length <= 4) { yield return w; yield break; }
        for (var k = 0; k + 4 <= w.Length; k++) yield return w.Substring(k, 4);
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
