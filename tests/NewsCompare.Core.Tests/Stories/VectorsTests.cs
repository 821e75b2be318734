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
}
