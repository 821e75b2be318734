using System.Buffers.Binary;

namespace NewsCompare.Core.Stories;

/// <summary>What the engine keeps of a story: the sum of its members' vectors (strongest terms), dates and languages.</summary>
internal sealed class StorySignature
{
    public const int MaxTerms = 400;

    public long Id { get; set; }

    /// <summary>Term hash → summed weight (the strongest terms). Reading it turns a stored signature into a dictionary.</summary>
    public Dictionary<uint, float> Centroid
    {
        get
        {
            if (_centroid is null)
            {
                // Inserted in stored order, so it enumerates as the dictionary that was stored did.
                _centroid = new Dictionary<uint, float>(_stored!.Keys.Length);
                for (var i = 0; i < _stored.Keys.Length; i++) _centroid[_stored.Keys[i]] = _stored.Values[i];
                _stored = null;
            }
            return _centroid;
        }
        set => (_centroid, _stored) = (value, null);
    }

    // A signature read from the store stays in its stored form (arrays and a lookup table) until something needs the
    // dictionary: most are only scored against a few articles, and building a dictionary for each of the candidates
    // an article looks at was a large part of grouping's allocations and of its time in dictionary lookups.
    private Dictionary<uint, float>? _centroid = [];
    private StoredTerms? _stored;

    /// <summary>How many terms the centroid holds.</summary>
    public int TermCount => _centroid?.Count ?? _stored!.Keys.Length;

    /// <summary>The summed weight of <paramref name="term"/>, if the centroid holds it.</summary>
    public bool TryGetWeight(uint term, out float weight) =>
        _centroid?.TryGetValue(term, out weight) ?? _stored!.TryGet(term, out weight);

    /// <summary>Whether any of its terms is a name written as a word (<see cref="TextSignals.IsWordName"/>): figures alone are no cast.</summary>
    public bool HasNames()
    {
        if (_centroid is not null)
        {
            foreach (var k in _centroid.Keys) if (TextSignals.IsWordName(k)) return true;
            return false;
        }
        foreach (var k in _stored!.Keys) if (TextSignals.IsWordName(k)) return true;
        return false;
    }

    /// <summary>
    /// Dot product of two centroids, summed over the smaller one's terms in its order (as <see cref="Vectors.Dot"/>),
    /// each term's product weighed by its kind as <paramref name="weights"/> says (plain when null).
    /// </summary>
    public static double Dot(StorySignature a, StorySignature b, GroupingWeights? weights = null)
    {
        if (a.TermCount > b.TermCount) (a, b) = (b, a);
        double s = 0;
        if (a._centroid is not null)
        {
            foreach (var (k, x) in a._centroid)
                if (b.TryGetWeight(k, out var y)) s += (weights?.Of(k) ?? 1) * x * y;
            return s;
        }
        var keys = a._stored!.Keys;
        var values = a._stored.Values;
        for (var i = 0; i < keys.Length; i++)
            if (b.TryGetWeight(keys[i], out var y)) s += (weights?.Of(keys[i]) ?? 1) * values[i] * y;
        return s;
    }

    public int Members { get; set; }
    public int? FirstDay { get; set; }
    public int? LastDay { get; set; }
    public HashSet<string> Languages { get; } = new(StringComparer.Ordinal);
    private const char OutletSeparator = '\u001f';

