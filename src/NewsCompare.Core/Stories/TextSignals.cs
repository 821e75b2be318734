using System.Globalization;
using System.Text;

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
    public const int FeaturesVersion = 3;
    public const int MinHashSize = 48;

    // Letters of other scripts written in Latin (a plain, one-way romanisation: enough to give one key per name).
    // Declared first: the word lists below are normalised as they are built.
    private static readonly Dictionary<char, string> Latin = BuildLatin();

    private static readonly Dictionary<string, string[]> StopWords = new(StringComparer.Ordinal)
    {
        ["en"] = Split("a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours said says say told according new one two would also year years last first just like its it's s"),
        ["pt"] = Split("a o os as um uma uns umas de do da dos das em no na nos nas por pelo pela para com sem sob sobre entre e ou mas que se não sim ao aos à às é foi são ser está estão era como mais menos muito já também seu sua seus suas ele ela eles elas este esta isso isto esse essa disse afirmou segundo nesta neste"),
        ["es"] = Split("el la los las un una unos unas de del en por para con sin sobre entre y o pero que se no sí al es fue son ser está están era como más menos muy ya también su sus él ella ellos ellas este esta eso esto ese esa dijo según"),
        ["fr"] = Split("le la les un une des de du en au aux par pour avec sans sur entre et ou mais que qui se ne pas oui est était sont être comme plus moins très déjà aussi son sa ses il elle ils elles ce cette cet ces a ont dans dit selon"),
        ["de"] = Split("der die das den dem des ein eine einen einem einer und oder aber dass sich nicht ja ist war sind sein wie mehr weniger sehr schon auch sein seine ihr ihre er sie es mit für von zu im in auf an bei nach aus über unter zwischen sagte laut"),
        ["it"] = Split("il lo la i gli le un uno una di del della dei delle in nel nella per con senza su tra e o ma che si non sì è era sono essere come più meno molto già anche suo sua suoi sue lui lei loro questo questa ha hanno detto secondo"),
    };

    // Common words per language, to tell an article's language: the hand-written function words of six languages
    // with the words most articles of each language use, as learned from labelled articles (LanguageWords).
    private static readonly Dictionary<string, HashSet<string>> LanguageSets = StopWords.Keys.Union(LanguageWords.Shipped.Keys, StringComparer.Ordinal)
        .ToDictionary(l => l, l => (StopWords.GetValueOrDefault(l) ?? []).SelectMany(w => new[] { w, Normalise(w) })
            .Concat(LanguageWords.Shipped.GetValueOrDefault(l) ?? []).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    // Words that weigh nothing: the hand-written lists, and the learned ones of languages that have no hand-written
    // list (Turkish, Arabic). Where a hand-written list exists, the learned one adds everyday content words
    // ("people", "time") that, on the development set, still tell events apart.
    private static readonly HashSet<string> AllStopWords = new(StopWords.Values.SelectMany(w => w).SelectMany(w => new[] { w, Normalise(w) })
        .Concat(LanguageWords.Shipped.Where(kv => !StopWords.ContainsKey(kv.Key)).SelectMany(kv => kv.Value)), StringComparer.Ordinal);

    // Calendar words are capitalised but name no one; they stay ordinary (weak) terms.
    private static readonly HashSet<string> Calendar = Split(
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december " +
        "segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro " +
        "lunes martes miércoles jueves viernes enero febrero marzo mayo junio julio agosto septiembre octubre noviembre diciembre").SelectMany(w => new[] { w, Normalise(w) }).ToHashSet(StringComparer.Ordinal);

    private static string[] Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The language the metadata detector tells from <paramref name="text"/> (a sample of the raw text: script, then
    /// function words); failing that, the language whose common words the tokens use most (the hand-written lists and
    /// the learned ones of <see cref="LanguageWords"/>), or "en" when they use none.
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

    internal readonly record struct Token(string Text, bool Capitalised, bool SentenceStart, bool Quoted, bool Headline, bool Numeric, bool Lead = false);

    /// <summary>How many opening paragraphs form the lead, where a report says who did what, where and when.</summary>
    public const int LeadParagraphs = 2;

    /// <summary>Splits the headline and paragraphs into normalised tokens with their typography.</summary>
    public static List<Token> Tokenise(string? headline, IReadOnlyList<string> paragraphs)
    {
        var tokens = new List<Token>();
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
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                var numeric = char.IsDigit(c);
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark
                       || (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && (text[i] == '-' || (numeric && (text[i] == ',' || text[i] == '.'))))))
                    i++;
                var word = text[start..i];
                // Headlines are often in title case, so their capitals say nothing about names.
                tokens.Add(new Token(Normalise(word), !headline && char.IsUpper(c), sentenceStart, quoted, headline, numeric, lead));
                sentenceStart = false;
                continue;
            }
            // "Mt. Gox", "Sen. Warren", "U.S. officials": a full stop after a short capitalised word is an abbreviation.
            if (c == '.' && tokens.Count > 0 && !sentenceStart && IsAbbreviation(text, i)) { }
            else if (c is '.' or '!' or '?' or ':' or ';') sentenceStart = true;
            else if (c is '"' or '“' or '”' or '«' or '»' or '„') quoted = c switch { '“' or '«' or '„' => true, '”' or '»' => false, _ => !quoted };
            i++;
        }
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return dot - start is >= 1 and <= 3 && char.IsUpper(text[start]) && (start == 0 || text[start - 1] is ' ' or '.' or '(' or '"');
    }

    /// <summary>
    /// Lower-cases, folds accents and apostrophes, writes Cyrillic, Greek and Arabic letters in Latin ones, folds the
    /// spellings one name takes across languages ("sh"/"ş" → "s", "ch"/"ç" → "c", "kh" → "h": Патрушев, Patrushev and
    /// Patruşev give one key), writes figures one way ("1.500,5" and "1,500.5" → "1500.5"), and strips a plural or
    /// possessive ending.
    /// </summary>
    public static string Normalise(string word)
    {
        var s = word.ToLowerInvariant();
        if (s.Length > 0 && char.IsDigit(s[0])) return Figure(s);
        if (!System.Text.Ascii.IsValid(s))
        {
            var decomposed = s.Normalize(NormalizationForm.FormD);
            var sb = new StringBuilder(decomposed.Length);
            var arabic = false;
            foreach (var ch in decomposed)
            {
                if (char.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
                if (Latin.TryGetValue(ch, out var latin)) { sb.Append(latin); arabic |= ch is >= '\u0600' and <= '\u06FF'; }
                else sb.Append(ch);
            }
            s = sb.ToString();
            // Arabic writes "the" and "and the" onto the word: الرئيس and رئيس are one word.
            if (arabic && s.Length > 4 && s.StartsWith("wal", StringComparison.Ordinal)) s = s[3..];
            else if (arabic && s.Length > 3 && s.StartsWith("al", StringComparison.Ordinal)) s = s[2..];
        }
        if (s.Contains('h', StringComparison.Ordinal))
            s = s.Replace("sh", "s", StringComparison.Ordinal).Replace("ch", "c", StringComparison.Ordinal).Replace("kh", "h", StringComparison.Ordinal);
        if (s.Length > 4 && s.EndsWith("ies", StringComparison.Ordinal)) return s[..^3] + "y";
        if (s.Length > 3 && s[^1] == 's' && s[^2] != 's' && s[^2] != 'u' && s[^2] != 'i') return s[..^1];
        return s;
    }

    // "1.500" (German) and "1,500" (English) are one figure; a separator before exactly three digits groups thousands,
    // any other is the decimal point. Digits of other scripts (٣) are written as 0–9.
    private static string Figure(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsDigit(c)) sb.Append((char)('0' + (int)char.GetNumericValue(c)));
            else if (c is ',' or '.')
            {
                var digits = 0;
                while (i + 1 + digits < s.Length && char.IsDigit(s[i + 1 + digits])) digits++;
                if (digits != 3) sb.Append('.');
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static Dictionary<char, string> BuildLatin()
    {
        var map = new Dictionary<char, string>();
        void Add(string letters, string latin)
        {
            var parts = latin.Split(' ');
            for (var i = 0; i < letters.Length; i++) map[letters[i]] = parts[i] == "_" ? "" : parts[i];
        }
        Add("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў", "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g u");
        Add("αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t y f kh ps o");
        Add("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ", "a b t th j h kh d dh r z s sh s d t z _ gh f q k l m n h w y a a _ a i a w y");
        Add("ıßøæœłđþ", "i ss o ae oe l d th");
        return map;
    }

    public static bool IsStopWord(string normalised) => AllStopWords.Contains(normalised) || normalised.Length < 2;

    private static readonly HashSet<string> Connectors = Split("and of for the de do da dos das del la le des du von van y e").ToHashSet(StringComparer.Ordinal);

    /// <summary>Small words that may sit inside a name ("Belt and Road", "Ministry of Defence").</summary>
    public static bool IsConnector(string normalised) => Connectors.Contains(normalised);

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

    public static bool IsHeadlineTerm(uint term) => (term & HeadlineBit) != 0;

    /// <summary>
    /// MinHash of the text's 3-word shingles (every word, function words included, so copies are told from
    /// articles that merely share vocabulary). Returns the signature and how many distinct shingles there were.
    /// </summary>
    public static (uint[] MinHash, int Shingles) Shingle(IReadOnlyList<Token> tokens)
    {
        var mins = new uint[MinHashSize];
        Array.Fill(mins, uint.MaxValue);
        var seen = new HashSet<ulong>();
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
        return (mins, seen.Count);
    }

    private static readonly ulong[] Seeds = Enumerable.Range(1, MinHashSize).Select(i => (ulong)i * 0x94D049BB133111EBUL + 0x2545F4914F6CDD1DUL).ToArray();
}
