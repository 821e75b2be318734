using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NewsCompare.Core.Import;

/// <summary>
/// Reads capture files from disk safely: only regular files (a link is followed to what it names, but a device, a
/// named pipe or a socket is refused without reading), the size checked on the opened file, and reading stopped at
/// the size limit even when the file grows meanwhile. On Linux the file is opened without blocking (a FIFO with no
/// writer would otherwise hang the open) and its type and size come from the open descriptor, so a file swapped
/// after listing cannot slip past the checks. Also lists folders by their raw name bytes, so names that are not
/// UTF-8 can be opened and stored under a lossless name.
/// </summary>
internal static class CaptureFiles
{
    internal sealed record FileRead(byte[]? Bytes, string? Error);

    public static FileRead Read(string path, byte[]? rawPath, long limit)
    {
        try
        {
            return OperatingSystem.IsLinux() ? ReadLinux(path, rawPath ?? NameBytes(path), limit) : ReadPortable(path, limit);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without statx (or none found): the portable reading, which cannot open a pipe without blocking.
            return ReadPortable(path, limit);
        }
        catch (FileNotFoundException) { return new(null, Vanished(path)); }
        catch (DirectoryNotFoundException) { return new(null, Vanished(path)); }
        catch (UnauthorizedAccessException) { return new(null, "not readable: permission denied"); }
        catch (IOException e) { return new(null, $"not readable: {e.Message}"); }
    }

    /// <summary>The same size checks for bytes already in memory (an upload).</summary>
    public static FileRead Checked(byte[] bytes, long limit) =>
        bytes.LongLength > limit ? new(null, TooLarge(bytes.LongLength, limit))
        : bytes.Length == 0 ? new(null, "empty file")
        : new(bytes, null);

