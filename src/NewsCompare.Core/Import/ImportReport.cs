namespace NewsCompare.Core.Import;

/// <summary>What happened to one file of an import.</summary>
public enum ImportOutcome
{
    /// <summary>A new capture, stored with its article.</summary>
    Imported,
    /// <summary>A changed capture of an address already stored: kept as a new version.</summary>
    NewVersion,
    /// <summary>The same bytes were already stored; nothing was added.</summary>
    Unchanged,
    /// <summary>
    /// The same bytes were already stored, and a sources manifest gave new metadata for them (address, outlet or
    /// date), which replaced the stored values and was recorded; <see cref="ImportResult.UpdatedFields"/> names them.
    /// </summary>
    Updated,
    /// <summary>The file could not be imported; <see cref="ImportResult.Reason"/> says why.</summary>
    Failed,
}

/// <summary>The outcome for one file.</summary>
/// <param name="File">The file as the user named it (path, or name inside an upload).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why it failed, or a warning for an imported file (for example an unrepaired encoding).</param>
/// <param name="ArticleId">The stored article, when there is one.</param>
public sealed record ImportResult(string File, ImportOutcome Outcome, string? Reason = null, long? ArticleId = null)
{
    /// <summary>The metadata a manifest updated (<see cref="ImportOutcome.Updated"/>).</summary>
    public IReadOnlyList<Articles.MetadataField> UpdatedFields { get; init; } = [];
}

/// <summary>The outcome of an import: one result per file, in the order the files were read.</summary>
/// <param name="Results">One entry per file.</param>
public sealed record ImportReport(IReadOnlyList<ImportResult> Results)
{
    /// <summary>How the import's articles were placed into stories; null when grouping was off or nothing was placed.</summary>
    public Stories.GroupingReport? Grouping { get; init; }

    /// <summary>Where the import's time went (for benchmarks and the curious); zero for an import that stopped before reading.</summary>
    public ImportTimings Timings { get; init; } = new();

    /// <summary>Files stored as new captures (new versions included).</summary>
    public int Imported => Results.Count(r => r.Outcome is ImportOutcome.Imported or ImportOutcome.NewVersion);
    /// <summary>Files stored as a new version of an address already stored (counted in <see cref="Imported"/> too).</summary>
    public int NewVersions => Results.Count(r => r.Outcome == ImportOutcome.NewVersion);
    /// <summary>Files whose bytes were already stored.</summary>
    public int Unchanged => Results.Count(r => r.Outcome == ImportOutcome.Unchanged);
    /// <summary>Files whose bytes were already stored and whose metadata a manifest updated.</summary>
    public int Updated => Results.Count(r => r.Outcome == ImportOutcome.Updated);
    /// <summary>Files that failed.</summary>
    public int Failed => Results.Count(r => r.Outcome == ImportOutcome.Failed);
}

/// <summary>
/// Where an import's time went. Reading, waiting and writing happen one after the other on the importing thread, so
/// they add up to about the wall time; analysis runs beside them on the other cores and is summed over its threads.
/// </summary>
public sealed record ImportTimings
{
    /// <summary>Reading the files, hashing them and looking the hashes up in the store (wall time).</summary>
    public TimeSpan Reading { get; init; }
    /// <summary>Decoding, extraction and metadata, summed over the threads that ran them.</summary>
    public TimeSpan Analysis { get; init; }
    /// <summary>The writer waiting for the next batch's analysis (wall time): one core's worth of idle writer.</summary>
    public TimeSpan WaitingForAnalysis { get; init; }
    /// <summary>Writing batches to the store, commits included (wall time).</summary>
    public TimeSpan Writing { get; init; }
    /// <summary>The commits alone (part of <see cref="Writing"/>).</summary>
    public TimeSpan Committing { get; init; }
}

/// <summary>Progress of a running import.</summary>
/// <param name="Done">Files handled so far.</param>
/// <param name="Total">Files found.</param>
/// <param name="Current">The file being handled.</param>
public sealed record ImportProgress(int Done, int Total, string Current);
