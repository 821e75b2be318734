using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NewsCompare.Web.Editing;

namespace NewsCompare.Web.Pages.Stories;

/// <summary>Editors' corrections posted from a story page (editor-only by convention); each redirects back to a story.</summary>
[EnableRateLimiting(Startup.EditorAuth.UploadLimit)]
public sealed class EditModel(IStoryEditor editor, ILogger<EditModel> log) : PageModel
{
    public sealed class EditInput
    {
        [Range(1, long.MaxValue)] public long ArticleId { get; set; }
        [Range(1, long.MaxValue)] public long TargetStoryId { get; set; }
        [Range(1, long.MaxValue)] public long OtherStoryId { get; set; }
        public List<long> ArticleIds { get; set; } = [];
        [Required, StringLength(500)] public string Reason { get; set; } = "";
    }

    [BindProperty] public EditInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public IActionResult OnGet(long id) => RedirectToPage("/Stories/Story", new { id });

    public Task<IActionResult> OnPostMoveAsync(long id, CancellationToken ct) =>
        Run(id, Input.ArticleId > 0 && Input.TargetStoryId > 0 && Input.TargetStoryId != id,
            "Choose an article and another story's number.",
            name => editor.MoveArticleAsync(Input.ArticleId, Input.TargetStoryId, name, Input.Reason, ct));

    public Task<IActionResult> OnPostSplitAsync(long id, CancellationToken ct) =>
        Run(id, Input.ArticleIds.Count > 0, "Check at least one article to split off.",
            name => editor.SplitAsync(id, Input.ArticleIds.Distinct().ToList(), name, Input.Reason, ct));

    /// <summary>The one-click split of a possibly mixed story (its form carries a reason the editor may change).</summary>
    public Task<IActionResult> OnPostApplySplitAsync(long id, CancellationToken ct) =>
        Run(id, true, "", name => editor.ApplyProposedSplitAsync(id, name, Input.Reason, ct));

    public Task<IActionResult> OnPostMergeAsync(long id, CancellationToken ct) =>
        Run(id, Input.OtherStoryId > 0 && Input.OtherStoryId != id, "Give the number of another story to merge in.",
            name => editor.MergeAsync(id, Input.OtherStoryId, name, Input.Reason, ct));

    private async Task<IActionResult> Run(long id, bool valid, string invalidMessage,
        Func<string, Task<StoryEditResult>> change)
    {
        if (!valid) Message = invalidMessage;
        else if (string.IsNullOrWhiteSpace(Input.Reason)) Message = "Give a reason: it is kept in the corrections log.";
        else
        {
            var result = await change(User.Identity!.Name!);
            log.LogInformation("Editor {Editor} changed story {Story}: {Message}", User.Identity!.Name, id, result.Message);
            Message = result.Message;
            if (result.Succeeded && result.StoryId is { } next) return RedirectToPage("/Stories/Story", new { id = next });
        }
        return RedirectToPage("/Stories/Story", new { id });
    }
}
