using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class SiteTermsTests
{
    private static TermCounts Counts(long id, string outlet, string body) =>
        TermCounts.Count(new StoryArticle(id, null, [body], outlet, "en", null));

    [Fact]
    public void ATermEveryArticleOfOneOutletCarriesWeighsLessThereButATermTwoOfItsArticlesShareKeepsItsWeight()
    {
        var counts = new List<TermCounts>();
        for (var i = 0; i < 6; i++) counts.Add(Counts(i, "Harbor Gazette", $"Story number {i} about {(i < 2 ? "tramway" : "topic" + i)} things. Subscribe newsletter footer."));
        for (var i = 6; i < 20; i++) counts.Add(Counts(i, "Outlet " + i, $"Another report {i} about the weather and markets."));
        var df = new Dictionary<uint, int>();
        foreach (var c in counts) foreach (var t in c.Counts.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        var sites = SiteTerms.Of(counts, df);
        var footer = TextSignals.Hash("newsletter", false);
        var shared = TextSignals.Hash("tramway", false);

        counts[0].Counts.Should().ContainKey(footer);
        counts[0].Counts.Should().ContainKey(shared);
        sites.Factor("Harbor Gazette", footer).Should().BeLessThan(0.3, "all six of the outlet's articles carry it and no other outlet does");
        sites.Factor("harbor gazette", shared).Should().Be(1, "one other article of the outlet is not boilerplate");
        sites.Factor("Outlet 7", footer).Should().Be(1, "the outlet has too few articles to tell");
        sites.Factor(null, footer).Should().Be(1);
    }
}
