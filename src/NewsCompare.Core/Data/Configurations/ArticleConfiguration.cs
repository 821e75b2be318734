using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Articles;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("Articles");
        builder.HasOne(a => a.Capture).WithMany().HasForeignKey(a => a.CaptureId);
        builder.HasMany(a => a.Clutter).WithOne().HasForeignKey(c => c.ArticleId);
        builder.HasIndex(a => a.CaptureId).IsUnique();
        builder.HasIndex(a => new { a.UrlKey, a.Version });
        builder.HasIndex(a => a.UrlKey, "IX_Articles_UrlKey_Latest").HasFilter("\"IsLatest\" = 1");
        builder.HasIndex(a => new { a.Outlet, a.Published });
        builder.HasIndex(a => a.Published);
        // Begins with the story, so it also serves lookups by story alone (and the foreign key): no index of its own.
        builder.HasIndex(a => new { a.StoryId, a.IsLatest, a.Outlet }, "IX_Articles_StoryId_IsLatest_Outlet");
        builder.HasOne<Stories.Story>().WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Article>().WithMany().HasForeignKey(a => a.CopyOfArticleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Article>().WithMany().HasForeignKey(a => a.PublishedFromArticleId).OnDelete(DeleteBehavior.SetNull);
    }
}
