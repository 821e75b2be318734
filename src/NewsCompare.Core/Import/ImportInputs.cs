namespace NewsCompare.Core.Import;

/// <summary>One file to import: where its bytes come from and what the manifest says about it.</summary>
/// <param name="Display">The file as the user named it (shown in reports).</param>
/// <param name="StoredName">The name kept with the capture (relative to the imported folder where there was one).</param>
/// <param name="Path">The file on disk, or null for an upload.</param>
/// <param name="Bytes">The bytes of an upload, or null for a file on disk.</param>
internal sealed record ImportInput(string Display, string StoredName, string? Path, byte[]? Bytes)
{
    public SourceEntry? Source { get; set; }
    /// <summary>The path's raw bytes (NUL-terminated) when the name is not UTF-8 and <see cref="Path"/> holds its lossless form.</summary>
    public byte[]? RawPath { get; init; }
}

/// <summary>The files an import will read, the problems found while listing them, and a fatal manifest error if any.</summary>
internal sealed record ImportPlan(List<ImportInput> Inputs, List<ImportResult> Problems, ImportResult? Fatal);

/// <summary>
/// Lists the files of an import: files and folders (recursively, in ordinal order of their paths), hidden files
/// skipped, sources.json manifests applied to the files they name instead of being imported.
/// </summary>
internal static class ImportInputs
{
    public static ImportPlan FromPaths(IEnumerable<string> paths, string? sourcesFile)
    {
        var inputs = new List<ImportInput>();
        var problems = new List<ImportResult>();
        var manifests = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        if (sourcesFile is not null) manifests.Add(System.IO.Path.GetFullPath(sourcesFile));
        foreach (var path in paths)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                foreach (var (file, relative, raw) in Walk(full, problems, path))
                {
                    if (SourcesManifest.IsManifestName(file)) { manifests.Add(file); continue; }
                    if (seen.Add(file)) inputs.Add(new ImportInput(System.IO.Path.Combine(path, relative), relative.Replace('\\', '/'), file, null) { RawPath = raw });
                }
            }
            else if (File.Exists(full))
            {
                if (SourcesManifest.IsManifestName(full)) { manifests.Add(full); continue; }
                if (seen.Add(full)) inputs.Add(new ImportInput(path, System.IO.Path.GetFileName(full), full, null));
            }
            else if (NonUtf8File(full, out var problem) is var (raw, name))
            {
                // A name that is not UTF-8 reaches the program with each undecodable byte as U+FFFD: found by its raw bytes.
                var file = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, name);
                if (seen.Add(file)) inputs.Add(new ImportInput(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "", name), name, file, null) { RawPath = raw });
            }
            else problems.Add(new ImportResult(path, ImportOutcome.Failed, problem ?? "not found"));
        }

        var byPath = inputs.ToDictionary(i => i.Path!, StringComparer.Ordinal);
        foreach (var manifest in manifests.Distinct(StringComparer.Ordinal))
        {
            List<SourceEntry> entries;
            try
            {
                entries = SourcesManifest.Parse(File.ReadAllBytes(manifest), manifest);
            }
            catch (ManifestException e)
            {
                return new ImportPlan([], [], new ImportResult(manifest, ImportOutcome.Failed, WithoutName(e.Message, manifest)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new ImportPlan([], [], new ImportResult(manifest, ImportOutcome.Failed, $"cannot read the sources manifest: {e.Message}"));
            }
            var folder = System.IO.Path.GetDirectoryName(manifest)!;
            foreach (var entry in entries)
            {
                var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, entry.File));
                if (byPath.TryGetValue(target, out var input)) input.Source = entry;
                else if (!File.Exists(target))
                    problems.Add(new ImportResult(target, ImportOutcome.Failed, $"named in {manifest} but missing: \"{entry.File}\""));
            }
        }
        return new ImportPlan(inputs, problems, null);
    }

    /// <summary>
    /// The file a path names whose last part is not UTF-8 (given on the command line, it arrives with U+FFFD for each
    /// byte that could not be decoded): its raw path bytes and lossless name, found among its folder's entries whose
    /// names read the same; null when none does, or when several do (<paramref name="problem"/> then says so).
    /// </summary>
    private static (byte[] Raw, string Name)? NonUtf8File(string full, out string? problem)
    {
        problem = null;
        var name = System.IO.Path.GetFileName(full);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!name.Contains('\uFFFD', StringComparison.Ordinal) || folder is null || !Directory.Exists(folder)) return null;
        var matches = CaptureFiles.NonUtf8Files(folder).Where(f => SameWhenDecoded(f.RawPath, name)).ToList();
        if (matches.Count > 1)
            problem = $"not found: the name is not UTF-8 and {matches.Count} files in its folder read the same; import the folder to import each under a lossless name";
        return matches.Count == 1 ? matches[0] : null;
    }

    // Whether the raw name (the last part of a NUL-terminated path) decodes to `name`, each run of undecodable bytes
    // counted as one U+FFFD (decoders differ in how many they write for one run).
    private static bool SameWhenDecoded(byte[] rawPath, string name)
    {
        var bytes = rawPath.AsSpan(0, rawPath.Length - 1);
        var decoded = System.Text.Encoding.UTF8.GetString(bytes[(bytes.LastIndexOf((byte)'/') + 1)..]);
        static string Runs(string s) => System.Text.RegularExpressions.Regex.Replace(s, "\uFFFD+", "\uFFFD");
        return string.Equals(Runs(decoded), Runs(name), StringComparison.Ordinal);
    }

    public static ImportPlan FromUploads(IEnumerable<ImportUpload> uploads)
    {
        var inputs = new List<ImportInput>();
        var problems = new List<ImportResult>();
        var manifests = new List<ImportUpload>();
        foreach (var upload in uploads)
        {
            var name = string.IsNullOrWhiteSpace(upload.Name) ? "(unnamed upload)" : upload.Name.Replace('\\', '/');
            if (SourcesManifest.IsManifestName(name)) manifests.Add(upload);
            else inputs.Add(new ImportInput(name, name, null, upload.Content));
        }
        foreach (var manifest in manifests)
        {
            List<SourceEntry> entries;
            try
            {
                entries = SourcesManifest.Parse(manifest.Content, manifest.Name);
            }
            catch (ManifestException e)
            {
                return new ImportPlan([], [], new ImportResult(manifest.Name, ImportOutcome.Failed, WithoutName(e.Message, manifest.Name)));
            }
            // A manifest names files relative to its own folder: "bundle/sources.json" (from bundle.zip) speaks of
            // "bundle/x.txt" when it says "x.txt".
            var folder = ManifestFolder(manifest.Name);
            foreach (var entry in entries)
            {
                var key = folder + entry.File.Replace('\\', '/').TrimStart('.', '/');
                if (Named(inputs, key, folder) is { } input) input.Source = entry;
                else problems.Add(new ImportResult(entry.File, ImportOutcome.Failed, $"named in {manifest.Name} but not uploaded: \"{entry.File}\""));
            }
        }
        return new ImportPlan(inputs, problems, null);
    }

    /// <summary>The reason alone: a result already names its file, so a report line does not print the path twice.</summary>
    private static string WithoutName(string message, string name) =>
        message.StartsWith(name + ": ", StringComparison.Ordinal) ? message[(name.Length + 2)..] : message;

    private static string ManifestFolder(string name)
    {
        var cut = name.Replace('\\', '/').LastIndexOf('/');
        return cut < 0 ? "" : name[..(cut + 1)];
    }

    /// <summary>
    /// The upload a manifest entry names: the one with exactly that path, else the only upload under the manifest's
    /// folder whose path ends with it (a manifest uploaded beside a zip of the files it describes), else the only
    /// upload of that file name.
    /// </summary>
    private static ImportInput? Named(List<ImportInput> inputs, string key, string folder)
    {
        var exact = inputs.FirstOrDefault(i => string.Equals(i.StoredName, key, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var tail = "/" + key[folder.Length..];
        var ending = inputs.Where(i => i.StoredName.StartsWith(folder, StringComparison.OrdinalIgnoreCase)
                                       && i.StoredName.EndsWith(tail, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        if (ending.Count == 1) return ending[0];
        // Files uploaded one by one lose their folders: "sub/x.txt" in the manifest is the only upload named x.txt.
        var file = System.IO.Path.GetFileName(key);
        var named = inputs.Where(i => string.Equals(System.IO.Path.GetFileName(i.StoredName), file, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return ending.Count == 0 && named.Count == 1 ? named[0] : null;
    }

    /// <summary>See <see cref="Importer.FilesUnder"/>.</summary>
    public static IReadOnlyList<string> FilesUnder(string root, out IReadOnlyList<ImportResult> problems)
    {
        var found = new List<ImportResult>();
        var files = Walk(root, found, root).Where(f => f.Raw is null).Select(f => f.File).ToList();
        problems = found;
        return files;
    }

    /// <summary>
    /// Files under <paramref name="root"/> in ordinal path order; unreadable folders are reported, not skipped
    /// silently. A file whose name is not UTF-8 comes with its raw path bytes and a lossless name (see
    /// <see cref="CaptureFiles.NonUtf8Files"/>).
    /// </summary>
    private static IEnumerable<(string File, string Relative, byte[]? Raw)> Walk(string root, List<ImportResult> problems, string shownRoot)
    {
        var found = new List<(string File, string Relative, byte[]? Raw)>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            try
            {
                var files = Directory.GetFiles(folder);
                foreach (var file in files)
                    if (!System.IO.Path.GetFileName(file).StartsWith('.') && !file.Contains('\uFFFD', StringComparison.Ordinal))
                        found.Add((file, System.IO.Path.GetRelativePath(root, file), null));
                // .NET reads a name that is not UTF-8 with U+FFFD in it and cannot open it again: list those by their bytes.
                if (files.Any(f => f.Contains('\uFFFD', StringComparison.Ordinal)))
                {
                    foreach (var (raw, name) in CaptureFiles.NonUtf8Files(folder))
                    {
                        var file = System.IO.Path.Combine(folder, name);
                        if (!name.StartsWith('.')) found.Add((file, System.IO.Path.GetRelativePath(root, file), raw));
                    }
                }
                // Linked folders are not followed: a link back up the tree would make the walk endless.
                foreach (var sub in Directory.GetDirectories(folder))
                    if (!System.IO.Path.GetFileName(sub).StartsWith('.') && new DirectoryInfo(sub).LinkTarget is null) pending.Push(sub);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new ImportResult(System.IO.Path.Combine(shownRoot, System.IO.Path.GetRelativePath(root, folder)), ImportOutcome.Failed,
                    $"folder not readable: {e.Message}"));
            }
        }
        return found.OrderBy(f => f.Relative.Replace('\\', '/'), StringComparer.Ordinal);
    }
}
