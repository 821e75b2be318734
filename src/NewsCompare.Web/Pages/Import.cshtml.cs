using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Web.Importing;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Pages;

/// <summary>The story an imported file's article is in now, for the report's link.</summary>
public sealed record JoinedStory(long Id, string? Title);

/// <summary>
/// Editors upload captures (text or HTML files, or a .zip of them) or paste a capture's text, optionally with its
/// address, outlet and date. The upload is checked whole before anything is imported; then the report names every
/// file, what happened to it, its warnings and the story it joined.
/// </summary>
[EnableRateLimiting(EditorAuth.UploadLimit)]
public sealed class ImportModel(ICaptureImporter importer, ImportReports reports, IOptions<NewsCompareOptions> options,
    NewsDb db, ILogger<ImportModel> log) : PageModel
{
    public sealed class UploadInput
    {
        public List<IFormFile> Files { get; set; } = [];
        /// <summary>A capture's text pasted into the page.</summary>
        public string? Text { get; set; }
        /// <summary>The address, outlet and date of the pasted text (or of the one file uploaded).</summary>
        public string? Url { get; set; }
        public string? Outlet { get; set; }
        public string? Published { get; set; }
    }

    [BindProperty] public UploadInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Report { get; set; }

    public UploadOutcome? Outcome { get; private set; }
    public IReadOnlyDictionary<long, JoinedStory> Stories { get; private set; } = new Dictionary<long, JoinedStory>();
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public UploadOptions Limits => options.Value.Upload;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Outcome = reports.Find(Report, User.Identity!.Name!);
        if (Outcome is null) return;
        // Read now, not at upload time: the story an article is in can change after the import (a correction, a regroup).
        var ids = Outcome.Report.Results.Where(r => r.ArticleId is not null).Select(r => r.ArticleId!.Value).Distinct().ToList();
        Stories = await db.Articles.Where(a => ids.Contains(a.Id) && a.StoryId != null)
            .Join(db.Stories, a => a.StoryId, s => s.Id, (a, s) => new { a.Id, Story = new JoinedStory(s.Id, s.Title) })
            .ToDictionaryAsync(x => x.Id, x => x.Story, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var pasted = !string.IsNullOrWhiteSpace(Input.Text);
        if (Input.Files.Count == 0 && !pasted) ModelState.AddModelError("Input.Files", "Choose at least one file or paste an article's text.");
        var described = new[] { Input.Url, Input.Outlet, Input.Published }.Any(v => !string.IsNullOrWhiteSpace(v));
        if (described && !pasted && Input.Files.Count != 1)
            ModelState.AddModelError(string.Empty, "An address, outlet or date describes one capture: paste its text or upload one file.");
        foreach (var (field, value, key) in new[] { (MetadataField.Url, Input.Url, "Input.Url"), (MetadataField.Published, Input.Published, "Input.Published") })
            if (ArticleCorrections.Problem(field, value) is { } problem) ModelState.AddModelError(key, char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
        if (!ModelState.IsValid) return Page();

        var batch = Input.Files.Count == 0 ? new UploadBatch([], [], []) : await UploadReader.ReadAsync(Input.Files, Limits, ct);
        if (batch.Problems.Count > 0)
        {
            Problems = batch.Problems;
            ModelState.AddModelError(string.Empty, "Nothing was imported: fix the problems listed and upload again.");
            return Page();
        }
        var files = batch.Files.ToList();
        if (pasted) files.Add(new CaptureFile($"pasted-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.txt", Encoding.UTF8.GetBytes(Input.Text!)));
        if (described)
        {
            var target = files[^1];
            if (!pasted && files.Count != 1)
            {
                ModelState.AddModelError(string.Empty, "An address, outlet or date describes one capture; this upload holds several files.");
                return Page();
            }
            files.Add(new CaptureFile(ManifestNameFor(target.Name), Manifest(target.Name)));
        }

        var editor = User.Identity!.Name!;
        log.LogInformation("Editor {Editor} uploads {Count} files ({Refused} refused)", editor, files.Count, batch.Refused.Count);
        var imported = files.Count > 0 ? await importer.ImportAsync(files, ct) : new ImportReport([]);
        // Files refused one by one (empty, too large) are reported beside the others, which still import.
        var report = imported with { Results = [.. imported.Results, .. batch.Refused] };
        log.LogInformation("Upload by {Editor}: {Imported} imported, {Unchanged} unchanged, {Updated} updated, {Failed} failed",
            editor, report.Imported, report.Unchanged, report.Updated, report.Failed);
        var id = reports.Keep(new UploadOutcome(editor, DateTime.UtcNow, report, batch.Skipped));
        return RedirectToPage("/Import", new { report = id });
    }

    /// <summary>A manifest beside the described file, so it names that file and no other.</summary>
    private static string ManifestNameFor(string file)
    {
        var cut = file.LastIndexOf('/');
        return (cut < 0 ? "" : file[..(cut + 1)]) + "sources.json";
    }

    private byte[] Manifest(string file)
    {
        var entry = new Dictionary<string, string> { ["file"] = file[(file.LastIndexOf('/') + 1)..] };
        if (!string.IsNullOrWhiteSpace(Input.Url)) entry["url"] = Input.Url.Trim();
        if (!string.IsNullOrWhiteSpace(Input.Outlet)) entry["outlet"] = Input.Outlet.Trim();
        if (!string.IsNullOrWhiteSpace(Input.Published)) entry["published"] = Input.Published.Trim();
        return JsonSerializer.SerializeToUtf8Bytes(new[] { entry });
    }
}
