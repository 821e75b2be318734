namespace NewsCompare.Core.Comparison;

/// <summary>Which sentences of the compared versions make the same statement: groups, and the matches behind them.</summary>
internal sealed class Alignment(int[] versionOf, int[] groupOf, Dictionary<(int, int), StatementMatch> matches)
{
    private readonly Dictionary<int, List<int>> _members = groupOf.Select((g, i) => (g, i)).GroupBy(x => x.g)
        .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToList());

    public int GroupOf(int sentence) => groupOf[sentence];
    public int VersionOf(int sentence) => versionOf[sentence];
    public IReadOnlyList<int> Members(int group) => _members[group];

    /// <summary>The matcher's score for two sentences it found to make the same statement; 0 otherwise.</summary>
    public double Score(int a, int b) => matches.TryGetValue(Key(a, b), out var m) ? m.Score : 0;

    public bool DifferingFigures(int a, int b) => matches.TryGetValue(Key(a, b), out var m) && m.DifferingFigures;

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);
}

/// <summary>
/// Lines up the sentences of several versions: every pair of sentences from two versions is matched, and the pairs
/// that make the same statement are joined strongest first, so that a group never holds two sentences of one version
/// (a sentence lines up with at most one sentence of each other version).
/// </summary>
internal static class StatementAligner
{
    public static Alignment Align(List<VersionComparer.Sentence> all, int versionCount, StatementMatcher matcher)
    {
        // Versions often carry the same sentence word for word (agency copy): each distinct text is gated and matched
        // against another once, and the result is shared by every pair of sentences with those two texts.
        var texts = new List<Statement>();
        var occurrences = new List<List<int>>();
        var ids = new Dictionary<(string, string?), int>();
        for (var i = 0; i < all.Count; i++)
        {
            var s = all[i].Statement;
            if (!ids.TryGetValue((s.Text, s.Language), out var t))
            {
                ids[(s.Text, s.Language)] = t = texts.Count;
                texts.Add(s);
                occurrences.Add([]);
            }
            occurrences[t].Add(i);
        }

        // Most pairs of a story's sentences share too few words to be one statement. Stems are kept as sorted ids
        // (the matcher's gate then merges two short arrays), and a pair is skipped when even its smallest clauses
        // could not reach the gate with all the words the two sentences share.
        var smallest = texts.Select(s => s.Clauses.Append(s).Min(c => c.StemIds.Length)).ToArray();
        var gate = Math.Min(matcher.Model.SameLanguage.Gate, matcher.Model.WithEmbeddings?.Gate ?? double.MaxValue);

        // Each pair of texts is matched in the order its sentences come (the earlier one first), in either order that
        // occurs: a tie between clauses may fall differently the other way round. The matcher is pure, so pairs of
        // texts are matched on all cores; their sentences are then paired in order.
        var matched = new List<(int Tb, StatementMatch? Forward, StatementMatch? Backward)>[texts.Count];
        Parallel.For(0, texts.Count, ta =>
        {
            var row = new List<(int, StatementMatch?, StatementMatch?)>();
            for (var tb = ta; tb < texts.Count; tb++)
            {
                var (forward, backward) = Orders(occurrences[ta], occurrences[tb], ta == tb, all);
                if ((!forward && !backward) || CannotMatch(texts[ta], texts[tb], smallest[ta] + smallest[tb], gate)) continue;
                row.Add((tb, forward ? matcher.MatchAcrossVersions(texts[ta], texts[tb]) : null,
                    backward ? matcher.MatchAcrossVersions(texts[tb], texts[ta]) : null));
            }
            matched[ta] = row;
        });

        var matches = new Dictionary<(int, int), StatementMatch>();
        var pairs = new List<(double Score, int A, int B)>();
        for (var ta = 0; ta < texts.Count; ta++)
        {
            foreach (var (tb, forward, backward) in matched[ta])
            {
                foreach (var i in occurrences[ta])
                {
                    foreach (var j in occurrences[tb])
                    {
                        if (all[i].Version == all[j].Version || (ta == tb && j <= i)) continue;
                        var match = i < j ? forward!.Value : backward!.Value;
                        if (!match.Same) continue;
                        var (a, b) = i < j ? (i, j) : (j, i);
                        matches[(a, b)] = match;
                        pairs.Add((match.Score, a, b));
                    }
                }
            }
        }
        pairs.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : (x.A, x.B).CompareTo((y.A, y.B)));

        var versionOf = all.Select(s => s.Version).ToArray();
        var groups = new UnionFind(all.Count, versionCount, versionOf);
        foreach (var (_, a, b) in pairs) groups.TryUnion(a, b);
        return new Alignment(versionOf, [.. Enumerable.Range(0, all.Count).Select(groups.Find)], matches);
    }

    // Whether sentences of the two texts meet in two versions with the first text's sentence earlier (forward) and
    // later (backward).
    private static (bool Forward, bool Backward) Orders(List<int> first, List<int> second, bool sameText, List<VersionComparer.Sentence> all)
    {
        bool forward = false, backward = false;
        foreach (var i in first)
            foreach (var j in second)
            {
                if (all[i].Version == all[j].Version || (sameText && j <= i)) continue;
                if (i < j) forward = true;
                else backward = true;
            }
        return (forward, backward);
    }

    // An exact bound: true only when no clause of either sentence can pass the matcher's gate with the other's.
    internal static bool CannotMatch(Statement a, Statement b, int smallest, double gate)
    {
        var sameLanguage = a.Language is null || b.Language is null || a.Language == b.Language;
        if (!sameLanguage || smallest <= 0) return false;
        var shared = StatementFeatures.SharedIds(a.StemIds, b.StemIds) + Math.Min(a.Numbers.Length, b.Numbers.Length);
        return 2.0 * shared / smallest < gate;
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;
        private readonly bool[][] _versions;

        public UnionFind(int count, int versionCount, int[] versionOf)
        {
            _parent = Enumerable.Range(0, count).ToArray();
            _versions = versionOf.Select(v => { var set = new bool[versionCount]; set[v] = true; return set; }).ToArray();
        }

        public int Find(int x)
        {
            while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
            return x;
        }

        public void TryUnion(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra == rb) return;
            var va = _versions[ra];
            var vb = _versions[rb];
            for (var v = 0; v < va.Length; v++) if (va[v] && vb[v]) return;
            var (root, child) = ra < rb ? (ra, rb) : (rb, ra);
            _parent[child] = root;
            for (var v = 0; v < va.Length; v++) _versions[root][v] = va[v] || vb[v];
        }
    }
}
