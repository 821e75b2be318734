namespace NewsCompare.Core.Stories;

/// <summary>What the grouping engine reads of one article: its text, outlet, language and date.</summary>
/// <param name="Id">The article's store key (any unique number outside the store).</param>
/// <param name="Headline">The headline, if any.</param>
/// <param name="Paragraphs">Body paragraphs in reading order.</param>
/// <param name="Outlet">The outlet, if known.</param>
/// <param name="Language">Two-letter language code, if known; guessed from the text otherwise.</param>
/// <param name="Published">The article's own publication date, if it states one (never an inferred date).</param>
public sealed record StoryArticle(
    long Id, string? Headline, IReadOnlyList<string> Paragraphs, string? Outlet, string? Language, DateOnly? Published);
