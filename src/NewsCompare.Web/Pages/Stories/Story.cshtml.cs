using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;
using NewsCompare.Web.Reading;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Pages.Stories;

/// <summary>A story: every version side by side, the headlines in one strip, and when each outlet published.</summary>
public sealed class StoryModel(NewsDb db, IStoryInsights insights) : PageModel
{
    /// <summary>Columns with full text; a larger story lists the rest in the headline strip.</summary>
    public const int MaxColumns = 30;

    public StoryDetail Story { get; private set; } = null!;
    /// <summary>Set instead of <see cref="Story"/> when the id asked for was merged away or split up.</summary>
    public RetiredStoryInfo? Retired { get; private set; }
    public IReadOnlyList<ArticleView> Columns { get; private set; } = [];
    public Timeline? Timeline { get; private set; }
    public StoryInsight Insight { get; private set; } = StoryInsight.None;
    public bool CanEdit { get; private set; }
    /// <summary>The outcome of an editor's correction, left by the edit page.</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var loaded = await StoryDetail.LoadWithColumnsAsync(db, id, MaxColumns, ct);
        if (loaded is not var (story, columns))
        {
            // An id a regroup or a correction retired: say where its articles went (410: this story is gone for good).
            if (await StoryStore.SuccessorsAsync(db, id, ct) is not { } retired) return NotFound();
            Retired = retired;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        Story = story;
        Columns = columns;
        Timeline = Timeline.For(story.Articles);
        Insight = await insights.ForStoryAsync(id, ct);
        CanEdit = User.IsEditor();
        // Only editors correct stories. Reading TempData for anyone else would send a cookie-clearing header on every
        // view, which also keeps the page out of the page cache.
        if (CanEdit) Message = TempData[nameof(Message)] as string;
        return Page();
    }

    public string HeadlineOf(long articleId) =>
        Shared.Display.Headline(Story.Articles.FirstOrDefault(a => a.Id == articleId)?.Headline);

    public string OutletOf(long articleId) =>
        Shared.Display.Outlet(Story.Articles.FirstOrDefault(a => a.Id == articleId)?.Outlet);
}
