using NewsCompare.Core.Comparison;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Tests.Comparison;

/// <summary>The compare page keeps each article read for comparison, and reads it again when its text changes.</summary>
public sealed class ReadVersionsTests
{
    private static ComparisonInput Version(params string[] paragraphs) => new("7", "Storm in Varna", paragraphs, "en");

    [Fact]
    public void AnArticleComparedAgainIsNotReadAgain()
    {
        using var cache = new ReadVersions();

        var first = cache.Get(7, Version("A storm flooded the port of Varna on Monday.", "Rail services were suspended."));
        var again = cache.Get(7, Version("A storm flooded the port of Varna on Monday.", "Rail services were suspended."));

        again.Should().BeSameAs(first);
        first.Count.Should().Be(2);
    }

    [Fact]
    public void AnArticleWhoseTextChangedIsReadAgain()
    {
        using var cache = new ReadVersions();

        var before = cache.Get(7, Version("A storm flooded the port of Varna on Monday."));
        var after = cache.Get(7, Version("A storm flooded the port of Varna on Monday.", "Rail services were suspended until Wednesday."));

        after.Should().NotBeSameAs(before);
        after.Count.Should().Be(2);
    }

    [Fact]
    public void ReadVersionsGiveTheSameAlignmentAsTheTextsThemselves()
    {
        using var cache = new ReadVersions();
        var a = new ComparisonInput("1", null, ["Mayor Ivan Petrov said the damage would take months to repair."], "en");
        var b = new ComparisonInput("2", null, ["According to Mayor Ivan Petrov, repairing the damage would take months."], "en");

        var fromCache = VersionComparer.Compare([cache.Get(1, a), cache.Get(2, b)]);
        var direct = VersionComparer.Compare([a, b]);

        fromCache.Versions.SelectMany(v => v.EachSentence()).Select(s => (s.Text, s.Coverage))
            .Should().Equal(direct.Versions.SelectMany(v => v.EachSentence()).Select(s => (s.Text, s.Coverage)));
        direct.Versions[0].EachSentence().Single().Coverage.Should().Be(Coverage.All);
    }
}
