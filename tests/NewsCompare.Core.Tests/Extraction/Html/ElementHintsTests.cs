using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Html;

namespace NewsCompare.Core.Tests.Extraction.Html;

public class ElementHintsTests
{
    [Theory]
    [InlineData("post-share-buttons", RemovalReasons.Share)]
    [InlineData("newsletter-signup", RemovalReasons.Share)]
    [InlineData("commentlist", RemovalReasons.Comments)]
    [InlineData("related-posts", RemovalReasons.Spillover)]
    [InlineData("ad ad-slot", RemovalReasons.Advert)]
    [InlineData("site-footer", RemovalReasons.Footer)]
    [InlineData("breadcrumbs", RemovalReasons.Navigation)]
    public void ReadsChromeNamesWithTheirReasons(string className, string reason)
    {
        var hint = ElementHints.Read(className, null, null);

        hint.Kind.Should().Be(HintKind.Clutter);
        hint.Reason.Should().Be(reason);
    }

    [Theory]
    [InlineData("header")]
    [InlineData("read-time-lead")]
    [InlineData("thumbnail trail")]
    [InlineData("responsive-grid")]
    public void DoesNotTakeWordsThatMerelyContainAChromeWordForChrome(string className)
    {
        ElementHints.Read(className, null, null).IsClutter.Should().BeFalse();
    }

    [Fact]
    public void ReadsMicrodataArticleBodyAndTheMainRoleAsContent()
    {
        ElementHints.Read(null, null, null, "articleBody").Positive.Should().BeTrue();
        ElementHints.Read(null, null, "main").Positive.Should().BeTrue();
    }

    [Fact]
    public void ReadsNavigationRolesAsChrome()
    {
        ElementHints.Read("layout", null, "navigation").Reason.Should().Be(RemovalReasons.Navigation);
        ElementHints.Read(null, null, "contentinfo").Reason.Should().Be(RemovalReasons.Footer);
    }

    [Fact]
    public void TakesAnEmbeddedPostForContentEvenWhenItSaysSocial()
    {
        var hint = ElementHints.Read("social-media-embed", null, null);

        hint.IsClutter.Should().BeFalse();
        hint.Positive.Should().BeTrue();
    }

    [Fact]
    public void MarksScreenReaderOnlyClassesHidden()
    {
        ElementHints.Read("sr-only label", null, null).Hidden.Should().BeTrue();
        ElementHints.Read("hidden-xs", null, null).Hidden.Should().BeFalse();
    }
}
