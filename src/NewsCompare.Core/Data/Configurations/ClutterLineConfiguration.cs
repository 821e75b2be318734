using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Articles;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class ClutterLineConfiguration : IEntityTypeConfiguration<ClutterLine>
{
    public void Configure(EntityTypeBuilder<ClutterLine> builder)
    {
        builder.ToTable("ClutterLines");
        builder.HasIndex(c => new { c.ArticleId, c.Position });
    }
}
