using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class SignatureCacheTests
{
    private static StorySignature Signature(long id, int terms)
    {
        var s = new StorySignature { Id = id, Members = 2, FirstDay = 100, LastDay = 103, WeighedAt = 40 };
        for (var i = 0; i < terms; i++) s.Centroid[(uint)(id * 1000 + i)] = i + 0.5f;
        s.Languages.Add("en");
        return s;
    }

    [Fact]
    public void HandsOutCopiesSoChangingOneLeavesTheHeldSignatureAlone()
    {
        var cache = new SignatureCache(1L << 20);
        cache.Put(Signature(1, 10));

        var first = cache.Get(1)!;
        first.Centroid[999_999] = 5;
        first.Members = 9;
        first.Languages.Add("de");
        var second = cache.Get(1)!;

        second.Should().NotBeSameAs(first);
        second.Members.Should().Be(2);
        second.Centroid.Should().HaveCount(10).And.NotContainKey(999_999);
        second.Languages.Should().BeEquivalentTo(["en"]);
        (second.FirstDay, second.LastDay, second.WeighedAt).Should().Be((100, 103, 40));
    }

    [Fact]
    public void PutReplacesAndRemoveForgets()
    {
        var cache = new SignatureCache(1L << 20);
        cache.Put(Signature(1, 10));
        cache.Put(Signature(1, 3));
        cache.Put(Signature(2, 3));

        cache.Get(1)!.Centroid.Should().HaveCount(3);
        cache.Remove(1);
        cache.Get(1).Should().BeNull();
        cache.Get(2).Should().NotBeNull();
        cache.Bytes.Should().Be(SignatureCache.Size(Signature(2, 3)));
    }

    [Fact]
    public void StaysWithinItsBudgetAndKeepsWhatIsUsed()
    {
        var one = SignatureCache.Size(Signature(0, 400));
        var cache = new SignatureCache(one * 100);
        cache.Put(Signature(0, 400));
        for (long id = 1; id <= 1000; id++)
        {
            cache.Put(Signature(id, 400));
            cache.Get(0).Should().NotBeNull("a story asked for at every step is never the least recently used");
            cache.Bytes.Should().BeLessThanOrEqualTo(cache.MaxBytes);
        }

        cache.Count.Should().BeLessThanOrEqualTo(100);
        cache.Get(1).Should().BeNull("a story not asked for since far more were added has been dropped");
        cache.Get(1000).Should().NotBeNull();
    }

    [Fact]
    public void ClearForgetsEverything()
    {
        var cache = new SignatureCache(1L << 20);
        cache.Put(Signature(1, 10));

        cache.Clear();

        cache.Get(1).Should().BeNull();
        cache.Bytes.Should().Be(0);
    }
}
