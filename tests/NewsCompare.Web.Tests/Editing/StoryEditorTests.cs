using NewsCompare.Web.Editing;

namespace NewsCompare.Web.Tests.Editing;

public sealed class StoryEditorTests
{
    [Fact]
    public void TheEditorWhoSignedACorrectionIsReadBackFromItsReason()
    {
        StoryEditor.SignedBy(StoryEditor.Signed("ana.lima", "  a different (second) strike  ")).Should().Be("ana.lima");
    }

    [Fact]
    public void AReasonNoEditorSignedIsFromTheCommandLine()
    {
        StoryEditor.SignedBy("merged by hand (two reports)").Should().Be("command line");
    }
}
