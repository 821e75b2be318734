using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Articles;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class MetadataChangeConfiguration : IEntityTypeConfiguration<MetadataChange>
{
    public void Configure(EntityTypeBuilder<MetadataChange> builder)
    {
        builder.ToTable("MetadataChanges");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.ArticleId, x.Id }, "IX_MetadataChanges_ArticleId");
        builder.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
