namespace NewsCompare.Core.Text;

/// <summary>The words of a text that carry its content: folded, without stop words, stemmed per language.</summary>
public static class ContentWords
{
    /// <summary>
    /// The stems of <paramref name="text"/>'s words that are not stop words of <paramref name="language"/> (English
    /// when null), in order; figures are kept as their plain value.
    /// </summary>
    public static List<string> Of(string text, string? language = null) => Of(Tokenizer.Tokens(text), language);

    /// <summary>The content stems of already tokenised text.</summary>
    public static List<string> Of(IReadOnlyList<Token> tokens, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var stop = StopWords.For(language);
        var words = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Number) { words.Add(token.Folded); continue; }
            if (stop.Contains(token.Folded)) continue;
            words.Add(Stemmer.Stem(token.Folded, language ?? "en"));
        }
        return words;
    }
}
