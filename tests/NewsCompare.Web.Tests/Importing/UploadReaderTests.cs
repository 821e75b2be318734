using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsCompare.Web.Importing;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Tests.Importing;

public sealed class UploadReaderTests
{
    private static IFormFile Upload(string name, byte[] bytes) =>
        new FormFile(new MemoryStream(bytes), 0, bytes.Length, "Input.Files", name);

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task ExpandsAZipIntoItsFilesNamedUnderTheArchive()
    {
        var zip = Zip(("a.txt", "alpha"u8.ToArray()), ("folder/b.html", "<p>b</p>"u8.ToArray()), ("__MACOSX/._a.txt", [1, 2]));
        var batch = await UploadReader.ReadAsync([Upload("captures.zip", zip), Upload("c.txt", "gamma"u8.ToArray())], new UploadOptions(), default);
        batch.Problems.Should().BeEmpty();
        batch.Files.Select(f => f.Name).Should().Equal("captures/a.txt", "captures/folder/b.html", "c.txt");
        Encoding.UTF8.GetString(batch.Files[1].Content).Should().Be("<p>b</p>");
        batch.Skipped.Should().ContainSingle().Which.Should().Contain("__MACOSX/._a.txt");
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/windows/win.ini")]
    [InlineData("a/../../b.txt")]
    [InlineData("a\\..\\b.txt")]
    public async Task RefusesZipEntriesWhosePathsLeaveTheUpload(string path)
    {
        var batch = await UploadReader.ReadAsync([Upload("x.zip", Zip((path, "x"u8.ToArray())))], new UploadOptions(), default);
        batch.Problems.Should().ContainSingle().Which.Should().StartWith("x.zip: ");
        batch.Files.Should().BeEmpty();
    }

    [Fact]
    public async Task RefusesAZipBombByItsCompressionRatio()
    {
        var zeros = new byte[5 * 1024 * 1024];
        var batch = await UploadReader.ReadAsync([Upload("bomb.zip", Zip(("zeros.txt", zeros)))], new UploadOptions(), default);
        batch.Problems.Should().ContainSingle().Which.Should().Contain("bomb.zip: zeros.txt").And.Contain("zip bomb");
    }

    [Fact]
    public async Task RefusesAZipThatExpandsPastTheTotalLimit()
    {
        var random = new Random(7);
        byte[] Noise() { var b = new byte[3000]; random.NextBytes(b); return b; }
        var limits = new UploadOptions { MaxExpandedBytes = 8000 };
        var batch = await UploadReader.ReadAsync([Upload("big.zip", Zip(("1.txt", Noise()), ("2.txt", Noise()), ("3.txt", Noise())))], limits, default);
        batch.Problems.Should().ContainSingle().Which.Should().Contain("big.zip: expands to more than");
    }

    [Fact]
    public async Task RefusesMoreFilesThanTheLimitWholeButAnOversizedFileAlone()
    {
        var limits = new UploadOptions { MaxFiles = 2, MaxFileBytes = 10 };
        var many = await UploadReader.ReadAsync([Upload("1.txt", [1]), Upload("2.txt", [2]), Upload("3.txt", [3])], limits, default);
        many.Problems.Should().ContainSingle().Which.Should().Be("The upload holds 3 files; at most 2 can be imported at once.");
        var big = await UploadReader.ReadAsync([Upload("big.txt", new byte[11]), Upload("fine.txt", [1])], limits, default);
        big.Problems.Should().BeEmpty();
        big.Files.Select(f => f.Name).Should().Equal("fine.txt");
        big.Refused.Should().ContainSingle().Which.Reason.Should().StartWith("too large: 11 bytes is over the 10 bytes limit");
    }

    [Fact]
    public async Task ASourcesManifestIsNotCountedAgainstTheFileLimit()
    {
        var limits = new UploadOptions { MaxFiles = 2 };
        var batch = await UploadReader.ReadAsync([Upload("1.txt", [1]), Upload("2.txt", [2]), Upload("sources.json", "[]"u8.ToArray())], limits, default);
        batch.Problems.Should().BeEmpty();
        var zipped = await UploadReader.ReadAsync([Upload("z.zip", Zip(("1.txt", [1]), ("2.txt", [2]), ("sources.json", "[]"u8.ToArray())))], limits, default);
        zipped.Problems.Should().BeEmpty();
        zipped.Files.Should().HaveCount(3);
    }

    [Fact]
    public async Task RefusesAZipEntryWhoseHeaderUnderstatesItsSize()
    {
        var zip = Zip(("small.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i} of the capture\n")))));
        // Patch both headers to claim 100 bytes: the local header's size at offset 22, the central directory's at 24.
        var local = 0;
        var central = IndexOf(zip, [0x50, 0x4B, 0x01, 0x02]);
        BitConverter.GetBytes(100).CopyTo(zip, local + 22);
        BitConverter.GetBytes(100).CopyTo(zip, central + 24);

        var batch = await UploadReader.ReadAsync([Upload("lies.zip", zip)], new UploadOptions(), default);

        batch.Files.Should().BeEmpty();
        batch.Problems.Should().ContainSingle().Which.Should().StartWith("lies.zip: small.txt");
    }

    private static int IndexOf(byte[] bytes, byte[] pattern) => bytes.AsSpan().IndexOf(pattern);

    [Fact]
    public async Task RefusesArchivesInsideArchivesAndUnreadableZips()
    {
        var nested = await UploadReader.ReadAsync([Upload("outer.zip", Zip(("inner.zip", Zip(("a.txt", "a"u8.ToArray())))))], new UploadOptions(), default);
        nested.Problems.Should().ContainSingle().Which.Should().Contain("outer.zip: inner.zip").And.Contain("archives inside archives");
        var broken = await UploadReader.ReadAsync([Upload("broken.zip", "PK\u0003\u0004 not really"u8.ToArray())], new UploadOptions(), default);
        broken.Problems.Should().ContainSingle().Which.Should().StartWith("broken.zip: not a readable zip archive");
    }

    [Fact]
    public async Task RefusesEmptyFilesAloneAndAnEmptyZipEntryAlone()
    {
        var batch = await UploadReader.ReadAsync([Upload("empty.txt", []), Upload("z.zip", Zip(("blank.txt", []), ("a.txt", "a"u8.ToArray())))], new UploadOptions(), default);
        batch.Problems.Should().BeEmpty();
        batch.Files.Select(f => f.Name).Should().Equal("z/a.txt");
        batch.Refused.Select(r => (r.File, r.Reason)).Should().Equal(("empty.txt", "empty file"), ("z/blank.txt", "empty file"));
    }
}
