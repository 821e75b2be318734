namespace NewsCompare.Core.Stories;

/// <summary>Why an article sits in its story: the evidence the engine weighed, kept so pages can show it.</summary>
/// <param name="Score">Cosine similarity of the article to the story when it joined (1 for the article that opened it).</param>
/// <param name="Method">How it got there: "opened", "matched", "names" (matched on names across languages), or a correction kind.</param>
/// <param name="SharedNames">The names and numbers it shares with the story, strongest first.</param>
/// <param name="SharedTerms">The other distinctive words it shares, strongest first.</param>
/// <param name="GapDays">Days between its own date and the story's known dates, when both are known.</param>
public sealed record StoryExplanation(double Score, string Method, IReadOnlyList<string> SharedNames, IReadOnlyList<string> SharedTerms, int? GapDays)
{
    /// <summary>
    /// What each kind of evidence added to <see cref="Score"/> (its sub-score times its learned weight; the date gap's
    /// is negative), by feature; empty for an article that opened its story or was placed by a correction.
    /// </summary>
    public IReadOnlyDictionary<SimilarityFeature, double> Features { get; init; } = new Dictionary<SimilarityFeature, double>();

    /// <summary>
    /// The decision in figures: each feature's sub-score, weight and contribution, the score they sum to and the join
    /// threshold it was compared with (for an article that opened its story: its best candidate's); null when not
    /// recorded (memberships stored before the store kept it).
    /// </summary>
    public ScoreBreakdown? Breakdown { get; init; }
}

/// <summary>How the engine placed one article.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Story">Index of its story in <see cref="GroupingResult.Stories"/>.</param>
/// <param name="Explanation">Why it is there.</param>
/// <param name="CopyOf">The article it copies or lightly rewrites, if any.</param>
/// <param name="InferredDate">The story's date, when the article has none of its own.</param>
public sealed record ArticlePlacement(long ArticleId, int Story, StoryExplanation Explanation, long? CopyOf, DateOnly? InferredDate);

/// <summary>One story found by <see cref="StoryEngine.Group"/>.</summary>
/// <param name="Articles">Its articles' ids, in the order they were placed.</param>
/// <param name="FirstDate">Earliest known date of its articles.</param>
/// <param name="LastDate">Latest known date of its articles.</param>
/// <param name="IndependentCount">Articles that are not copies of another.</param>
/// <param name="Related">Indices of related stories (same ongoing topic, another event), in time order.</param>
public sealed record GroupedStory(IReadOnlyList<long> Articles, DateOnly? FirstDate, DateOnly? LastDate, int IndependentCount, IReadOnlyList<int> Related)
{
    /// <summary>The proposed split when the story may hold more than one event (it then lends no inferred dates); else null.</summary>
    public ProposedSplit? Mixed { get; init; }
}

/// <summary>The result of grouping a set of articles in memory.</summary>
/// <param name="Stories">The stories.</param>
/// <param name="Placements">Each article's placement, by article id.</param>
public sealed record GroupingResult(IReadOnlyList<GroupedStory> Stories, IReadOnlyDictionary<long, ArticlePlacement> Placements);

/// <summary>
/// The story-grouping engine: pure functions from article text, outlet, language and known date to stories, copies,
/// related links and explanations. No store and no services: the store layer feeds it from the database.
/// </summary>
public static partial class StoryEngine
{
    /// <summary>
    /// Inverse document frequency, smoothed, for <paramref name="term"/> found in <paramref name="df"/> of the
    /// store's <paramref name="n"/> articles, counting the background sample's articles as if the store held them too.
    /// </summary>
    /// <remarks>
    /// When the whole collection is known (a full grouping), a term no other article uses (df 1) counts a quarter:
    /// it cannot tie the article to anything, but it still says the article is about something of its own. While
    /// importing, df 1 only means "not seen yet" (the next report of the event may bring it), so it counts fully.
    /// </remarks>
    /// <param name="term">The term.</param>
    /// <param name="df">Articles of the store that use it.</param>
    /// <param name="n">Articles of the store.</param>
    /// <param name="background">The background sample (none by default).</param>
    /// <param name="complete">Whether the whole collection is known (a full grouping).</param>
    /// <param name="unshared">What a term no other article uses counts in a full grouping (<see cref="StoryEngineOptions.UnsharedTermWeight"/>).</param>
    internal static double Idf(uint term, long df, long n, BackgroundTerms background, bool complete = true, double unshared = StoryEngineOptions.DefaultUnsharedTermWeight)
    {
        // The sample counts as B·B/(B+n) documents: nearly all of it beside a handful of articles, little once the
        // store is several times its size and knows its own vocabulary.
        var share = background.Documents == 0 ? 0 : (double)background.Documents / (background.Documents + n);
        return (Math.Log((n + background.Documents * share + 1.0) / (Math.Max(df, 1) + background.Frequency(term) * share + 1.0)) + 1.0)
            * (df <= 1 && complete ? unshared : 1);
    }

