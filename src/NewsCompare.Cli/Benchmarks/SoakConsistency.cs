using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>What a reader of the lists can check against the store: the counts, the newest story, the newest article and its story.</summary>
internal enum StoreFact
{
    Articles,
    Stories,
    NewestStory,
    NewestArticle,
    NewestArticleStory,
}

/// <summary>The store's answer to each <see cref="StoreFact"/>, read straight from the store.</summary>
internal sealed record StoreState(long Articles, long Stories, long? NewestStory, long? NewestArticle, long? NewestArticleStory)
{
    public long? Expected(StoreFact fact) => fact switch
    {
        StoreFact.Articles => Articles,
        StoreFact.Stories => Stories,
        StoreFact.NewestStory => NewestStory,
        StoreFact.NewestArticle => NewestArticle,
        StoreFact.NewestArticleStory => NewestArticleStory,
        _ => throw new ArgumentOutOfRangeException(nameof(fact)),
    };
}

/// <summary>One fact as a page of one instance showed it (null: the page did not show it).</summary>
internal sealed record PageReading(string Page, StoreFact Fact, long? Value);

/// <summary>
/// The outcome of comparing an instance's pages with the store: settled when the store did not change while the
/// pages were read (so every page must show its state), and the first page that did not.
/// </summary>
internal sealed record ConsistencyVerdict(bool Settled, string? Mismatch)
{
    public bool Consistent => Settled && Mismatch is null;
}

/// <summary>
/// The soak's consistency check, apart from HTTP and the store: an instance's pages read between two identical reads
/// of the store must show exactly that state. When the store moved in between (a regroup switching in), nothing can be
/// concluded and the check is taken again.
/// </summary>
internal static class SoakConsistency
{
    public static ConsistencyVerdict Judge(StoreState before, IReadOnlyList<PageReading> readings, StoreState after)
    {
        if (before != after) return new ConsistencyVerdict(false, null);
        foreach (var reading in readings)
        {
            var expected = before.Expected(reading.Fact);
            if (reading.Value != expected)
                return new ConsistencyVerdict(true, $"{reading.Page} shows {Describe(reading.Fact, reading.Value)}; the store holds {Describe(reading.Fact, expected)}");
        }
        return new ConsistencyVerdict(true, null);
    }

    private static string Describe(StoreFact fact, long? value)
    {
        var number = value?.ToString("N0", CultureInfo.InvariantCulture);
        return fact switch
        {
            StoreFact.Articles => $"{number ?? "no count of"} articles",
            StoreFact.Stories => $"{number ?? "no count of"} stories",
            StoreFact.NewestStory => value is null ? "no newest story" : $"story {value} as the newest",
            StoreFact.NewestArticle => value is null ? "no newest article" : $"article {value} as the newest",
            StoreFact.NewestArticleStory => value is null ? "the newest article in no story" : $"the newest article in story {value}",
            _ => throw new ArgumentOutOfRangeException(nameof(fact)),
        };
    }

    private static readonly Regex Count = new("<strong class=\"count\">([0-9][0-9,]*) ", RegexOptions.CultureInvariant);

    /// <summary>The number in a list page's summary ("12,345 stories"), or null when the page shows none.</summary>
    public static long? CountOnPage(string html)
    {
        var match = Count.Match(html);
        return match.Success ? long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null;
    }

    /// <summary>From a list of the JSON API (<c>{"items": [...], "total": n}</c>): its total and its first item's id.</summary>
    public static (long? Total, long? FirstId) ListSummary(string json)
    {
        using var document = Parse(json);
        if (document is null) return (null, null);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return (null, null);
        long? total = root.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null;
        long? first = root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0
            && items[0].ValueKind == JsonValueKind.Object && items[0].TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : null;
        return (total, first);
    }

    /// <summary>From the API's article (<c>{"article": {"id": n, "storyId": n|null}, ...}</c>): its id and its story.</summary>
    public static (long? Id, long? StoryId) ArticleSummary(string json)
    {
        using var document = Parse(json);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("article", out var article)) return (null, null);
        long? Number(string name) => article.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
        return (Number("id"), Number("storyId"));
    }

    private static JsonDocument? Parse(string json)
    {
        try { return JsonDocument.Parse(json); }
        catch (JsonException) { return null; }
    }
}
