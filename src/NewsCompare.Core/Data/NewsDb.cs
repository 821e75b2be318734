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

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDb).Assembly);
}
