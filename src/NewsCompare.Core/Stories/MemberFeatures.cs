using System.Buffers.Binary;

namespace NewsCompare.Core.Stories;

/// <summary>What the store keeps of each grouped article so copies and centroids can be recomputed without re-reading text.</summary>
internal sealed class MemberFeatures
{
    public required long ArticleId { get; init; }
    public required int? Day { get; init; }
    public required int Words { get; init; }
    public required int Shingles { get; init; }
    public required uint[] MinHash { get; init; }
    public required string Language { get; init; }
    public required Dictionary<uint, float> Weights { get; init; }
    /// <summary>Raw counts of the same terms (see <see cref="ArticleProfile.Counts"/>).</summary>
    public Dictionary<uint, float> Counts { get; init; } = [];
    public int Terms { get; init; }

    public static MemberFeatures From(ArticleProfile p) => new()
    {
        ArticleId = p.Id, Day = p.Day, Words = p.Words, Shingles = p.Shingles, MinHash = p.MinHash, Language = p.Language, Weights = p.Weights,
        Counts = p.Counts, Terms = p.Terms,
    };

    /// <summary>The terms <see cref="Reweigh"/> weighs: the raw counts, or the weights of a member stored without them.</summary>
    public Dictionary<uint, float> TermsToWeigh => Counts.Count > 0 ? Counts : Weights;

    /// <summary>The member weighed again against the store's current term rarity.</summary>
    public ArticleProfile Reweigh(Func<uint, double> idf, StoryEngineOptions options) => ArticleProfile.Weigh(new TermCounts
    {
        Id = ArticleId, Outlet = null, Language = Language, Day = Day, Counts = TermsToWeigh, Text = [],
        MinHash = MinHash, Shingles = Shingles, Words = Words, Terms = Terms,
    }, idf, options);

    /// <summary>
    /// The member as a profile (for rebuilding a story's centroid after a correction); <paramref name="text"/> names its
    /// terms for explanations and <paramref name="surface"/> how the article prints them; <paramref name="outlet"/> is its
    /// outlet (or site), for the one-outlet bar when it is placed again.
    /// </summary>
    public ArticleProfile ToProfile(Dictionary<uint, string>? text = null, string? outlet = null, Dictionary<uint, string>? surface = null) => new()
    {
        Id = ArticleId, Outlet = outlet, Language = Language, Day = Day, Weights = Weights, Text = text ?? [], Surface = surface ?? [],
        MinHash = MinHash, Shingles = Shingles, Words = Words, Terms = Terms > 0 ? Terms : Weights.Count,
    };

    public byte[] Serialise()
    {
        var lang = System.Text.Encoding.UTF8.GetBytes(Language);
        var buffer = new byte[16 + 1 + lang.Length + MinHash.Length * 4 + 4 + Weights.Count * 8 + 8 + Counts.Count * 8];
        var s = buffer.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(s, Day ?? -1);
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], Words);
        BinaryPrimitives.WriteInt32LittleEndian(s[8..], Shingles);
        BinaryPrimitives.WriteInt32LittleEndian(s[12..], MinHash.Length);
        s[16] = (byte)lang.Length;
        lang.CopyTo(s[17..]);
        var o = 17 + lang.Length;
        foreach (var h in MinHash) { BinaryPrimitives.WriteUInt32LittleEndian(s[o..], h); o += 4; }
        BinaryPrimitives.WriteInt32LittleEndian(s[o..], Weights.Count);
        o += 4;
        foreach (var (k, w) in Weights)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[o..], k);
            BinaryPrimitives.WriteSingleLittleEndian(s[(o + 4)..], w);
            o += 8;
        }
        BinaryPrimitives.WriteInt32LittleEndian(s[o..], Terms);
        BinaryPrimitives.WriteInt32LittleEndian(s[(o + 4)..], Counts.Count);
        o += 8;
        foreach (var (k, c) in Counts)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[o..], k);
            BinaryPrimitives.WriteSingleLittleEndian(s[(o + 4)..], c);
            o += 8;
        }
        return buffer;
    }

    public static MemberFeatures Deserialise(long articleId, ReadOnlySpan<byte> s)
    {
        var day = BinaryPrimitives.ReadInt32LittleEndian(s);
        var words = BinaryPrimitives.ReadInt32LittleEndian(s[4..]);
        var shingles = BinaryPrimitives.ReadInt32LittleEndian(s[8..]);
        var mh = new uint[BinaryPrimitives.ReadInt32LittleEndian(s[12..])];
        var langLength = s[16];
        var lang = System.Text.Encoding.UTF8.GetString(s.Slice(17, langLength));
        var o = 17 + langLength;
        for (var i = 0; i < mh.Length; i++, o += 4) mh[i] = BinaryPrimitives.ReadUInt32LittleEndian(s[o..]);
        var n = BinaryPrimitives.ReadInt32LittleEndian(s[o..]);
        o += 4;
        var weights = new Dictionary<uint, float>(n);
        for (var i = 0; i < n; i++, o += 8)
            weights[BinaryPrimitives.ReadUInt32LittleEndian(s[o..])] = BinaryPrimitives.ReadSingleLittleEndian(s[(o + 4)..]);
        var terms = BinaryPrimitives.ReadInt32LittleEndian(s[o..]);
        var m = BinaryPrimitives.ReadInt32LittleEndian(s[(o + 4)..]);
        o += 8;
        var counts = new Dictionary<uint, float>(m);
        for (var i = 0; i < m; i++, o += 8)
            counts[BinaryPrimitives.ReadUInt32LittleEndian(s[o..])] = BinaryPrimitives.ReadSingleLittleEndian(s[(o + 4)..]);
        return new MemberFeatures
        {
            ArticleId = articleId, Day = day < 0 ? null : day, Words = words, Shingles = shingles, MinHash = mh, Language = lang,
            Weights = weights, Counts = counts, Terms = terms,
        };
    }
}
