using NewsCompare.Core.Text;

namespace NewsCompare.Core.Comparison;

/// <summary>A sentence read for matching: its words folded, stemmed, and its names and figures picked out.</summary>
public sealed partial class Statement
{
    // A clause carries a statement of its own when it holds at least this many content words.
    private const int ClauseWords = 4;

    /// <summary>Reads <paramref name="text"/> as a sentence of <paramref name="language"/> (null: unknown, read as English).</summary>
    /// <param name="text">The sentence.</param>
    /// <param name="language">Its language.</param>
    /// <param name="withClauses">Also read its clauses (see <see cref="Clauses"/>).</param>
    public Statement(string text, string? language = null, bool withClauses = false) : this(text, language, withClauses, null)
    {
    }

    /// <summary>Reads a sentence with a memo of stems (see <see cref="ContentWords.Of(IReadOnlyList{Token}, string?, Dictionary{string, string}?)"/>) shared by the sentences of one version.</summary>
    internal Statement(string text, string? language, bool withClauses, Dictionary<string, string>? stems)
        : this(text, language, Tokenizer.Tokens(text), withClauses, stems)
    {
    }

    private Statement(string text, string? language, IReadOnlyList<Token> tokens, bool withClauses, Dictionary<string, string>? stems)
    {
        Text = text;
        Language = language;
        var stop = StopWords.For(language);
        Tokens = [.. tokens.Select(t => t.Folded)];
        Stems = [.. ContentWords.Of(tokens, language, stems)];
        StemSet = new HashSet<string>(Stems, StringComparer.Ordinal);
        DistinctStems = [.. StemSet];
        StemIds = [.. DistinctStems.Select(w => StringComparer.Ordinal.GetHashCode(w)).Distinct().Order()];
        Figures = [.. tokens.Select((t, i) => (t, i)).Where(x => x.t.Kind == TokenKind.Number)
            .Select(x => x.i + 1 < tokens.Count && tokens[x.i + 1].Kind == TokenKind.Word && !stop.Contains(tokens[x.i + 1].Folded)
                ? x.t.Text + " " + tokens[x.i + 1].Text : x.t.Text)];
        Names = new HashSet<string>(tokens.Where(t => t.LooksLikeName && t.Folded.Length > 1).Select(t => t.Folded), StringComparer.Ordinal);
        Numbers = [.. tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Folded).Distinct(StringComparer.Ordinal)];
        _contentWords = [.. tokens.Where(t => t.Kind == TokenKind.Word && !stop.Contains(t.Folded)).Select(t => t.Folded)];
        Clauses = withClauses ? SplitClauses(text, language, tokens, stop, stems) : [];
        // A sentence of a version (read with its clauses) is asked for its names when versions are compared; its tokens
        // are those of its text, so they are read from them now rather than again then.
        if (withClauses) _namePhrases = Comparison.NamePhrases.Of(text, tokens);
    }

    /// <summary>
    /// The clauses of a sentence that joins statements ("..., and reaffirmed ...", "...; ...", "..., which ..."):
    /// parts between commas, semicolons, colons and dashes that each hold enough content words to say something
    /// (a list of places between commas does not split). Empty when the sentence is one clause.
    /// </summary>
    public IReadOnlyList<Statement> Clauses { get; }

    private static List<Statement> SplitClauses(string text, string? language, IReadOnlyList<Token> tokens, IReadOnlySet<string> stop, Dictionary<string, string>? stems)
    {
        var breaks = ClauseBreak().Matches(text);
        if (breaks.Count == 0) return [];
        int ContentBetween(int from, int to) =>
            tokens.Count(t => t.Start >= from && t.Start < to && (t.Kind == TokenKind.Number || !stop.Contains(t.Folded)));
        var clauses = new List<(int Start, int End)>();
        var start = 0;
        foreach (System.Text.RegularExpressions.Match m in breaks)
        {
            if (ContentBetween(start, m.Index) < ClauseWords) continue;
            clauses.Add((start, m.Index));
            start = m.Index + m.Length;
        }
        // A short tail joins the clause before it.
        if (clauses.Count == 0 || ContentBetween(start, text.Length) >= ClauseWords) clauses.Add((start, text.Length));
        else clauses[^1] = (clauses[^1].Start, text.Length);
        return clauses.Count < 2 ? [] : [.. clauses.Select(c =>
        {
            var clause = text[c.Start..c.End];
            return new Statement(clause, language, ClauseTokens(clause, c.Start, tokens), false, stems);
        })];
    }

    /// <summary>
    /// The tokens of a clause that starts at <paramref name="from"/> in its sentence: the sentence's own, moved, as
    /// <see cref="Tokenizer.Tokens"/> reads the clause alone. A clause is bounded by spaces or punctuation no token
    /// runs across, so only whether its first token opens a sentence can differ.
    /// </summary>
    internal static List<Token> ClauseTokens(string clause, int from, IReadOnlyList<Token> tokens)
    {
        var result = new List<Token>();
        foreach (var token in tokens)
        {
            if (token.Start < from || token.Start >= from + clause.Length) continue;
            var moved = token with { Start = token.Start - from };
            if (result.Count == 0)
            {
                // Its word (before any elision) starts at the clause's first letter or digit.
                var word = 0;
                while (!char.IsLetterOrDigit(clause[word])) word++;
                moved = moved with { StartsSentence = Tokenizer.StartsSentence(clause, word) };
            }
            result.Add(moved);
        }
        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*[,;:]\s+|\s+[—–]\s+")]
    private static partial System.Text.RegularExpressions.Regex ClauseBreak();

    /// <summary>The sentence as written.</summary>
    public string Text { get; }
    /// <summary>Its language, if known.</summary>
    public string? Language { get; }
    /// <summary>Every word and figure, folded, in order.</summary>
    public string[] Tokens { get; }
    /// <summary>The content words' stems (and figures), in order.</summary>
    public string[] Stems { get; }
    /// <summary>The figures as written, each with the word that follows it when that word is not a stop word ("1,200 pounds").</summary>
    public string[] Figures { get; }
    /// <summary>
    /// The distinct content stems as sorted hash codes (stable within the process), so the gate is a merge of two short
    /// arrays. Two stems sharing a code only lets a pair through the gate to be scored in full.
    /// </summary>
    internal int[] StemIds { get; }

    /// <summary>
    /// The sentence's meaning as a unit vector from an <see cref="ISentenceEmbedder"/>, when one reads its language;
    /// null otherwise (the matcher then uses the lexical signals only).
    /// </summary>
    public float[]? Embedding { get; set; }

    /// <summary>The distinct content stems.</summary>
    public HashSet<string> StemSet { get; }

    /// <summary>The distinct content stems in the order <see cref="StemSet"/> gives them (first use first).</summary>
    internal string[] DistinctStems { get; }

    /// <summary>Each token's hash code (stable within the process), so that most unequal tokens are told apart by one comparison of numbers.</summary>
    internal int[] TokenCodes => _tokenCodes ??= Codes(Tokens);

    /// <summary>Each content stem's hash code, as <see cref="TokenCodes"/>.</summary>
    internal int[] StemCodes => _stemCodes ??= Codes(Stems);

    /// <summary>The distinct folded words and figures, as runs of one word, for the pair signals.</summary>
    internal WordRuns DistinctTokens => _distinctTokens ??= WordRuns.Of(Tokens, TokenCodes, 1);

    /// <summary>Neighbouring content stems as runs of two: a little of the word order.</summary>
    internal WordRuns StemPairs => _stemPairs ??= WordRuns.Of(Stems, StemCodes, 2);

    /// <summary>Neighbouring words and figures (stop words included) as runs of two: the phrasing.</summary>
    internal WordRuns TokenPairs => _tokenPairs ??= WordRuns.Of(Tokens, TokenCodes, 2);

    /// <summary>Runs of three neighbouring words and figures.</summary>
    internal WordRuns TokenTriples => _tokenTriples ??= WordRuns.Of(Tokens, TokenCodes, 3);

    private WordRuns? _distinctTokens;
    private WordRuns? _stemPairs;
    private WordRuns? _tokenPairs;
    private WordRuns? _tokenTriples;

    /// <summary>How many negators the sentence holds (<see cref="Negation.Count"/>).</summary>
    internal int Negators => _negators ??= Negation.Count(this);

    // Made on first use: most sentences (and clauses) meet few others past the gate. Two threads making one at once
    // make equal values.
    private int[]? _tokenCodes;
    private int[]? _stemCodes;
    private int? _negators;
    private StemWeightsOf? _stemWeights;

    private sealed record StemWeightsOf(WordWeights Weights, double[] Values);

    /// <summary>The weight of each of <see cref="DistinctStems"/> by <paramref name="weights"/>; kept for the last weights asked.</summary>
    internal double[] StemWeights(WordWeights weights)
    {
        if (_stemWeights is { } kept && ReferenceEquals(kept.Weights, weights)) return kept.Values;
        var values = Array.ConvertAll(DistinctStems, weights.Of);
        _stemWeights = new StemWeightsOf(weights, values);
        return values;
    }

    private static int[] Codes(string[] words) => Array.ConvertAll(words, w => StringComparer.Ordinal.GetHashCode(w));
    /// <summary>Folded words that look like names (capitalised inside the sentence).</summary>
    public HashSet<string> Names { get; }
    /// <summary>The figures' plain values, distinct.</summary>
    public string[] Numbers { get; }
    /// <summary>
    /// Character trigrams of the content words (with word boundaries), which meet across spellings and cognates: each
    /// trigram's three UTF-16 characters packed into one number, distinct and sorted.
    /// </summary>
    public long[] Trigrams => _trigrams ??= Grams(_contentWords);

    // The folded words that are not stop words, in order (figures excluded).
    private readonly string[] _contentWords;
    private long[]? _trigrams;

    /// <summary>
    /// Character 4-grams of the folded words and figures joined by spaces, stop words included: phrasing at the letter
    /// level. Each 4-gram's four UTF-16 characters are packed into one number (exactly, so two numbers are equal only for
    /// equal 4-grams), distinct and sorted.
    /// </summary>
    // Made on first use, like the word runs. Numbers rather than strings: a sentence has a hundred or more.
    public long[] TextGrams => _textGrams ??= TextGramsOf(Tokens);

    private long[]? _textGrams;

    private List<string>? _namePhrases;

    /// <summary>The name phrases of the sentence as written ("Vladimir Putin"), made on first use.</summary>
    internal List<string> NamePhrases => _namePhrases ??= Comparison.NamePhrases.Of(Text);

    private static long[] TextGramsOf(string[] tokens)
    {
        var text = " " + string.Join(' ', tokens) + " ";
        if (text.Length < 4) return [];
        var grams = new long[text.Length - 3];
        for (var i = 0; i + 4 <= text.Length; i++)
            grams[i] = ((long)text[i] << 48) | ((long)text[i + 1] << 32) | ((long)text[i + 2] << 16) | text[i + 3];
        return Distinct(grams);
    }

    // Sorted, each number once.
    private static long[] Distinct(long[] values)
    {
        Array.Sort(values);
        var count = 0;
        for (var i = 0; i < values.Length; i++)
            if (i == 0 || values[i] != values[count - 1]) values[count++] = values[i];
        return count == values.Length ? values : values[..count];
    }

    private static long[] Grams(string[] words)
    {
        var grams = new List<long>();
        foreach (var word in words)
        {
            // The trigrams of "_word_": the boundaries are part of those at either end.
            for (var i = 0; i < word.Length; i++)
            {
                var first = i == 0 ? '_' : word[i - 1];
                var third = i + 1 < word.Length ? word[i + 1] : '_';
                grams.Add(((long)first << 32) | ((long)word[i] << 16) | third);
            }
        }
        return Distinct([.. grams]);
    }
}
