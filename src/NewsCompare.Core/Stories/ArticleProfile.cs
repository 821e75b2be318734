namespace NewsCompare.Core.Stories;

/// <summary>Term counts of one article, before weighting by how rare each term is in the collection.</summary>
internal sealed class TermCounts
{
    public required long Id { get; init; }
    public required string? Outlet { get; init; }
    public required string Language { get; init; }
    /// <summary>Day number of the article's own date (days since 0001-01-01), null when it states none.</summary>
    public required int? Day { get; init; }
    public required Dictionary<uint, float> Counts { get; init; }
    public required Dictionary<uint, string> Text { get; init; }
    /// <summary>
    /// Each term as the article prints it most often (Патрушев for the key "patrusev", "Wang Yi" for "wang yi"), for
    /// explanations only: grouping never reads it. Empty when the counts were not read from the text.
    /// </summary>
    public Dictionary<uint, string> Surface { get; init; } = [];
    public required uint[] MinHash { get; init; }
    public required int Shingles { get; init; }
    public required int Words { get; init; }
    /// <summary>Distinct terms of the full text, when <see cref="Counts"/> holds only some of them.</summary>
    public int? Terms { get; init; }

    /// <summary>Distinct terms of the full text.</summary>
    public int DistinctTerms => Terms ?? Counts.Count;

    /// <summary>Headline words count this many times (bench-grouping: 4–6 is a plateau on the development set).</summary>
    internal const float HeadlineWeight = 4f;
    /// <summary>Words of the lead paragraphs count this many times; background paragraphs once.</summary>
    internal const float LeadWeight = 3f;
    /// <summary>
    /// Each headline word also counts this many times as a headline term, which only another headline can match
    /// (bench-grouping on the development set: 2–3 is a plateau; docs/stories.md §1).
    /// </summary>
    internal const float HeadlineTermWeight = 2.5f;
    /// <summary>
    /// How many name phrases' weight one run of names gives in all: a run of four names ("Foreign Minister Wang Yi")
    /// gives five phrases of full weight; the more phrases of a longer run share that weight (docs/stories.md §1;
    /// bench-stories: three lowered BASIL and joined the seeds' Nanping report to a meeting with dates).
    /// </summary>
    internal const int MaxRunPhrases = 5;

    // The lead says who did what, where and when; later paragraphs are background the whole topic shares.
    private static float Weight(TextSignals.Token t) =>
        (t.Headline ? HeadlineWeight : t.Lead ? LeadWeight : 1f) * (t.Quoted ? 0.5f : 1f);

    // The headline and the opening paragraphs, enough to tell a language.
    private static string Sample(StoryArticle article)
    {
        var sb = new System.Text.StringBuilder(article.Headline);
        foreach (var p in article.Paragraphs)
        {
            if (sb.Length > 2000) break;
            sb.Append('\n').Append(p);
        }
        return sb.ToString();
    }

    // Whether a run's window is printed as one name: no punctuation inside it, and every word but a connector written
    // with a capital where it stands (a headline's capitals say nothing either way).
    private static bool AsOneName(List<TextSignals.Token> window)
    {
        for (var i = 0; i < window.Count; i++)
        {
            var t = window[i];
            if (i > 0 && t.Apart) return false;
            if (!t.Headline && !t.Capitalised && !TextSignals.IsConnector(t.Text)) return false;
        }
        return true;
    }

    // One token list per thread, emptied for each article: grown afresh for every article it was among the largest
    // allocations of counting, and no token outlives the count.
    [ThreadStatic] private static List<TextSignals.Token>? _tokens;
    [ThreadStatic] private static List<TextSignals.Token>? _window;

