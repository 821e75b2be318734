namespace NewsCompare.Cli.Benchmarks;

/// <summary>Weighted logistic regression by Newton's method (a handful of features), and the ROC area of a score.</summary>
internal static class Logistic
{
    /// <summary>
    /// Fits P(same) = σ(b + β·x) to <paramref name="x"/>, <paramref name="y"/> with sample weights
    /// <paramref name="w"/> and a small ridge penalty; returns β followed by b.
    /// </summary>
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IReadOnlyList<double> w, double ridge = 1e-3)
    {
        var d = x[0].Length + 1;
        var beta = new double[d];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var g = new double[d];
            var h = new double[d, d];
            for (var i = 0; i < x.Count; i++)
            {
                var z = beta[d - 1];
                for (var k = 0; k < d - 1; k++) z += beta[k] * x[i][k];
                var p = 1 / (1 + Math.Exp(-z));
                var r = w[i] * ((y[i] ? 1 : 0) - p);
                var v = w[i] * p * (1 - p);
                for (var k = 0; k < d; k++)
                {
                    var xk = k == d - 1 ? 1 : x[i][k];
                    g[k] += r * xk;
                    for (var l = 0; l < d; l++) h[k, l] += v * xk * (l == d - 1 ? 1 : x[i][l]);
                }
            }
            for (var k = 0; k < d - 1; k++) { g[k] -= ridge * beta[k]; h[k, k] += ridge; }
            var step = Solve(h, g);
            var change = 0.0;
            for (var k = 0; k < d; k++) { beta[k] += step[k]; change = Math.Max(change, Math.Abs(step[k])); }
            if (change < 1e-7) break;
        }
        return beta;
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
            for (var k = 0; k < n; k++) (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            (v[c], v[pivot]) = (v[pivot], v[c]);
            if (Math.Abs(m[c, c]) < 1e-12) continue;
            for (var r = 0; r < n; r++)
            {
                if (r == c) continue;
                var f = m[r, c] / m[c, c];
                for (var k = c; k < n; k++) m[r, k] -= f * m[c, k];
                v[r] -= f * v[c];
            }
        }
        return Enumerable.Range(0, n).Select(i => Math.Abs(m[i, i]) < 1e-12 ? 0 : v[i] / m[i, i]).ToArray();
    }

    /// <summary>The area under the ROC curve of <paramref name="score"/> for telling positives from negatives (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> score, IReadOnlyList<bool> y)
    {
        var order = Enumerable.Range(0, score.Count).OrderBy(i => score[i]).ToList();
        double rankSum = 0;
        for (var i = 0; i < order.Count;)
        {
            var j = i;
            while (j < order.Count && score[order[j]] == score[order[i]]) j++;
            var rank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++) if (y[order[k]]) rankSum += rank;
            i = j;
        }
        var pos = y.Count(t => t);
        var neg = y.Count - pos;
        return pos == 0 || neg == 0 ? 0.5 : (rankSum - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }
}