    /// <summary>What the placement order reads of an article (<see cref="InPlacementOrder(IReadOnlyCollection{PlacementFacts})"/>).</summary>
    /// <param name="Id">The article.</param>
    /// <param name="Day">Day number of its own date, if it has one.</param>
    /// <param name="Terms">How many distinct terms its text has.</param>
    /// <param name="FirstMinHash">The first slot of its shingles' MinHash: a value of the text itself.</param>
    /// <param name="TextHash">A hash of its whole MinHash signature and shingle count, equal for equal texts; 0 for none.</param>
    internal readonly record struct PlacementFacts(long Id, int? Day, int Terms, uint FirstMinHash, ulong TextHash)
    {
        public static PlacementFacts Of(long id, int? day, int terms, uint[] minHash, int shingles)
        {
            var h = 14695981039346656037UL;
            foreach (var x in minHash) { h ^= x; h *= 1099511628211UL; }
            h ^= (uint)shingles;
            h *= 1099511628211UL;
            return new PlacementFacts(id, day, terms, minHash.Length > 0 ? minHash[0] : 0, shingles == 0 ? 0 : h | 1);
        }

        public static PlacementFacts Of(ArticleProfile p) => Of(p.Id, p.Day, p.Terms, p.MinHash, p.Shingles);

        public static PlacementFacts Of(TermCounts c) => Of(c.Id, c.Day, c.DistinctTerms, c.MinHash, c.Shingles);
    }

    /// <summary>
    /// The order in which articles are placed, as ids. Placement is greedy, so its order matters; an order read from
    /// the articles themselves groups one collection the same way whatever order it was imported in:
    /// <list type="number">
    /// <item>dated articles first, by date, then the undated ones;</item>
    /// <item>within a day (and among the undated), each text before its exact repeats (copies add no evidence of their
    /// own: placed next to their original, a copy would hold it wherever it opened a story);</item>
    /// <item>the articles with the most distinct terms first, so the fullest reports open the stories and shorter or
    /// partial ones join them;</item>
    /// <item>then a value of the text (a MinHash slot), and the id only for articles of the same text.</item>
    /// </list>
    /// Of several articles with one text, the original is the earliest dated, then the lowest id.
    /// </summary>
    internal static List<long> InPlacementOrder(IReadOnlyCollection<PlacementFacts> articles)
    {
        var repeats = new HashSet<long>();
        var texts = new HashSet<ulong>();
        foreach (var a in articles.OrderBy(a => a.Day is null).ThenBy(a => a.Day).ThenBy(a => a.Id))
            if (a.TextHash != 0 && !texts.Add(a.TextHash)) repeats.Add(a.Id);
        return articles.OrderBy(a => (a.Day is null, a.Day ?? 0, repeats.Contains(a.Id), -a.Terms, a.FirstMinHash, a.Id)).Select(a => a.Id).ToList();
    }

    /// <summary><paramref name="items"/> in placement order, by the profile each holds (<see cref="InPlacementOrder(IReadOnlyCollection{PlacementFacts})"/>).</summary>
    internal static List<T> InPlacementOrder<T>(IReadOnlyCollection<T> items, Func<T, ArticleProfile> profile)
    {
        var byId = items.ToDictionary(i => profile(i).Id);
        return InPlacementOrder(items.Select(i => PlacementFacts.Of(profile(i))).ToList()).Select(id => byId[id]).ToList();
    }

    /// <summary>How many of an article's strongest terms look up candidate stories.</summary>
    internal const int CandidateTerms = 16;
    /// <summary>How many of an article's strongest terms point to its story in the postings.</summary>
    internal const int IndexedTerms = 16;
    /// <summary>How many candidate stories are scored per article.</summary>
    internal const int MaxCandidates = 30;

    internal sealed record Decision(StorySignature? Story, StoryExplanation Explanation, IReadOnlyList<(long StoryId, double Score)> Related);