    // The window's words as printed, joined by spaces.
    private static string Shown(List<TextSignals.Token> window)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < window.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(window[i].Shown);
        }
        return sb.ToString();
    }

    public static TermCounts Count(StoryArticle article)
    {
        var tokens = TextSignals.Tokenise(article.Headline, article.Paragraphs, _tokens ??= []);
        try
        {
            return Count(article, tokens);
        }
        finally
        {
            // The strings the tokens hold go with the article; a list grown for an unusually long text is not kept.
            if (tokens.Capacity > LargestKeptTokens) _tokens = null;
            else tokens.Clear();
        }
    }

    private const int LargestKeptTokens = 1 << 16;

    private static TermCounts Count(StoryArticle article, List<TextSignals.Token> tokens)
    {
        // "pt-BR" and "pt" are one language for comparing words.
        var language = string.IsNullOrWhiteSpace(article.Language) ? TextSignals.GuessLanguage(tokens, Sample(article))
            : article.Language.Trim().ToLowerInvariant().Split('-', '_')[0];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tokens)
            if (t.Capitalised && !t.SentenceStart && !t.Numeric && !TextSignals.IsStopWord(t.Text, language) && !TextSignals.IsCalendar(t.Text))
                names.Add(t.Text);

        // Sized for the article's words at once (phrases and headline terms may grow them once): grown step by step
        // from empty, these were a large share of what counting allocated.
        var counts = new Dictionary<uint, float>(tokens.Count);
        var text = new Dictionary<uint, string>(tokens.Count);
        var spellings = new Spellings(tokens.Count);
        var asName = new Dictionary<string, int>(StringComparer.Ordinal);
        // A headline-only item has nothing besides its headline for the headline terms to stand apart from.
        var hasBody = tokens.Count > 0 && !tokens[^1].Headline;
        uint Add(string term, bool name, float weight, bool number = false)
        {
            var h = TextSignals.Hash(term, name, number);
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, h, out _) += weight;
            text.TryAdd(h, term);
            return h;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            // A word most articles of the language write in lower case ("President", "State", "Neue") is an ordinary
            // word on its own wherever it is capitalised; it still links the names of a phrase ("President Obama").
            var name = t.Numeric ? t.Text.Length > 1 : names.Contains(t.Text) && !TextSignals.IsEverydayWord(t.Text, language);
            // Two-letter names ("Yi", "Xi", "EU") count; two-letter words do not.
            if (TextSignals.IsStopWord(t.Text, language) || (!t.Numeric && t.Text.Length < 3 && !name)) continue;
            if (name && !t.Numeric) asName[t.Text] = asName.GetValueOrDefault(t.Text) + 1;
            spellings.Saw(Add(t.Text, name, Weight(t), t.Numeric && name), t.Shown, Spellings.Plain(t));
            // Two reports of one event word their headlines alike far more often than two events of a topic do, and
            // that agreement is lost when the headline's words are only a few among a hundred terms of the text.
            if (t.Headline && hasBody)
            {
                var h = TextSignals.HeadlineHash(t.Text);
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, h, out _) += HeadlineTermWeight;
                text.TryAdd(h, t.Text);
            }
        }

        // Runs of names ("Foreign Minister Wang Yi", "Belt and Road Forum") give their 2- and 3-word parts as
        // names too: a full name or title is far more specific than any of its words.
        var run = new List<int>();
        var paired = new List<(uint Hash, string Shown, bool Plain, string Left, string Right)>();
        var pairings = new Dictionary<uint, int>();
        for (var i = 0; i < tokens.Count;)
        {
            run.Clear();
            var j = i;
            var first = tokens[i];
            while (j < tokens.Count && (j == i || !tokens[j].SentenceStart) && tokens[j].Headline == first.Headline)
            {
                if (!tokens[j].Numeric && names.Contains(tokens[j].Text)) run.Add(j);
                else if (run.Count > 0 && TextSignals.IsConnector(tokens[j].Text) && j + 1 < tokens.Count && names.Contains(tokens[j + 1].Text)) { }
                else break;
                j++;
            }
            var weight = Weight(first);
            // A long run is a title chain ("Cerrahpaşa Tıp Fakültesi ... Dr. Öğr. Üyesi Rıdvan Karaali") or a line set in
            // capitals: each of its windows would count as a name of its own, and an expert's title quoted in reports of
            // two events outweighed all else they said. A longer run's phrases share the weight of MaxRunPhrases.
            var phrases = Math.Max(0, run.Count - 1) + Math.Max(0, run.Count - 2);
            if (phrases > MaxRunPhrases) weight *= (float)MaxRunPhrases / phrases;
            for (var n = 2; n <= 3; n++)
                for (var k = 0; k + n <= run.Count; k++)
                {
                    var h = Add(n == 2 ? string.Concat(tokens[run[k]].Text, " ", tokens[run[k + 1]].Text)
                        : string.Concat(tokens[run[k]].Text, " ", tokens[run[k + 1]].Text, " ", tokens[run[k + 2]].Text), true, weight);
                    // Printed as written, connectors included: "Belt and Road" for the key "belt road". Only where the words
                    // stand as one name: each capitalised where it stands, nothing but spaces between them. A window of
                    // "Patrushev, the secretary of Russia's" counts for grouping, but it is no name to show anyone.
                    var window = _window ??= [];
                    window.Clear();
                    for (var x = run[k]; x <= run[k + n - 1]; x++) window.Add(tokens[x]);
                    if (!AsOneName(window)) continue;
                    var shown = Shown(window);
                    var and = window.FindIndex(x => TextSignals.IsCoordinator(x.Text));
                    if (and < 0) spellings.Saw(h, shown, !first.Headline);
                    else
                    {
                        paired.Add((h, shown, !first.Headline, window[and - 1].Text, window[and + 1].Text));
                        pairings[h] = pairings.GetValueOrDefault(h) + 1;
                    }
                }
            i = Math.Max(j, i + 1);
        }
        // "Russia and China" is two names when the article also prints each alone; "Bosnia and Herzegovina" and "Belt
        // and Road" are one, their parts seldom standing alone.
        foreach (var (h, shown, plain, left, right) in paired)
            if (asName.GetValueOrDefault(left) <= pairings[h] || asName.GetValueOrDefault(right) <= pairings[h]) spellings.Saw(h, shown, plain);

        var (minHash, shingles) = TextSignals.Shingle(tokens);
        DateOnly? date = article.Published;
        return new TermCounts
        {
            Id = article.Id,
            Outlet = article.Outlet,
            Language = language,
            Day = date?.DayNumber,
            Counts = counts,
            Text = text,
            Surface = spellings.MostFrequent(),
            MinHash = minHash,
            Shingles = shingles,
            Words = tokens.Count,
        };
    }
}

