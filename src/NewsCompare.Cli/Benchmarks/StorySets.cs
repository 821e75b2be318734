using System.Globalization;
using System.Text.Json;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>A rated pair of articles (story-pairs-dev): same event, different events, or in between (skipped).</summary>
/// <param name="A">File of the first article.</param>
/// <param name="B">File of the second.</param>
/// <param name="Language">The pair's language ("ar-en" across languages).</param>
/// <param name="Same">True: the same event (overall ≤ 1.5); false: different events (overall ≥ 3.0).</param>
internal sealed record RatedPair(string A, string B, string Language, bool Same);

/// <summary>
/// One labelled development set as every story benchmark reads it: the articles, and either a gold grouping
/// (<see cref="Labels"/>, scored by B-cubed) or rated pairs (<see cref="Pairs"/>, scored by pairwise F1).
/// </summary>
internal sealed record StorySet(string Name, IReadOnlyList<(string File, StoryArticle Article)> Items,
    IReadOnlyDictionary<string, string> Labels, IReadOnlyList<RatedPair> Pairs)
{
    /// <summary>Whether the set is scored on rated pairs rather than a gold grouping.</summary>
    public bool Pairwise => Pairs.Count > 0;

    /// <summary>Labelled pairs for learning: every pair of one event plus every pair of different events (or the rated pairs).</summary>
    public IEnumerable<(int A, int B, bool Same)> TrainingPairs()
    {
        var index = Items.Select((x, i) => (x.File, i)).ToDictionary(x => x.File, x => x.i, StringComparer.Ordinal);
        if (Pairwise)
        {
            foreach (var p in Pairs)
                if (index.TryGetValue(p.A, out var a) && index.TryGetValue(p.B, out var b)) yield return (a, b, p.Same);
            yield break;
        }
        for (var i = 0; i < Items.Count; i++)
            for (var j = i + 1; j < Items.Count; j++)
                if (Labels.TryGetValue(Items[i].File, out var x) && Labels.TryGetValue(Items[j].File, out var y))
                    yield return (i, j, x == y);
    }

    /// <summary>BASIL (story-grouping-dev): articles/*.txt with articles/sources.json, labels.json.</summary>
    public static StorySet Basil(string folder, bool withDates)
    {
        var articles = Path.Combine(folder, "articles");
        var labels = Path.Combine(folder, "labels.json");
        if (!Directory.Exists(articles) || !File.Exists(labels)) throw new InvalidDataException($"{folder}: needs articles/ and labels.json");
        var set = GroupingDataset.Load(articles, labels, withDates, ExtractedParts.None);
        return new StorySet("BASIL", set.Items, set.Labels, []);
    }

    /// <summary>
    /// story-pairs-dev: articles/*.txt (title line, blank line, body), sources.json or sources-nodates.json at the
    /// folder's root (files named "articles/ID.txt"), pairs.jsonl with the ratings.
    /// </summary>
    public static StorySet RatedPairs(string folder, bool withDates, ExtractedParts extracted = ExtractedParts.None)
    {
        var pairsFile = Path.Combine(folder, "pairs.jsonl");
        var articles = Path.Combine(folder, "articles");
        if (!Directory.Exists(articles) || !File.Exists(pairsFile)) throw new InvalidDataException($"{folder}: needs articles/ and pairs.jsonl");
        var manifest = Path.Combine(folder, withDates ? "sources.json" : "sources-nodates.json");
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var sites = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(manifest))
        {
            try
            {
                foreach (var e in JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.EnumerateArray())
                {
                    if (e.TryGetProperty("file", out var f) && f.GetString() is { } file && e.TryGetProperty("published", out var p) && p.GetString() is { Length: >= 10 } s
                        && DateOnly.TryParse(s[..10], CultureInfo.InvariantCulture, out var d))
                        dates[Path.GetFileName(file)] = d;
                    // No outlet is given: the site (the address's host) stands in for it, as in the store.
                    if (e.TryGetProperty("file", out var g) && g.GetString() is { } named && e.TryGetProperty("url", out var u)
                        && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var address))
                        sites[Path.GetFileName(named)] = address.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? address.Host[4..] : address.Host;
                }
            }
            catch (JsonException ex) { throw new InvalidDataException($"{manifest}: not a JSON array of objects with \"file\" ({ex.Message})", ex); }
        }
        var loaded = GroupingDataset.Load(articles, null, withDates: false, extracted);
        var items = loaded.Items.Select(x => (x.File, x.Article with
        {
            Published = withDates && dates.TryGetValue(x.File, out var d) ? d : null,
            Outlet = x.Article.Outlet ?? sites.GetValueOrDefault(x.File),
        })).ToList();
        var pairs = new List<RatedPair>();
        var line = 0;
        foreach (var raw in File.ReadLines(pairsFile))
        {
            line++;
            if (raw.Trim().Length == 0) continue;
            try
            {
                var e = JsonDocument.Parse(raw).RootElement;
                var overall = e.GetProperty("overall").GetDouble();
                if (overall > 1.5 && overall < 3.0) continue;
                var (la, lb) = (e.GetProperty("lang_a").GetString() ?? "?", e.GetProperty("lang_b").GetString() ?? "?");
                pairs.Add(new RatedPair(e.GetProperty("a").GetString() + ".txt", e.GetProperty("b").GetString() + ".txt",
                    la == lb ? la : string.Join('-', new[] { la, lb }.Order(StringComparer.Ordinal)), overall <= 1.5));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{pairsFile}: line {line}: not a rated pair ({ex.Message})", ex);
            }
        }
        return new StorySet("story-pairs-dev", items, new Dictionary<string, string>(), pairs);
    }

    /// <summary>The language pairs.jsonl gives each rated article of story-pairs-dev (file → code).</summary>
    public static Dictionary<string, string> RatedLanguages(string folder)
    {
        var languages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(Path.Combine(folder, "pairs.jsonl")))
        {
            if (raw.Trim().Length == 0) continue;
            try
            {
                var e = JsonDocument.Parse(raw).RootElement;
                foreach (var side in new[] { "a", "b" })
                    if (e.TryGetProperty(side, out var id) && e.TryGetProperty("lang_" + side, out var lang) && lang.GetString() is { Length: > 0 } code)
                        languages[id.GetString() + ".txt"] = code;
            }
            catch (JsonException ex) { throw new InvalidDataException($"{folder}/pairs.jsonl: not JSON lines ({ex.Message})", ex); }
        }
        return languages;
    }

    /// <summary>A generated collection (<see cref="CorpusGenerator"/>) of <paramref name="articles"/> articles.</summary>
    public static StorySet Generated(int articles, int seed, bool withDates)
    {
        var items = new List<(string, StoryArticle)>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        long id = 0;
        foreach (var a in new CorpusGenerator(seed).Generate(articles))
        {
            items.Add((a.File, new StoryArticle(++id, a.Headline, a.Paragraphs, a.Outlet, null, withDates ? a.Published : null)));
            labels[a.File] = $"event-{a.Event}";
        }
        return new StorySet($"generated ({articles}, seed {seed})", items, labels, []);
    }

    /// <summary>Scores a grouping (file → story) on this set: B-cubed F1, or pairwise F1 and accuracy.</summary>
    public SetScore Score(IReadOnlyDictionary<string, string> predicted) =>
        Pairwise ? PairScore.Of(Pairs, predicted, null) : BCubedScore(predicted);

    private SetScore BCubedScore(IReadOnlyDictionary<string, string> predicted)
    {
        var (p, r, f) = BCubed.Score(Labels, predicted);
        return new SetScore(f, null, p, r);
    }
}

/// <summary>A set's headline figure (B-cubed F1 or pairwise F1) and, for rated pairs, accuracy.</summary>
internal sealed record SetScore(double F1, double? Accuracy, double Precision = 0, double Recall = 0);

/// <summary>Pairwise precision/recall/F1 of "same story" and accuracy over rated pairs (as story-pairs-dev's score.py).</summary>
internal static class PairScore
{
    /// <summary>Scores the pairs of <paramref name="language"/> (all when null).</summary>
    public static SetScore Of(IReadOnlyList<RatedPair> pairs, IReadOnlyDictionary<string, string> predicted, string? language)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var p in pairs)
        {
            if (language is not null && p.Language != language) continue;
            var same = predicted.TryGetValue(p.A, out var a) && predicted.TryGetValue(p.B, out var b) && a == b;
            if (p.Same) { if (same) tp++; else fn++; }
            else if (same) fp++;
            else tn++;
        }
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var n = tp + fp + fn + tn;
        return new SetScore(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), n == 0 ? 0 : (double)(tp + tn) / n, precision, recall);
    }
}
