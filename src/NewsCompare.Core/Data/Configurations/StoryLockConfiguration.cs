using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class StoryLockConfiguration : IEntityTypeConfiguration<StoryLock>
{
    public void Configure(EntityTypeBuilder<StoryLock> builder)
    {
        builder.ToTable("StoryLocks");
        builder.HasKey(x => x.ArticleId);
        builder.HasIndex(x => x.LockGroup);
    }
}
