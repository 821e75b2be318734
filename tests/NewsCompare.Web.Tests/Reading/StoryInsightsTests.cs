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

    [Fact]
    public void ACorrectionsLogLineNamesTheEditorOnceAndKeepsTheReasonWhole()
    {
        var line = StoryInsights.Describe(new Core.Stories.StoryCorrection
        {
            Kind = "move", ArticleIds = "[12]", Reason = NewsCompare.Web.Editing.StoryEditor.Signed("ana.lima", "a different (second) strike"),
        });

        line.Editor.Should().Be("ana.lima");
        line.Description.Should().Be("move of article(s) 12: a different (second) strike");
    }

    [Fact]
    public void ACorrectionMadeFromTheCommandLineKeepsItsReasonAsWritten()
    {
        var line = StoryInsights.Describe(new Core.Stories.StoryCorrection { Kind = "merge", ArticleIds = "[3,4]", Reason = "one vote (two reports)" });

        line.Editor.Should().Be("command line");
        line.Description.Should().Be("merge of article(s) 3,4: one vote (two reports)");
    }

    [Fact]
    public async Task ReadersSeeAnEditorsChosenDisplayNameOrAnEditorButNeverTheSignInName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nc-insights-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = await Core.Data.NewsStore.OpenAsync(path);
            await Core.Editors.EditorAccounts.AddAsync(db, "ana.lima", "a long enough password");
            await Core.Editors.EditorAccounts.AddAsync(db, "bo.chen", "a long enough password");
            await Core.Editors.EditorAccounts.SetDisplayNameAsync(db, "ana.lima", "Ana L.");
            foreach (var (editor, kind) in new[] { ("ana.lima", "move"), ("bo.chen", "split") })
                db.StoryCorrections.Add(new Core.Stories.StoryCorrection
                {
                    Kind = kind, ArticleIds = "[1]", ToStoryId = 7, Reason = NewsCompare.Web.Editing.StoryEditor.Signed(editor, "why"), At = DateTime.UtcNow,
                });
            db.StoryCorrections.Add(new Core.Stories.StoryCorrection { Kind = "merge", ArticleIds = "[2]", ToStoryId = 7, Reason = "from a script", At = DateTime.UtcNow });
            await db.SaveChangesAsync();

            var lines = (await new StoryInsights(db).ForStoryAsync(7, default)).Corrections;

            lines.Select(l => (l.Editor, l.PublicEditor)).Should().Equal(
                ("command line", "command line"), ("bo.chen", "an editor"), ("ana.lima", "Ana L."));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }
}
