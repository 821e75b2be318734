namespace NewsCompare.Core.Metadata;

/// <summary>
/// Detects a text's language from its script and, for Latin and Cyrillic scripts, from its most common words.
/// Returns a two-letter code, or null when the text is too short or too mixed to tell.
/// </summary>
public static class LanguageDetector
{
    private static readonly Dictionary<string, HashSet<string>> Stopwords = new()
    {
        ["en"] = Words("the of and to in is that for it was on with as by at from this be are have has said an not which who were but"),
        ["fr"] = Words("le la les de des du et est un une dans que qui pour pas sur au aux par avec ce il elle sont ont été plus"),
        ["de"] = Words("der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wird sind hat"),
        ["es"] = Words("el la los las de del y en que un una es por con para se su al lo como más pero sus fue ha han"),
        ["pt"] = Words("o a os as de do da dos das e em que um uma é para com não por se na no mais foi pelo pela ao"),
        ["it"] = Words("il la lo gli le di del della e è in che un una per con non si da al alla sono ha nel anche"),
        ["nl"] = Words("de het een en van is dat op te in zijn met voor niet die aan er ook als bij om wordt door naar"),
        ["sv"] = Words("och att det som en på är av för med till den har inte om ett var men från de vi kan"),
        ["pl"] = Words("i w na z że do nie się jest to o jak po przez dla od są oraz także który która było"),
        ["tr"] = Words("ve bir bu da de için ile olarak çok daha gibi olan ne ama en kadar sonra ise değil her"),
        ["id"] = Words("yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah oleh karena bahwa"),
        ["ro"] = Words("și în de la cu pe care este din pentru nu mai se un o au fost că sunt"),
        ["ru"] = Words("и в не на что с по как это он она из за для от его но к о же был была также которые"),
        ["uk"] = Words("і в не на що з по як це він вона із за для від його але до та також які є був"),
    };

    /// <summary>Detects the language of <paramref name="text"/>.</summary>
    /// <param name="text">The article text (headline and paragraphs).</param>
    /// <returns>A two-letter code such as "en", or null when it cannot be told.</returns>
    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var sample = text.Length > 6000 ? text[..6000] : text;
        var script = DominantScript(sample);
        switch (script)
        {
            case "han": return sample.Any(c => c is >= '\u3040' and <= '\u30FF') ? "ja" : "zh";
            case "kana": return "ja";
            case "hangul": return "ko";
            case "arabic": return sample.Any(c => c is 'پ' or 'چ' or 'ژ' or 'گ' or 'ی') ? "fa" : "ar";
            case "hebrew": return "he";
            case "greek": return "el";
            case "devanagari": return "hi";
            case "thai": return "th";
            case "latin" or "cyrillic": return ByStopwords(sample, script);
            default: return null;
        }
    }

    /// <summary>Each stopword with the languages it belongs to, as bits in the order of <see cref="Languages"/>.</summary>
    private static readonly string[] Languages = [.. Stopwords.Keys];
    private static readonly Dictionary<string, int> WordLanguages = BuildWordLanguages();

    private static Dictionary<string, int> BuildWordLanguages()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Languages.Length; i++)
            foreach (var word in Stopwords[Languages[i]]) map[word] = map.GetValueOrDefault(word) | (1 << i);
        return map;
    }

    private static string? ByStopwords(string text, string script)
    {
        var hits = new int[Languages.Length];
        var words = 0;
        var lookup = WordLanguages.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[32];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            words++;
            if (i - start > lower.Length) continue;
            var word = lower[..(i - start)];
            text.AsSpan(start, i - start).ToLowerInvariant(word);
            if (!lookup.TryGetValue(word, out var mask)) continue;
            for (var l = 0; l < Languages.Length; l++) if ((mask & (1 << l)) != 0) hits[l]++;
        }
        if (words < 8) return null;
        var cyrillic = script == "cyrillic";
        var scores = Languages.Select((lang, index) => (lang, hits: hits[index]))
            .Where(s => (s.lang is "ru" or "uk") == cyrillic)
            .OrderByDescending(s => s.hits).ToList();
        var best = scores[0];
        // Enough evidence, and clearly ahead of the runner-up.
        if (best.hits < Math.Max(3, words / 20)) return null;
        if (scores.Count > 1 && scores[1].hits * 1.25 > best.hits) return null;
        return best.lang;
    }

    private static string? DominantScript(string text)
    {
        var counts = new Dictionary<string, int>();
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            var script = c switch
            {
                <= '\u024F' => "latin",
                >= '\u0370' and <= '\u03FF' => "greek",
                >= '\u0400' and <= '\u052F' => "cyrillic",
                >= '\u0590' and <= '\u05FF' => "hebrew",
                >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' => "arabic",
                >= '\u0900' and <= '\u097F' => "devanagari",
                >= '\u0E00' and <= '\u0E7F' => "thai",
                >= '\u3040' and <= '\u30FF' => "kana",
                >= '\u4E00' and <= '\u9FFF' => "han",
                >= '\uAC00' and <= '\uD7AF' => "hangul",
                >= '\u1E00' and <= '\u1EFF' => "latin",
                _ => "other",
            };
            counts[script] = counts.GetValueOrDefault(script) + 1;
        }
        if (counts.Count == 0) return null;
        var total = counts.Values.Sum();
        // Japanese mixes kana with Han: count them together, and a little kana decides it is Japanese.
        var kana = counts.GetValueOrDefault("kana");
        if (kana > 0 && counts.GetValueOrDefault("han") + kana >= total * 0.6) return kana > total * 0.05 ? "kana" : "han";
        var top = counts.MaxBy(kv => kv.Value);
        return top.Value < total * 0.6 ? null : top.Key;
    }

    private static HashSet<string> Words(string list) => new(list.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
