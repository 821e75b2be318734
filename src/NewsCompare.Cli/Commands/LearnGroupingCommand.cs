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
        command.SetAction(parse =>
        {
            try
            {
                var sets = new List<(StorySet Without, StorySet With)>();
                if (parse.GetValue(basil) is { Exists: true } b) sets.Add((StorySet.Basil(b.FullName, false), StorySet.Basil(b.FullName, true)));
                if (parse.GetValue(pairs) is { Exists: true } p) sets.Add((StorySet.RatedPairs(p.FullName, false), StorySet.RatedPairs(p.FullName, true)));
                if (parse.GetValue(generated) > 0)
                    sets.Add((StorySet.Generated(parse.GetValue(generated), parse.GetValue(seed), false), StorySet.Generated(parse.GetValue(generated), parse.GetValue(seed), true)));
                if (sets.Count < 2) throw new InvalidDataException("learn-grouping needs at least two labelled sets (leave-one-set-out)");
                var weights = Learn(sets);
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

    private static GroupingWeights Learn(List<(StorySet Without, StorySet With)> sets)
    {
        var examples = sets.Select(s => Pairs(s.Without, s.With)).ToList();
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
        var table = candidates.Select(c => sets.Select(s => (Score(s.Without, c.Weights) + Score(s.With, c.Weights)) / 2).ToArray()).ToArray();
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
            Description = $"Learned by `newscompare learn-grouping` from {string.Join(", ", sets.Select(s => s.Without.Name))}: " +
                "candidates are the sub-score weights of a logistic regression on labelled pairs (each set and class weighing alike) and plain weights (all 1), each at several join thresholds; " +
                "chosen is the one whose worst change on any set, against plain weights at 0.16, is best (then the best mean), scoring whole groupings with and without dates.",
        };
    }

    private static string Describe(GroupingWeights w) =>
        string.Create(Inv, $"words {w.Words:F2} names {w.Names:F2} numbers {w.Numbers:F2} headline {w.Headline:F2} gap {w.Gap:F3} join {w.Join:F2}");

    /// <summary>
    /// The set's labelled pairs with their sub-scores, read without dates: every same-event pair, and the
    /// different-event pairs that share something (the engine's candidates; at most about 20,000). Pairs whose dates are
    /// both known and at most a week apart come a second time with their gap, so the gap's weight is learned too.
    /// </summary>
    private static Examples Pairs(StorySet set, StorySet dated)
    {
        var articles = set.Items.Select(i => i.Article).ToList();
        var labelled = set.TrainingPairs().ToList();
        var features = StoryEngine.PairFeatures(articles, labelled.Select(p => (p.A, p.B)).ToList());
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

    private static double Score(StorySet set, GroupingWeights w)
    {
        var result = StoryEngine.Group(set.Items.Select(i => i.Article).ToList(), StoryEngineOptions.Default with { Weights = w });
        return set.Score(set.Items.ToDictionary(i => i.File, i => result.Placements[i.Article.Id].Story.ToString(Inv), StringComparer.Ordinal)).F1;
    }
}
