using System.Buffers.Binary;
using System.IO.Compression;

namespace NewsCompare.Web.Importing;

/// <summary>
/// Inflates a zip entry from its own compressed bytes, so its size is what the data holds, never what a header
/// claims: .NET's entry stream stops at the header's uncompressed size, which silently truncates an entry whose
/// header understates it. Entries are found through the central directory, in the order ZipArchive lists them.
/// </summary>
internal static class ZipEntryData
{
    internal sealed record Entry(int Method, long DataStart, long CompressedLength);

    /// <summary>Where each entry's compressed data starts, in central-directory order; empty when the directory cannot be read.</summary>
    public static IReadOnlyList<Entry> Locate(byte[] zip)
    {
        var entries = new List<Entry>();
        var end = zip.AsSpan().LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x05, (byte)0x06]);
        if (end < 0 || end + 22 > zip.Length) return entries;
        var count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        long at = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        for (var i = 0; i < count && at + 46 <= zip.Length; i++)
        {
            var record = zip.AsSpan((int)at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != 0x02014B50) break;
            var method = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(record[20..]);
            int name = BinaryPrimitives.ReadUInt16LittleEndian(record[28..]), extra = BinaryPrimitives.ReadUInt16LittleEndian(record[30..]),
                comment = BinaryPrimitives.ReadUInt16LittleEndian(record[32..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(record[42..]);
            var start = local + 30 <= zip.Length
                ? local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan((int)local + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan((int)local + 28))
                : long.MaxValue;
            entries.Add(new Entry(method, start, compressed));
            at += 46 + name + extra + comment;
        }
        return entries;
    }

    /// <summary>The entry's bytes, or null when they are more than <paramref name="max"/>, cannot be read, or use a method other than store or deflate.</summary>
    public static byte[]? Inflate(byte[] zip, Entry entry, long max)
    {
        if (entry.DataStart > zip.Length) return null;
        var available = zip.Length - (int)entry.DataStart;
        if (entry.Method == 0)
            return entry.CompressedLength > max || entry.CompressedLength > available ? null : zip.AsSpan((int)entry.DataStart, (int)entry.CompressedLength).ToArray();
        if (entry.Method != 8) return null;
        // A deflate stream ends itself; reading on from the data start never trusts either size field.
        using var stream = new DeflateStream(new MemoryStream(zip, (int)entry.DataStart, available), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
