using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class StoryFacetConfiguration : IEntityTypeConfiguration<StoryFacet>
{
    public void Configure(EntityTypeBuilder<StoryFacet> builder)
    {
        builder.ToTable("StoryFacets");
        builder.HasKey(f => new { f.Facet, f.Value, f.StoryId });
        builder.HasIndex(f => f.StoryId);
    }
}
