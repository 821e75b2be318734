using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsCompare.Core.Extraction.Text;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>A folder of articles with an optional sources.json manifest and labels.json gold grouping.</summary>
internal sealed partial record GroupingDataset(IReadOnlyList<(string File, StoryArticle Article)> Items, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>
    /// Loads *.txt from <paramref name="folder"/>, taking <paramref name="extracted"/> from the importer's text extractor
    /// and the rest from the file's lines (the first line the headline, then paragraphs between blank lines): a clean set
    /// is read as it is, raw captures through the extractor. Dates come from the manifest's "published", else from a date
    /// in the address, when <paramref name="withDates"/>.
    /// </summary>
    public static GroupingDataset Load(string folder, string? labelsFile, bool withDates, ExtractedParts extracted)
    {
        var manifest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var sources = Path.Combine(folder, "sources.json");
        if (File.Exists(sources))
        {
            try
            {
                foreach (var e in JsonDocument.Parse(File.ReadAllText(sources)).RootElement.EnumerateArray())
                    if (e.TryGetProperty("file", out var f) && f.GetString() is { } name) manifest[name] = e.Clone();
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{sources}: not a JSON array of objects with \"file\" ({ex.Message})", ex);
            }
        }
        var items = new List<(string, StoryArticle)>();
        long id = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var text = File.ReadAllText(path);
            var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
            var headline = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
            var paragraphs = string.Join('\n', lines.SkipWhile(l => l.Trim().Length == 0).Skip(1))
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (extracted != ExtractedParts.None)
            {
                var x = PlainTextExtractor.Extract(text);
                if (extracted is ExtractedParts.All or ExtractedParts.Headline) headline = x.Headline;
                if (extracted is ExtractedParts.All or ExtractedParts.Body) paragraphs = x.Paragraphs.ToList();
            }
            manifest.TryGetValue(name, out var meta);
            var outlet = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("outlet", out var o) ? o.GetString() : null;
            DateOnly? published = null;
            if (withDates && meta.ValueKind == JsonValueKind.Object)
            {
                if (meta.TryGetProperty("published", out var p) && DateOnly.TryParse(p.GetString()?[..Math.Min(10, p.GetString()!.Length)], CultureInfo.InvariantCulture, out var d))
                    published = d;
                else if (meta.TryGetProperty("url", out var u) && UrlDate(u.GetString()) is { } ud)
                    published = ud;
            }
            items.Add((name, new StoryArticle(++id, headline, paragraphs, outlet, null, published)));
        }
        Dictionary<string, string> labels = [];
        if (labelsFile is not null && File.Exists(labelsFile))
        {
            try { labels = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(labelsFile)) ?? []; }
            catch (JsonException ex) { throw new InvalidDataException($"{labelsFile}: not a JSON object of file name to event id ({ex.Message})", ex); }
        }
        return new GroupingDataset(items, labels);
    }

    // A stand-in for the metadata resolver: /2023/02/21/ or 20230919 in an address.
    private static DateOnly? UrlDate(string? url)
    {
        if (url is null) return null;
        var m = UrlDateRegex().Match(url);
        if (!m.Success) return null;
        var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return y is >= 1990 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    [GeneratedRegex(@"[/_-]((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_-]|\d{2,}|$)")]
    private static partial Regex UrlDateRegex();
}

/// <summary>B-cubed precision, recall and F1 of a grouping against gold labels (same definition as the datasets' score.py).</summary>
internal static class BCubed
{
    public static (double P, double R, double F1) Score(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var byGold = gold.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToHashSet());
        var pred = gold.Keys.ToDictionary(k => k, k => predicted.GetValueOrDefault(k) ?? "__alone__" + k);
        var byPred = pred.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToHashSet());
        double p = 0, r = 0;
        foreach (var item in gold.Keys)
        {
            var sp = byPred[pred[item]];
            var sg = byGold[gold[item]];
            var both = sp.Count(sg.Contains);
            p += (double)both / sp.Count;
            r += (double)both / sg.Count;
        }
        p /= gold.Count;
        r /= gold.Count;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}

/// <summary>Which parts of a capture a benchmark takes from the importer's text extractor rather than the file's own lines.</summary>
internal enum ExtractedParts
{
    /// <summary>None: the first line is the headline, the rest its paragraphs (a clean set).</summary>
    None,
    /// <summary>Headline and body, as the importer reads a capture.</summary>
    All,
    /// <summary>The body only; the headline is the file's first line.</summary>
    Body,
    /// <summary>The headline only; the body is the file's own paragraphs.</summary>
    Headline,
}
