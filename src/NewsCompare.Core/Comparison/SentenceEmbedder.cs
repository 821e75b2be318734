namespace NewsCompare.Core.Comparison;

/// <summary>
/// Turns sentences into unit vectors whose dot product says how alike their meanings are, for the sentences of the
/// languages it reads; <see cref="StatementMatcher"/> weighs that as one more signal.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>Whether it reads sentences of <paramref name="language"/> (null: unknown).</summary>
    bool Reads(string? language);

    /// <summary>One unit vector per sentence, in order.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences);
}
