using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.ToTable("Stories");
        builder.HasIndex(s => s.LastDate);
        builder.HasOne<Articles.Article>().WithMany().HasForeignKey(s => s.TitleArticleId).OnDelete(DeleteBehavior.SetNull);
    }
}
