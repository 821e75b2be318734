using System.Buffers.Binary;

namespace NewsCompare.Core.Stories;

/// <summary>What the engine keeps of a story: the sum of its members' vectors (strongest terms), dates and languages.</summary>
internal sealed class StorySignature
{
    public const int MaxTerms = 400;

    public long Id { get; set; }
    public Dictionary<uint, float> Centroid { get; set; } = [];
    public int Members { get; set; }
    public int? FirstDay { get; set; }
    public int? LastDay { get; set; }
    public HashSet<string> Languages { get; } = new(StringComparer.Ordinal);
    /// <summary>The collection size (documents) its member vectors were weighed against; re-weighed when the store has doubled.</summary>
    public int WeighedAt { get; set; }

    /// <summary>The signature of a story made of <paramref name="members"/>.</summary>
    public static StorySignature Of(long id, IEnumerable<ArticleProfile> members)
    {
        var s = new StorySignature { Id = id };
        foreach (var m in members) s.Add(m);
        return s;
    }

    public void Add(ArticleProfile a)
    {
        foreach (var (k, w) in a.Weights) Centroid[k] = Centroid.GetValueOrDefault(k) + w;
        if (Centroid.Count > MaxTerms * 2) Centroid = Vectors.Top(Centroid, MaxTerms);
        Members++;
        if (a.Day is int d)
        {
            FirstDay = FirstDay is int f ? Math.Min(f, d) : d;
            LastDay = LastDay is int l ? Math.Max(l, d) : d;
        }
        Languages.Add(a.Language);
    }

    /// <summary>Days between <paramref name="day"/> and the story's known dates; 0 inside them, null when either is unknown.</summary>
    public int? GapDays(int? day) =>
        day is not int d || FirstDay is not int f || LastDay is not int l ? null : d < f ? f - d : d > l ? d - l : 0;

    public byte[] Serialise()
    {
        var top = Centroid.Count > MaxTerms ? Vectors.Top(Centroid, MaxTerms) : Centroid;
        var langs = string.Join(',', Languages.Order(StringComparer.Ordinal));
        var langBytes = System.Text.Encoding.UTF8.GetBytes(langs);
        var buffer = new byte[4 + 4 + 4 + 4 + 2 + langBytes.Length + 4 + top.Count * 8];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, Members);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], FirstDay ?? -1);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], LastDay ?? -1);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], WeighedAt);
        BinaryPrimitives.WriteInt16LittleEndian(span[16..], (short)langBytes.Length);
        langBytes.CopyTo(span[18..]);
        var o = 18 + langBytes.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[o..], top.Count);
        o += 4;
        foreach (var (k, w) in top)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[o..], k);
            BinaryPrimitives.WriteSingleLittleEndian(span[(o + 4)..], w);
            o += 8;
        }
        return buffer;
    }

    public static StorySignature Deserialise(long id, ReadOnlySpan<byte> span)
    {
        var s = new StorySignature { Id = id, Members = BinaryPrimitives.ReadInt32LittleEndian(span) };
        var f = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        var l = BinaryPrimitives.ReadInt32LittleEndian(span[8..]);
        if (f >= 0) { s.FirstDay = f; s.LastDay = l; }
        s.WeighedAt = BinaryPrimitives.ReadInt32LittleEndian(span[12..]);
        var langLength = BinaryPrimitives.ReadInt16LittleEndian(span[16..]);
        foreach (var lang in System.Text.Encoding.UTF8.GetString(span.Slice(18, langLength)).Split(',', StringSplitOptions.RemoveEmptyEntries))
            s.Languages.Add(lang);
        var o = 18 + langLength;
        var n = BinaryPrimitives.ReadInt32LittleEndian(span[o..]);
        o += 4;
        s.Centroid = new Dictionary<uint, float>(n);
        for (var i = 0; i < n; i++, o += 8)
            s.Centroid[BinaryPrimitives.ReadUInt32LittleEndian(span[o..])] = BinaryPrimitives.ReadSingleLittleEndian(span[(o + 4)..]);
        return s;
    }
}
