namespace NewsCompare.Core.Articles;

/// <summary>
/// A file as it was imported: the evidence every stored article rests on. The bytes may be kept compressed
/// (<see cref="Storage"/>); read them only through <see cref="CaptureContent.Read"/>, which returns the file byte for
/// byte and checks it against <see cref="Sha256"/>.
/// </summary>
public sealed class Capture
{
    /// <summary>Store key.</summary>
    public long Id { get; set; }
    /// <summary>Lower-case hex SHA-256 of the original file's bytes; unique, so the same bytes are stored once.</summary>
    public required string Sha256 { get; set; }
    /// <summary>
    /// The bytes as stored (column "Content"): the file itself when <see cref="Storage"/> is "raw", else its compressed
    /// form. Not the file: use <see cref="CaptureContent.Read"/>.
    /// </summary>
    public required byte[] StoredContent { get; set; }
    /// <summary>How <see cref="StoredContent"/> holds the file: one of <see cref="CaptureContent.Raw"/>, <see cref="CaptureContent.Brotli"/>.</summary>
    public string Storage { get; set; } = CaptureContent.Raw;
    /// <summary>The original file's size in bytes; null for captures stored before sizes were recorded (raw, so the stored length).</summary>
    public long? Length { get; set; }
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
