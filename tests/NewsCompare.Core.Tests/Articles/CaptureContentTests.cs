using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Tests.Import;

namespace NewsCompare.Core.Tests.Articles;

public sealed class CaptureContentTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    /// <summary>A page-like file: repetitive markup (which packs well) around varied text, with bytes of every value.</summary>
    private static byte[] PageBytes(int seed)
    {
        var random = new Random(seed);
        var page = new StringBuilder("<!DOCTYPE html><html><head><title>Ferry strike</title></head><body>\n");
        for (var i = 0; i < 400; i++)
            page.Append("<div class=\"menu-item\"><a href=\"/section/").Append(random.Next(1000)).Append("\">Section</a></div>\n");
        page.Append("<p>The ferry strike ended on Tuesday — «café» naïve 東京 ").Append(random.Next()).Append("</p></body></html>\n");
        return [.. Encoding.UTF8.GetBytes(page.ToString()), 0xFF, 0x00, 0x80, 0xC3];
    }

    private static Capture Stored(byte[] original)
    {
        var (stored, storage) = CaptureContent.Pack(original);
        return new Capture
        {
            Id = 7, Sha256 = Convert.ToHexStringLower(SHA256.HashData(original)), StoredContent = stored, Storage = storage,
            Length = original.Length, FileName = "pages/ferry.html", Format = "html", Encoding = "utf-8",
        };
    }

    [Fact]
    public void CompressedBytesReadBackExactly()
    {
        var original = PageBytes(1);

        var capture = Stored(original);

        capture.Storage.Should().Be(CaptureContent.Brotli);
        capture.StoredContent.Length.Should().BeLessThan(original.Length / 2);
        CaptureContent.Read(capture).Should().Equal(original);
    }

    [Fact]
    public void BytesThatDoNotPackByATenthAreStoredAsTheyAre()
    {
        var noise = new byte[50_000];
        new Random(3).NextBytes(noise);

        var capture = Stored(noise);

        capture.Storage.Should().Be(CaptureContent.Raw);
        capture.StoredContent.Should().Equal(noise);
        CaptureContent.Read(capture).Should().Equal(noise);
    }

    [Fact]
    public void ADamagedCompressedBlobIsAClearErrorNamingTheCapture()
    {
        var capture = Stored(PageBytes(2));
        capture.StoredContent[capture.StoredContent.Length / 2] ^= 0x5A;

        var read = () => CaptureContent.Read(capture);

        read.Should().Throw<CaptureCorruptException>()
            .Where(e => e.CaptureId == 7 && e.Message.Contains("capture 7") && e.Message.Contains("pages/ferry.html"));
    }

    [Fact]
    public void ATruncatedCompressedBlobIsAClearError()
    {
        var capture = Stored(PageBytes(4));
        capture.StoredContent = capture.StoredContent[..(capture.StoredContent.Length - 20)];

        var read = () => CaptureContent.Read(capture);

        read.Should().Throw<CaptureCorruptException>().WithMessage("*pages/ferry.html*");
    }

    [Fact]
    public void RawBytesThatNoLongerMatchTheirHashAreAClearError()
    {
        var capture = Stored(Encoding.UTF8.GetBytes("short text"));
        capture.StoredContent[0] ^= 1;

        var read = () => CaptureContent.Read(capture);

        read.Should().Throw<CaptureCorruptException>().WithMessage("*capture 7*hash*");
    }

    [Fact]
    public void AnUnknownStorageCodeIsAClearError()
    {
        var capture = Stored(Encoding.UTF8.GetBytes("short text"));
        capture.Storage = "zstd";

        var read = () => CaptureContent.Read(capture);

        read.Should().Throw<CaptureCorruptException>().WithMessage("*unknown storage \"zstd\"*");
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ImportedPagesAreStoredCompressedAndReadBackByteForByte(StoreProvider provider)
    {
        await using var f = await ImportFixture.CreateAsync(provider);
        var page = PageBytes(5);
        f.Write("ferry.html", page);

        await f.ImportAsync([f.Captures]);

        var capture = await f.QueryAsync(db => db.Captures.SingleAsync());
        capture.Storage.Should().Be(CaptureContent.Brotli);
        capture.Length.Should().Be(page.Length);
        CaptureContent.Read(capture).Should().Equal(page);
    }

    [Fact]
    public async Task CapturesStoredBeforeCompressionStillReadAndReimportAsUnchanged()
    {
        var old = Encoding.UTF8.GetBytes(ImportFixture.Article("Stored long ago", paragraphs: 30));
        _f.Write("old.txt", old);
        // A store as the earlier schema left it: the file in Content, no storage code or size recorded.
        await _f.ImportAsync([_f.Captures]);
        await using (var connection = new SqliteConnection($"Data Source={_f.DbPath}"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE \"Captures\" SET \"Content\" = $old, \"Storage\" = 'raw', \"Length\" = NULL";
            cmd.Parameters.AddWithValue("$old", old);
            await cmd.ExecuteNonQueryAsync();
        }

        var capture = await _f.QueryAsync(db => db.Captures.SingleAsync());
        CaptureContent.Read(capture).Should().Equal(old);
        CaptureContent.SizeOf(capture).Should().Be(old.Length);
        var again = await _f.ImportAsync([_f.Captures]);
        again.Unchanged.Should().Be(1);
        (await _f.CountsAsync()).Captures.Should().Be(1);
    }
}
