using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class TermCountTableTests
{
    [Fact]
    public void HoldsExactCountsForEveryTermWhileItGrows()
    {
        var table = new TermCountTable(8L << 20);
        var expected = new Dictionary<uint, long>();
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var term = (uint)random.Next() * 2654435761u;
            var count = random.Next(0, 5000);
            table.Set(term, count);
            expected[term] = count;
        }

        table.Count.Should().Be(expected.Count);
        table.Evicted.Should().Be(0);
        foreach (var (term, count) in expected)
        {
            table.TryGetValue(term, out var held).Should().BeTrue();
            held.Should().Be(count);
        }
    }

    [Fact]
    public void ReplacesACountAndKeepsZeroApartFromAbsent()
    {
        var table = new TermCountTable(1L << 20);
        table.Set(0, 0);
        table.Set(uint.MaxValue, 3);
        table.Set(uint.MaxValue, 4);

        table.TryGetValue(0, out var zero).Should().BeTrue("a term known to be in no article is worth remembering too");
        zero.Should().Be(0);
        table.TryGetValue(uint.MaxValue, out var four).Should().BeTrue();
        four.Should().Be(4);
        table.TryGetValue(12345, out _).Should().BeFalse();
        table.Count.Should().Be(2);
    }

    [Fact]
    public void NeverAllocatesPastItsBudget()
    {
        const long budget = 1L << 20;
        var table = new TermCountTable(budget);
        for (uint term = 1; term <= 1_000_000; term++)
        {
            table.Set(term * 2654435761u, term % 7);
            table.Bytes.Should().BeLessThanOrEqualTo(budget);
        }

        table.Capacity.Should().Be(table.MaxCapacity);
        table.Count.Should().BeLessThanOrEqualTo(table.MaxCapacity);
        table.Evicted.Should().BeGreaterThan(0);
    }

    [Fact]
    public void EvictsTermsSeenOnceBeforeCommonOnes()
    {
        var table = new TermCountTable(1L << 16);
        var capacity = table.MaxCapacity;
        // Common terms first, then more rare ones than fit: the rare ones must give way, the common ones stay.
        var common = Enumerable.Range(1, capacity / 4).Select(i => (uint)i * 2654435761u).ToList();
        foreach (var t in common) table.Set(t, 50);
        for (var i = 0; i < capacity; i++) table.Set(0x8000_0000u + (uint)i, 1);

        table.Evicted.Should().BeGreaterThan(0);
        foreach (var t in common)
        {
            table.TryGetValue(t, out var count).Should().BeTrue();
            count.Should().Be(50);
        }
        table.Count.Should().BeLessThanOrEqualTo((int)(capacity * 0.7));
    }

    [Fact]
    public void EvictionLeavesHeldCountsExactAndTheRestAbsent()
    {
        var table = new TermCountTable(1L << 16);
        var expected = new Dictionary<uint, long>();
        var random = new Random(3);
        for (var i = 0; i < table.MaxCapacity * 3; i++)
        {
            var term = (uint)random.Next();
            var count = random.Next(1, 4);
            table.Set(term, count);
            expected[term] = count;
        }

        table.Evicted.Should().BeGreaterThan(0);
        var held = 0;
        foreach (var (term, count) in expected)
            if (table.TryGetValue(term, out var c))
            {
                c.Should().Be(count);
                held++;
            }
        held.Should().Be(table.Count);
    }

    [Fact]
    public void ClearForgetsEverything()
    {
        var table = new TermCountTable(1L << 20);
        for (uint t = 0; t < 1000; t++) table.Set(t, t);

        table.Clear();

        table.Count.Should().Be(0);
        table.TryGetValue(5, out _).Should().BeFalse();
    }

    [Fact]
    public void RefusesCountsItCannotHold()
    {
        var table = new TermCountTable(1L << 20);

        table.Invoking(t => t.Set(1, -1)).Should().Throw<ArgumentOutOfRangeException>();
        table.Invoking(t => t.Set(1, int.MaxValue)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