/// <summary>An article as the engine compares it: a unit-length vector of its most distinctive weighted terms.</summary>
internal sealed class ArticleProfile
{
    public required long Id { get; init; }
    public required string? Outlet { get; init; }
    public required string Language { get; init; }
    public required int? Day { get; init; }
    /// <summary>Term hash → weight; unit length; the strongest terms.</summary>
    public required Dictionary<uint, float> Weights { get; init; }
    public required Dictionary<uint, string> Text { get; init; }
    public required uint[] MinHash { get; init; }
    public required int Shingles { get; init; }
    public required int Words { get; init; }
    /// <summary>The raw (pre-rarity) counts of the kept terms, so the article can be weighed again as the store grows.</summary>
    public Dictionary<uint, float> Counts { get; init; } = [];
    /// <summary>How many distinct terms the article has (before keeping the strongest): how much evidence it can offer.</summary>
    public required int Terms { get; init; }
    /// <summary>How the article prints its kept terms (<see cref="TermCounts.Surface"/>), for explanations; empty when not read from the text.</summary>
    public Dictionary<uint, string> Surface { get; init; } = [];

    /// <summary>What a reader is shown for <paramref name="term"/>: the article's own spelling, else its key, else "?".</summary>
    public string Shown(uint term) => Surface.GetValueOrDefault(term) ?? Text.GetValueOrDefault(term, "?");

    /// <summary>
    /// How an explanation tells <paramref name="term"/>: as a name (true), as a word (false), or not at all (null).
    /// Grouping counts every word capitalised inside a sentence as a name, and every run of such words as name phrases;
    /// a reader is shown as names only those the article prints as names: a word it mostly writes in lower case or
    /// that is an everyday word of its language ("foreign" beside "Foreign Minister", "President") is told as a word,
    /// and a phrase it never prints as one name ("Patrushev, the secretary of Russia's") is left out.
    /// </summary>
    public bool? ShownAsName(uint term)
    {
        if ((term & TextSignals.NameBit) == 0) return false;
        if ((term & TextSignals.NumberBit) != 0) return true;
        var key = Text.GetValueOrDefault(term, "");
        // Without the article's spellings (a profile rebuilt from stored features) its keys are all there is to show.
        if (key.Contains(' ', StringComparison.Ordinal)) return Surface.Count == 0 || Surface.ContainsKey(term) ? true : null;
        return !(Surface.TryGetValue(term, out var printed) && printed.Length > 0 && char.IsLower(printed[0])) && !TextSignals.IsEverydayWord(key, Language);
    }

    // Only the kept terms' spellings stay with the profile, so what it holds is bounded by ArticleTerms.
    private static Dictionary<uint, string> Kept(Dictionary<uint, string> surface, Dictionary<uint, float> kept)
    {
        var result = new Dictionary<uint, string>(kept.Count);
        foreach (var k in kept.Keys) if (surface.TryGetValue(k, out var s)) result[k] = s;
        return result;
    }

    /// <summary>Weights <paramref name="counts"/> by sub-linear term frequency times inverse document frequency.</summary>
    public static ArticleProfile Weigh(TermCounts counts, Func<uint, double> idf, StoryEngineOptions options)
    {
        // Every term's weight in one pooled array, of which only the strongest are kept (Vectors.Top's choice and order).
        var weights = System.Buffers.ArrayPool<KeyValuePair<uint, float>>.Shared.Rent(counts.Counts.Count);
        var n = 0;
        foreach (var (term, count) in counts.Counts)
        {
            // A name phrase ("wang yi", "foreign minister wang") is the one kind of name term written with a space.
            if (!options.NamePhrases && (term & TextSignals.NameBit) != 0 && counts.Text.TryGetValue(term, out var phrase) && phrase.Contains(' ', StringComparison.Ordinal)) continue;
            var termIdf = idf(term);
            var boost = (term & TextSignals.NameBit) != 0 ? options.NameBoost : 1.0;
            weights[n++] = new(term, (float)((1 + Math.Log(Math.Max(count, 0.5) + 0.5)) * termIdf * boost));
        }
        var top = Vectors.Top(weights, n, options.ArticleTerms);
        System.Buffers.ArrayPool<KeyValuePair<uint, float>>.Shared.Return(weights);
        Vectors.Normalise(top);
        return new ArticleProfile
        {
            Id = counts.Id, Outlet = counts.Outlet, Language = counts.Language, Day = counts.Day,
            Weights = top, Counts = top.Keys.ToDictionary(k => k, k => counts.Counts[k]), Text = counts.Text,
            Surface = counts.Surface.Count == 0 ? counts.Surface : Kept(counts.Surface, top), MinHash = counts.MinHash, Shingles = counts.Shingles, Words = counts.Words, Terms = counts.DistinctTerms,
        };
    }
}