    /// <summary>Picks the story <paramref name="a"/> belongs to among <paramref name="candidates"/>, or none (open a new one).</summary>
    internal static Decision Choose(ArticleProfile a, IReadOnlyList<StorySignature> candidates, StoryEngineOptions o)
    {
        var scored = new Scored(a);
        var related = new List<(long, double)>();
        var eligible = new List<(StorySignature Story, double Sim, bool NamesOnly)>();
        // Each candidate's similarity, kept for the related links below (NaN: not computed).
        var sims = new double[candidates.Count];
        // Why each candidate was turned down, for the explanation of an article that opens a story.
        var refusals = new Dictionary<StorySignature, string>(ReferenceEqualityComparer.Instance);
        // How alike two reports of one event look depends on the language (docs/stories.md §2): its own level.
        var join = o.JoinFor(a.Language);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            sims[i] = double.NaN;
            if (c.Members == 0) continue;
            var namesOnly = !c.Languages.Contains(a.Language);
            var (sim, shared, sharedNames) = Similarity(scored, c, namesOnly, o);
            sims[i] = sim;
            // Both name people or places, and not one name or figure is the same: another event of the topic
            // ("Mt. Gox creditors repaid in bitcoin" and "FTX collapse drags bitcoin lower" share only the topic's words).
            // Figures alone are no cast: two reports of one event print different counts, and in a script without
            // capitals (Arabic, Hebrew) figures are all the names an article has.
            var otherCast = !namesOnly && sharedNames == 0 && scored.HasNames && c.HasNames();
            var gap = c.GapDays(a.Day);
            var dateConflict = gap > o.MaxGapDays;
            // One outlet reporting one event twice is rarer than two outlets doing so, and part of what two articles
            // of one outlet share is the outlet itself (page furniture, section words, authors): joining a story that
            // only the article's own outlet has reported must clear a higher bar. Another outlet's report lifts it.
            var sameOutlet = o.SameOutletMargin > 0 && !string.IsNullOrWhiteSpace(a.Outlet) && c.Outlets.Count == 1 && c.Outlets.Contains(a.Outlet.Trim());
            var bar = join + (sameOutlet ? o.SameOutletMargin : 0);
            if (dateConflict || otherCast || shared < o.MinSharedTerms || sim < bar)
            {
                refusals[c] = Refusal(sim, join, dateConflict, otherCast, shared, o, sameOutlet);
                if (sim >= o.RelatedThreshold) related.Add((c.Id, sim));
                continue;
            }
            eligible.Add((c, sim, namesOnly));
        }
        StorySignature? best = null;
        double bestScore = 0;
        var bestNamesOnly = false;
        foreach (var (c, sim, namesOnly) in eligible.OrderByDescending(e => e.Sim).ThenBy(e => e.Story.Id))
        {
            // An undated article that resembles the story no more than the story resembles another event of its
            // topic cannot be told apart from the topic: it opens a story of its own, linked as related.
            if (a.Day is null && !StandsOut(sim, c, candidates, o))
            {
                refusals[c] = ScoreBreakdown.TopicOnly;
                related.Add((c.Id, sim));
                continue;
            }
            (best, bestScore, bestNamesOnly) = (c, sim, namesOnly);
            break;
        }
        if (best is null) return new Decision(null, Opened(a, candidates, sims, refusals, o), related);

        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c == best || related.Any(r => r.Item1 == c.Id)) continue;
            var sim = double.IsNaN(sims[i]) ? Similarity(scored, c, !c.Languages.Contains(a.Language), o).Sim : sims[i];
            if (sim >= o.RelatedThreshold) related.Add((c.Id, sim));
        }
        return new Decision(best, Explain(a, best, bestScore, bestNamesOnly ? "names" : "matched", bestNamesOnly, o), related);
    }

    /// <summary>
    /// Whether an undated article's similarity <paramref name="sim"/> to <paramref name="story"/> stands out from how
    /// alike the topic's events look: against every candidate story whose known dates put it more than
    /// <see cref="StoryEngineOptions.MaxGapDays"/> from <paramref name="story"/>'s (another event for certain), the
    /// article must resemble the story by <see cref="StoryEngineOptions.EventMargin"/> more than the two stories
    /// resemble each other (average similarity of their members). Known dates calibrate how alike two events of one
    /// topic look: the same officials, places and lines recur, and an article that matches a story only that well
    /// matches the topic, not the event.
    /// </summary>
    private static bool StandsOut(double sim, StorySignature story, IReadOnlyList<StorySignature> candidates, StoryEngineOptions o)
    {
        if (story.FirstDay is not int f || story.LastDay is not int l) return true;
        foreach (var t in candidates)
        {
            if (t == story || t.Members == 0 || t.FirstDay is not int tf || t.LastDay is not int tl) continue;
            var apart = tf > l ? tf - l : f > tl ? f - tl : 0;
            if (apart <= o.MaxGapDays) continue;
            var cross = StorySignature.Dot(story, t, o.Weights) / ((double)story.Members * t.Members);
            if (sim < cross + o.EventMargin) return false;
        }
        return true;
    }

    private static (double Sim, int Shared, int SharedNames) Similarity(ArticleProfile a, StorySignature c, bool namesOnly, StoryEngineOptions o) =>
        Similarity(new Scored(a), c, namesOnly, o);

    /// <summary>An article read once for scoring against many stories: its terms as arrays in its vector's order, and its norms.</summary>
    private sealed class Scored
    {
        public Scored(ArticleProfile a)
        {
            Article = a;
            (Keys, Weights) = (new uint[a.Weights.Count], new float[a.Weights.Count]);
            // One pass for the terms, both norms (summed in the vector's order, as Vectors.Norm sums them) and whether it names anyone.
            var i = 0;
            double all = 0, names = 0;
            foreach (var (k, w) in a.Weights)
            {
                (Keys[i], Weights[i++]) = (k, w);
                var square = (double)w * w;
                all += square;
                if ((k & TextSignals.NameBit) != 0) names += square;
                HasNames |= TextSignals.IsWordName(k);
            }
            (Norm, NamesNorm) = (Math.Sqrt(all), Math.Sqrt(names));
        }

        public ArticleProfile Article { get; }
        public uint[] Keys { get; }
        public float[] Weights { get; }
        public double Norm { get; }
        public double NamesNorm { get; }
        public bool HasNames { get; }
    }

    private static (double Sim, int Shared, int SharedNames) Similarity(Scored s, StorySignature c, bool namesOnly, StoryEngineOptions o)
    {
        var m = Measure(s, c, namesOnly, o);
        return (Weighed(m, o.Weights), m.Shared, m.SharedNames);
    }

    // The similarity its sub-scores make under the learned weights.
    private static double Weighed(SubScores m, GroupingWeights w) =>
        w.Words * m.Words + w.Names * m.Names + w.Numbers * m.Numbers + w.Headline * m.Headline + w.Gap * m.Weeks;

    /// <summary>The sub-scores of an article's similarity to a story, before they are weighed, and the evidence counts.</summary>
    internal readonly record struct SubScores(double Words, double Names, double Numbers, double Headline, double Weeks, int Shared, int SharedNames);

    private static SubScores Measure(Scored s, StorySignature c, bool namesOnly, StoryEngineOptions o)
    {
        var a = s.Article;
        var an = namesOnly ? s.NamesNorm : s.Norm;
        var weeks = Weeks(c.GapDays(a.Day));
        if (an == 0) return new SubScores(0, 0, 0, 0, weeks, 0, 0);
        double words = 0, names = 0, numbers = 0, headline = 0;
        int shared = 0, sharedNames = 0;
        for (var i = 0; i < s.Keys.Length; i++)
        {
            var k = s.Keys[i];
            if (namesOnly && (k & TextSignals.NameBit) == 0) continue;
            if (!c.TryGetWeight(k, out var x)) continue;
            var p = (double)s.Weights[i] * x;
            // Each kind of evidence (words, names, figures, headline) is a sub-score of its own, weighed as learned.
            if ((k & TextSignals.HeadlineBit) != 0) headline += p;
            else if ((k & TextSignals.NumberBit) != 0) numbers += p;
            else if ((k & TextSignals.NameBit) != 0) names += p;
            else words += p;
            // Names alone are the recurring cast of a topic; in one language, an event also shares ordinary words.
            if (namesOnly || (k & TextSignals.NameBit) == 0) shared++;
            if ((k & TextSignals.NameBit) != 0) sharedNames++;
        }
        // Average similarity to the members (not to their normalised sum): a big story must not pull in articles
        // just because its centroid is smooth; each member has to agree on average.
        // A short text shares its few words easily: shrink its similarity towards zero by how little it says.
        var scale = (double)a.Terms / (a.Terms + o.ShortTextTerms) / (an * c.Members);
        return new SubScores(words * scale, names * scale, numbers * scale, headline * scale, weeks, shared, sharedNames);
    }

    /// <summary>
    /// The sub-scores of similarity for each of <paramref name="pairs"/> of <paramref name="articles"/>, weighed
    /// against the whole set as a full grouping weighs them (the mean of both directions; the date gap in weeks):
    /// what <c>learn-grouping</c> learns the weights from.
    /// </summary>
    /// <param name="articles">The set's articles.</param>
    /// <param name="pairs">Pairs of indices into <paramref name="articles"/>.</param>
    /// <param name="options">Options (for the short-text shrink); defaults when null.</param>
    /// <returns>Per pair, the sub-scores in <see cref="SimilarityFeature"/> order.</returns>
    public static double[][] PairFeatures(IReadOnlyList<StoryArticle> articles, IReadOnlyList<(int A, int B)> pairs, StoryEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(pairs);
        var o = options ?? StoryEngineOptions.Default;
        var scored = WeighCollection(articles, o).Select(p => new Scored(p)).ToList();
        var single = scored.Select(x => StorySignature.Of(0, [x.Article])).ToList();
        var result = new double[pairs.Count][];
        Parallel.For(0, pairs.Count, i =>
        {
            var (a, b) = pairs[i];
            SubScores One(int x, int y) => Measure(scored[x], single[y], !single[y].Languages.Contains(scored[x].Article.Language), o);
            var (ab, ba) = (One(a, b), One(b, a));
            result[i] = [(ab.Words + ba.Words) / 2, (ab.Names + ba.Names) / 2, (ab.Numbers + ba.Numbers) / 2, (ab.Headline + ba.Headline) / 2, ab.Weeks];
        });
        return result;
    }

    // Time is graded: reports a few days apart need more agreement in what they say than reports of one day.
    private static double Weeks(int? gapDays) => gapDays is int g ? g / 7.0 : 0;

    internal static StoryExplanation Explain(ArticleProfile a, StorySignature s, double score, string method, bool namesOnly = false, StoryEngineOptions? options = null)
    {
        var o = options ?? StoryEngineOptions.Default;
        // The shared terms with their weight in the story, the largest product first (ties by term).
        var shared = new List<(uint Key, float Value, float Story)>();
        foreach (var (k, x) in a.Weights)
            if ((!namesOnly || (k & TextSignals.NameBit) != 0) && s.TryGetWeight(k, out var y)) shared.Add((k, x, y));
        shared.Sort(LargerProductFirst);
        // Each kind's share of the score, as Similarity sums it.
        var norm = Vectors.Norm(a.Weights, namesOnly);
        var scale = norm == 0 || s.Members == 0 ? 0 : (double)a.Terms / (a.Terms + o.ShortTextTerms) / (norm * s.Members);
        var features = new Dictionary<SimilarityFeature, double>();
        foreach (var (k, x, y) in shared)
        {
            var kind = GroupingWeights.KindOf(k);
            features[kind] = features.GetValueOrDefault(kind) + o.Weights.Of(k) * x * y * scale;
        }
        if (o.Weights.Gap != 0 && s.GapDays(a.Day) is int gap) features[SimilarityFeature.Gap] = o.Weights.Gap * Weeks(gap);
        // Told in the article's own words (Патрушев, Wang Yi), not the keys they match on; a name term the article does
        // not print as a name is told as a word ("foreign") or, a phrase, not at all.
        var terms = new List<(bool Name, string Key, string Shown)>();
        foreach (var (k, _, _) in shared)
        {
            if (TextSignals.IsHeadlineTerm(k)) continue;
            var shown = a.ShownAsName(k);
            if (shown is not null) terms.Add((shown.Value, a.Text.GetValueOrDefault(k, "?"), a.Shown(k)));
        }
        var names = terms.Where(x => x.Name).ToList();
        return new StoryExplanation(Math.Round(score, 4), method,
            Joined(names.Where(n => !names.Any(longer => longer.Key.Length > n.Key.Length && ContainsWords(longer.Key, n.Key))).ToList()).Take(8).ToList(),
            terms.Where(x => !x.Name).Select(x => x.Shown).Take(8).ToList(),
            s.GapDays(a.Day))
        {
            Features = features.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)),
            Breakdown = BreakdownOf(a, s, namesOnly, o, method == "corrected" ? ScoreBreakdown.Corrected : null),
        };
    }

    private static readonly Comparison<(uint Key, float Value, float Story)> LargerProductFirst = (p, q) =>
        (q.Value * q.Story).CompareTo(p.Value * p.Story) is var c and not 0 ? c : p.Key.CompareTo(q.Key);

    // Phrases are at most three words, so a longer name is shared as overlapping windows ("Foreign Minister Wang",
    // "Minister Wang Yi"); two three-word windows that overlap by two words are told as the one name they come from,
    // where each is printed word for word (no connector whose place could not be told).
    private static List<string> Joined(List<(bool Name, string Key, string Shown)> names)
    {
        var shown = new List<(string[] Key, string[] Shown)>();
        foreach (var n in names)
        {
            var (key, words) = (n.Key.Split(' '), n.Shown.Split(' '));
            var at = key.Length == 3 && words.Length == 3
                ? shown.FindIndex(e => e.Key.Length >= 3 && e.Key.Length == e.Shown.Length && (e.Key[^2..].SequenceEqual(key[..2]) || key[1..].SequenceEqual(e.Key[..2])))
                : -1;
            if (at < 0) { shown.Add((key, words)); continue; }
            var e = shown[at];
            shown[at] = e.Key[^2..].SequenceEqual(key[..2]) ? ([.. e.Key, key[2]], [.. e.Shown, words[2]]) : ([key[0], .. e.Key], [words[0], .. e.Shown]);
        }
        return shown.ConvertAll(e => string.Join(' ', e.Shown));
    }

    // "belt road forum" holds "belt road" and "road": a reader is told the longer name once, not its parts again.
    private static bool ContainsWords(string phrase, string part)
    {
        if (part.Length == 0) return $" {phrase} ".Contains("  ", StringComparison.Ordinal);
        for (var at = phrase.IndexOf(part, StringComparison.Ordinal); at >= 0; at = phrase.IndexOf(part, at + 1, StringComparison.Ordinal))
            if ((at == 0 || phrase[at - 1] == ' ') && (at + part.Length == phrase.Length || phrase[at + part.Length] == ' ')) return true;
        return false;
    }

    /// <summary>
    /// Splits a story's members into copy groups and names each group's source: the earliest known date, then the
    /// longest text, then the lowest id. Returns article id → the source it copies (absent for sources).
    /// </summary>
    internal static Dictionary<long, long> CopySources(IReadOnlyList<MemberFeatures> members, StoryEngineOptions o)
    {
        var parent = Enumerable.Range(0, members.Count).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (var i = 0; i < members.Count; i++)
            for (var j = i + 1; j < members.Count; j++)
            {
                // Already one group through other copies: the test could only join what is joined.
                var (x, y) = (Find(i), Find(j));
                if (x != y && IsCopy(members[i], members[j], o)) parent[x] = y;
            }

        var result = new Dictionary<long, long>();
        foreach (var group in Enumerable.Range(0, members.Count).GroupBy(Find))
        {
            if (group.Count() < 2) continue;
            var source = group.Select(i => members[i])
                .OrderBy(m => m.Day ?? int.MaxValue).ThenByDescending(m => m.Words).ThenBy(m => m.ArticleId).First();
            foreach (var i in group) if (members[i].ArticleId != source.ArticleId) result[members[i].ArticleId] = source.ArticleId;
        }
        return result;
    }

    internal static bool IsCopy(MemberFeatures a, MemberFeatures b, StoryEngineOptions o) =>
        Vectors.Containment(a.MinHash, a.Shingles, b.MinHash, b.Shingles) >= o.CopyContainment
        || Vectors.Dot(a.Weights, b.Weights) >= o.RewriteCosine;

    /// <summary>Pairwise similarities of <paramref name="articles"/> as the engine sees them (a diagnostic for benchmarks).</summary>
    /// <param name="articles">The articles.</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    public static double[,] Similarities(IReadOnlyList<StoryArticle> articles, StoryEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var o = options ?? StoryEngineOptions.Default;
        var profiles = WeighCollection(articles, o);
        var m = new double[profiles.Count, profiles.Count];
        for (var i = 0; i < profiles.Count; i++)
            for (var j = 0; j < profiles.Count; j++)
            {
                var s = new StorySignature();
                s.Add(profiles[j]);
                m[i, j] = Similarity(profiles[i], s, false, o).Sim;
            }
        return m;
    }

    /// <summary>
    /// Weighs a whole known collection: each term by its document frequency among <paramref name="articles"/> (a term
    /// no other article uses counts <see cref="StoryEngineOptions.UnsharedTermWeight"/>), discounted per outlet when
    /// <see cref="StoryEngineOptions.SiteTermDiscount"/> is on.
    /// </summary>
    private static List<ArticleProfile> WeighCollection(IReadOnlyList<StoryArticle> articles, StoryEngineOptions o)
    {
        var counts = articles.Select(TermCounts.Count).ToList();
        var df = new Dictionary<uint, int>();
        foreach (var c in counts) foreach (var t in c.Counts.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        var sites = o.SiteTermDiscount ? SiteTerms.Of(counts, df) : null;
        return counts.Select(c => ArticleProfile.Weigh(c, t => Idf(t, df.GetValueOrDefault(t), counts.Count, o.Background, unshared: o.UnsharedTermWeight) * (sites?.Factor(c.Outlet, t) ?? 1), o)).ToList();
    }

    /// <summary>
    /// Groups <paramref name="articles"/> into stories in memory, with the loop the store runs (<see cref="GroupingLoop"/>
    /// over <see cref="InMemoryGroupingState"/>): in placement order (<see cref="InPlacementOrder(IReadOnlyCollection{PlacementFacts})"/>),
    /// each article joins the most similar story or opens a new one; then refinement passes and the two-event split.
    /// A story flagged as possibly holding two events lends no inferred dates.
    /// </summary>
    /// <param name="articles">The articles (ids must be unique).</param>
    /// <param name="options">Thresholds; <see cref="StoryEngineOptions.Default"/> when null.</param>
    public static GroupingResult Group(IReadOnlyList<StoryArticle> articles, StoryEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var o = options ?? StoryEngineOptions.Default;
        var profiles = InPlacementOrder(WeighCollection(articles, o), p => p);

        var state = new InMemoryGroupingState(o);
        GroupingLoop.Place(state, profiles.Select(p => (p, (ArticleProfile?)null)).ToList());
        for (var pass = 0; pass < o.RefinePasses; pass++)
            if (GroupingLoop.Refine(state, state.Placed(profiles)) == 0) break;
        GroupingLoop.Split(state, Enumerable.Range(0, state.Stories.Count).Select(i => (long)i), ProposedSplit.FlagBelow);

        // Refinement may have emptied stories: number the rest in order.
        var kept = Enumerable.Range(0, state.Stories.Count).Where(i => state.Members[i].Count > 0).ToList();
        var renumber = kept.Select((old, i) => (old, i)).ToDictionary(x => x.old, x => x.i);
        var related = state.Related.Where(p => renumber.ContainsKey(p.Item1) && renumber.ContainsKey(p.Item2))
            .Select(p => (renumber[p.Item1], renumber[p.Item2])).ToHashSet();
        var stories = kept.Select(i => state.Stories[i]).ToList();
        var members = kept.Select(i => state.Members[i]).ToList();

        var placements = new Dictionary<long, ArticlePlacement>();
        var result = new List<GroupedStory>();
        for (var i = 0; i < stories.Count; i++)
        {
            var s = stories[i];
            var copies = CopySources(members[i].Select(MemberFeatures.From).ToList(), o);
            DateOnly? first = s.FirstDay is int f ? DateOnly.FromDayNumber(f) : null;
            DateOnly? last = s.LastDay is int l ? DateOnly.FromDayNumber(l) : null;
            var lends = state.Flags.ContainsKey(kept[i]) ? null : first;
            var rel = related.Where(p => p.Item1 == i || p.Item2 == i).Select(p => p.Item1 == i ? p.Item2 : p.Item1).Distinct()
                .OrderBy(r => stories[r].FirstDay ?? int.MaxValue).ThenBy(r => r).ToList();
            result.Add(new GroupedStory(members[i].Select(m => m.Id).ToList(), first, last, members[i].Count - copies.Count, rel)
            {
                Mixed = state.Flags.GetValueOrDefault(kept[i]),
            });
            foreach (var m in members[i])
                placements[m.Id] = new ArticlePlacement(m.Id, i, state.Explanations[m.Id].Why,
                    copies.TryGetValue(m.Id, out var src) ? src : null, m.Day is null ? lends : null);
        }
        return new GroupingResult(result, placements);
    }

    /// <summary>Stories smaller than this are never split (each half must hold two articles).</summary>
    public const int MinSplitMembers = 4;
    /// <summary>Stories larger than this are not checked for a split (the bisection grows with the cube of the size).</summary>
    internal const int MaxSplitMembers = 200;

    /// <summary>
    /// The top split of a story's members: their term vectors (unit length) are joined bottom-up, the most alike groups
    /// first (average linkage), until two groups are left. Returns the indices of the group holding member 0
    /// (<c>Keep</c>), of the other (<c>Move</c>), their average cosine to each other (<c>Cross</c>) and how alike each
    /// hangs together inside (its members' average pairwise cosine; 1 for a single member). Either group may be a
    /// single member: the one that resembles the others least. Null for fewer than two or more than
    /// <see cref="MaxSplitMembers"/> members.
    /// </summary>
    internal static TopSplit? Bisect(IReadOnlyList<Dictionary<uint, float>> vectors)
    {
        var n = vectors.Count;
        if (n < 2 || n > MaxSplitMembers) return null;
        // sum[i, j]: the summed cosines between the members of groups i and j (Lance–Williams for average linkage);
        // inside[i]: the summed cosines between the members of group i.
        var sum = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                sum[i, j] = sum[j, i] = Vectors.Dot(vectors[i], vectors[j]);
        var inside = new double[n];
        var groups = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToArray();
        var alive = Enumerable.Range(0, n).ToList();
        while (alive.Count > 2)
        {
            var (a, b, best) = (-1, -1, double.NegativeInfinity);
            for (var x = 0; x < alive.Count; x++)
                for (var y = x + 1; y < alive.Count; y++)
                {
                    var (i, j) = (alive[x], alive[y]);
                    var average = sum[i, j] / (groups[i].Count * groups[j].Count);
                    if (average > best) (a, b, best) = (i, j, average);
                }
            inside[a] += inside[b] + sum[a, b];
            foreach (var k in alive)
                if (k != a && k != b) { sum[a, k] += sum[b, k]; sum[k, a] = sum[a, k]; }
            groups[a].AddRange(groups[b]);
            alive.Remove(b);
        }
        var (f, s) = (alive[0], alive[1]);
        if (!groups[f].Contains(0)) (f, s) = (s, f);
        double Cohesion(int g) => groups[g].Count < 2 ? 1 : inside[g] / (groups[g].Count * (groups[g].Count - 1) / 2.0);
        return new TopSplit(groups[f].Order().ToList(), groups[s].Order().ToList(), sum[f, s] / (groups[f].Count * groups[s].Count), Cohesion(f), Cohesion(s));
    }

    /// <summary>The top split of a story's members (<see cref="Bisect"/>).</summary>
    /// <param name="Keep">Indices of the group holding member 0.</param>
    /// <param name="Move">Indices of the other group.</param>
    /// <param name="Cross">The groups' average cosine to each other.</param>
    /// <param name="KeepCohesion">The average cosine between <paramref name="Keep"/>'s members (1 for one member).</param>
    /// <param name="MoveCohesion">The average cosine between <paramref name="Move"/>'s members (1 for one member).</param>
    internal readonly record struct TopSplit(List<int> Keep, List<int> Move, double Cross, double KeepCohesion, double MoveCohesion)
    {
        /// <summary>
        /// The lone member that resembles the rest of its story least, when one group is a single member and the other
        /// holds at least <see cref="MinOutlierRest"/> (its index into the story's members), else null.
        /// </summary>
        public int? Loner => Move.Count == 1 && Keep.Count >= MinOutlierRest ? Move[0] : Keep.Count == 1 && Move.Count >= MinOutlierRest ? Keep[0] : null;

        /// <summary>Whether each group holds at least two members (a split into two events is possible).</summary>
        public bool Halves => Keep.Count >= 2 && Move.Count >= 2;

    }

    /// <summary>A lone member leaves its story only when the rest holds at least this many articles (their cohesion is the yardstick).</summary>
    internal const int MinOutlierRest = 3;

    /// <summary>Why <paramref name="a"/> is in a story that was split: what it shares with the rest of its half.</summary>
    internal static StoryExplanation Rejoin(ArticleProfile a, IReadOnlyList<ArticleProfile> half, StoryEngineOptions o)
    {
        var rest = StorySignature.Of(0, half.Where(m => m != a));
        var namesOnly = !rest.Languages.Contains(a.Language);
        var why = Explain(a, rest, Similarity(a, rest, namesOnly, o).Sim, "matched", namesOnly, o);
        return why with { Breakdown = why.Breakdown! with { Rule = ScoreBreakdown.SplitHalf } };
    }

    /// <summary>Why <paramref name="a"/> left its story as a lone member (<see cref="StoryEngineOptions.OutlierBelow"/>): its score against the rest.</summary>
    internal static StoryExplanation LeftAlone(ArticleProfile a, IReadOnlyList<ArticleProfile> rest, StoryEngineOptions o)
    {
        var others = StorySignature.Of(0, rest);
        var namesOnly = !others.Languages.Contains(a.Language);
        var why = Explain(a, others, Similarity(a, others, namesOnly, o).Sim, "opened", namesOnly, o);
        return why with { Breakdown = why.Breakdown! with { Rule = ScoreBreakdown.Outlier } };
    }

    /// <summary>How much better another story must match before refinement moves an article out of its own.</summary>
    internal const double RefineMargin = 0.02;

    /// <summary>
    /// Whether refinement moves <paramref name="a"/> to the story <paramref name="d"/> chose rather than leaving it in
    /// <paramref name="rest"/> (its story without it): only to another eligible story that matches clearly better.
    /// An article that is about as close to two stories stays where greedy placement put it, so a regroup does not
    /// trade one coin toss for another (and stays closer to what the import path decided).
    /// </summary>
    internal static bool Moves(ArticleProfile a, StorySignature rest, Decision d, StoryEngineOptions o)
    {
        if (d.Story is null || d.Story == rest) return false;
        var stay = rest.Members == 0 ? null : Choose(a, [rest], o);
        return stay?.Story is null || d.Explanation.Score >= stay.Explanation.Score + RefineMargin;
    }
}
