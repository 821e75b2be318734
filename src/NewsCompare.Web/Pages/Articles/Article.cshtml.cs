using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Extraction;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Pages.Articles;

public sealed record CaptureInfo(string FileName, string Format, string Encoding, string Sha256, long Bytes, DateTime ImportedAt);
public sealed record ClutterGroup(string Reason, string Description, IReadOnlyList<string> Lines);
public sealed record VersionLink(long Id, int Version, DateTime ImportedAt);

/// <summary>One article: clean text, metadata with provenance, the removed clutter by reason, and the raw capture.</summary>
public sealed class ArticleModel(NewsDb db) : PageModel
{
    public ArticleView Article { get; private set; } = null!;
    public CaptureInfo Capture { get; private set; } = null!;
    public string? StoryTitle { get; private set; }
    public IReadOnlyList<ClutterGroup> Clutter { get; private set; } = [];
    public int ClutterLines { get; private set; }
    public IReadOnlyList<VersionLink> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var article = (await ArticleView.LoadAsync(db, [id], ct)).FirstOrDefault();
        if (article is null) return NotFound();
        Article = article;
        Capture = await db.Captures.Where(c => c.Id == article.CaptureId)
            .Select(c => new CaptureInfo(c.FileName, c.Format, c.Encoding, c.Sha256, c.Length ?? c.StoredContent.Length, c.ImportedAt))
            .FirstAsync(ct);
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
        return Page();
    }

    /// <summary>Only web addresses become links; anything else a capture claims (javascript:, data:) stays text.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
