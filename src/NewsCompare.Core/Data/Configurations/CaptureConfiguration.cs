using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Articles;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class CaptureConfiguration : IEntityTypeConfiguration<Capture>
{
    public void Configure(EntityTypeBuilder<Capture> builder)
    {
        builder.ToTable("Captures");
        builder.HasIndex(c => c.Sha256).IsUnique();
        // The column keeps its first name: stores in the field hold it. The property's name says it is not the file.
        builder.Property(c => c.StoredContent).HasColumnName("Content");
    }
}
