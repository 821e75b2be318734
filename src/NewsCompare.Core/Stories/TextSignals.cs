using NewsCompare.Core.Text;

namespace NewsCompare.Core.Stories;

/// <summary>
/// Reads an article's text into weighted terms: content words (lower-cased, accents folded, plural stripped),
/// names and numbers (flagged by the top bit of their hash, so "Wang Yi" matches across languages), and 3-word
/// shingles for copy detection. Words inside quotation marks count half: officials repeat their lines from one
/// meeting to the next, so a quote says less about which event it is than the reporting around it does. Headline
/// words also count as headline terms of their own (the second-highest bit), which match only another headline.
/// </summary>
internal static class TextSignals
{
    public const uint NameBit = 0x8000_0000u;
    public const uint HeadlineBit = 0x4000_0000u;
    /// <summary>Set, with <see cref="NameBit"/>, on figures: they are names for every rule, and a sub-score of their own.</summary>
    public const uint NumberBit = 0x2000_0000u;
    /// <summary>Bumped whenever the terms a text yields change: a store grouped with other terms must be regrouped.</summary>
    public const int FeaturesVersion = 6;
    public const int MinHashSize = 48;

    // Common words per language, to tell an article's language: each language's stop words (Core/Text) with the words
    // most articles of the language use, as learned from labelled articles (LanguageWords).
    private static readonly Dictionary<string, HashSet<string>> LanguageSets = Text.StopWords.Languages.Union(LanguageWords.Shipped.Keys, StringComparer.Ordinal)
        .ToDictionary(l => l, l => (Text.StopWords.Has(l) ? Text.StopWords.For(l).Select(Normalise) : [])
            .Concat(LanguageWords.Shipped.GetValueOrDefault(l) ?? []).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    // Words that weigh nothing, per language: its stop words (Core/Text), or for a language without a list the
    // learned common words of LanguageWords. Only the article's own language's: a union over languages drops content
    // words of one that are function words of another ("met", "may", "man", "door").
    private static readonly Dictionary<string, HashSet<string>> StopSets = Text.StopWords.Languages.Union(LanguageWords.Shipped.Keys, StringComparer.Ordinal)
        .ToDictionary(l => l, l => (Text.StopWords.Has(l) ? Text.StopWords.For(l).Select(Normalise) : LanguageWords.Shipped[l])
            .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    // The words most articles of a language use (LanguageWords), per language.
    private static readonly Dictionary<string, HashSet<string>> Everyday = LanguageWords.Shipped
        .ToDictionary(kv => kv.Key, kv => kv.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Whether a word's key is one most news articles of <paramref name="language"/> use (the learned lists of <see cref="LanguageWords"/>).</summary>
    public static bool IsEverydayWord(string normalised, string language) =>
        Everyday.TryGetValue(language, out var words) && words.Contains(normalised);

    // Calendar words are capitalised but name no one; they stay ordinary (weak) terms.
    private static readonly HashSet<string> Calendar = Split(
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december " +
        "segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro " +
        "lunes martes miércoles jueves viernes enero febrero marzo mayo junio julio agosto septiembre octubre noviembre diciembre").Select(Normalise).ToHashSet(StringComparer.Ordinal);

    private static string[] Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The language the metadata detector tells from <paramref name="text"/> (a sample of the raw text: script, then
    /// function words); failing that, the language whose common words the tokens use most (the stop words of Core/Text
    /// and the learned lists of <see cref="LanguageWords"/>), or "en" when they use none.
    /// </summary>
    public static string GuessLanguage(IReadOnlyList<Token> tokens, string text = "")
    {
        if (Metadata.LanguageDetector.Detect(text) is { } detected) return detected;
        var best = "en";
        var bestHits = 0;
        foreach (var (language, set) in LanguageSets)
        {
            var hits = 0;
            for (var i = 0; i < tokens.Count && i < 400; i++) if (set.Contains(tokens[i].Text)) hits++;
            if (hits > bestHits || (hits == bestHits && hits > 0 && string.CompareOrdinal(language, best) < 0)) (best, bestHits) = (language, hits);
        }
        return best;
    }

    /// <summary>A word or figure of an article with its typography.</summary>
    /// <param name="Text">Its key (<see cref="Normalise"/>): the form it is matched in, across languages too.</param>
    /// <param name="Capitalised">Written with a capital outside a headline.</param>
    /// <param name="SentenceStart">The first word of its sentence.</param>
    /// <param name="Quoted">Inside quotation marks.</param>
    /// <param name="Headline">A word of the headline.</param>
    /// <param name="Numeric">A figure.</param>
    /// <param name="Lead">A word of the headline or the lead paragraphs.</param>
    /// <param name="Surface">The word or figure as the text prints it (Патрушев, "3.000"), for showing people what matched.</param>
    /// <param name="Apart">Set off from the word before it by punctuation other than a hyphen, an apostrophe or an abbreviation's full stop ("Patrushev, the secretary").</param>
    internal readonly record struct Token(string Text, bool Capitalised, bool SentenceStart, bool Quoted, bool Headline, bool Numeric, bool Lead = false, string? Surface = null, bool Apart = false)
    {
        /// <summary>What a reader sees: the printed form, or the key when it was not kept.</summary>
        public string Shown => Surface ?? Text;
    }

    /// <summary>How many opening paragraphs form the lead, where a report says who did what, where and when.</summary>
    public const int LeadParagraphs = 2;

    /// <summary>Splits the headline and paragraphs into normalised tokens with their typography.</summary>
    public static List<Token> Tokenise(string? headline, IReadOnlyList<string> paragraphs) => Tokenise(headline, paragraphs, []);

    /// <summary>Splits the headline and paragraphs into <paramref name="tokens"/> (emptied first), and returns it.</summary>
    public static List<Token> Tokenise(string? headline, IReadOnlyList<string> paragraphs, List<Token> tokens)
    {
        tokens.Clear();
        if (!string.IsNullOrWhiteSpace(headline)) Read(headline, true, true, tokens);
        var read = 0;
        foreach (var p in paragraphs)
            if (!string.IsNullOrWhiteSpace(p)) Read(p, false, read++ < LeadParagraphs, tokens);
        return tokens;
    }

    private static void Read(string text, bool headline, bool lead, List<Token> tokens)
    {
        var sentenceStart = true;
        var quoted = false;
        var first = tokens.Count;
        var gap = 0;
        var at = 0;
        while (true)
        {
            var found = Tokenizer.Next(text, ref at, out var start, out var numeric, units: true);
            var apart = false;
            // The typography between two words: sentence ends, quotation marks and other punctuation.
            for (var i = gap; i < start; i++)
            {
                var c = text[i];
                if ((char.IsPunctuation(c) || char.IsSymbol(c)) && c is not ('-' or '\'' or '’' or '.' or '&')) apart = true;
                // "Mt. Gox", "Sen. Warren", "U.S. officials": a full stop after a short capitalised word is an abbreviation.
                if (c == '.' && tokens.Count > first && !sentenceStart && IsAbbreviation(text, i)) { }
                else if (c is '.' or '!' or '?' or ':' or ';') sentenceStart = true;
                else if (c is '"' or '“' or '”' or '«' or '»' or '„') quoted = c switch { '“' or '«' or '„' => true, '”' or '»' => false, _ => !quoted };
            }
            if (!found) break;
            gap = at;
            var word = numeric ? text[start..at] : Tokenizer.Word(text[start..at], out _);
            // Headlines are often in title case, so their capitals say nothing about names.
            tokens.Add(new Token(numeric ? Tokenizer.FigureWithUnit(word) : Key(Folding.Fold(word)), !headline && char.IsUpper(word[0]), sentenceStart, quoted, headline, numeric, lead, word, apart));
            sentenceStart = false;
        }
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return dot - start is >= 1 and <= 3 && char.IsUpper(text[start]) && (start == 0 || text[start - 1] is ' ' or '.' or '(' or '"');
    }

    /// <summary>
    /// The key of a word or figure: a figure's plain value (<see cref="Tokenizer.NumberValue"/>), a word's
    /// script- and spelling-free key (<see cref="Folding.Key"/>: Патрушев, Patrushev and Patruşev are one) without a
    /// plural or possessive ending.
    /// </summary>
    public static string Normalise(string word) =>
        word.Length > 0 && char.IsDigit(word[0]) ? Tokenizer.FigureWithUnit(word) : Key(Folding.Fold(word));

    private static string Key(string folded) =>
        Stemmer.Plural(Folding.Romanise(Folding.IsArabic(folded) ? Folding.WithoutArabicArticle(folded) : folded));

    /// <summary>Whether a word's key weighs nothing in an article of <paramref name="language"/>: a stop word of the language, or a single letter.</summary>
    public static bool IsStopWord(string normalised, string language) =>
        normalised.Length < 2 || (StopSets.TryGetValue(language, out var stop) && stop.Contains(normalised));

    private static readonly HashSet<string> Connectors = Split("and of for the de do da dos das del la le des du von van y e").ToHashSet(StringComparer.Ordinal);

    /// <summary>Small words that may sit inside a name ("Belt and Road", "Ministry of Defence").</summary>
    public static bool IsConnector(string normalised) => Connectors.Contains(normalised);

    /// <summary>The connectors that may also join two names ("Russia and China"), not only the words of one.</summary>
    public static bool IsCoordinator(string normalised) => normalised is "and" or "y" or "e";

    public static bool IsCalendar(string normalised) => Calendar.Contains(normalised);

    public static uint Hash(string text, bool name, bool number = false)
    {
        var h = 2166136261u;
        foreach (var ch in text) { h ^= ch; h *= 16777619u; }
        h &= ~(NameBit | HeadlineBit | NumberBit);
        return number ? h | NameBit | NumberBit : name ? h | NameBit : h;
    }

    /// <summary>The headline term of a word: the same word, counted only when it stands in a headline.</summary>
    public static uint HeadlineHash(string normalised) => Hash(normalised, false) | HeadlineBit;

    /// <summary>Whether a term is a name written as a word (a person, place or body, or a phrase of them), not a figure.</summary>
    public static bool IsWordName(uint term) => (term & (NameBit | NumberBit)) == NameBit;

    public static bool IsHeadlineTerm(uint term) => (term & HeadlineBit) != 0;

    /// <summary>
    /// MinHash of the text's 3-word shingles (every word, function words included, so copies are told from
    /// articles that merely share vocabulary). Returns the signature and how many distinct shingles there were.
    /// </summary>
    public static (uint[] MinHash, int Shingles) Shingle(IReadOnlyList<Token> tokens)
    {
        var mins = new uint[MinHashSize];
        Array.Fill(mins, uint.MaxValue);
        // One set per thread, emptied for each text: grown afresh for every article it was among the largest allocations of counting.
        var seen = _shingles ??= [];
        seen.Clear();
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Headline) continue;
            var h = (ulong)Hash(tokens[i].Text, false) * 0x9E3779B97F4A7C15UL ^ Hash(tokens[i + 1].Text, false) * 0xC2B2AE3D27D4EB4FUL ^ Hash(tokens[i + 2].Text, false);
            if (!seen.Add(h)) continue;
            for (var k = 0; k < MinHashSize; k++)
            {
                var x = (h ^ Seeds[k]) * 0xFF51AFD7ED558CCDUL;
                var v = (uint)(x >> 32);
                if (v < mins[k]) mins[k] = v;
            }
        }
        var shingles = seen.Count;
        if (shingles > LargestKeptSet) _shingles = null;
        return (mins, shingles);
    }

    // A set grown for an unusually long text is not kept for the next.
    private const int LargestKeptSet = 1 << 16;

    [ThreadStatic] private static HashSet<ulong>? _shingles;

    private static readonly ulong[] Seeds = Enumerable.Range(1, MinHashSize).Select(i => (ulong)i * 0x94D049BB133111EBUL + 0x2545F4914F6CDD1DUL).ToArray();
}
