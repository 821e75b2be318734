using System.IO.Compression;
using NewsCompare.Core.Import;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Importing;

/// <summary>
/// What an upload holds once checked: the files to import; files refused one by one (empty, over the size limit),
/// reported beside the imported ones; and problems that refuse the whole upload, each naming its file.
/// </summary>
public sealed record UploadBatch(IReadOnlyList<CaptureFile> Files, IReadOnlyList<string> Problems, IReadOnlyList<string> Skipped)
{
    public IReadOnlyList<ImportResult> Refused { get; init; } = [];
}

/// <summary>
/// Turns uploaded files (and the entries of uploaded .zip files) into <see cref="CaptureFile"/>s, enforcing the
/// upload limits. A hostile sign (a path leaving the archive, a zip bomb, a size header that lies, too many files)
/// refuses the whole upload, so nothing half-imports from a hostile archive; an ordinary bad file (empty, too
/// large) is refused alone and the others import.
/// </summary>
public static class UploadReader
{
    public static async Task<UploadBatch> ReadAsync(IReadOnlyList<IFormFile> uploads, UploadOptions limits, CancellationToken ct)
    {
        var files = new List<CaptureFile>();
        var problems = new List<string>();
        var skipped = new List<string>();
        var refused = new List<ImportResult>();
        long expanded = 0;

        foreach (var upload in uploads)
        {
            var name = Path.GetFileName(upload.FileName.Replace('\\', '/'));
            if (upload.Length == 0) { refused.Add(new ImportResult(name, ImportOutcome.Failed, "empty file")); continue; }
            if (upload.Length > limits.MaxFileBytes && !IsZipName(name)) { refused.Add(TooLarge(name, upload.Length, limits)); continue; }
            if (upload.Length > limits.MaxRequestBytes) { problems.Add($"{name}: larger than the upload limit."); continue; }

            var bytes = await ReadAllAsync(upload, ct);
            if (IsZip(name, bytes)) expanded += ReadZip(name, bytes, limits, expanded, files, problems, skipped, refused);
            else if (bytes.Length > limits.MaxFileBytes) refused.Add(TooLarge(name, bytes.Length, limits));
            else files.Add(new CaptureFile(name, bytes));
        }

        // A sources.json rides along with the captures it describes: it is not one of the files counted.
        var captures = files.Count(f => !IsManifest(f.Name));
        if (captures > limits.MaxFiles)
            problems.Add($"The upload holds {captures} files; at most {limits.MaxFiles} can be imported at once.");
        if (files.Count == 0 && refused.Count == 0 && problems.Count == 0) problems.Add("The upload holds no file to import.");
        return new UploadBatch(files, problems, skipped) { Refused = refused };
    }

    /// <summary>Checks a relative path from an archive: no absolute paths, drive letters, "..", or control characters.</summary>
    public static string? PathProblem(string entryName)
    {
        var path = entryName.Replace('\\', '/');
        if (path.Length == 0) return "has an empty name";
        if (path.StartsWith('/')) return "has an absolute path";
        if (path.Contains(':', StringComparison.Ordinal)) return "has a drive or stream name (':') in its path";
        if (path.Any(char.IsControl)) return "has control characters in its name";
        if (path.Split('/').Any(segment => segment is ".." or ".")) return "has a '..' or '.' segment in its path";
        return null;
    }

    private static ImportResult TooLarge(string name, long length, UploadOptions limits) =>
        new(name, ImportOutcome.Failed, $"too large: {Size(length)} is over the {Size(limits.MaxFileBytes)} limit for one file");

    private static long ReadZip(string zipName, byte[] bytes, UploadOptions limits, long expandedSoFar,
        List<CaptureFile> files, List<string> problems, List<string> skipped, List<ImportResult> refused)
    {
        long expanded = 0;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var data = ZipEntryData.Locate(bytes);
            for (var index = 0; index < archive.Entries.Count; index++)
            {
                var entry = archive.Entries[index];
                var path = entry.FullName.Replace('\\', '/');
                if (path.EndsWith('/')) continue; // a folder
                var label = $"{zipName}: {path}";
                var problem = PathProblem(entry.FullName);
                if (problem is not null) { problems.Add($"{label} {problem}."); continue; }
                if (path.StartsWith("__MACOSX/", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith('.'))
                {
                    skipped.Add($"{label} (hidden or system file)");
                    continue;
                }
                if (files.Count(f => !IsManifest(f.Name)) >= limits.MaxFiles && !IsManifest(path))
                {
                    problems.Add($"{zipName}: holds more than {limits.MaxFiles} files; at most {limits.MaxFiles} can be imported at once.");
                    return expanded;
                }
                var stored = $"{Path.GetFileNameWithoutExtension(zipName)}/{path}";
                if (entry.Length > limits.MaxFileBytes)
                {
                    refused.Add(TooLarge(stored, entry.Length, limits));
                    continue;
                }
                if (entry.Length > 0 && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
                {
                    problems.Add($"{label}: compressed {entry.Length / Math.Max(1, entry.CompressedLength)} to 1, over the {limits.MaxCompressionRatio} to 1 limit (a zip bomb?).");
                    continue;
                }

                // The sizes in the header can lie: count the bytes actually inflated, and judge the ratio by them.
                var content = index < data.Count ? ZipEntryData.Inflate(bytes, data[index], limits.MaxFileBytes) : null;
                if (content is null || content.LongLength != entry.Length)
                {
                    problems.Add($"{label}: its header says {Size(entry.Length)} but it expands to {(content is null ? "more than " + Size(limits.MaxFileBytes) : Size(content.Length))} (a damaged or hostile archive).");
                    continue;
                }
                if (content.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
                {
                    problems.Add($"{label}: compressed {content.Length / Math.Max(1, entry.CompressedLength)} to 1, over the {limits.MaxCompressionRatio} to 1 limit (a zip bomb?).");
                    continue;
                }
                expanded += content.Length;
                if (expandedSoFar + expanded > limits.MaxExpandedBytes)
                {
                    problems.Add($"{zipName}: expands to more than {Size(limits.MaxExpandedBytes)} in all.");
                    return expanded;
                }
                if (IsZip(path, content))
                {
                    problems.Add($"{label}: archives inside archives are not expanded; unzip it and upload its files.");
                    continue;
                }
                if (content.Length == 0) refused.Add(new ImportResult(stored, ImportOutcome.Failed, "empty file"));
                else files.Add(new CaptureFile(stored, content));
            }
        }
        catch (InvalidDataException e)
        {
            problems.Add($"{zipName}: not a readable zip archive ({e.Message}).");
        }
        return expanded;
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static bool IsZip(string name, byte[] bytes) => IsZipName(name) || bytes is [0x50, 0x4B, 0x03, 0x04, ..];

    private static bool IsManifest(string name) => Path.GetFileName(name).Equals("sources.json", StringComparison.OrdinalIgnoreCase);

    private static bool IsZipName(string name) => name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB"
        : $"{bytes} bytes";
}
