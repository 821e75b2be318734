using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Tests.Data;

public sealed class ArticleSearchTests : TempStoreFile
{
    private static Task<List<long>> Find(NewsDb db, string query) =>
        db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"ArticleSearch\" WHERE \"ArticleSearch\" MATCH {query}").ToListAsync();

    [Fact]
    public async Task SearchIndexFollowsInsertsUpdatesAndDeletesOfArticles()
    {
        await using var db = await NewsStore.OpenAsync(StorePath);
        var capture = new Capture { Sha256 = "x", StoredContent = [1], FileName = "a.txt", Format = "text", Encoding = "utf-8" };
        db.Captures.Add(capture);
        await db.SaveChangesAsync();
        var article = new Article { CaptureId = capture.Id, Headline = "Harbour reopens", Paragraphs = ["Ferries sail again.", "Café owners cheer."] };
        db.Articles.Add(article);
        await db.SaveChangesAsync();

        (await Find(db, "ferries")).Should().Equal(article.Id);
        (await Find(db, "cafe")).Should().Equal(new[] { article.Id }, "diacritics are folded");
        (await Find(db, "harbour")).Should().Equal(article.Id);

        article.Paragraphs = ["Storm closes the port."];
        db.Articles.Update(article);
        await db.SaveChangesAsync();
        (await Find(db, "ferries")).Should().BeEmpty();
        (await Find(db, "storm")).Should().Equal(article.Id);

        db.Articles.Remove(article);
        await db.SaveChangesAsync();
        (await Find(db, "storm")).Should().BeEmpty();
        (await Find(db, "harbour")).Should().BeEmpty();
    }
}
