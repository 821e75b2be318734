using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsCompare.Core.Import;
using NewsCompare.Web.Importing;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Pages;

/// <summary>
/// Editors upload captures (text or HTML files, or a .zip of them). The upload is checked whole before anything is
/// imported; then the report names every file and what happened to it.
/// </summary>
[EnableRateLimiting(EditorAuth.UploadLimit)]
public sealed class ImportModel(ICaptureImporter importer, ImportReports reports, IOptions<NewsCompareOptions> options,
    ILogger<ImportModel> log) : PageModel
{
    public sealed class UploadInput
    {
        public List<IFormFile> Files { get; set; } = [];
    }

    [BindProperty] public UploadInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Report { get; set; }

    public UploadOutcome? Outcome { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public UploadOptions Limits => options.Value.Upload;

    public void OnGet() => Outcome = reports.Find(Report, User.Identity!.Name!);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Files.Count == 0) ModelState.AddModelError("Input.Files", "Choose at least one file.");
        if (!ModelState.IsValid) return Page();

        var batch = await UploadReader.ReadAsync(Input.Files, Limits, ct);
        if (batch.Problems.Count > 0)
        {
            Problems = batch.Problems;
            ModelState.AddModelError(string.Empty, "Nothing was imported: fix the problems listed and upload again.");
            return Page();
        }

        var editor = User.Identity!.Name!;
        log.LogInformation("Editor {Editor} uploads {Count} files ({Refused} refused)", editor, batch.Files.Count, batch.Refused.Count);
        var imported = batch.Files.Count > 0 ? await importer.ImportAsync(batch.Files, ct) : new ImportReport([]);
        // Files refused one by one (empty, too large) are reported beside the others, which still import.
        var report = imported with { Results = [.. imported.Results, .. batch.Refused] };
        log.LogInformation("Upload by {Editor}: {Imported} imported, {Unchanged} unchanged, {Failed} failed",
            editor, report.Imported, report.Unchanged, report.Failed);
        var id = reports.Keep(new UploadOutcome(editor, DateTime.UtcNow, report, batch.Skipped));
        return RedirectToPage("/Import", new { report = id });
    }
}
