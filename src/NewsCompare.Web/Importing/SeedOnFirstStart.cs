using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Importing;

/// <summary>
/// On start, when the store holds no capture yet, imports every file of the seeds folder (NewsCompare:Seeds, else the
/// repository's seeds/ folder found by walking up from the content root to NewsCompare.sln).
/// </summary>
public sealed class SeedOnFirstStart(
    IServiceScopeFactory scopes, IOptions<NewsCompareOptions> options, IHostEnvironment environment, ILogger<SeedOnFirstStart> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedOnFirstStart) return;
        var folder = SeedsFolder(options.Value.Seeds, environment.ContentRootPath);
        if (folder is null || !Directory.Exists(folder))
        {
            log.LogInformation("No seeds folder found ({Configured}); the store starts empty", options.Value.Seeds ?? "seeds/");
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDb>();
        if (await db.Captures.AnyAsync(cancellationToken)) return;
        var importer = scope.ServiceProvider.GetRequiredService<ICaptureImporter>();

        // The same walk and reads as `newscompare import FOLDER`: hidden files and folders skipped, linked folders not
        // followed, only regular files read and never past the size limit.
        var files = new List<CaptureFile>();
        var listed = Importer.FilesUnder(folder, out var unreadable);
        foreach (var file in listed)
        {
            var bytes = Importer.ReadFile(file, options.Value.Upload.MaxFileBytes, out var error);
            if (bytes is null) log.LogWarning("Seeds: {File}: {Reason}", file, error);
            else files.Add(new CaptureFile(Path.GetRelativePath(folder, file).Replace('\\', '/'), bytes));
        }
        foreach (var problem in unreadable) log.LogWarning("Seeds: {File}: {Reason}", problem.File, problem.Reason);
        log.LogInformation("Empty store: importing {Count} seed files from {Folder}", files.Count, folder);
        var report = await importer.ImportAsync(files, cancellationToken);
        log.LogInformation("Seeds imported: {Imported} imported, {Unchanged} unchanged, {Failed} failed",
            report.Imported, report.Unchanged, report.Failed);
        foreach (var failure in report.Results.Where(r => r.Outcome == ImportOutcome.Failed))
            log.LogWarning("Seed {File} failed: {Reason}", failure.File, failure.Reason);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The configured folder (relative to the content root), else seeds/ beside the nearest NewsCompare.sln above it.</summary>
    public static string? SeedsFolder(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(Path.Combine(contentRoot, configured));
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsCompare.sln"))) return Path.Combine(dir.FullName, "seeds");
        }
        return null;
    }
}
