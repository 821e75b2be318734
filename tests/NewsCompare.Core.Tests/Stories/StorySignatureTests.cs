using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class StorySignatureTests
{
    private static StorySignature Built(int seed, int terms, bool names)
    {
        var random = new Random(seed);
        var s = new StorySignature { Id = seed, Members = 3, FirstDay = 700_000, LastDay = 700_002 };
        while (s.Centroid.Count < terms)
        {
            var term = (uint)random.Next() & ~TextSignals.NameBit;
            s.Centroid[names && s.Centroid.Count % 5 == 0 ? term | TextSignals.NameBit : term] = (float)random.NextDouble();
        }
        s.Languages.Add("en");
        return s;
    }

    [Fact]
    public void AStoredSignatureAnswersAsTheSignatureThatWasStored()
    {
        var original = Built(1, 300, names: true);
        var other = Built(2, 120, names: false);
        foreach (var k in original.Centroid.Keys.Take(40)) other.Centroid[k] = 0.5f;

        var stored = StorySignature.Deserialise(original.Id, original.Serialise());
        var storedOther = StorySignature.Deserialise(other.Id, other.Serialise());

        stored.TermCount.Should().Be(original.Centroid.Count);
        foreach (var (k, w) in original.Centroid)
        {
            stored.TryGetWeight(k, out var x).Should().BeTrue();
            x.Should().Be(w);
        }
        stored.TryGetWeight(12345u | TextSignals.NameBit, out _).Should().Be(original.Centroid.ContainsKey(12345u | TextSignals.NameBit));
        stored.HasNames().Should().BeTrue();
        StorySignature.Deserialise(4, Built(4, 50, names: false).Serialise()).HasNames().Should().BeFalse();
        // Same terms summed in the same order: the same bits, not merely close.
        StorySignature.Dot(stored, storedOther).Should().Be(StorySignature.Dot(original, other));
        StorySignature.Dot(storedOther, stored).Should().Be(StorySignature.Dot(original, other));
        StorySignature.Dot(stored, other).Should().Be(StorySignature.Dot(original, other));
        stored.Centroid.Select(kv => (kv.Key, kv.Value)).Should().Equal(original.Centroid.Select(kv => (kv.Key, kv.Value)),
            "a stored signature turned back into a dictionary enumerates in the stored order");
    }

    [Fact]
    public void AStoredSignatureThatJoinsAnArticleGrowsLikeTheOriginal()
    {
        var original = Built(3, 200, names: true);
        var stored = StorySignature.Deserialise(original.Id, original.Serialise());
        var article = new ArticleProfile
        {
            Id = 9, Outlet = null, Language = "en", Day = 700_010, Text = [], MinHash = [], Shingles = 0, Words = 50, Terms = 3,
            Weights = new Dictionary<uint, float> { [original.Centroid.Keys.First()] = 0.25f, [77u] = 0.5f, [78u | TextSignals.NameBit] = 0.75f },
        };

        original.Add(article);
        stored.Add(article);

        stored.Serialise().Should().Equal(original.Serialise());
        stored.TryGetWeight(77u, out var added).Should().BeTrue();
        added.Should().Be(0.5f);
        stored.LastDay.Should().Be(700_010);
    }

    [Fact]
    public void AStoredSignatureKeepsItsOutletsAndOneStoredBeforeOutletsWereKeptReadsAsHavingNone()
    {
        var original = Built(5, 80, names: true);
        original.Outlets.Add("Harbor Gazette");
        original.Outlets.Add("Ege Postası, İzmir");
        var bytes = original.Serialise();

        StorySignature.Deserialise(5, bytes).Outlets.Should().BeEquivalentTo(original.Outlets);
        var withoutOutlets = Built(5, 80, names: true);
        var older = withoutOutlets.Serialise()[..^2];
        var read = StorySignature.Deserialise(5, older);
        read.Outlets.Should().BeEmpty();
        read.TermCount.Should().Be(withoutOutlets.Centroid.Count);
        StorySignature.Dot(read, original).Should().Be(StorySignature.Dot(withoutOutlets, original));
    }
}
