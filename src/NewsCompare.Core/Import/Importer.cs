using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Metadata;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Import;

/// <summary>
/// Imports captures into the store: files and folders from disk, or uploads held in memory. Every file gets a result
/// (imported, new version, unchanged or failed with the reason); one bad file never stops the others. The raw bytes,
/// the article and every dropped line are written together in one transaction per batch, so a killed import leaves
/// the store consistent and re-running it completes the work (captures are matched by SHA-256).
/// </summary>
public sealed class Importer
{
    private readonly NewsDb _db;
    private readonly ImportOptions _options;
    private readonly OutletRegistry _registry;
    private readonly Extractors _extractors;

    /// <summary>An importer writing to <paramref name="db"/>.</summary>
    /// <param name="db">The store (see <see cref="NewsStore.OpenAsync(StoreTarget, CancellationToken)"/>).</param>
    /// <param name="options">Limits and settings; null for the defaults.</param>
    /// <exception cref="InvalidDataException">The user's outlet registry file cannot be read; the message names it.</exception>
    public Importer(NewsDb db, ImportOptions? options = null) : this(db, options, Extractors.Default)
    {
    }

    internal Importer(NewsDb db, ImportOptions? options, Extractors extractors)
    {
        ArgumentNullException.ThrowIfNull(db);
        _options = options ?? new ImportOptions();
        _db = db;
        _registry = OutletRegistry.Load(_options.OutletRegistryPath);
        _extractors = extractors;
    }

    /// <summary>
    /// Imports files and folders (recursively). A <c>sources.json</c> in an imported folder is applied to the files it
    /// names; <paramref name="sourcesFile"/> adds a manifest from elsewhere. A malformed manifest fails the whole run
    /// before anything is written (the report then holds that one failure).
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="sourcesFile">A sources manifest, or null.</param>
    /// <param name="progress">Told after each file.</param>
    /// <param name="cancellationToken">Stops after the current file; the batch in flight is rolled back.</param>
    public Task<ImportReport> ImportPathsAsync(IEnumerable<string> paths, string? sourcesFile = null,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return RunAsync(ImportInputs.FromPaths(paths, sourcesFile), progress, cancellationToken);
    }

    /// <summary>
    /// Imports files received in memory (web uploads), with the same checks and limits as files on disk. An upload
    /// named <c>sources.json</c> is read as the sources manifest for the others.
    /// </summary>
    /// <param name="uploads">The uploaded files.</param>
    /// <param name="progress">Told after each file.</param>
    /// <param name="cancellationToken">Stops after the current file; the batch in flight is rolled back.</param>
    public Task<ImportReport> ImportUploadsAsync(IEnumerable<ImportUpload> uploads,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        return RunAsync(ImportInputs.FromUploads(uploads), progress, cancellationToken);
    }

    /// <summary>
    /// The files an import of the folder <paramref name="root"/> reads, as full paths in ordinal order of their paths
    /// relative to it: hidden files and folders are skipped and linked folders are not followed.
    /// </summary>
    /// <param name="root">The folder.</param>
    /// <param name="problems">Folders that could not be read, each naming the folder and the reason.</param>
    public static IReadOnlyList<string> FilesUnder(string root, out IReadOnlyList<ImportResult> problems) =>
        ImportInputs.FilesUnder(root, out problems);

