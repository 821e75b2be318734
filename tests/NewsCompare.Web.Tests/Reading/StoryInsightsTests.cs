using NewsCompare.Core.Stories;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Tests.Reading;

public sealed class StoryInsightsTests
{
    [Fact]
    public void AnArticleThatOpenedItsStoryIsSaidToHaveOpenedIt()
    {
        StoryInsights.Describe(new StoryExplanation(1, "opened", [], [], null)).Should().Contain("opened the story");
    }

    [Fact]
    public void AMatchNamesWhatTheArticleSharesAndTheScore()
    {
        var text = StoryInsights.Describe(new StoryExplanation(0.41, "matched", ["Wang Yi", "Moscow"], ["coordination"], 2));

        text.Should().Contain("Wang Yi, Moscow").And.Contain("coordination").And.Contain("0.41").And.Contain("2 day(s)");
    }

    [Fact]
    public void AnEditorsCorrectionIsNamedAsSuch()
    {
        StoryInsights.Describe(new StoryExplanation(1, "moved", [], [], null)).Should().Contain("editor");
    }
}
