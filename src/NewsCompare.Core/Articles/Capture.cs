namespace NewsCompare.Core.Articles;

/// <summary>A file as it was imported, byte for byte: the evidence every stored article rests on.</summary>
public sealed class Capture
{
    /// <summary>Store key.</summary>
    public long Id { get; set; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>; unique, so the same bytes are stored once.</summary>
    public required string Sha256 { get; set; }
    /// <summary>The raw bytes of the file.</summary>
    public required byte[] Content { get; set; }
    /// <summary>The file name as given at import (relative to the imported folder where there was one).</summary>
    public required string FileName { get; set; }
    /// <summary>"text" or "html", as told from the content.</summary>
    public required string Format { get; set; }
    /// <summary>The encoding the bytes were decoded with, and any repair made ("utf-8", "windows-1252", "utf-8+repaired(3)").</summary>
    public required string Encoding { get; set; }
    /// <summary>Warnings raised while importing it (one per line: an unrepaired encoding, truncated HTML), or null.</summary>
    public string? Warnings { get; set; }
    /// <summary>When the capture was imported (UTC).</summary>
    public DateTime ImportedAt { get; set; }
}