/// <summary>Sparse vector helpers.</summary>
internal static class Vectors
{
    /// <summary>The <paramref name="n"/> heaviest entries, heaviest first and ties by term (all of them, in their order, when there are no more).</summary>
    public static Dictionary<uint, float> Top(Dictionary<uint, float> v, int n)
    {
        if (v.Count <= n) return new Dictionary<uint, float>(v);
        // One sort of a pooled array: each article is weighed twice and each story's centroid trimmed as it grows,
        // and a query's ordering, keys and buffers cost more than the sort itself.
        var all = System.Buffers.ArrayPool<KeyValuePair<uint, float>>.Shared.Rent(v.Count);
        var count = 0;
        foreach (var kv in v) all[count++] = kv;
        var top = Top(all, count, n);
        System.Buffers.ArrayPool<KeyValuePair<uint, float>>.Shared.Return(all);
        return top;
    }

    /// <summary>
    /// <see cref="Top(Dictionary{uint, float}, int)"/> of the first <paramref name="count"/> entries of <paramref name="entries"/>
    /// (distinct terms, which it may reorder).
    /// </summary>
    public static Dictionary<uint, float> Top(KeyValuePair<uint, float>[] entries, int count, int n)
    {
        if (count <= n)
        {
            var all = new Dictionary<uint, float>(count);
            for (var i = 0; i < count; i++) all.Add(entries[i].Key, entries[i].Value);
            return all;
        }
        Array.Sort(entries, 0, count, HeavierFirst);
        var top = new Dictionary<uint, float>(n);
        for (var i = 0; i < n; i++) top.Add(entries[i].Key, entries[i].Value);
        return top;
    }

    private static readonly Comparer<KeyValuePair<uint, float>> HeavierFirst = Comparer<KeyValuePair<uint, float>>.Create((x, y) =>
        y.Value.CompareTo(x.Value) is var c and not 0 ? c : x.Key.CompareTo(y.Key));

    /// <summary>The <paramref name="n"/> heaviest entries, heaviest first (ties keep the dictionary's order): the terms that look up and post to stories.</summary>
    public static KeyValuePair<uint, float>[] Strongest(Dictionary<uint, float> v, int n)
    {
        // Insertion into a short sorted array: called several times per article, where sorting the whole vector
        // allocated more than anything else of the candidate lookup. Equal weights stay in the dictionary's order.
        var top = new KeyValuePair<uint, float>[Math.Min(n, v.Count)];
        var count = 0;
        foreach (var kv in v)
        {
            if (top.Length == 0 || (count == top.Length && kv.Value <= top[^1].Value)) continue;
            var i = count < top.Length ? count++ : count - 1;
            for (; i > 0 && top[i - 1].Value < kv.Value; i--) top[i] = top[i - 1];
            top[i] = kv;
        }
        return top;
    }

    public static void Normalise(Dictionary<uint, float> v)
    {
        var norm = Norm(v);
        if (norm == 0) return;
        foreach (var k in v.Keys)
        {
            ref var x = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(v, k);
            x = (float)(x / norm);
        }
    }

    public static double Norm(Dictionary<uint, float> v, bool namesOnly = false)
    {
        double s = 0;
        foreach (var (k, x) in v) if (!namesOnly || (k & TextSignals.NameBit) != 0) s += (double)x * x;
        return Math.Sqrt(s);
    }

    public static double Dot(Dictionary<uint, float> a, Dictionary<uint, float> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double s = 0;
        foreach (var (k, x) in a)
            if (b.TryGetValue(k, out var y)) s += (double)x * y;
        return s;
    }

    /// <summary>Estimated share of the smaller text's shingles found in the other (1 = one contains the other).</summary>
    public static double Containment(uint[] a, int aCount, uint[] b, int bCount)
    {
        if (aCount == 0 || bCount == 0) return 0;
        var same = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        var jaccard = (double)same / a.Length;
        var both = jaccard * (aCount + bCount) / (1 + jaccard);
        return Math.Min(1, both / Math.Min(aCount, bCount));
    }
}