    /// <summary>The outlets (or sites) of its members, where known (case-insensitive).</summary>
    public HashSet<string> Outlets { get; } = new(StringComparer.OrdinalIgnoreCase);
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
        var centroid = Centroid;
        foreach (var (k, w) in a.Weights) System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(centroid, k, out _) += w;
        if (centroid.Count > MaxTerms * 2) Centroid = Vectors.Top(centroid, MaxTerms);
        Members++;
        if (a.Day is int d)
        {
            FirstDay = FirstDay is int f ? Math.Min(f, d) : d;
            LastDay = LastDay is int l ? Math.Max(l, d) : d;
        }
        Languages.Add(a.Language);
        AddOutlet(a.Outlet);
    }

    /// <summary>Counts <paramref name="outlet"/> (an outlet or site, trimmed) among the story's; a blank one is none.</summary>
    public void AddOutlet(string? outlet)
    {
        if (!string.IsNullOrWhiteSpace(outlet)) Outlets.Add(outlet.Trim());
    }

    /// <summary>Days between <paramref name="day"/> and the story's known dates; 0 inside them, null when either is unknown.</summary>
    public int? GapDays(int? day) =>
        day is not int d || FirstDay is not int f || LastDay is not int l ? null : d < f ? f - d : d > l ? d - l : 0;

    public byte[] Serialise()
    {
        var top = Centroid.Count > MaxTerms ? Vectors.Top(Centroid, MaxTerms) : Centroid;
        var langs = string.Join(',', Languages.Order(StringComparer.Ordinal));
        var langBytes = System.Text.Encoding.UTF8.GetBytes(langs);
        // Outlets come last (older signatures end after the terms and read as having none).
        var outletBytes = System.Text.Encoding.UTF8.GetBytes(string.Join(OutletSeparator, Outlets.Order(StringComparer.OrdinalIgnoreCase)));
        if (outletBytes.Length > short.MaxValue) outletBytes = [];
        var buffer = new byte[4 + 4 + 4 + 4 + 2 + langBytes.Length + 4 + top.Count * 8 + 2 + outletBytes.Length];
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
        BinaryPrimitives.WriteInt16LittleEndian(span[o..], (short)outletBytes.Length);
        outletBytes.CopyTo(span[(o + 2)..]);
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
        var keys = new uint[n];
        var values = new float[n];
        for (var i = 0; i < n; i++, o += 8)
            (keys[i], values[i]) = (BinaryPrimitives.ReadUInt32LittleEndian(span[o..]), BinaryPrimitives.ReadSingleLittleEndian(span[(o + 4)..]));
        if (span.Length >= o + 2 && BinaryPrimitives.ReadInt16LittleEndian(span[o..]) is var outletLength and > 0 && span.Length >= o + 2 + outletLength)
            foreach (var outlet in System.Text.Encoding.UTF8.GetString(span.Slice(o + 2, outletLength)).Split(OutletSeparator, StringSplitOptions.RemoveEmptyEntries))
                s.Outlets.Add(outlet);
        (s._centroid, s._stored) = (null, new StoredTerms(keys, values));
        return s;
    }

    /// <summary>A stored centroid's terms in stored order, with an open-addressing table of their positions.</summary>
    private sealed class StoredTerms
    {
        public uint[] Keys { get; }
        public float[] Values { get; }
        private readonly int[] _slots; // position + 1; 0 = empty
        private readonly int _shift;

        public StoredTerms(uint[] keys, float[] values)
        {
            (Keys, Values) = (keys, values);
            var bits = 3;
            while ((1 << bits) < keys.Length * 2) bits++;
            _slots = new int[1 << bits];
            _shift = 32 - bits;
            var mask = _slots.Length - 1;
            for (var i = 0; i < keys.Length; i++)
            {
                var at = Slot(keys[i]);
                // A repeated term keeps its last weight, as the dictionary it replaces did.
                while (_slots[at] != 0 && keys[_slots[at] - 1] != keys[i]) at = (at + 1) & mask;
                _slots[at] = i + 1;
            }
        }

        private int Slot(uint term) => (int)((term * 2654435769u) >> _shift);

        public bool TryGet(uint term, out float weight)
        {
            var mask = _slots.Length - 1;
            for (var at = Slot(term); _slots[at] != 0; at = (at + 1) & mask)
                if (Keys[_slots[at] - 1] == term)
                {
                    weight = Values[_slots[at] - 1];
                    return true;
                }
            weight = 0;
            return false;
        }
    }
}
