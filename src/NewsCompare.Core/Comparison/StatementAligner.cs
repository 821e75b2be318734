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
        // Most pairs of a story's sentences share too few words to be one statement. Stems are kept as sorted ids
        // (the matcher's gate then merges two short arrays), and a pair is skipped when even its smallest clauses
        // could not reach the gate with all the words the two sentences share.
        var smallest = all.Select(s => s.Statement.Clauses.Append(s.Statement).Min(c => c.StemIds.Length)).ToArray();
        var gate = Math.Min(matcher.Model.SameLanguage.Gate, matcher.Model.WithEmbeddings?.Gate ?? double.MaxValue);

        var matches = new Dictionary<(int, int), StatementMatch>();
        var known = new Dictionary<(string, string?, string, string?), StatementMatch>();
        var pairs = new List<(double Score, int A, int B)>();
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                if (all[i].Version == all[j].Version) continue;
                var sameLanguage = all[i].Statement.Language is null || all[j].Statement.Language is null || all[i].Statement.Language == all[j].Statement.Language;
                if (sameLanguage && smallest[i] + smallest[j] > 0)
                {
                    var a = all[i].Statement;
                    var b = all[j].Statement;
                    var shared = StatementFeatures.SharedIds(a.StemIds, b.StemIds) + Math.Min(a.Numbers.Length, b.Numbers.Length);
                    if (2.0 * shared / Math.Max(1, smallest[i] + smallest[j]) < gate) continue;
                }
                // Versions often carry the same sentence word for word (agency copy): a pair of texts is matched once.
                var key = (all[i].Statement.Text, all[i].Statement.Language, all[j].Statement.Text, all[j].Statement.Language);
                if (!known.TryGetValue(key, out var match)) known[key] = match = matcher.MatchAcrossVersions(all[i].Statement, all[j].Statement);
                if (!match.Same) continue;
                matches[(i, j)] = match;
                pairs.Add((match.Score, i, j));
            }
        }
        pairs.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : (x.A, x.B).CompareTo((y.A, y.B)));

        var versionOf = all.Select(s => s.Version).ToArray();
        var groups = new UnionFind(all.Count, versionCount, versionOf);
        foreach (var (_, a, b) in pairs) groups.TryUnion(a, b);
        return new Alignment(versionOf, [.. Enumerable.Range(0, all.Count).Select(groups.Find)], matches);
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
