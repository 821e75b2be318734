using NewsCompare.Core.Text;

namespace NewsCompare.Core.Metadata;

/// <summary>
/// Detects a text's language from its script and, for Latin and Cyrillic scripts, from its most common words.
/// Returns a two-letter code, or null when the text is too short or too mixed to tell.
/// </summary>
public static class LanguageDetector
{
    // The languages told apart by their most frequent words (the top of each Text/StopWords list); on a tie the
    // earlier one wins.
    private static readonly string[] Languages = ["en", "fr", "de", "es", "pt", "it", "nl", "sv", "pl", "tr", "id", "ro", "ru", "uk"];

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
            case "arabic": return IsPersian(sample) ? "fa" : "ar";
            case "hebrew": return "he";
            case "greek": return "el";
            case "devanagari": return "hi";
            case "thai": return "th";
            case "latin" or "cyrillic": return ByStopwords(sample, script);
            default: return null;
        }
    }

    // Persian writes four letters Arabic has not (پ چ ژ گ) and its own forms of ya and kaf (ی ک) in most of its words;
    // Arabic writes its ya and kaf (ي ك), ta marbuta and alef maqsura instead. Whichever set is more frequent decides:
    // Arabic pages of Iranian outlets carry a Persian ya or kaf here and there, and one of them made a whole Arabic
    // report Persian, while a short Persian text may have none of the four letters.
    private static bool IsPersian(string sample)
    {
        int persian = 0, arabic = 0;
        foreach (var c in sample)
        {
            if (c is 'پ' or 'چ' or 'ژ' or 'گ' or 'ی' or 'ک') persian++;
            else if (c is 'ي' or 'ك' or 'ة' or 'ى') arabic++;
        }
        return persian > arabic;
    }

    /// <summary>Each telling stop word with the languages it belongs to, as bits in the order of <see cref="Languages"/>.</summary>
    private static readonly Dictionary<string, int> WordLanguages = BuildWordLanguages();

    private static Dictionary<string, int> BuildWordLanguages()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Languages.Length; i++)
            foreach (var word in StopWords.Telling(Languages[i])) map[word] = map.GetValueOrDefault(word) | (1 << i);
        return map;
    }

    private static string? ByStopwords(string text, string script)
    {
        var hits = new int[Languages.Length];
        var words = 0;
        var lookup = WordLanguages.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[32];
        var at = 0;
        while (Tokenizer.Next(text, ref at, out var start, out var number))
        {
            if (number) continue;
            words++;
            // "l'homme", "dell'anno", "Türkiye'nin": each side of an apostrophe may be a telling word.
            var run = text.AsSpan(start, at - start);
            foreach (var range in run.SplitAny('\'', '’'))
            {
                var part = run[range];
                if (part.Length > lower.Length) continue;
                var word = lower[..part.Length];
                for (var k = 0; k < part.Length; k++) word[k] = Folding.Lower(part[k]);
                if (!lookup.TryGetValue(word, out var mask)) continue;
                for (var l = 0; l < Languages.Length; l++) if ((mask & (1 << l)) != 0) hits[l]++;
            }
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
}
