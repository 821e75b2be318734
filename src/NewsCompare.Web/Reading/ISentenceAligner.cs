namespace NewsCompare.Web.Reading;

/// <summary>How widely a sentence is shared among the versions compared.</summary>
public enum SentenceShare
{
    /// <summary>Every version compared carries it (or a close paraphrase).</summary>
    All,
    /// <summary>Some versions carry it, not all.</summary>
    Some,
    /// <summary>Only this version has it.</summary>
    Only,
}

/// <summary>One sentence of a compared version, with where else it appears (article ids).</summary>
public sealed record AlignedSentence(string Text, SentenceShare Share, IReadOnlyList<long> AlsoIn);

/// <summary>
/// Sentence-level alignment for the compare page: for each article (in the order given), its paragraphs as lists of
/// aligned sentences. The host registers it over the Comparison module; without it the page shows plain paragraphs.
/// </summary>
public interface ISentenceAligner
{
    IReadOnlyList<IReadOnlyList<IReadOnlyList<AlignedSentence>>> Align(IReadOnlyList<ArticleView> articles);
}
