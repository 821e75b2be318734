using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Editors;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class EditorConfiguration : IEntityTypeConfiguration<Editor>
{
    public void Configure(EntityTypeBuilder<Editor> builder)
    {
        builder.ToTable("Editors");
        builder.HasIndex(e => e.UserName).IsUnique();
        builder.Property(e => e.UserName).UseCollation("NOCASE");
    }
}
