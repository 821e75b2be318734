using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class StoryLinkConfiguration : IEntityTypeConfiguration<StoryLink>
{
    public void Configure(EntityTypeBuilder<StoryLink> builder)
    {
        builder.ToTable("StoryLinks");
        builder.HasKey(x => new { x.StoryId, x.RelatedStoryId });
        builder.HasIndex(x => x.RelatedStoryId);
    }
}
