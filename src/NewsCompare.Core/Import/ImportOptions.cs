namespace NewsCompare.Core.Import;

/// <summary>Limits and settings of an import.</summary>
public sealed record ImportOptions
{
    /// <summary>The default size limit: 20 MB.</summary>
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    /// <summary>Files larger than this fail with "too large" (default 20 MB).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>
    /// A JSON file of extra outlets (same shape as the built-in Metadata/outlets.json) that extends the registry;
    /// an entry with a built-in outlet's name replaces it. Null: the built-in registry only.
    /// </summary>
    public string? OutletRegistryPath { get; init; }

    /// <summary>Files written per transaction. A killed import loses at most the batch in flight, and re-running completes it.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>
    /// Group what was imported into stories right after the import (default). Off, articles wait ungrouped until a
    /// later import or <c>regroup --pending</c> places them.
    /// </summary>
    public bool GroupStories { get; init; } = true;

    /// <summary>How many files are decoded and extracted at once (writes are always single).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>A file received in memory (a web upload).</summary>
/// <param name="Name">The file's name as uploaded; an upload named sources.json is read as the sources manifest.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record ImportUpload(string Name, byte[] Content);
