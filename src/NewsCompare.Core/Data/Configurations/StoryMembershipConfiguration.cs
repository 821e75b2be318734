using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class StoryMembershipConfiguration : IEntityTypeConfiguration<StoryMembership>
{
    public void Configure(EntityTypeBuilder<StoryMembership> builder)
    {
        builder.ToTable("StoryMemberships");
        builder.HasKey(x => x.ArticleId);
        builder.HasIndex(x => x.StoryId);
        builder.HasOne<Story>().WithMany().HasForeignKey(x => x.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