    /// <summary>
    /// What an import would make of files and folders, without a store: for each file the capture and article, or why
    /// it fails. Problems found while listing (missing files, a malformed manifest) come back as failed analyses.
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="sourcesFile">A sources manifest, or null.</param>
    /// <param name="options">Limits and settings; null for the defaults.</param>
    public static IReadOnlyList<CaptureAnalysis> Analyze(IEnumerable<string> paths, string? sourcesFile = null, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new ImportOptions();
        var registry = OutletRegistry.Load(options.OutletRegistryPath);
        var plan = ImportInputs.FromPaths(paths, sourcesFile);
        if (plan.Fatal is { } fatal) return [new CaptureAnalysis(fatal.File, null, null, [], fatal.Reason)];
        var analyses = plan.Inputs
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, options.MaxParallelism))
            .Select(input => AnalyzeInput(input, options, registry))
            .ToList();
        return [.. analyses, .. plan.Problems.Select(p => new CaptureAnalysis(p.File, null, null, [], p.Reason))];
    }

    /// <summary>
    /// Reads one capture file as an import does: only a regular file (a link is followed; a device, pipe or socket is
    /// refused unread), its size checked on the opened file, reading stopped at <paramref name="maxBytes"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The size limit.</param>
    /// <param name="error">Why the file was not read (as an import reports it), or null.</param>
    /// <returns>The bytes, or null when <paramref name="error"/> says why not.</returns>
    public static byte[]? ReadFile(string path, long maxBytes, out string? error)
    {
        var read = CaptureFiles.Read(path, null, maxBytes);
        error = read.Error;
        return read.Bytes;
    }

    /// <summary>
    /// <paramref name="name"/> safe to print to a terminal: control and format characters, and U+FFFD, written as
    /// \uXXXX. Reports keep names as they are; callers that print them use this.
    /// </summary>
    /// <param name="name">A file name or path.</param>
    public static string PrintableName(string name) => CaptureFiles.Printable(name);

    private async Task<ImportReport> RunAsync(ImportPlan plan, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (plan.Fatal is { } fatal) return new ImportReport([fatal]);
        var results = new List<ImportResult>(plan.Inputs.Count + plan.Problems.Count);
        var total = plan.Inputs.Count;
        var done = 0;
        long reading = 0, analysis = 0, waiting = 0, writing = 0;
        TimeSpan committing = default;

        await _db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = _db.Database.GetDbConnection();
            var writer = new StoreWriter(connection);
            using var cache = connection is SqliteConnection sqlite ? StoreWriter.LargerCache(sqlite) : null;
            // A pipeline: while one batch is written (always on this thread), the next is decoded and extracted in
            // the background. Bytes already stored are recognised by their hash and not extracted again.
            Task<List<StoreWriter.Item>>? pending = null;
            try
            {
                foreach (var batch in plan.Inputs.Chunk(Math.Max(1, _options.BatchSize)))
                {
                    ct.ThrowIfCancellationRequested();
                    var started = Stopwatch.GetTimestamp();
                    var loaded = Parallel(batch).Select(input => (Input: input, Read: Read(input, _options))).ToList();
                    var known = writer.ExistingHashes(loaded.Where(l => l.Read.Sha is not null).Select(l => l.Read.Sha!).ToList());
                    reading += Stopwatch.GetTimestamp() - started;
                    var next = Task.Run(() => Parallel(loaded).Select(l => Timed(() => AnalyzeLoaded(l.Input, l.Read, known), ref analysis)).ToList(), ct);
                    if (pending is not null) Write(await Waited(pending));
                    pending = next;
                }
                if (pending is not null) Write(await Waited(pending));
                pending = null;
            }
            finally
            {
                committing = writer.Committing;
                // Never leave a background batch running against a closing connection's import.
                if (pending is not null) await pending.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            void Write(List<StoreWriter.Item> analyses)
            {
                var started = Stopwatch.GetTimestamp();
                results.AddRange(writer.WriteBatch(analyses, r => progress?.Report(new ImportProgress(++done, total, r.File)), ct));
                writing += Stopwatch.GetTimestamp() - started;
            }

            async Task<T> Waited<T>(Task<T> task)
            {
                var started = Stopwatch.GetTimestamp();
                var value = await task;
                waiting += Stopwatch.GetTimestamp() - started;
                return value;
            }
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
        results.AddRange(plan.Problems);
        var timings = new ImportTimings
        {
            Reading = Stopwatch.GetElapsedTime(0, reading),
            Analysis = Stopwatch.GetElapsedTime(0, analysis),
            WaitingForAnalysis = Stopwatch.GetElapsedTime(0, waiting),
            Writing = Stopwatch.GetElapsedTime(0, writing),
            Committing = committing,
        };
        var grouping = _options.GroupStories ? await GroupUngroupedAsync(ct) : null;
        // A manifest that changed a stored article's date or outlet changes what grouping reads: place it again.
        var moved = results.Where(r => r.ArticleId is not null && r.UpdatedFields.Any(f => f is MetadataField.Published or MetadataField.Outlet))
            .Select(r => r.ArticleId!.Value).ToList();
        if (_options.GroupStories && moved.Count > 0) await new StoryStore(_db).PlaceAgainAsync(moved, ct);
        return new ImportReport(results) { Grouping = grouping, Timings = timings };
    }

    /// <summary>Runs <paramref name="work"/>, adding the time it took to <paramref name="ticks"/> (safe from many threads).</summary>
    private static T Timed<T>(Func<T> work, ref long ticks)
    {
        var started = Stopwatch.GetTimestamp();
        var value = work();
        Interlocked.Add(ref ticks, Stopwatch.GetTimestamp() - started);
        return value;
    }

    /// <summary>
    /// Places every latest article not yet in a story: this import's, and any an earlier import left ungrouped
    /// because it was killed between writing and grouping (so re-running the import completes it).
    /// </summary>
    private async Task<GroupingReport?> GroupUngroupedAsync(CancellationToken ct)
    {
        var ungrouped = await _db.Articles.Where(a => a.IsLatest && a.StoryId == null).Select(a => a.Id).ToListAsync(ct);
        return ungrouped.Count == 0 ? null : await StoryStore.AssignNewArticlesAsync(_db, ungrouped, ct);
    }

    private ParallelQuery<T> Parallel<T>(IEnumerable<T> items) =>
        items.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, _options.MaxParallelism));

    /// <summary>
    /// The analysis of a file read, its bytes packed for storage; bytes already stored come back paired with their
    /// hash, unanalysed.
    /// </summary>
    private StoreWriter.Item AnalyzeLoaded(ImportInput input, ReadResult read, HashSet<string> known)
    {
        if (read.Error is { } error) return new(new CaptureAnalysis(input.Display, null, null, [], error), null, null);
        var stored = known.Contains(read.Sha!);
        // Stored bytes are analysed again only to read what a manifest now says about them.
        if (stored && input.Source is null) return new(new CaptureAnalysis(input.Display, null, null, [], null), read.Sha, null);
        var analysis = CaptureAnalyzer.Analyze(input.Display, input.StoredName, read.Bytes!, input.Source, _registry, read.Sha, _extractors);
        if (stored) return new(analysis, read.Sha, null);
        if (analysis.Capture is not { } capture || analysis.Article is not { } article) return new(analysis, null, null);
        (capture.StoredContent, capture.Storage) = CaptureContent.Pack(read.Bytes!);
        return new(analysis, null, StoreWriter.Encode(article));
    }

    private static CaptureAnalysis AnalyzeInput(ImportInput input, ImportOptions options, OutletRegistry registry)
    {
        var read = Read(input, options);
        return read.Error is { } error
            ? new CaptureAnalysis(input.Display, null, null, [], error)
            : CaptureAnalyzer.Analyze(input.Display, input.StoredName, read.Bytes!, input.Source, registry, read.Sha);
    }

    private sealed record ReadResult(byte[]? Bytes, string? Sha, string? Error);

    /// <summary>Reads a file within the size limit, turning every way it can fail into a reason (see <see cref="CaptureFiles"/>).</summary>
    private static ReadResult Read(ImportInput input, ImportOptions options)
    {
        var (bytes, error) = input.Bytes is { } upload
            ? CaptureFiles.Checked(upload, options.MaxFileBytes)
            : CaptureFiles.Read(input.Path!, input.RawPath, options.MaxFileBytes);
        return bytes is null ? new ReadResult(null, null, error) : new ReadResult(bytes, CaptureContent.Sha256(bytes), null);
    }
}
