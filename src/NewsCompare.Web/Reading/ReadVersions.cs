using Microsoft.Extensions.Caching.Memory;
using NewsCompare.Core.Comparison;

namespace NewsCompare.Web.Reading;

/// <summary>
/// Articles read for comparison (sentences split and analysed, by <see cref="VersionComparer.Read"/>), kept per article
/// and text: an article compared again, with the same or other articles, is not read again.
/// </summary>
public sealed class ReadVersions : IDisposable
{
    // About 100 KB per read article of 1,000 words.
    private readonly MemoryCache _read = new(new MemoryCacheOptions { SizeLimit = 500 });

    /// <summary>The version <paramref name="input"/> of article <paramref name="articleId"/>, read once per text.</summary>
    public ReadVersion Get(long articleId, ComparisonInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var hash = new HashCode();
        hash.Add(input.Language);
        foreach (var paragraph in input.Paragraphs) hash.Add(paragraph);
        var key = (articleId, hash.ToHashCode(), input.Paragraphs.Count);
        if (_read.TryGetValue(key, out ReadVersion? known) && known is not null && SameText(known.Input, input)) return known;
        var read = VersionComparer.Read(input);
        _read.Set(key, read, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return read;
    }

    // A hash that collides with an edited text must not serve the old one.
    private static bool SameText(ComparisonInput a, ComparisonInput b) =>
        a.Language == b.Language && a.Key == b.Key && a.Headline == b.Headline && a.Paragraphs.SequenceEqual(b.Paragraphs, StringComparer.Ordinal);

    public void Dispose() => _read.Dispose();
}
