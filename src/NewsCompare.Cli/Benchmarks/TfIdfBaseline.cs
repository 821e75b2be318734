using System.Globalization;
using System.Text.RegularExpressions;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>
/// The baseline story grouping the benchmarks compare against: plain TF-IDF (lower-cased words, log term frequency,
/// smoothed idf over the set, headline and body alike, no stop words, no names), cosine similarity, every pair at
/// or above a threshold linked, stories = connected components. With dates, a pair whose known dates are more than
/// seven days apart is not linked. The threshold is tuned on the very set it is scored on (the best of a sweep), so
/// it is the baseline at its best.
/// </summary>
internal static partial class TfIdfBaseline
{
    /// <summary>The best of <paramref name="score"/> over link thresholds 0.05–0.90, and the threshold that gave it.</summary>
    public static (SetScore Score, double Threshold) Tuned(StorySet set, float[][] sims, Func<IReadOnlyDictionary<string, string>, SetScore> score)
    {
        (SetScore Score, double Threshold) best = (new SetScore(-1, null), 0);
        for (var t = 0.05; t <= 0.901; t += 0.025)
        {
            var s = score(Link(set, sims, t));
            if (s.F1 > best.Score.F1) best = (s, t);
        }
        return best;
    }

    /// <summary>The grouping at threshold <paramref name="threshold"/>: file → component.</summary>
    public static Dictionary<string, string> Link(StorySet set, float[][] sims, double threshold)
    {
        var n = set.Items.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                if (sims[i][j] < threshold) continue;
                var (a, b) = (set.Items[i].Article.Published, set.Items[j].Article.Published);
                if (a is { } da && b is { } db && Math.Abs(da.DayNumber - db.DayNumber) > 7) continue;
                parent[Find(i)] = Find(j);
            }
        return Enumerable.Range(0, n).ToDictionary(i => set.Items[i].File, i => Find(i).ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>Cosine similarity of every pair (row i holds j &gt; i).</summary>
    public static float[][] Similarities(IReadOnlyList<StoryArticle> articles) => Similarities(articles, w => [w]);

    /// <summary>
    /// Cosine similarity of every pair (row i holds j &gt; i), over the terms <paramref name="terms"/> makes of each
    /// lower-cased word (the word itself for the baseline; its start or its letter n-grams for other readings).
    /// </summary>
    public static float[][] Similarities(IReadOnlyList<StoryArticle> articles, Func<string, IEnumerable<string>> terms)
    {
        var tokens = articles.Select(a => Word().Matches((a.Headline ?? "") + "\n" + string.Join("\n", a.Paragraphs)).SelectMany(m => terms(m.Value.ToLowerInvariant()))
            .GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tokens) foreach (var w in t.Keys) df[w] = df.GetValueOrDefault(w) + 1;
        var ids = df.Keys.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        var n = articles.Count;
        var vectors = tokens.Select(t =>
        {
            var v = t.Select(kv => (Id: ids[kv.Key], W: (1 + Math.Log(kv.Value)) * (Math.Log((1.0 + n) / (1.0 + df[kv.Key])) + 1))).OrderBy(x => x.Id).ToArray();
            var norm = Math.Sqrt(v.Sum(x => x.W * x.W));
            return (Ids: v.Select(x => x.Id).ToArray(), W: v.Select(x => norm == 0 ? 0 : x.W / norm).ToArray());
        }).ToList();
        var sims = new float[n][];
        Parallel.For(0, n, i =>
        {
            sims[i] = new float[n];
            for (var j = i + 1; j < n; j++)
            {
                var (a, b) = (vectors[i], vectors[j]);
                double s = 0;
                for (int x = 0, y = 0; x < a.Ids.Length && y < b.Ids.Length;)
                {
                    if (a.Ids[x] == b.Ids[y]) s += a.W[x++] * b.W[y++];
                    else if (a.Ids[x] < b.Ids[y]) x++;
                    else y++;
                }
                sims[i][j] = (float)s;
            }
        });
        return sims;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