    private static FileRead ReadLinux(string path, byte[] raw, long limit)
    {
        var fd = Native.Open(raw, Native.ReadOnly | Native.NonBlocking | Native.NoControllingTerminal | Native.CloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return new(null, errno switch
            {
                Native.NoEntry => Vanished(path),
                Native.AccessDenied or Native.NotPermitted => "not readable: permission denied",
                Native.LinkLoop => "not readable: a link that leads back to itself",
                Native.NoDeviceOrAddress => "not a regular file: a socket or a device that is not there",
                _ => $"not readable: {Marshal.GetPInvokeErrorMessage(errno)}",
            });
        }
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (Native.StatX(fd, [0], Native.EmptyPath, Native.TypeAndSize, out var status) != 0)
            return new(null, $"not readable: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        var kind = (status.Mode & 0xF000) switch
        {
            0x8000 => null,
            0x1000 => "not a regular file: a named pipe (FIFO), which is never read",
            0x2000 => "not a regular file: a character device (such as /dev/zero), which is never read",
            0x6000 => "not a regular file: a block device, which is never read",
            0xC000 => "not a regular file: a socket, which is never read",
            0x4000 => "not a regular file: a folder",
            _ => "not a regular file",
        };
        if (kind is not null) return new(null, kind);
        return ReadBounded(handle, (long)status.Size, limit);
    }

    private static FileRead ReadPortable(string path, long limit)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo { Exists: true })
            return new(null, Vanished(path));
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return ReadBounded(handle, RandomAccess.GetLength(handle), limit);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes: a file that is, or grows, larger fails without being read whole.</summary>
    private static FileRead ReadBounded(SafeFileHandle handle, long size, long limit)
    {
        if (size > limit) return new(null, TooLarge(size, limit));
        if (size == 0) return new(null, "empty file");
        var buffer = new byte[size + 1];
        long total = 0;
        while (true)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan((int)total), total);
            if (read == 0) break;
            total += read;
            if (total == buffer.Length)
            {
                if (total > limit) return new(null, TooLarge(total, limit) + " (the file grew while it was read)");
                Array.Resize(ref buffer, (int)Math.Min(limit + 1, buffer.Length * 2L));
            }
        }
        return total == 0 ? new(null, "empty file") : new(total == buffer.Length ? buffer : buffer[..(int)total], null);
    }

    internal static string TooLarge(long length, long limit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"too large: {length / 1048576.0:0.##} MB exceeds the {limit / 1048576.0:0.##} MB limit (ImportOptions.MaxFileBytes)");

    private static string Vanished(string path)
    {
        try
        {
            if (new FileInfo(path).LinkTarget is { } target) return $"a link to something that does not exist ({Printable(target)})";
        }
        catch (IOException) { }
        return "file vanished before it could be read";
    }

    /// <summary>
    /// The files of <paramref name="folder"/> whose names are not valid UTF-8 (.NET's listing shows them with U+FFFD
    /// and cannot open them): each one's raw path bytes and a lossless name, each byte that is not UTF-8 written
    /// as %XX. Empty off Linux, where names are always Unicode.
    /// </summary>
    public static IReadOnlyList<(byte[] RawPath, string Name)> NonUtf8Files(string folder)
    {
        if (!OperatingSystem.IsLinux()) return [];
        var found = new List<(byte[], string)>();
        var folderBytes = NameBytes(folder);
        IntPtr dir;
        try
        {
            dir = Native.OpenDir(folderBytes);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return found;
        }
        if (dir == IntPtr.Zero) return found;
        try
        {
            for (var entry = Native.ReadDir(dir); entry != IntPtr.Zero; entry = Native.ReadDir(dir))
            {
                // struct dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), then the NUL-terminated name.
                var type = Marshal.ReadByte(entry, 18);
                var name = new List<byte>();
                for (var i = 19; Marshal.ReadByte(entry, i) is var b && b != 0; i++) name.Add(b);
                var bytes = name.ToArray();
                if (System.Text.Unicode.Utf8.IsValid(bytes) || type == 4 /* DT_DIR */) continue;
                found.Add(([.. folderBytes[..^1], (byte)'/', .. bytes, 0], LosslessName(bytes)));
            }
        }
        finally
        {
            _ = Native.CloseDir(dir);
        }
        return found;
    }

    /// <summary>The name's UTF-8 text, each byte that is not part of valid UTF-8 written as %XX.</summary>
    public static string LosslessName(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        while (bytes.Length > 0)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out var used);
            if (status == System.Buffers.OperationStatus.Done) text.Append(rune.ToString());
            else for (var i = 0; i < used; i++) text.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            bytes = bytes[used..];
        }
        return text.ToString();
    }

    /// <summary>A name safe to print: control characters (and U+FFFD, a lost byte) written as \uXXXX, never sent raw to a terminal.</summary>
    public static string Printable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Any(c => char.IsControl(c) || c == '\uFFFD' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)) return name;
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsControl(c) || c == '\uFFFD' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else text.Append(c);
        }
        return text.ToString();
    }

    private static byte[] NameBytes(string path) => [.. Encoding.UTF8.GetBytes(path), 0];

    private static class Native
    {
        public const int ReadOnly = 0, NonBlocking = 0x800, NoControllingTerminal = 0x100, CloseOnExec = 0x80000;
        public const int EmptyPath = 0x1000;
        public const uint TypeAndSize = 0x1 | 0x200;
        public const int NotPermitted = 1, NoEntry = 2, NoDeviceOrAddress = 6, AccessDenied = 13, LinkLoop = 40;

        /// <summary>struct statx: the same layout on every Linux architecture (256 bytes).</summary>
        [StructLayout(LayoutKind.Sequential, Size = 256)]
        public struct StatXBuffer
        {
            public uint Mask;
            public uint BlockSize;
            public ulong Attributes;
            public uint Links;
            public uint User;
            public uint Group;
            public ushort Mode;
            public ushort Spare;
            public ulong Inode;
            public ulong Size;
        }

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open(byte[] path, int flags);

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int StatX(int dirfd, byte[] path, int flags, uint mask, out StatXBuffer buffer);

        [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
        public static extern IntPtr OpenDir(byte[] path);

        [DllImport("libc", EntryPoint = "readdir64", SetLastError = true)]
        public static extern IntPtr ReadDir(IntPtr dir);

        [DllImport("libc", EntryPoint = "closedir", SetLastError = true)]
        public static extern int CloseDir(IntPtr dir);
    }
}
