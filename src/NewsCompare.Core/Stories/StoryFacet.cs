namespace NewsCompare.Core.Stories;

/// <summary>What a <see cref="StoryFacet"/> row says a story has.</summary>
public enum StoryFacetKind
{
    /// <summary>An article from the outlet in <see cref="StoryFacet.Value"/> (any version).</summary>
    Outlet = 1,
    /// <summary>A latest version in the language in <see cref="StoryFacet.Value"/>.</summary>
    Language = 2,
}

/// <summary>
/// One outlet or language of a story, with the story's list keys copied from its row, so the stories list filtered by
/// outlet or language is read in its order from one index (docs/adr/0023-story-facets.md). Written only by the store's
/// triggers on articles and stories (schema scripts 0013 and 0015 on SQLite, 0006 and 0008 on PostgreSQL): read-only for the application.
/// </summary>
public sealed class StoryFacet
{
    /// <summary>Outlet or language.</summary>
    public StoryFacetKind Facet { get; set; }
    /// <summary>The outlet's name or the language code, as the articles hold it.</summary>
    public required string Value { get; set; }
    /// <summary>The story.</summary>
    public long StoryId { get; set; }
    /// <summary>The story's <see cref="Story.FirstDate"/>.</summary>
    public DateOnly? FirstDate { get; set; }
    /// <summary>The story's <see cref="Story.LastDate"/>.</summary>
    public DateOnly? LastDate { get; set; }
    /// <summary>The story's <see cref="Story.OutletCount"/>.</summary>
    public int OutletCount { get; set; }
    /// <summary>The story's <see cref="Story.ArticleCount"/>.</summary>
    public int ArticleCount { get; set; }
}
