using System.Numerics;

namespace NewsCompare.Core.Stories;

/// <summary>
/// Term → document frequency, held in memory as two parallel arrays with open addressing (linear probing), so that
/// a few million terms cost 8 bytes a slot rather than a dictionary entry each. The arrays grow by doubling up to a
/// byte budget. Once at the budget and full, the table evicts its least frequent terms (those seen once first, then
/// twice, …) until at most half the slots are used: rare terms are the ones least likely to be asked again.
/// Counts are whatever was last <see cref="Set"/>; the table never invents or approximates one.
/// </summary>
internal sealed class TermCountTable
{
    private const int MinCapacity = 1 << 12;
    private const double MaxLoad = 0.7;

    private readonly int _maxCapacity;
    private uint[] _keys;
    // Count + 1, so 0 marks an empty slot and a count of 0 (a term known to be absent) can be held too.
    private int[] _values;
    private int _limit;
    private int _shift;

    /// <param name="maxBytes">Budget for the two arrays; the capacity is the largest power of two that fits (at least 4,096 slots).</param>
    public TermCountTable(long maxBytes)
    {
        var capacity = MinCapacity;
        while ((long)capacity * 2 * BytesPerSlot <= maxBytes && capacity < (1 << 30)) capacity *= 2;
        _maxCapacity = capacity;
        _keys = new uint[MinCapacity];
        _values = new int[MinCapacity];
        _limit = (int)(MinCapacity * MaxLoad);
        _shift = 32 - BitOperations.Log2(MinCapacity);
    }

    public const int BytesPerSlot = sizeof(uint) + sizeof(int);

    /// <summary>Terms held.</summary>
    public int Count { get; private set; }

    /// <summary>Slots allocated now.</summary>
    public int Capacity => _keys.Length;

    /// <summary>The most slots the budget allows.</summary>
    public int MaxCapacity => _maxCapacity;

    /// <summary>Bytes the arrays take now.</summary>
    public long Bytes => (long)Capacity * BytesPerSlot;

    /// <summary>Terms dropped by evictions so far.</summary>
    public long Evicted { get; private set; }

    public bool TryGetValue(uint term, out long count)
    {
        var mask = _keys.Length - 1;
        for (var i = Slot(term); _values[i] != 0; i = (i + 1) & mask)
            if (_keys[i] == term)
            {
                count = _values[i] - 1;
                return true;
            }
        count = 0;
        return false;
    }

    /// <summary>Records <paramref name="term"/>'s count (0 to <see cref="int.MaxValue"/> - 1), replacing any held.</summary>
    public void Set(uint term, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(count, int.MaxValue);
        var mask = _keys.Length - 1;
        var i = Slot(term);
        for (; _values[i] != 0; i = (i + 1) & mask)
            if (_keys[i] == term)
            {
                _values[i] = (int)count + 1;
                return;
            }
        if (Count >= _limit)
        {
            if (_keys.Length < _maxCapacity) Rehash(_keys.Length * 2, 0);
            else Evict();
            Set(term, count);
            return;
        }
        _keys[i] = term;
        _values[i] = (int)count + 1;
        Count++;
    }

    public void Clear()
    {
        Array.Clear(_keys);
        Array.Clear(_values);
        Count = 0;
    }

    // Drops the lowest counts, a whole count at a time, until at most half the slots are used.
    private void Evict()
    {
        const int Buckets = 256;
        var histogram = new int[Buckets];
        foreach (var v in _values)
            if (v != 0) histogram[Math.Min(v - 1, Buckets - 1)]++;
        int keep = Count, below = 0;
        while (keep > _keys.Length / 2 && below < Buckets)
            keep -= histogram[below++];
        // The last bucket holds every count from 255 up: when even it had to go, nothing is kept.
        Rehash(_keys.Length, below == Buckets ? int.MaxValue : below);
    }

    // Re-inserts every term whose count is at least minCount into arrays of the given size.
    private void Rehash(int capacity, int minCount)
    {
        var (keys, values) = (_keys, _values);
        _keys = new uint[capacity];
        _values = new int[capacity];
        _limit = (int)(capacity * MaxLoad);
        _shift = 32 - BitOperations.Log2((uint)capacity);
        var before = Count;
        Count = 0;
        var mask = capacity - 1;
        for (var j = 0; j < keys.Length; j++)
        {
            if (values[j] == 0 || values[j] - 1 < minCount) continue;
            var i = Slot(keys[j]);
            while (_values[i] != 0) i = (i + 1) & mask;
            _keys[i] = keys[j];
            _values[i] = values[j];
            Count++;
        }
        Evicted += before - Count;
    }

    // Fibonacci hashing: the top bits of the product, so terms whose hashes differ only in a few bits still spread.
    private int Slot(uint term) => (int)((term * 0x9E3779B1u) >> _shift);
}
