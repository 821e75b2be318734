using NewsCompare.Core.Comparison;

namespace NewsCompare.Embeddings;

/// <summary>
/// An embedder that keeps the vectors it computed in a file (`--embedding-cache`), so that re-learning on the same
/// pairs does not embed the same sentences again.
/// </summary>
internal sealed class CachedEmbedder : ISentenceEmbedder
{
    private readonly Lazy<ISentenceEmbedder> _inner;
    private readonly string _path;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public CachedEmbedder(Func<ISentenceEmbedder> inner, string path)
    {
        _inner = new Lazy<ISentenceEmbedder>(inner);
        _path = path;
        if (!File.Exists(path)) return;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var text = reader.ReadString();
                var vector = new float[reader.ReadInt32()];
                for (var j = 0; j < vector.Length; j++) vector[j] = reader.ReadSingle();
                _vectors[text] = vector;
            }
        }
        catch (EndOfStreamException)
        {
            _vectors.Clear(); // a cut file is rebuilt
        }
    }

    public bool Reads(string? language) => MiniLmEmbedder.ReadsLanguage(language);

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences)
    {
        var missing = sentences.Where(s => !_vectors.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var vectors = _inner.Value.Embed(missing);
            for (var i = 0; i < missing.Count; i++) _vectors[missing[i]] = vectors[i];
            using var writer = new BinaryWriter(File.Create(_path));
            writer.Write(_vectors.Count);
            foreach (var (text, vector) in _vectors)
            {
                writer.Write(text);
                writer.Write(vector.Length);
                foreach (var x in vector) writer.Write(x);
            }
        }
        return [.. sentences.Select(s => _vectors[s])];
    }
}
