using System.CommandLine;
using System.Globalization;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `learn-grouping`: learns how the sub-scores of similarity combine (words, names, figures, headline, date gap) from
/// the labelled pairs of every development set, and the join threshold from how whole groupings score, choosing
/// what holds when each set in turn is left out; writes the weights file the engine embeds.
/// </summary>
internal static class LearnGroupingCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Join thresholds tried on whole groupings.</summary>
    private static readonly double[] Joins = [0.12, 0.14, 0.16, 0.18, 0.20];

    public static Command Create()
    {
        var datasets = Path.Combine("..", "shared", "datasets");
        var basil = new Option<DirectoryInfo>("--basil") { Description = "story-grouping-dev folder", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(datasets, "story-grouping-dev")) };
        var pairs = new Option<DirectoryInfo>("--pairs") { Description = "story-pairs-dev folder", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(datasets, "story-pairs-dev")) };
        var generated = new Option<int>("--generated") { Description = "Articles of the generated collection (0 leaves it out)", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated collection (another than bench-stories' 7)", DefaultValueFactory = _ => 11 };
        var output = new Option<FileInfo?>("--out") { Description = "Write the weights here (src/NewsCompare.Core/Stories/grouping-weights.json ships them)" };
        var command = new Command("learn-grouping", "Learn the grouping weights and join threshold from every labelled development set")
        {
            basil, pairs, generated, seed, output,
        };
        var weighting = new WeightingFlags();
        weighting.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                var options = weighting.Apply(parse, StoryEngineOptions.Default);
                var sets = new List<(StorySet Without, StorySet With)>();
                if (parse.GetValue(basil) is { Exists: true } b) sets.Add((StorySet.Basil(b.FullName, false), StorySet.Basil(b.FullName, true)));
                if (parse.GetValue(pairs) is { Exists: true } p) sets.Add((StorySet.RatedPairs(p.FullName, false), StorySet.RatedPairs(p.FullName, true)));
                if (parse.GetValue(generated) > 0)
                    sets.Add((StorySet.Generated(parse.GetValue(generated), parse.GetValue(seed), false), StorySet.Generated(parse.GetValue(generated), parse.GetValue(seed), true)));
                if (sets.Count < 2) throw new InvalidDataException("learn-grouping needs at least two labelled sets (leave-one-set-out)");
                var weights = Learn(sets, options);
                if (parse.GetValue(output) is { } file)
                {
                    File.WriteAllText(file.FullName, weights.Write());
                    Console.WriteLine($"wrote {file.FullName}");
                }
                else Console.Write(weights.Write());
                return 0;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"learn-grouping: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private sealed record Examples(string Set, List<double[]> X, List<bool> Y, List<double> Tfidf);

    private static GroupingWeights Learn(List<(StorySet Without, StorySet With)> sets, StoryEngineOptions options)
    {
        var examples = sets.Select(s => Pairs(s.Without, s.With, options)).ToList();
        Console.WriteLine("How well each sub-score alone tells same-event pairs from others (ROC area, candidate pairs):");
        Console.WriteLine("| set | pairs (same) | words | names | numbers | headline | plain sum | TF-IDF cosine |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var e in examples)
        {
            string Auc(Func<double[], double> f) => Logistic.Auc(e.X.Select(f).ToList(), e.Y).ToString("F3", Inv);
            Console.WriteLine($"| {e.Set} | {e.Y.Count} ({e.Y.Count(y => y)}) | {Auc(x => x[0])} | {Auc(x => x[1])} | {Auc(x => x[2])} | {Auc(x => x[3])} | " +
                $"{Auc(x => x[0] + x[1] + x[2] + x[3])} | {Logistic.Auc(e.Tfidf, e.Y).ToString("F3", Inv)} |");
        }


        // The sub-scores' weights, learned on every set, and without each set in turn (how stable they are).
        Console.WriteLine();
        for (var held = 0; held < sets.Count; held++)
            Console.WriteLine($"weights without {sets[held].Without.Name}: {Describe(Fit(examples.Where((_, i) => i != held).ToList()))}");
        var all = Fit(examples);
        Console.WriteLine($"weights from every set: {Describe(all)}");

        // The decision: the learned weights and the plain ones (every sub-score 1), each at several join thresholds,
        // scored on whole groupings (each set: the mean of without and with dates). Chosen: the candidate whose worst
        // change against plain similarity at its usual threshold is best over the sets (a gain on one set bought with
        // a loss on another is no gain), then the best mean.
        var candidates = Joins.Select(j => (Name: "learned", Weights: all with { Join = j }))
            .Concat(Joins.Select(j => (Name: "plain", Weights: GroupingWeights.Plain with { Join = j }))).ToList();
        var table = candidates.Select(c => sets.Select(s => (Score(s.Without, c.Weights, options) + Score(s.With, c.Weights, options)) / 2).ToArray()).ToArray();
        var reference = table[candidates.FindIndex(c => c.Name == "plain" && c.Weights.Join == GroupingWeights.Plain.Join)];
        double Worst(int c, IEnumerable<int> over) => over.Min(i => table[c][i] - reference[i]);
        int Choose(IReadOnlyList<int> over) => Enumerable.Range(0, candidates.Count)
            .OrderByDescending(c => Math.Round(Worst(c, over), 3)).ThenByDescending(c => over.Average(i => table[c][i])).First();
        Console.WriteLine();
        Console.WriteLine("| weights | join | " + string.Join(" | ", sets.Select(s => s.Without.Name)) + " | mean | worst change |");
        Console.WriteLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", sets.Count + 2)));
        var everySet = Enumerable.Range(0, sets.Count).ToList();
        for (var c = 0; c < candidates.Count; c++)
            Console.WriteLine($"| {candidates[c].Name} | {candidates[c].Weights.Join.ToString("F2", Inv)} | " + string.Join(" | ", table[c].Select(x => x.ToString("F3", Inv))) +
                $" | {table[c].Average().ToString("F3", Inv)} | {Worst(c, everySet).ToString("+0.000;-0.000", Inv)} |");
        Console.WriteLine();
        Console.WriteLine("Leave one set out (the candidate chosen on the other sets, scored on the one left out):");
        for (var held = 0; held < sets.Count; held++)
        {
            var pick = Choose(everySet.Where(i => i != held).ToList());
            Console.WriteLine($"  {sets[held].Without.Name}: {candidates[pick].Name} at join {candidates[pick].Weights.Join.ToString("F2", Inv)} → {table[pick][held].ToString("F3", Inv)} (plain at {GroupingWeights.Plain.Join.ToString("F2", Inv)}: {reference[held].ToString("F3", Inv)})");
        }
        var final = candidates[Choose(everySet)].Weights;
        Console.WriteLine($"chosen: {Describe(final)}");
        return final with
        {
            LanguageJoin = LearnLanguages(sets, final, options),
            Description = $"Learned by `newscompare learn-grouping` from {string.Join(", ", sets.Select(s => s.Without.Name))}: " +
                "candidates are the sub-score weights of a logistic regression on labelled pairs (each set and class weighing alike) and plain weights (all 1), each at several join thresholds; " +
                "chosen is the one whose worst change on any set, against plain weights at 0.16, is best (then the best mean), scoring whole groupings with and without dates; " +
                $"a language whose rated pairs hold at least {MinLanguagePairs} same-event pairs gets the join level that scores them best, when it beats the common one by {MinLanguageGain} on them and when chosen on one half of them and scored on the other.",
        };
    }

    private static string Describe(GroupingWeights w) =>
        string.Create(Inv, $"words {w.Words:F2} names {w.Names:F2} numbers {w.Numbers:F2} headline {w.Headline:F2} gap {w.Gap:F3} join {w.Join:F2}");

    /// <summary>
    /// The set's labelled pairs with their sub-scores, read without dates: every same-event pair, and the
    /// different-event pairs that share something (the engine's candidates; at most about 20,000). Pairs whose dates are
    /// both known and at most a week apart come a second time with their gap, so the gap's weight is learned too.
    /// </summary>
    private static Examples Pairs(StorySet set, StorySet dated, StoryEngineOptions options)
    {
        var articles = set.Items.Select(i => i.Article).ToList();
        var labelled = set.TrainingPairs().ToList();
        var features = StoryEngine.PairFeatures(articles, labelled.Select(p => (p.A, p.B)).ToList(), options);
        var tfidf = TfIdfBaseline.Similarities(articles);
        var rng = new Random(1);
        var e = new Examples(set.Name, [], [], []);
        var negatives = labelled.Count(p => !p.Same);
        for (var i = 0; i < labelled.Count; i++)
        {
            var (a, b, same) = labelled[i];
            var x = features[i];
            if (!set.Pairwise && !same && (x[0] + x[1] + x[2] + x[3] < 0.03 || rng.NextDouble() > 20_000.0 / negatives)) continue;
            e.X.Add(x);
            e.Y.Add(same);
            e.Tfidf.Add(tfidf[Math.Min(a, b)][Math.Max(a, b)]);
            if (dated.Items[a].Article.Published is { } da && dated.Items[b].Article.Published is { } db && Math.Abs(da.DayNumber - db.DayNumber) <= 7)
            {
                e.X.Add([.. x[..^1], Math.Abs(da.DayNumber - db.DayNumber) / 7.0]);
                e.Y.Add(same);
                e.Tfidf.Add(tfidf[Math.Min(a, b)][Math.Max(a, b)]);
            }
        }
        return e;
    }

    /// <summary>Logistic regression over the sets' pairs, each set and each class weighing alike; weights scaled so the text sub-scores average 1.</summary>
    private static GroupingWeights Fit(List<Examples> sets)
    {
        var (x, y, w) = (new List<double[]>(), new List<bool>(), new List<double>());
        foreach (var s in sets)
        {
            var pos = s.Y.Count(t => t);
            var neg = s.Y.Count - pos;
            for (var i = 0; i < s.X.Count; i++)
            {
                x.Add(s.X[i]);
                y.Add(s.Y[i]);
                w.Add(1000.0 / sets.Count / 2 / (s.Y[i] ? pos : neg));
            }
        }
        var beta = Logistic.Fit(x, y, w);
        var scale = (beta[0] + beta[1] + beta[2] + beta[3]) / 4;
        if (scale <= 0) throw new InvalidDataException("the labelled pairs gave no positive weight to the text's sub-scores");
        return new GroupingWeights
        {
            Words = beta[0] / scale, Names = beta[1] / scale, Numbers = beta[2] / scale, Headline = beta[3] / scale,
            Gap = Math.Min(0, beta[4] / scale), Join = -beta[5] / scale,
        };
    }

    private static double Score(StorySet set, GroupingWeights w, StoryEngineOptions options) => set.Score(Predict(set, w, options)).F1;

    private static Dictionary<string, string> Predict(StorySet set, GroupingWeights w, StoryEngineOptions options)
    {
        var result = StoryEngine.Group(set.Items.Select(i => i.Article).ToList(), options with { Weights = w });
        return set.Items.ToDictionary(i => i.File, i => result.Placements[i.Article.Id].Story.ToString(Inv), StringComparer.Ordinal);
    }

    /// <summary>Join levels tried for a language of its own.</summary>
    private static readonly double[] LanguageJoins = [0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.24, 0.26, 0.28, 0.30, 0.32, 0.34, 0.36, 0.38, 0.40, 0.42, 0.44, 0.46, 0.48];
    /// <summary>Same-event pairs a language needs in the rated sets before it gets a level of its own.</summary>
    private const int MinLanguagePairs = 20;
    /// <summary>
    /// How much better (mean pairwise F1 of that language, without and with dates) its own level must do than the common
    /// one, on all its pairs and when chosen on one half of them and scored on the other.
    /// </summary>
    private const double MinLanguageGain = 0.01;

    /// <summary>
    /// A join level per language, where the rated sets label enough of its pairs: each set is grouped at every level of
    /// <see cref="LanguageJoins"/> (one level for all, so a language's pairs are scored as if it had its own) and each
    /// language takes the level that scores its pairs best, if that beats the common level by <see cref="MinLanguageGain"/>
    /// both on all its pairs and when chosen on half of them and scored on the other half (each half in turn).
    /// </summary>
    private static Dictionary<string, double> LearnLanguages(List<(StorySet Without, StorySet With)> sets, GroupingWeights chosen, StoryEngineOptions options)
    {
        var grid = LanguageJoins.Append(chosen.Join).Distinct().Order().ToArray();
        var levels = new Dictionary<string, double>(StringComparer.Ordinal);
        Console.WriteLine();
        Console.WriteLine("Join level per language (mean pairwise F1 without and with dates; halves: chosen on one half of the pairs, scored on the other):");
        Console.WriteLine("| set | language | same-event pairs | common level | F1 at common | own level | F1 at own | halves: own | halves: common | taken |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (without, with) in sets.Where(s => s.Without.Pairwise))
        {
            var predicted = grid.Select(j => (Without: Predict(without, chosen with { Join = j }, options), With: Predict(with, chosen with { Join = j }, options))).ToList();
            foreach (var language in without.Pairs.Where(p => !p.Language.Contains('-', StringComparison.Ordinal)).Select(p => p.Language).Distinct().Order(StringComparer.Ordinal))
            {
                var pairs = without.Pairs.Where(p => p.Language == language).ToList();
                if (pairs.Count(p => p.Same) < MinLanguagePairs) continue;
                double F1(int level, IReadOnlyList<RatedPair> over) =>
                    (PairScore.Of(over, predicted[level].Without, language).F1 + PairScore.Of(over, predicted[level].With, language).F1) / 2;
                int Best(IReadOnlyList<RatedPair> over) => Enumerable.Range(0, grid.Length)
                    .OrderByDescending(l => Math.Round(F1(l, over), 3)).ThenBy(l => Math.Abs(grid[l] - chosen.Join)).First();
                var common = Array.IndexOf(grid, chosen.Join);
                var own = Best(pairs);
                var halves = new[] { pairs.Where((_, i) => i % 2 == 0).ToList(), pairs.Where((_, i) => i % 2 == 1).ToList() };
                var heldOwn = (F1(Best(halves[0]), halves[1]) + F1(Best(halves[1]), halves[0])) / 2;
                var heldCommon = (F1(common, halves[1]) + F1(common, halves[0])) / 2;
                // Taken only if it holds on pairs it was not chosen on: a language's few pairs make any level look good on themselves.
                var taken = heldOwn >= heldCommon + MinLanguageGain && F1(own, pairs) >= F1(common, pairs) + MinLanguageGain;
                if (taken) levels[language] = grid[own];
                Console.WriteLine(string.Create(Inv, $"| {without.Name} | {language} | {pairs.Count(p => p.Same)} | {chosen.Join:F2} | {F1(common, pairs):F3} | {grid[own]:F2} | {F1(own, pairs):F3} | {heldOwn:F3} | {heldCommon:F3} | {(taken ? "yes" : "no")} |"));
            }
        }
        return levels;
    }
}
