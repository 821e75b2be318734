using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class VectorsTests
{
    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 16)]
    [InlineData(10, 16)]
    [InlineData(16, 16)]
    [InlineData(200, 16)]
    [InlineData(200, 0)]
    public void StrongestGivesTheHeaviestTermsHeaviestFirstWithTiesInTheVectorsOrder(int size, int n)
    {
        var random = new Random(size * 31 + n);
        for (var round = 0; round < 50; round++)
        {
            // Few distinct weights, so ties are common, including ties across the cut.
            var vector = new Dictionary<uint, float>();
            while (vector.Count < size) vector[(uint)random.Next()] = random.Next(1, 8) / 4f;
            var expected = vector.Select((kv, i) => (kv, i)).OrderByDescending(x => x.kv.Value).ThenBy(x => x.i).Take(n).Select(x => (x.kv.Key, x.kv.Value));

            // As (term, weight) pairs: a list of key-value pairs would be asserted as a dictionary, without its order.
            Vectors.Strongest(vector, n).Select(kv => (kv.Key, kv.Value)).Should().Equal(expected);
        }
    }

    [Theory]
    [InlineData(0, 120)]
    [InlineData(50, 120)]
    [InlineData(120, 120)]
    [InlineData(121, 120)]
    [InlineData(900, 400)]
    public void TopKeepsTheHeaviestTermsHeaviestFirstWithTiesByTerm(int size, int n)
    {
        var random = new Random(size * 17 + n);
        for (var round = 0; round < 30; round++)
        {
            var vector = new Dictionary<uint, float>();
            while (vector.Count < size) vector[(uint)random.Next()] = random.Next(1, 6) / 3f;
            var expected = vector.Count <= n ? vector.Select(kv => (kv.Key, kv.Value)).ToList()
                : vector.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(n).Select(kv => (kv.Key, kv.Value)).ToList();

            // The order is part of the result: sums over the vector follow it.
            Vectors.Top(vector, n).Select(kv => (kv.Key, kv.Value)).Should().Equal(expected);
        }
    }

    [Fact]
    public void CopySourcesJoinsCopiesOfCopiesIntoOneGroupWithOneSource()
    {
        // 0 ~ 1 and 1 ~ 2 are copies (same shingles), 0 and 2 are not tested apart from 1; 3 is independent.
        MemberFeatures Member(long id, uint[] minHash, int words, int? day, uint term) => new()
        {
            ArticleId = id, Day = day, Words = words, Shingles = 40, MinHash = minHash, Language = "en",
            Weights = new Dictionary<uint, float> { [term] = 1f },
        };
        var a = Enumerable.Range(0, TextSignals.MinHashSize).Select(i => (uint)i).ToArray();
        var b = a.Select((x, i) => i < TextSignals.MinHashSize / 2 ? x : x + 1000).ToArray();
        var c = b.Select((x, i) => i < TextSignals.MinHashSize / 2 ? x + 5000 : x).ToArray();
        var d = a.Select(x => x + 9000).ToArray();
        var members = new[] { Member(10, a, 300, 5, 1), Member(11, b, 400, null, 2), Member(12, c, 200, 3, 3), Member(13, d, 500, 1, 4) };
        var o = StoryEngineOptions.Default with { CopyContainment = 0.3, RewriteCosine = 2 };

        var sources = StoryEngine.CopySources(members, o);

        StoryEngine.IsCopy(members[0], members[2], o).Should().BeFalse("the first and the third share no shingles");
        sources.Should().Equal(new Dictionary<long, long> { [10] = 12, [11] = 12 }, "the earliest dated of the three is the source of the other two");
    }
}
