using System.Security.Cryptography;
using System.Text;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Web.Tests.Infrastructure;

/// <summary>Writes synthetic captures, articles and stories straight into a store (either engine), as the importer would.</summary>
public sealed class StoreBuilder(Func<NewsDb> open)
{
    public StoreBuilder(StoreTarget target) : this(() => new NewsDb(NewsStore.Options(target)))
    {
    }

    public async Task<Article> ArticleAsync(
        string headline, string outlet, DateOnly? published, params string[] paragraphs) =>
        await ArticleAsync(new Article
        {
            Headline = headline, Outlet = outlet, Published = published, Paragraphs = [.. paragraphs],
        });

    /// <summary>Stores <paramref name="article"/> with a capture of its own; unset provenance gets plausible values.</summary>
    public async Task<Article> ArticleAsync(Article article, string? raw = null, params (string Text, string Reason)[] clutter)
    {
        await using var db = open();
        var content = Encoding.UTF8.GetBytes(raw ?? $"{article.Headline}\n\n{string.Join("\n\n", article.Paragraphs)}\n{Guid.NewGuid()}");
        var capture = new Capture
        {
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            StoredContent = content, Length = content.Length,
            FileName = $"captures/{Guid.NewGuid():N}.txt",
            Format = "text",
            Encoding = "utf-8",
            ImportedAt = DateTime.UtcNow,
        };
        db.Captures.Add(capture);
        await db.SaveChangesAsync();

        article.CaptureId = capture.Id;
        article.HeadlineSource ??= "extraction";
        article.OutletSource ??= article.Outlet is null ? null : "url-host";
        article.PublishedSource ??= article.Published is null ? null : "text";
        article.WordCount = article.Paragraphs.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        article.ImportedAt = DateTime.UtcNow;
        article.Clutter = clutter.Select((c, i) => new ClutterLine { Text = c.Text, Reason = c.Reason, Position = i }).ToList();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    /// <summary>A story over <paramref name="articles"/>, with its counts and dates worked out as the grouping engine stores them.</summary>
    public async Task<Story> StoryAsync(string title, params Article[] articles)
    {
        await using var db = open();
        var dates = articles.Where(a => a.Published is not null && !a.PublishedInferred).Select(a => a.Published!.Value).ToList();
        var story = new Story
        {
            Title = title,
            FirstDate = dates.Count == 0 ? null : dates.Min(),
            LastDate = dates.Count == 0 ? null : dates.Max(),
            ArticleCount = articles.Length,
            IndependentCount = articles.Count(a => a.CopyOfArticleId is null),
            OutletCount = articles.Select(a => a.Outlet).Distinct().Count(),
            UpdatedAt = DateTime.UtcNow,
        };
        db.Stories.Add(story);
        await db.SaveChangesAsync();
        foreach (var article in articles)
        {
            article.StoryId = story.Id;
            var stored = await db.Articles.FindAsync(article.Id);
            stored!.StoryId = story.Id;
            stored.CopyOfArticleId = article.CopyOfArticleId;
            db.Articles.Update(stored);
        }
        await db.SaveChangesAsync();
        return story;
    }
}
