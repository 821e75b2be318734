using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Extraction;
using NewsCompare.Web.Pages.Shared;
using NewsCompare.Web.Reading;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Pages.Articles;

public sealed record CaptureInfo(string FileName, string Format, string Encoding, string Sha256, long Bytes, DateTime ImportedAt);
public sealed record ClutterGroup(string Reason, string Description, IReadOnlyList<string> Lines);
public sealed record VersionLink(long Id, int Version, DateTime ImportedAt);

/// <summary>
/// One article: clean text, metadata with provenance, the removed clutter by reason, and the raw capture. Editors
/// correct the metadata here (recorded with who, when and why; see ArticleCorrections).
/// </summary>
public sealed class ArticleModel(NewsDb db, ILogger<ArticleModel> log) : PageModel
{
    public sealed class CorrectionInput
    {
        public string? Outlet { get; set; }
        public string? Published { get; set; }
        public string? Url { get; set; }
        public string? Headline { get; set; }
        public string? Byline { get; set; }
        public string? Language { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public CorrectionInput Correction { get; set; } = new();
    public IReadOnlyList<MetadataChange> Changes { get; private set; } = [];
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public ArticleView Article { get; private set; } = null!;
    public CaptureInfo Capture { get; private set; } = null!;
    public string? StoryTitle { get; private set; }
    public IReadOnlyList<ClutterGroup> Clutter { get; private set; } = [];
    public int ClutterLines { get; private set; }
    public IReadOnlyList<VersionLink> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var a = Article;
        Correction = new CorrectionInput
        {
            Outlet = a.Outlet, Published = Display.Iso(a.Published), Url = a.Url, Headline = a.Headline, Byline = a.Byline, Language = a.Language,
        };
        return Page();
    }

    /// <summary>An editor's correction: only the values that differ from the article's are changed; a reason is required.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(long id, CancellationToken ct)
    {
        if (!User.IsEditor()) return Challenge();
        if (string.IsNullOrWhiteSpace(Correction.Reason)) ModelState.AddModelError("Correction.Reason", "Say why (it is recorded with the correction).");
        var values = new Dictionary<MetadataField, string?>
        {
            [MetadataField.Outlet] = Correction.Outlet, [MetadataField.Published] = Correction.Published, [MetadataField.Url] = Correction.Url,
            [MetadataField.Headline] = Correction.Headline, [MetadataField.Byline] = Correction.Byline, [MetadataField.Language] = Correction.Language,
        };
        foreach (var (field, value) in values)
            if (ArticleCorrections.Problem(field, value) is { } problem) ModelState.AddModelError("Correction." + field, char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
        if (!ModelState.IsValid)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            return Page();
        }
        try
        {
            var changes = await ArticleCorrections.CorrectAsync(db, id, values, User.Identity!.Name!, Correction.Reason!, ct);
            log.LogInformation("Editor {Editor} corrected article {Article}: {Fields}", User.Identity!.Name, id, string.Join(", ", changes.Select(c => c.Field)));
        }
        catch (ArticleCorrectionException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            if (!await LoadAsync(id, ct)) return NotFound();
            return Page();
        }
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var article = (await ArticleView.LoadAsync(db, [id], ct)).FirstOrDefault();
        if (article is null) return false;
        Article = article;
        var capture = await db.Captures.Where(c => c.Id == article.CaptureId)
            .Select(c => new { Info = new CaptureInfo(c.FileName, c.Format, c.Encoding, c.Sha256, c.Length ?? c.StoredContent.Length, c.ImportedAt), c.Warnings })
            .FirstAsync(ct);
        Capture = capture.Info;
        Warnings = capture.Warnings?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        Changes = await ArticleCorrections.HistoryAsync(db, id, ct);
        if (article.StoryId is { } storyId)
            StoryTitle = await db.Stories.Where(s => s.Id == storyId).Select(s => s.Title).FirstOrDefaultAsync(ct);

        var lines = await db.ClutterLines.Where(c => c.ArticleId == id).OrderBy(c => c.Position)
            .Select(c => new { c.Reason, c.Text }).ToListAsync(ct);
        ClutterLines = lines.Count;
        Clutter = lines.GroupBy(l => l.Reason)
            .Select(g => new ClutterGroup(g.Key, RemovalReasons.Describe(g.Key), g.Select(l => l.Text).ToList()))
            .OrderByDescending(g => g.Lines.Count).ToList();

        var urlKey = await db.Articles.Where(a => a.Id == id).Select(a => a.UrlKey).FirstAsync(ct);
        if (urlKey is not null)
        {
            Versions = await db.Articles.Where(a => a.UrlKey == urlKey).OrderBy(a => a.Version).Take(50)
                .Select(a => new VersionLink(a.Id, a.Version, a.ImportedAt)).ToListAsync(ct);
        }
        return true;
    }

    /// <summary>A recorded field name as readers say it.</summary>
    public static string FieldName(string field) =>
        Enum.TryParse<MetadataField>(field, out var f) ? ArticleCorrections.Name(f) : field;

    /// <summary>Only web addresses become links; anything else a capture claims (javascript:, data:) stays text.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
