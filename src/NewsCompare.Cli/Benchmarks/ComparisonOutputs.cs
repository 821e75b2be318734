using System.Globalization;
using System.Text.Json;
using NewsCompare.Core.Comparison;
using NewsCompare.Core.Import;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>
/// Everything the comparison decides, written out so that two builds can be told apart byte for byte: every signal of
/// every labelled pair (figures as written and ignored), the matcher's scores for them (full precision, with and
/// without clauses), and the whole comparison of the seed captures and of generated versions (four and ten, one
/// language, two languages, unknown language). A change meant only to make comparison faster must leave this
/// file unchanged.
/// </summary>
internal static class ComparisonOutputs
{
    public static void Write(TextWriter output, IReadOnlyList<LabelledPair> pairs, string seeds)
    {
        var matcher = StatementMatcher.Default;
        var weights = matcher.Model.WordWeights;
        foreach (var pair in pairs)
        {
            var (a, b) = (new Statement(pair.First, "en", withClauses: true), new Statement(pair.Second, "en", withClauses: true));
            var plain = StatementFeatures.Compute(a, b, weights: weights);
            var ignoring = StatementFeatures.Compute(a, b, ignoreFigures: true, weights);
            output.WriteLine($"{pair.Id}\t{Numbers(plain)}\t{Numbers(ignoring)}\t{Match(matcher.Match(a, b))}\t{Match(matcher.MatchAcrossVersions(a, b))}\t{Match(matcher.MatchAcrossVersions(b, a))}");
        }

        var captures = Directory.Exists(seeds)
            ? Importer.Analyze([seeds]).Where(a => a.Article is not null).OrderBy(a => a.File, StringComparer.Ordinal).Select(a => a.Article!).ToList()
            : [];
        var pool = captures.SelectMany(a => a.Paragraphs).SelectMany(SentenceSplitter.Split).Distinct().ToList();
        var sets = new List<(string Name, List<ComparisonInput> Versions)>
        {
            ("seed captures", [.. captures.Select((a, i) => new ComparisonInput($"seed{i}", a.Headline, a.Paragraphs, a.Language))]),
        };
        foreach (var count in new[] { 2, 4, 10 })
        {
            for (var seed = 1; seed <= 3; seed++)
            {
                var made = pool.Count > 0 ? VersionGenerator.FromSentences(pool, count, 1000, seed) : [];
                var generated = VersionGenerator.Generate(count, 1000, seed);
                sets.Add(($"seed sentences, {count} versions, seed {seed}", Inputs(made, _ => "en")));
                sets.Add(($"seed sentences, {count} versions in two languages, seed {seed}", Inputs(made, i => i % 2 == 0 ? "en" : "fr")));
                sets.Add(($"seed sentences, {count} versions of unknown language, seed {seed}", Inputs(made, _ => null)));
                sets.Add(($"generated, {count} versions, seed {seed}", Inputs(generated, _ => "en")));
            }
        }
        foreach (var (name, versions) in sets)
        {
            if (versions.Count < 2) continue;
            output.WriteLine(name);
            output.WriteLine(JsonSerializer.Serialize(VersionComparer.Compare(versions)));
        }
    }

    private static List<ComparisonInput> Inputs(List<(string Headline, List<string> Paragraphs)> versions, Func<int, string?> language) =>
        [.. versions.Select((v, i) => new ComparisonInput($"v{i}", v.Headline, v.Paragraphs, language(i)))];

    private static string Numbers(double[] values) => string.Join(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static string Match(StatementMatch m) =>
        $"{m.Score.ToString("R", CultureInfo.InvariantCulture)} {m.Same} {m.DifferingFigures}";
}
