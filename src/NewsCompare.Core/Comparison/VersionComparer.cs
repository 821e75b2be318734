namespace NewsCompare.Core.Comparison;

/// <summary>
/// Compares versions of one event's coverage statement by statement: which sentences make the same statement (in
/// other words or another language, by the learned <see cref="StatementMatcher"/>), what each version leaves out,
/// which figures and names differ, and who is quoted by whom in which words. Pure and deterministic; built for two to
/// a dozen articles.
/// </summary>
public static class VersionComparer
{
    /// <summary>Compares <paramref name="versions"/> against each other with the shipped matcher.</summary>
    /// <param name="versions">The versions, two to a dozen.</param>
    /// <param name="wordShares">
    /// Optional: for words from <see cref="CandidateWords(IReadOnlyList{ComparisonInput})"/>, the share (0 to 1) of a larger collection's articles that
    /// use them (the store's). A word most articles use ("announced", "people") then ranks below a rare one
    /// (a place, a name, a figure) among the words only one version uses. Without it, names and figures (capitalised
    /// inside a sentence, or holding a digit) rank first.
    /// </param>
    /// <param name="matcher">The statement matcher; the shipped one when null.</param>
    public static VersionComparison Compare(IReadOnlyList<ComparisonInput> versions, IReadOnlyDictionary<string, double>? wordShares = null, StatementMatcher? matcher = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        // Versions are read independently: on all cores.
        var read = new ReadVersion[versions.Count];
        Parallel.For(0, versions.Count, i => read[i] = Read(versions[i]));
        return Compare(read, wordShares, matcher);
    }

    /// <summary>
    /// Reads a version for comparison: its sentences split and analysed (and embedded, when <paramref name="embedder"/>
    /// reads its language). The result does not change and may be kept and shared between comparisons and threads, so a
    /// version is read once however often it is compared.
    /// </summary>
    /// <param name="version">The version.</param>
    /// <param name="embedder">Sentence embeddings for the matcher's model with embeddings; none when null.</param>
    public static ReadVersion Read(ComparisonInput version, ISentenceEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        // A version repeats its words: each is stemmed once.
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        var sentences = version.Paragraphs
            .SelectMany((p, pi) => SentenceSplitter.Split(p).Select(s => (pi, new Statement(s, version.Language, withClauses: true, stems))))
            .ToList();
        if (embedder is not null && embedder.Reads(version.Language) && sentences.Count > 0)
        {
            var vectors = embedder.Embed([.. sentences.Select(s => s.Item2.Text)]);
            for (var i = 0; i < sentences.Count; i++) sentences[i].Item2.Embedding = vectors[i];
        }
        return new ReadVersion(version, sentences, DistinctiveWords.UsesOf(version), QuoteFinder.Find(version));
    }

    /// <summary>Compares versions read by <see cref="Read"/> (see <see cref="Compare(IReadOnlyList{ComparisonInput}, IReadOnlyDictionary{string, double}?, StatementMatcher?)"/>).</summary>
    /// <param name="read">The versions, two to a dozen.</param>
    /// <param name="wordShares">Optional shares of words in a larger collection (see the other overload).</param>
    /// <param name="matcher">The statement matcher; the shipped one when null.</param>
    public static VersionComparison Compare(IReadOnlyList<ReadVersion> read, IReadOnlyDictionary<string, double>? wordShares = null, StatementMatcher? matcher = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        matcher ??= StatementMatcher.Default;
        var versions = read.Select(r => r.Input).ToList();
        var sentences = read
            .Select((r, vi) => r.Sentences.Select(s => new Sentence(vi, s.Paragraph, s.Statement)).ToList())
            .ToList();
        var all = sentences.SelectMany(s => s).ToList();
        for (var i = 0; i < all.Count; i++) all[i].Index = i;
        foreach (var list in sentences) for (var i = 0; i < list.Count; i++) list[i].Id = $"s{list[i].Version}-{i}";

        var alignment = StatementAligner.Align(all, versions.Count, matcher);
        var distinctive = DistinctiveWords.PerVersion([.. read.Select(r => r.WordUses)], wordShares);
        var quotes = QuoteFinder.Compare(read, sentences, alignment);

        var compared = versions.Select((v, vi) =>
        {
            var placed = sentences[vi].Select(s => Place(s, alignment, all, versions)).ToList();
            var paragraphs = v.Paragraphs.Select((_, pi) => (IReadOnlyList<ComparedSentence>)sentences[vi]
                .Select((s, si) => (s, si)).Where(x => x.s.Paragraph == pi).Select(x => placed[x.si]).ToList()).ToList();
            var versionQuotes = quotes.Where(q => q.Versions.Any(x => x.Key == v.Key && x.Use != QuoteUse.Paraphrased))
                .Select(q => new ComparedQuote(q.Versions.First(x => x.Key == v.Key).Text,
                    q.Versions.Where(x => x.Key != v.Key && x.Use != QuoteUse.Paraphrased).Select(x => x.Key).ToList()))
                .ToList();
            return new ComparedVersion(v.Key, paragraphs, versionQuotes, distinctive[vi], LeavesOut(vi, sentences, alignment, versions));
        }).ToList();

        return new VersionComparison(compared, Differences(sentences, all, alignment, versions), quotes);
    }

    /// <summary>
    /// The words that only one of <paramref name="versions"/> uses, each as the folded form (lower case, accents
    /// removed, as a full-text index stores it) that <see cref="Compare(IReadOnlyList{ComparisonInput}, IReadOnlyDictionary{string, double}?, StatementMatcher?)"/>'s word shares are keyed by.
    /// </summary>
    public static IReadOnlyList<string> CandidateWords(IReadOnlyList<ComparisonInput> versions) => DistinctiveWords.Candidates(versions);

