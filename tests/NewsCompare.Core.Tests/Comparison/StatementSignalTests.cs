using NewsCompare.Core.Comparison;
using NewsCompare.Core.Text;

namespace NewsCompare.Core.Tests.Comparison;

/// <summary>
/// The overlap signals are the Dice of the two sentences' distinct words, word runs and letter n-grams as texts, however
/// the matcher keeps them (packed numbers, hash keys checked word by word).
/// </summary>
public sealed class StatementSignalTests
{
    public static TheoryData<string, string, string> Pairs => new()
    {
        { "en", "The ministers met in Geneva on Monday, and the ministers agreed to meet again in 2025.", "Ministers met in Geneva on Monday and agreed to meet again in 2025, the ministers said." },
        { "en", "Officials said 1,200 people had left; officials said the river was rising.", "The river was rising, officials said, after 1,100 people had left their homes." },
        { "es", "Los presidentes se reunieron en Madrid el lunes, y los presidentes acordaron reunirse de nuevo.", "El lunes los presidentes se reunieron en Madrid y acordaron volver a reunirse." },
        { "de", "Die Verhandlungen dauerten 3 Stunden; die Regierungen wollen weiter verhandeln.", "Die Regierungen wollen weiter verhandeln, nachdem die Verhandlungen 3 Stunden dauerten." },
        { "ru", "Министр заявил журналистам, что переговоры длились 3 часа.", "Переговоры длились 3 часа, заявил министр журналистам." },
        { "tr", "Bakanlar dün Ankara'da toplandı, bakanlar yeni bir anlaşma imzaladı.", "Bakanlar yeni bir anlaşma imzaladı." },
        { "fr", "Les ministres se sont réunis à Paris, l'armée française a quitté la ville.", "À Paris, les ministres se sont réunis après le départ de l'armée française." },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void OverlapSignalsAreTheDiceOfTheSentencesWordsRunsAndLetters(string language, string first, string second)
    {
        var (a, b) = (new Statement(first, language), new Statement(second, language));
        var f = StatementFeatures.Compute(a, b);
        f[3].Should().Be(Dice(Joined(a.Tokens, 1), Joined(b.Tokens, 1)));
        f[4].Should().Be(Dice(Joined(a.Stems, 2), Joined(b.Stems, 2)));
        f[19].Should().Be(Dice(Joined(a.Tokens, 2), Joined(b.Tokens, 2)));
        f[20].Should().Be(Dice(Joined(a.Tokens, 3), Joined(b.Tokens, 3)));
        f[6].Should().Be(Dice(SpellingTrigrams(a), SpellingTrigrams(b)));
        f[17].Should().Be(Dice(Letters(a, 4), Letters(b, 4)));
        f[19].Should().BeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void SignalsDoNotDependOnWhichPairsWereScoredBefore(string language, string first, string second)
    {
        // The sets a sentence keeps for scoring are made on first use: scoring it against others first changes nothing.
        var fresh = StatementFeatures.Compute(new Statement(first, language), new Statement(second, language), ignoreFigures: true, StatementModel.Default.WordWeights);
        var (a, b) = (new Statement(first, language), new Statement(second, language));
        StatementFeatures.Compute(a, a);
        StatementFeatures.Compute(b, new Statement("Nothing in common here at all, 42 times.", language), weights: WordWeights.Uniform);
        StatementFeatures.Compute(a, b, ignoreFigures: true, StatementModel.Default.WordWeights).Should().Equal(fresh);
    }

    [Fact]
    public void WordRunsCountEachRunOnceEvenWhenTheirHashCodesCollide()
    {
        string[] x = ["the", "talks", "the", "talks", "ended", "the", "talks"], y = ["the", "talks", "ended", "in", "talks"];
        int[] Zeros(string[] words) => new int[words.Length];
        int[] Codes(string[] words) => [.. words.Select(w => StringComparer.Ordinal.GetHashCode(w))];
        for (var length = 1; length <= 3; length++)
        {
            var expected = Dice(Joined(x, length), Joined(y, length));
            WordRuns.Dice(WordRuns.Of(x, Codes(x), length), WordRuns.Of(y, Codes(y), length)).Should().Be(expected);
            // Every run keyed alike: the word-by-word check alone tells them apart.
            WordRuns.Dice(WordRuns.Of(x, Zeros(x), length), WordRuns.Of(y, Zeros(y), length)).Should().Be(expected);
            WordRuns.Of(x, Zeros(x), length).Count.Should().Be(Joined(x, length).Count);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void AVersionsSentenceNamesWhatItsTextNames(string language, string first, string second)
    {
        foreach (var text in new[] { first, second, "Talks between Vladimir Putin and Xi Jinping in Moscow ended, said Dmitry Peskov." })
            new Statement(text, language, withClauses: true).NamePhrases.Should().Equal(NamePhrases.Of(text));
    }

    private static HashSet<string> Joined(string[] words, int length) =>
        [.. Enumerable.Range(0, Math.Max(0, words.Length - length + 1)).Select(i => string.Join(' ', words, i, length))];

    private static HashSet<string> SpellingTrigrams(Statement s)
    {
        var stop = StopWords.For(s.Language);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in s.Tokens.Where(t => !char.IsDigit(t[0]) && !stop.Contains(t)))
        {
            var padded = "_" + word + "_";
            for (var i = 0; i + 3 <= padded.Length; i++) grams.Add(padded.Substring(i, 3));
        }
        return grams;
    }

    private static HashSet<string> Letters(Statement s, int n)
    {
        var text = " " + string.Join(' ', s.Tokens) + " ";
        return [.. Enumerable.Range(0, Math.Max(0, text.Length - n + 1)).Select(i => text.Substring(i, n))];
    }

    private static double Dice(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);
}
