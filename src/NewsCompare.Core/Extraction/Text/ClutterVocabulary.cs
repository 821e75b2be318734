using System.Buffers;
using System.Runtime.CompilerServices;
using NewsCompare.Core.Text;

namespace NewsCompare.Core.Extraction.Text;

/// <summary>
/// The widget and furniture phrases of <c>clutter-vocabulary.txt</c>, grouped by what a match means.
/// Matching works on <see cref="Normalise"/>d lines: exact, prefix, suffix or contains (see the file's header).
/// </summary>
internal sealed class ClutterVocabulary
{
    public const string SectionLabel = "section-label";
    public const string Credit = "credit";
    public const string Byline = "byline";
    public const string Summary = "summary";
    public const string AuthorLabel = "author-label";

    // Prefix and suffix phrases only describe short lines: a long sentence that happens to start with "Share" is prose.
    private const int MaxAnchoredWords = 14;
    // An article about casinos mentions casinos; a spam line is a short advert.
    private const int MaxSpamWords = 12;

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    // Lines longer than every exact phrase skip the lookup, and with it hashing a whole paragraph.
    private int _longestExact;
    // Anchored phrases are bucketed by their first (prefix) or last (suffix) character: a line meets only a handful.
    private readonly Dictionary<char, List<(string Phrase, string Group)>> _prefixes = [];
    private readonly Dictionary<char, List<(string Phrase, string Group)>> _suffixes = [];
    private readonly List<(string Phrase, string Group)> _contains = [];
    // Contains phrases are looked up by their first word at each word start of a line (a multi-string search over
    // whole lines costs far more); the few that open with a symbol ("©", "(photo") are searched for directly.
    private readonly Dictionary<string, List<int>> _containsByWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _containsLookup;
    private readonly Dictionary<char, List<int>> _containsBySymbol = [];
    // Symbol starts split in two: the ideographs and Hangul are only looked for in lines that hold such a character at
    // all (one vectorised range check says most do not), which keeps the search for the few others cheap.
    private const char WideScripts = '\u2E80';
    private readonly SearchValues<char> _narrowSymbolStarts;
    private readonly SearchValues<char> _wideSymbolStarts;
    // A cheap first filter on the first two characters of a word before its hash lookup.
    private readonly bool[] _wordStarts = new bool[1 << 16];
    private readonly HashSet<ulong> _stopwords = [];

    /// <summary>The vocabulary shipped with the extractor.</summary>
    public static ClutterVocabulary Default { get; } = LoadEmbedded();

    public ClutterVocabulary(TextReader reader)
    {
        var group = "";
        string? language = null;
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[' && line[^1] == ']' && line.Length > 2 && line.IndexOf(' ', StringComparison.Ordinal) < 0)
            {
                // "[share:es]": the group's phrases in one language. Every language is matched on every page (chrome
                // in another language than the article's is still chrome); the key says what the data covers.
                var header = line[1..^1];
                var colon = header.IndexOf(':', StringComparison.Ordinal);
                group = colon < 0 ? header : header[..colon];
                language = colon < 0 ? null : header[(colon + 1)..];
                continue;
            }
            if (language is not null)
            {
                if (!_languages.TryGetValue(language, out var groups)) _languages[language] = groups = new Dictionary<string, int>(StringComparer.Ordinal);
                groups[group] = groups.GetValueOrDefault(group) + 1;
            }
            var starts = line.Length > 1 && line[0] == '*';
            var ends = line.Length > 1 && line[^1] == '*';
            // A phrase that continues ("credit:*", "*credit: *") keeps its closing punctuation: "credit:" is not "discredit".
            var bare = line.Trim('*');
            var phrase = Normalise(bare, keepTrailing: ends);
            // "by *" must not open "bylaw": a phrase ending in a space keeps it.
            if (ends && bare.EndsWith(' ')) phrase += " ";
            if (phrase.Length == 0) continue;
            // Keep the first group a phrase is listed under: the file's order is its priority.
            if (starts && ends) _contains.Add((phrase, group));
            else if (ends) Bucket(_prefixes, phrase[0]).Add((phrase, group));
            else if (starts) Bucket(_suffixes, phrase[^1]).Add((phrase, group));
            else if (_exact.TryAdd(phrase, group)) _longestExact = Math.Max(_longestExact, phrase.Length);
        }
        for (var i = 0; i < _contains.Count; i++)
        {
            var phrase = _contains[i].Phrase;
            var word = FirstWord(phrase);
            // Scripts written without spaces glue words together: their phrases are searched for as they stand.
            if (word.Length == 0 || phrase.Any(c => c >= '\u2E80'))
            {
                if (!_containsBySymbol.TryGetValue(phrase[0], out var bySymbol)) _containsBySymbol[phrase[0]] = bySymbol = [];
                bySymbol.Add(i);
            }
            else
            {
                if (!_containsByWord.TryGetValue(word.ToString(), out var list)) _containsByWord[word.ToString()] = list = [];
                list.Add(i);
                _wordStarts[StartKey(word)] = true;
            }
        }
        // The stop words are the text toolkit's, of every language, as written and folded.
        foreach (var stopLanguage in StopWords.Languages)
            foreach (var word in StopWords.Written(stopLanguage))
            {
                _stopwords.Add(Subject.Hash(word));
                _stopwords.Add(Subject.Hash(Folding.Fold(word)));
            }
        _narrowSymbolStarts = SearchValues.Create(_containsBySymbol.Keys.Where(c => c < WideScripts).ToArray());
        _wideSymbolStarts = SearchValues.Create(_containsBySymbol.Keys.Where(c => c >= WideScripts).ToArray());
        _containsLookup = _containsByWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly Dictionary<string, Dictionary<string, int>> _languages = new(StringComparer.Ordinal);

