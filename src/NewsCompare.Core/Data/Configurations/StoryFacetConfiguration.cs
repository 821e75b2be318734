using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Data.Configurations;

internal sealed class StoryFacetConfiguration : IEntityTypeConfiguration<StoryFacet>
{
    public void Configure(EntityTypeBuilder<StoryFacet> builder)
    {
        builder.ToTable("StoryFacets");
        // A story's rows are one range of the key: its triggers rewrite them whenever the story's keys change.
        builder.HasKey(f => new { f.StoryId, f.Facet, f.Value });
    }
}
