using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;

namespace NewsCompare.Core.Articles;

/// <summary>
/// The one way in and out of a capture's stored bytes. Files are kept Brotli-compressed when that saves at least a
/// tenth of their size, else as they are; every read unpacks them and checks the SHA-256 recorded at import, so what
/// comes back is the imported file byte for byte or a <see cref="CaptureCorruptException"/>, never something else.
/// </summary>
public static class CaptureContent
{
    /// <summary>Storage code: the stored bytes are the file.</summary>
    public const string Raw = "raw";
    /// <summary>Storage code: the stored bytes are the file compressed with Brotli.</summary>
    public const string Brotli = "brotli";

    // Quality 0 (Brotli's fastest) packs HTML captures to about a quarter at several hundred MB/s per core; higher
    // qualities gain a few percent for two to three times the time (figures in docs/adr/0005-compressed-captures.md).
    private const int Quality = 0;
    private const int Window = 22;

    /// <summary>
    /// The file's stored form: compressed when that saves at least a tenth, else the file itself. The compressed
    /// form is unpacked and compared before it is returned, so a file is never stored in a form that does not give
    /// it back.
    /// </summary>
    internal static (byte[] Stored, string Storage) Pack(byte[] original)
    {
        if (original.Length < 64) return (original, Raw);
        var limit = original.Length - original.Length / 10;
        // Pooled scratch buffers: captures run to hundreds of KB, and fresh arrays that size would each be a
        // large-object allocation the GC must later sweep.
        var buffer = ArrayPool<byte>.Shared.Rent(limit);
        var check = ArrayPool<byte>.Shared.Rent(original.Length);
        try
        {
            if (!BrotliEncoder.TryCompress(original, buffer.AsSpan(0, limit), out var written, Quality, Window)) return (original, Raw);
            var packed = buffer.AsSpan(0, written);
            if (!BrotliDecoder.TryDecompress(packed, check, out var unpacked) || !check.AsSpan(0, unpacked).SequenceEqual(original))
                return (original, Raw);
            return (packed.ToArray(), Brotli);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(check);
        }
    }

    /// <summary>The imported file, byte for byte, checked against its recorded SHA-256.</summary>
    /// <param name="capture">The capture, loaded with its stored bytes.</param>
    /// <exception cref="CaptureCorruptException">The stored bytes cannot be unpacked, or do not match the recorded hash.</exception>
    public static byte[] Read(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var original = capture.Storage switch
        {
            Raw => capture.StoredContent,
            Brotli => Unpack(capture),
            _ => throw Corrupt(capture, $"unknown storage \"{capture.Storage}\""),
        };
        var sha = Sha256(original);
        if (!string.Equals(sha, capture.Sha256, StringComparison.OrdinalIgnoreCase))
            throw Corrupt(capture, $"its bytes hash to {sha}, not the {capture.Sha256} recorded at import");
        return original;
    }

    /// <summary>The lower-case hex SHA-256 a capture is recorded and recognised by.</summary>
    internal static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The original file's size: recorded at import, or the stored size for raw captures stored before sizes were.</summary>
    /// <param name="capture">The capture.</param>
    public static long SizeOf(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        return capture.Length ?? capture.StoredContent.LongLength;
    }

    private static byte[] Unpack(Capture capture)
    {
        // The recorded size bounds the output: a damaged blob cannot make the reader allocate without limit.
        if (capture.Length is not { } length || length < 0 || length > Array.MaxLength)
            throw Corrupt(capture, "compressed without a valid recorded size");
        var original = new byte[length];
        try
        {
            using var decoder = new BrotliDecoder();
            var status = decoder.Decompress(capture.StoredContent, original, out var consumed, out var written);
            if (status != OperationStatus.Done || consumed != capture.StoredContent.Length || written != length)
                throw Corrupt(capture, $"the compressed bytes do not unpack to the recorded {length} bytes ({status})");
        }
        catch (InvalidOperationException e)
        {
            throw Corrupt(capture, $"the compressed bytes cannot be unpacked: {e.Message}");
        }
        return original;
    }

    private static CaptureCorruptException Corrupt(Capture capture, string why) =>
        new(capture.Id, capture.FileName, $"capture {capture.Id} (\"{capture.FileName}\") is damaged in the store: {why}");
}

/// <summary>A capture's stored bytes do not give back the file that was imported: the store is damaged.</summary>
/// <param name="captureId">The capture's store key.</param>
/// <param name="fileName">The file name recorded at import.</param>
/// <param name="message">What is wrong, naming the capture.</param>
public sealed class CaptureCorruptException(long captureId, string fileName, string message) : Exception(message)
{
    /// <summary>The damaged capture's store key.</summary>
    public long CaptureId { get; } = captureId;
    /// <summary>The damaged capture's file name as recorded at import.</summary>
    public string FileName { get; } = fileName;
}
