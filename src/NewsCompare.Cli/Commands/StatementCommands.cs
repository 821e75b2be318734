using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsCompare.Core.Comparison;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `learn-statements`: learns the statement matcher's weights from labelled pairs and writes the model file Core ships;
/// `match-statements`: decides each pair of a file with the shipped model, one JSON line per pair.
/// </summary>
internal static class StatementCommands
{
    private static readonly string DefaultPairs = Path.Combine("..", "shared", "datasets", "statement-matching-dev", "pairs.tsv");

    public static Command Learn()
    {
        var pairs = new Argument<FileInfo>("pairs")
        {
            Description = "Labelled pairs: header line, then id, label (1 same / 0 not), sentence1, sentence2, tab-separated",
            DefaultValueFactory = _ => new FileInfo(DefaultPairs),
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "The model file to write",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "NewsCompare.Core", "Comparison", "statement-model.json")),
        };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds on the development part (four fifths of the pairs)", DefaultValueFactory = _ => 10 };
        var compare = new Option<bool>("--compare")
        {
            Description = "Instead of writing the model, print each signal set against each learner family (development cross-validation and held-out figures)",
        };
        var family = new Option<string?>("--family")
        {
            Description = "With --compare, only this learner family: logistic, trees, or \"logistic + trees\"",
        };
        family.AcceptOnlyFromAmong("logistic", "trees", "logistic + trees");
        var foldSeed = new Option<int?>("--fold-seed")
        {
            Description = "With --compare, cut the development part into folds by this seed (the held-out part stays): the same comparison on other folds",
        };
        var command = new Command("learn-statements", "Learn the statement matcher's model from labelled sentence pairs (a fifth held out, learner chosen by cross-validation on the rest)")
        {
            pairs, output, folds, compare, family, foldSeed,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(pairs)!;
            if (Read(file) is not { } labelled) return 2;
            var k = parse.GetValue(folds);
            if (k < 2 || labelled.Count < k * 5)
            {
                Console.Error.WriteLine($"{file.FullName}: {labelled.Count} pairs are too few for {k}-fold cross-validation");
                return 2;
            }
            Console.WriteLine($"pairs: {labelled.Count:N0} ({labelled.Count(p => p.Same):N0} same); held out: a fifth; {k}-fold cross-validation on the rest");
            if (parse.GetValue(compare))
            {
                PrintComparison(labelled, k, parse.GetValue(family), parse.GetValue(foldSeed));
                return 0;
            }
            var model = StatementLearner.Learn(labelled, $"{file.Directory?.Name}/{file.Name} ({labelled.Count:N0} pairs, a fifth held out, {k}-fold cross-validation on the rest)", k);
            var target = parse.GetValue(output)!;
            File.WriteAllText(target.FullName, JsonSerializer.Serialize(model, StatementModel.Json) + "\n");
            Console.WriteLine($"learner chosen: {model.Learner}");
            Print("development part, cross-validated, same language", model.DevCrossValidated);
            Print("held out, same language", model.HeldOut);
            Print("held out, across languages (names, figures, spelling only)", model.HeldOutAcrossLanguages);
            var training = StatementLearner.Figures(
                labelled.Select(p => new StatementMatcher(model).Match(new Statement(p.First), new Statement(p.Second)).Same).ToList(),
                labelled.Select(p => p.Same).ToList());
            Print("on its own training pairs", training);
            Console.WriteLine($"wrote {target.FullName}");
            return 0;
        });
        return command;
    }

    public static Command Match()
    {
        var pairs = new Argument<FileInfo>("pairs") { Description = "Pairs: header line, then id, label (ignored), sentence1, sentence2, tab-separated" };
        var timing = new Option<bool>("--timing")
        {
            Description = "Instead of the decisions, print the CPU time per pair of matching sentences read before (Match, and MatchAcrossVersions with clauses as the compare page uses it)",
        };
        var command = new Command("match-statements", "Decide for each pair of sentences whether they make the same statement (JSON lines)") { pairs, timing };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(pairs)!;
            if (Read(file) is not { } list) return 2;
            var matcher = StatementMatcher.Default;
            if (parse.GetValue(timing))
            {
                PrintTiming(list, matcher);
                return 0;
            }
            using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            foreach (var pair in list)
            {
                var match = matcher.Match(new Statement(pair.First), new Statement(pair.Second));
                output.WriteLine(JsonSerializer.Serialize(new { id = pair.Id, same = match.Same, score = Math.Round(match.Score, 4) }));
            }
            return 0;
        });
        return command;
    }

    // Signal sets: the first 21, each group of later signals added to them, and all.
    private static void PrintComparison(IReadOnlyList<LabelledPair> labelled, int folds, string? family, int? foldSeed)
    {
        var first = StatementLearner.FirstSignals;
        var lexical = StatementFeatures.Names.Except(StatementFeatures.FromEmbeddings).ToList();
        IReadOnlyList<string> With(params string[] more) => [.. first, .. more];
        var sets = new List<(string, IReadOnlyList<string>)>
        {
            ("21 signals", first),
            ("21 + translation metrics", With("bleu-least", "bleu-most", "meteor", "meteor-fragmentation", "near-spellings", "token-edit", "stem-lcs")),
            ("21 + word weights", With("idf-dice", "idf-unmatched-most", "idf-unmatched-least")),
            ("21 + aligned unmatched words, content length", With("aligned-unmatched-most", "aligned-unmatched-least", "content-length-ratio")),
            ("21 + negation", With("negation-differs")),
            ($"all {lexical.Count} lexical signals", lexical),
        };
        foreach (var row in StatementLearner.Compare(labelled, sets, folds, candidates: family is null ? null : [.. StatementLearner.Candidates.Where(c => c.Family == family)], foldSeed: foldSeed))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Signals} | {row.Settings} | dev CV {row.DevCrossValidated.Accuracy:0.0000} / {row.DevCrossValidated.F1:0.0000} (precision {row.DevCrossValidated.Precision:0.0000}) | held out {row.HeldOut.Accuracy:0.0000} / {row.HeldOut.F1:0.0000} (precision {row.HeldOut.Precision:0.0000}) | threshold for best F1: dev CV {row.ForF1.Dev.Accuracy:0.0000} / {row.ForF1.Dev.F1:0.0000}, held out {row.ForF1.HeldOut.Accuracy:0.0000} / {row.ForF1.HeldOut.F1:0.0000}"));
    }

    // Best of five passes over every pair, after one pass that makes the statements' lazily built parts.
    private static void PrintTiming(IReadOnlyList<LabelledPair> list, StatementMatcher matcher)
    {
        var read = list.Select(p => (A: new Statement(p.First, "en", withClauses: true), B: new Statement(p.Second, "en", withClauses: true))).ToList();
        foreach (var (a, b) in read) matcher.MatchAcrossVersions(a, b);
        double Microseconds(Func<Statement, Statement, StatementMatch> match)
        {
            var best = double.MaxValue;
            for (var pass = 0; pass < 5; pass++)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                foreach (var (a, b) in read) match(a, b);
                best = Math.Min(best, (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / read.Count);
            }
            return best;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{read.Count:N0} pairs, CPU per pair (best of 5): Match {Microseconds(matcher.Match):0.0} µs, MatchAcrossVersions {Microseconds(matcher.MatchAcrossVersions):0.0} µs; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }

    private static IReadOnlyList<LabelledPair>? Read(FileInfo file)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"{file.FullName}: not found");
            return null;
        }
        try
        {
            using var reader = new StreamReader(file.FullName);
            return StatementLearner.ReadPairs(reader, file.FullName);
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    internal static void Print(string what, MatchFigures f) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: accuracy {f.Accuracy:0.0000}, precision {f.Precision:0.0000}, recall {f.Recall:0.0000}, F1 {f.F1:0.0000} ({f.Pairs:N0} pairs)"));
}
