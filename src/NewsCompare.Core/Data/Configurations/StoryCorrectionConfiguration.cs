using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class StoryCorrectionConfiguration : IEntityTypeConfiguration<StoryCorrection>
{
    public void Configure(EntityTypeBuilder<StoryCorrection> builder)
    {
        builder.ToTable("StoryCorrections");
        builder.HasKey(x => x.Id);
    }
}