    /// <summary>The words that only one of the read <paramref name="versions"/> uses (see the other overload).</summary>
    public static IReadOnlyList<string> CandidateWords(IReadOnlyList<ReadVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return DistinctiveWords.Candidates([.. versions.Select(v => v.WordUses)]);
    }

    private static ComparedSentence Place(Sentence s, Alignment alignment, List<Sentence> all, IReadOnlyList<ComparisonInput> versions)
    {
        var group = alignment.GroupOf(s.Index);
        var others = alignment.Members(group).Where(m => all[m].Version != s.Version).ToList();
        var alsoIn = others.Select(m => versions[all[m].Version].Key).Distinct().ToList();
        var coverage = alsoIn.Count == 0 ? Coverage.Only : alsoIn.Count + 1 == versions.Count ? Coverage.All : Coverage.Some;
        var best = others.Count == 0 ? 0 : others.Max(m => alignment.Score(s.Index, m));
        var figures = others.Any(m => alignment.DifferingFigures(s.Index, m));
        return new ComparedSentence(s.Id, s.Statement.Text, group, coverage, alsoIn, Math.Round(best, 3), figures);
    }

    // A statement is left out by a version when at least half of the other versions (and at least one) carry it.
    private static List<LeftOut> LeavesOut(int vi, List<List<Sentence>> sentences, Alignment alignment, IReadOnlyList<ComparisonInput> versions)
    {
        var others = versions.Count - 1;
        if (others == 0) return [];
        var needed = Math.Max(1, (others + 1) / 2);
        var carried = new HashSet<int>(sentences[vi].Select(s => alignment.GroupOf(s.Index)));
        var result = new List<LeftOut>();
        var seen = new HashSet<int>();
        foreach (var s in sentences.Where((_, oi) => oi != vi).SelectMany(list => list))
        {
            var group = alignment.GroupOf(s.Index);
            if (carried.Contains(group) || !seen.Add(group)) continue;
            var carriers = alignment.Members(group).Select(m => alignment.VersionOf(m)).Distinct().ToList();
            if (carriers.Count >= needed) result.Add(new LeftOut(group, s.Statement.Text, carriers.Select(c => versions[c].Key).ToList()));
        }
        return result;
    }

    private static List<ValueDifference> Differences(List<List<Sentence>> sentences, List<Sentence> all, Alignment alignment, IReadOnlyList<ComparisonInput> versions)
    {
        var result = new List<ValueDifference>();
        var seen = new HashSet<int>();
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] WordsOf(string name) => words.TryGetValue(name, out var w) ? w : words[name] = NamePhrases.Words(name);
        foreach (var s in sentences.SelectMany(list => list))
        {
            var group = alignment.GroupOf(s.Index);
            var members = alignment.Members(group);
            if (members.Count < 2 || !seen.Add(group)) continue;
            var byVersion = members.Select(m => all[m]).OrderBy(x => x.Version).ToList();

            if (members.Any(a => members.Any(b => alignment.DifferingFigures(a, b))))
            {
                result.Add(new ValueDifference(group, "figures", byVersion
                    .Select(x => new VersionValues(versions[x.Version].Key, x.Id, x.Statement.Figures)).ToList()));
            }
            // Names differ when a version names someone or somewhere none of the others do while another version
            // names someone it does not: a different speaker or place, not a fuller name.
            var names = byVersion.Select(x => x.Statement.NamePhrases).ToList();
            if (names.Count(n => n.Count > 0) < 2) continue;
            bool Exclusive(int i) => names[i].Any(n => !names.Where((_, j) => j != i).SelectMany(o => o).Any(o => NamePhrases.SameName(WordsOf(n), WordsOf(o))));
            if (Enumerable.Range(0, names.Count).Count(Exclusive) >= 2)
            {
                result.Add(new ValueDifference(group, "names", byVersion
                    .Select((x, i) => new VersionValues(versions[x.Version].Key, x.Id, names[i])).ToList()));
            }
        }
        return result;
    }

    /// <summary>Private to one comparison: where a read sentence sits in it.</summary>
    internal sealed class Sentence(int version, int paragraph, Statement statement)
    {
        public int Version { get; } = version;
        public int Paragraph { get; } = paragraph;
        public Statement Statement { get; } = statement;
        public int Index { get; set; }
        public string Id { get; set; } = "";
    }
}

/// <summary>A version read for comparison by <see cref="VersionComparer.Read"/>: its sentences analysed once, never changed after.</summary>
public sealed class ReadVersion
{
    internal ReadVersion(ComparisonInput input, IReadOnlyList<(int Paragraph, Statement Statement)> sentences, Dictionary<string, DistinctiveWords.WordUse> wordUses,
        List<QuoteFinder.Quotation> quotations)
    {
        Input = input;
        Sentences = sentences;
        WordUses = wordUses;
        Quotations = quotations;
    }

    /// <summary>The version as given.</summary>
    public ComparisonInput Input { get; }

    /// <summary>How many sentences it has.</summary>
    public int Count => Sentences.Count;

    /// <summary>Whether its sentences carry embeddings.</summary>
    public bool Embedded => Sentences.Count > 0 && Sentences.All(s => s.Statement.Embedding is not null);

    internal IReadOnlyList<(int Paragraph, Statement Statement)> Sentences { get; }

    /// <summary>Its content words with their uses, for the words only one version uses; only read after it is made.</summary>
    internal Dictionary<string, DistinctiveWords.WordUse> WordUses { get; }

    /// <summary>Its quotations with their speakers; only read after it is made.</summary>
    internal List<QuoteFinder.Quotation> Quotations { get; }
}
