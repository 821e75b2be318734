using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class RetiredStoryConfiguration : IEntityTypeConfiguration<RetiredStory>
{
    public void Configure(EntityTypeBuilder<RetiredStory> builder)
    {
        builder.ToTable("RetiredStories");
        builder.HasKey(x => new { x.StoryId, x.SuccessorId });
    }
}
