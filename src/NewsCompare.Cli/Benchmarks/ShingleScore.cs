using System.Text.RegularExpressions;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>
/// The article-extraction benchmark's metric: texts as multisets of 4-token shingles, precision averaged over pages
/// with output, recall over pages with a truth, F1 of the two averages. Mirrors the dataset's score.py.
/// </summary>
internal static partial class ShingleScore
{
    public sealed record PageCounts(double Tp, double Fp, double Fn);

    public sealed record Summary(int Pages, double Precision, double Recall, double F1, double MeanPageF1, int Empty);

    public static PageCounts Page(string truth, string predicted)
    {
        var t = Shingles(truth);
        var p = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, count) in p)
        {
            var match = Math.Min(count, t.GetValueOrDefault(key));
            tp += match;
            fp += count - match;
        }
        foreach (var (key, count) in t) fn += Math.Max(0, count - p.GetValueOrDefault(key));
        var sum = tp + fp + fn;
        return sum > 0 ? new(tp / sum, fp / sum, fn / sum) : new(0, 0, 0);
    }

    public static Summary Aggregate(IReadOnlyList<PageCounts> pages, int emptyPages)
    {
        var precisions = pages.Where(r => r.Tp + r.Fp > 0).Select(r => r.Fp == 0 && r.Fn == 0 ? 1 : r.Tp / (r.Tp + r.Fp)).ToList();
        var recalls = pages.Where(r => r.Tp + r.Fn > 0).Select(r => r.Fp == 0 && r.Fn == 0 ? 1 : r.Tp / (r.Tp + r.Fn)).ToList();
        var precision = precisions.Count > 0 ? precisions.Average() : 0;
        var recall = recalls.Count > 0 ? recalls.Average() : 0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        var pageF1 = pages.Select(r => r.Fp == 0 && r.Fn == 0 ? 1 : 2 * r.Tp / (2 * r.Tp + r.Fp + r.Fn)).DefaultIfEmpty(0).Average();
        return new Summary(pages.Count, precision, recall, f1, pageF1, emptyPages);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Word().Matches(text).Select(m => m.Value).ToArray();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length == 0) return result;
        if (tokens.Length < 4)
        {
            result[string.Join('\u0001', tokens)] = 1;
            return result;
        }
        for (var i = 0; i + 4 <= tokens.Length; i++)
        {
            var key = string.Join('\u0001', tokens, i, 4);
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    // Python's \w: letters, numbers and the underscore.
    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Word();
}