    /// <summary>The languages with phrases of their own (sections headed "[group:language]"), and for each the
    /// number of phrases per group: what a coverage check reads.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> Languages => _languages;

    /// <summary>Whether the word with this <see cref="Subject.Hash"/> is too common to say what a passage is about.</summary>
    public bool IsStopword(ulong word) => _stopwords.Contains(word);

    /// <summary>The group of the first phrase that describes <paramref name="normalised"/>, or null.</summary>
    /// <param name="normalised">The line after <see cref="Normalise"/>.</param>
    /// <param name="words">The line's word count, which limits prefix and suffix phrases to short lines.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Match(string normalised, int words)
    {
        if (normalised.Length == 0) return null;
        if (normalised.Length <= _longestExact && _exact.TryGetValue(normalised, out var group)) return group;
        // A caption keeps its opening credit however long it runs ("© Agency / Name ...", "Image caption ...").
        if (_prefixes.TryGetValue(normalised[0], out var prefixes))
            foreach (var (phrase, g) in prefixes)
                if ((words <= MaxAnchoredWords || g == Credit) && normalised.StartsWith(phrase, StringComparison.Ordinal)) return g;
        if (words <= MaxAnchoredWords)
        {
            if (_suffixes.TryGetValue(normalised[^1], out var suffixes))
                foreach (var (phrase, g) in suffixes)
                    if (normalised.EndsWith(phrase, StringComparison.Ordinal)) return g;
        }
        // Contains phrases are specific enough to mark a furniture sentence of any length ("uses cookies to").
        var best = int.MaxValue;
        var text = normalised.AsSpan();
        FindSymbolPhrases(text, words, _narrowSymbolStarts, ref best);
        if (text.IndexOfAnyInRange(WideScripts, char.MaxValue) >= 0) FindSymbolPhrases(text, words, _wideSymbolStarts, ref best);
        // Word starts only: jump from space to space, stepping over an opening bracket or quote.
        for (var at = 0; at < text.Length;)
        {
            var start = at;
            while (start < text.Length && !IsWordChar(text[start]) && text[start] != ' ') start++;
            // The two-character filter first: most words open no phrase and are skipped without being read.
            if (start < text.Length && IsWordChar(text[start]) && _wordStarts[StartKey(text[start..])]
                && _containsLookup.TryGetValue(FirstWord(text[start..]), out var candidates))
                foreach (var i in candidates)
                    if (i < best && Allowed(i, words) && At(text, start, _contains[i].Phrase)) best = i;
            var space = text[at..].IndexOf(' ');
            if (space < 0) break;
            at += space + 1;
        }
        return best == int.MaxValue ? null : _contains[best].Group;
    }

