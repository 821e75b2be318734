namespace NewsCompare.Core.Stories;

/// <summary>
/// Story signatures as last saved, kept in memory up to a byte budget so a story that keeps coming up as a candidate
/// is not read and decoded again for every batch. Recently used entries stay: entries live in a young generation
/// and an old one; a hit in the old one moves the entry back to the young one, and when the young one reaches half
/// the budget the old one is dropped and the young one takes its place. Holds only what it is given: the caller
/// puts every signature it saves and removes every one it deletes. Entries are shared: callers get a
/// <see cref="StorySignature.Clone"/>, never the held object.
/// </summary>
internal sealed class SignatureCache(long maxBytes)
{
    private Dictionary<long, StorySignature> _young = [];
    private Dictionary<long, StorySignature> _old = [];
    private long _youngBytes;
    private long _oldBytes;

    /// <summary>Estimated bytes held (both generations).</summary>
    public long Bytes => _youngBytes + _oldBytes;

    public int Count => _young.Count + _old.Count;

    public long MaxBytes => maxBytes;

    /// <summary>A copy of the held signature of <paramref name="storyId"/>, or null when not held.</summary>
    public StorySignature? Get(long storyId)
    {
        if (_young.TryGetValue(storyId, out var s)) return s.Clone();
        if (!_old.Remove(storyId, out s)) return null;
        _oldBytes -= Size(s);
        AddYoung(s);
        return s.Clone();
    }

    /// <summary>Holds <paramref name="saved"/> (the signature as the store now has it; not copied, so not to be changed after).</summary>
    public void Put(StorySignature saved)
    {
        Remove(saved.Id);
        AddYoung(saved);
    }

    public void Remove(long storyId)
    {
        if (_young.Remove(storyId, out var s)) _youngBytes -= Size(s);
        else if (_old.Remove(storyId, out s)) _oldBytes -= Size(s);
    }

    public void Clear()
    {
        _young.Clear();
        _old.Clear();
        _youngBytes = _oldBytes = 0;
    }

    private void AddYoung(StorySignature s)
    {
        var size = Size(s);
        if (size > maxBytes / 2) return;
        if (_youngBytes + size > maxBytes / 2)
        {
            (_old, _young) = (_young, []);
            (_oldBytes, _youngBytes) = (_youngBytes, 0);
        }
        _young[s.Id] = s;
        _youngBytes += size;
    }

    // A dictionary entry (key, value, hash, next) and its bucket per term, plus the object and the index entry.
    internal static long Size(StorySignature s) => 20L * s.Centroid.Count + 256;
}
