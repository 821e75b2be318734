namespace NewsCompare.Core.Text;

/// <summary>
/// Light stemming of folded words: strips the inflections (plural, gender, case, possessive, common verb endings)
/// that rewrites of one statement vary, so "meeting"/"meetings", "presidente"/"presidentes",
/// "Präsidenten"/"Präsident", "bakanı"/"bakanlar", "الوزير"/"وزيرة" meet. Deliberately light: a wrong merge costs
/// more than a missed one.
/// </summary>
public static class Stemmer
{
    private sealed record Rules(string[] Suffixes, int MinStem, int Passes);

    // Suffixes are folded (no accents) and tried longest first; one is stripped per pass if the stem keeps MinStem letters.
    private static readonly Dictionary<string, Rules> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = new(Sorted("ing ies ied ed es s ly ment"), 3, 2),
        ["es"] = new(Sorted("amientos imientos amiento imiento aciones iciones acion icion mente ando iendo aron ieron ados idos adas idas ado ido ada ida ar er ir es as os s a o e"), 4, 1),
        ["pt"] = new(Sorted("acoes icoes acao icao mente ando endo indo aram eram iram ados idos adas idas ado ido ada ida ar er ir ou es as os s a o e"), 4, 1),
        ["it"] = new(Sorted("azioni azione mente ando endo ato ati ata ate ito iti ita ite are ere ire i e a o"), 4, 1),
        ["fr"] = new(Sorted("ations ation ements ement ments ment euses euse eux ives ive ifs if ees ee es er ez aient ait ant e s x"), 4, 1),
        ["de"] = new(Sorted("ungen ung heiten heit keiten keit lichen liche lich ischen ische isch ern em en er es e n s"), 4, 1),
        ["ru"] = new(Sorted("иями ями ами ого его ому ему ыми ими ать ять ить еть ала али ило ила или ой ей ий ый ая яя ое ее ые ие ов ев ам ям ах ях ом ем ую юю ал ил а я о е ы и у ю ь"), 3, 1),
    };

    // Turkish is agglutinative: a word carries a chain of suffixes (plural, possessive, case, verb endings) whose
    // vowels follow the stem's. Fixed-length prefixes of five letters are a strong stemmer for Turkish retrieval
    // (Can et al., 2008), and on story-pairs-dev they rank same-event Turkish pairs better than stripping a list of
    // suffixes did (bench-stories --pair-auc, docs/benchmarks.md); shorter words are kept whole.
    private const int TurkishPrefix = 5;

    // Arabic light stemming in the manner of Larkey's light10: the article and "and" written onto a word, then
    // the commonest endings (dual, plural, feminine, possessive pronouns), each once, from the outside in.
    private static readonly string[] ArabicSuffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    /// <summary>The languages with stemming rules (two-letter codes).</summary>
    public static IReadOnlyCollection<string> Languages { get; } = [.. ByLanguage.Keys, "tr", "ar"];

    /// <summary>The stem of a folded word in <paramref name="language"/>; the word itself when the language has no rules.</summary>
    public static string Stem(string folded, string? language)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (language == "tr") return folded.Length > TurkishPrefix ? folded[..TurkishPrefix] : folded;
        if (language == "ar") return Arabic(folded);
        if (language is null || !ByLanguage.TryGetValue(language, out var rules)) return folded;
        var word = folded;
        for (var pass = 0; pass < rules.Passes; pass++)
        {
            var stripped = Strip(word, rules, language);
            if (stripped.Length == word.Length) break;
            word = stripped;
        }
        // English: "rise", "rises", "rising" all end as "ris".
        if (language == "en" && word.Length > 4 && word[^1] == 'e') word = word[..^1];
        return word;
    }

    /// <summary>
    /// A word without a plural or possessive "s" ("talks" → "talk", "agencies" → "agency"; not "crisis", "status",
    /// "congress"): the one ending many languages' names and loanwords share, stripped where no rules of the
    /// word's language apply.
    /// </summary>
    public static string Plural(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (folded.Length > 4 && folded.EndsWith("ies", StringComparison.Ordinal)) return folded[..^3] + "y";
        if (folded.Length > 3 && folded[^1] == 's' && folded[^2] is not ('s' or 'u' or 'i')) return folded[..^1];
        return folded;
    }

    private static string Arabic(string word)
    {
        if (!Folding.IsArabic(word)) return word;
        // The article first: "الوزير" and "وزير" must then lose the same letters.
        word = Folding.WithoutArabicArticle(word);
        if (word.Length >= 4 && word[0] == 'و') word = word[1..];
        foreach (var suffix in ArabicSuffixes)
            if (word.Length - suffix.Length >= 2 && word.EndsWith(suffix, StringComparison.Ordinal)) word = word[..^suffix.Length];
        return word;
    }

    private static string Strip(string word, Rules rules, string language)
    {
        foreach (var suffix in rules.Suffixes)
        {
            if (word.Length - suffix.Length < rules.MinStem || !word.EndsWith(suffix, StringComparison.Ordinal)) continue;
            if (language == "en")
            {
                if (suffix == "s" && (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal))) return word;
                if (suffix is "ies" or "ied") return word[..^3] + "y";
            }
            return word[..^suffix.Length];
        }
        return word;
    }

    private static string[] Sorted(string suffixes) =>
        [.. suffixes.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
}