    /// <summary>Lowers <paramref name="best"/> to the first-listed contains phrase that opens with one of <paramref name="starts"/>.</summary>
    private void FindSymbolPhrases(ReadOnlySpan<char> text, int words, SearchValues<char> starts, ref int best)
    {
        for (var at = text.IndexOfAny(starts); at >= 0;)
        {
            foreach (var i in _containsBySymbol[text[at]])
                if (i < best && Allowed(i, words) && At(text, at, _contains[i].Phrase)) best = i;
            var next = text[(at + 1)..].IndexOfAny(starts);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    /// <summary>Whether <paramref name="phrase"/> stands at <paramref name="at"/> and does not run on into a longer word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool At(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (!text[at..].StartsWith(phrase, StringComparison.Ordinal)) return false;
        var end = at + phrase.Length;
        return end == text.Length || !char.IsLetter(phrase[^1]) || !char.IsLetter(text[end]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Allowed(int phrase, int words) => words <= MaxSpamWords || _contains[phrase].Group != "spam";

    /// <summary>A 16-bit key of a word's first three characters (fewer when the word is shorter).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StartKey(ReadOnlySpan<char> text)
    {
        var key = (uint)text[0];
        for (var k = 1; k < 3 && k < text.Length && IsWordChar(text[k]); k++) key = key * 31 + text[k];
        return (int)(key & 0xFFFF);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '#' : char.IsLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
    {
        var n = 0;
        while (n < text.Length && IsWordChar(text[n])) n++;
        return text[..n];
    }

    /// <summary>Whether <paramref name="normalised"/> starts with a phrase of <paramref name="group"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool StartsWithGroup(string normalised, string group)
    {
        if (normalised.Length == 0 || !_prefixes.TryGetValue(normalised[0], out var prefixes)) return false;
        foreach (var (phrase, g) in prefixes)
            if (g == group && normalised.StartsWith(phrase, StringComparison.Ordinal)) return true;
        return false;
    }

    private static List<(string, string)> Bucket(Dictionary<char, List<(string, string)>> buckets, char key)
    {
        if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
        return list;
    }

    /// <summary>
    /// Lower case, digit runs as "#", single spaces, without trailing punctuation, arrows or bullets, so that
    /// "Share this article »" and "12 Comments" meet the phrases "share this article" and "# comments".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Normalise(string line, bool keepTrailing = false)
    {
        var buffer = line.Length <= 1024 ? stackalloc char[line.Length] : new char[line.Length];
        var n = 0;
        var space = false;
        var digit = false;
        foreach (var c0 in line)
        {
            // Most characters are small ASCII letters: they go straight through.
            if ((uint)(c0 - 'a') <= 'z' - 'a')
            {
                if (space) buffer[n++] = ' ';
                space = false;
                digit = false;
                buffer[n++] = c0;
                continue;
            }
            var c = Folding.Lower(c0);
            if (c < 128 ? c is ' ' or '\t' or '\u000B' or '\f' : char.IsWhiteSpace(c))
            {
                space = n > 0;
                digit = false;
                continue;
            }
            if (c < 128 ? c is >= '0' and <= '9' : char.IsDigit(c))
            {
                if (digit) continue;
                if (space) buffer[n++] = ' ';
                space = false;
                buffer[n++] = '#';
                digit = true;
                continue;
            }
            if (space) buffer[n++] = ' ';
            space = false;
            digit = false;
            buffer[n++] = c;
        }
        var begin = 0;
        if (!keepTrailing)
        {
            // Brackets and bullets around a label: "[ 167 comments ]", "(Photo by EPA)", "» Publicidade".
            while (begin < n && IsOpening(buffer[begin])) begin++;
            while (n > begin && (IsTrailing(buffer[n - 1]) || buffer[n - 1] is ']' or ')')) n--;
        }
        return new string(buffer[begin..n]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsOpening(char c) => c is '[' or '(' or '«' or '»' or '•' or '·' or '-' or '–' or '—' or '|' or '>' or '›' or ' ' or '*';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsTrailing(char c) =>
        c is ':' or '.' or '?' or '…' or '»' or '›' or '>' or '→' or '|' or '•' or '·' or '-' or '–' or '—' or ' ' or '!' or ','
            or '▸' or '▶' or '►' or '⟩' or '+';

    private static ClutterVocabulary LoadEmbedded()
    {
        using var reader = EmbeddedFiles.OpenText(EmbeddedFiles.Require("clutter-vocabulary.txt"));
        return new ClutterVocabulary(reader);
    }
}
