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
    public static List<string> Of(IReadOnlyList<Token> tokens, string? language = null) => Of(tokens, language, null);

    /// <summary>
    /// The content stems of already tokenised text, each folded word looked up in <paramref name="stems"/> (folded word →
    /// stem, for <paramref name="language"/> only) before it is stemmed, and added to it after: a text's words recur, so
    /// a caller reading many texts of one language stems each word once. The stems are those of the plain overload.
    /// </summary>
    public static List<string> Of(IReadOnlyList<Token> tokens, string? language, Dictionary<string, string>? stems)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var stop = StopWords.For(language);
        var words = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Number) { words.Add(token.Folded); continue; }
            if (stop.Contains(token.Folded)) continue;
            if (stems is null) { words.Add(Stemmer.Stem(token.Folded, language ?? "en")); continue; }
            if (!stems.TryGetValue(token.Folded, out var stem)) stems[token.Folded] = stem = Stemmer.Stem(token.Folded, language ?? "en");
            words.Add(stem);
        }
        return words;
    }
}
