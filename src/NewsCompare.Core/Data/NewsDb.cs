using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Data;

/// <summary>The NewsCompare store. Its schema is created and evolved by <see cref="SchemaMigrator"/>, not by EF.</summary>
public sealed class NewsDb(DbContextOptions<NewsDb> options) : DbContext(options)
{
    /// <summary>Raw captures, byte for byte.</summary>
    public DbSet<Capture> Captures => Set<Capture>();
    /// <summary>Extracted articles.</summary>
    public DbSet<Article> Articles => Set<Article>();
    /// <summary>Lines dropped as clutter.</summary>
    public DbSet<ClutterLine> ClutterLines => Set<ClutterLine>();
    /// <summary>Stories: articles grouped by the event they report.</summary>
    public DbSet<Story> Stories => Set<Story>();
    /// <summary>Each grouped article's story and why it is there.</summary>
    public DbSet<StoryMembership> StoryMemberships => Set<StoryMembership>();
    /// <summary>Links between related stories.</summary>
    public DbSet<StoryLink> StoryLinks => Set<StoryLink>();
    /// <summary>People's corrections of the grouping.</summary>
    public DbSet<StoryCorrection> StoryCorrections => Set<StoryCorrection>();
    /// <summary>Corrections of articles' metadata, and manifest values given to articles already stored.</summary>
    public DbSet<MetadataChange> MetadataChanges => Set<MetadataChange>();
    /// <summary>Lock groups that make corrections survive regrouping.</summary>
    public DbSet<StoryLock> StoryLocks => Set<StoryLock>();
    /// <summary>Story ids that no longer exist, with the stories that hold their articles now.</summary>
    public DbSet<RetiredStory> RetiredStories => Set<RetiredStory>();
    /// <summary>Each story's outlets and languages with its list keys, kept by the store's triggers (read-only here).</summary>
    public DbSet<StoryFacet> StoryFacets => Set<StoryFacet>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDb).Assembly);
        if (StoreDialect.For(Database.ProviderName).Provider == StoreProvider.Postgres) PostgresModel.Adjust(modelBuilder);
    }
}
