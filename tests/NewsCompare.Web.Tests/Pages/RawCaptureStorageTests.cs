using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsCompare.Core.Articles;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>Two captures stored compressed, as the importer stores large pages: one intact, one damaged on disk.</summary>
public sealed class CompressedCapturesSite : TestSite
{
    public const string Page = "<html><body><p>Ferry services resume — «café» 東京</p><nav>Home</nav><nav>Home</nav><nav>Home</nav></body></html>";
    public long Intact { get; private set; }
    public long Damaged { get; private set; }

    protected override async Task SeedAsync()
    {
        Intact = (await Store.ArticleAsync(new Article { Headline = "Ferry services resume", Paragraphs = ["Ferries sail again."] }, raw: Page)).Id;
        Damaged = (await Store.ArticleAsync(new Article { Headline = "Ferry strike called", Paragraphs = ["Ferries stop."] }, raw: Page + " ")).Id;
        await CompressAsync(Intact, damage: false);
        await CompressAsync(Damaged, damage: true);
    }

    private async Task CompressAsync(long articleId, bool damage)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        byte[] original;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT c.\"Content\" FROM \"Captures\" c JOIN \"Articles\" a ON a.\"CaptureId\" = c.\"Id\" WHERE a.\"Id\" = $id";
            read.Parameters.AddWithValue("$id", articleId);
            original = (byte[])(await read.ExecuteScalarAsync())!;
        }
        var packed = new byte[BrotliEncoder.GetMaxCompressedLength(original.Length)];
        BrotliEncoder.TryCompress(original, packed, out var written, 0, 22).Should().BeTrue();
        packed = packed[..written];
        if (damage) packed[written / 2] ^= 0x55;
        await using var write = connection.CreateCommand();
        write.CommandText = """
            UPDATE "Captures" SET "Content" = $packed, "Storage" = 'brotli', "Length" = $length
            WHERE "Id" = (SELECT "CaptureId" FROM "Articles" WHERE "Id" = $id)
            """;
        write.Parameters.AddWithValue("$packed", packed);
        write.Parameters.AddWithValue("$length", original.Length);
        write.Parameters.AddWithValue("$id", articleId);
        await write.ExecuteNonQueryAsync();
    }
}

public sealed class RawCaptureStorageTests(CompressedCapturesSite site) : IClassFixture<CompressedCapturesSite>
{
    [Fact]
    public async Task RawCaptureOfACompressedCaptureIsTheImportedBytes()
    {
        using var response = await site.Reader().GetAsync($"/articles/{site.Intact}/raw");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Encoding.UTF8.GetBytes(CompressedCapturesSite.Page));
    }

    [Fact]
    public async Task ADamagedCaptureIsAnErrorNamingItNeverOtherBytes()
    {
        using var response = await site.Reader().GetAsync($"/articles/{site.Damaged}/raw");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("damaged").And.Contain("captures/");
        body.Should().NotContain("Ferry services resume");
    }

    [Fact]
    public async Task TheArticlePageShowsTheOriginalSizeOfACompressedCapture()
    {
        var page = await site.PageAsync($"/articles/{site.Intact}");

        var size = page.QuerySelectorAll("dl.provenance dt").First(dt => dt.TextContent == "Size").NextElementSibling!.TextContent;
        size.Should().Be($"{Encoding.UTF8.GetByteCount(CompressedCapturesSite.Page)} bytes");
    }
}
