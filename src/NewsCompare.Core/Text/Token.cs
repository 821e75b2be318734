namespace NewsCompare.Core.Text;

/// <summary>What a token is.</summary>
public enum TokenKind
{
    /// <summary>A word of letters (possibly with inner apostrophes or hyphens).</summary>
    Word,
    /// <summary>A figure: digits, possibly with separators and a decimal part ("1,200", "3.5", "2024").</summary>
    Number,
}

/// <summary>A word or figure of a text.</summary>
/// <param name="Text">The token as written.</param>
/// <param name="Start">Where it starts in the text.</param>
/// <param name="Kind">Word or figure.</param>
/// <param name="Folded">Lower case without accents; for a figure its value written plainly ("1200", "3.5").</param>
/// <param name="Capitalised">The token starts with a capital letter.</param>
/// <param name="StartsSentence">It is the first token of its text or follows a sentence end.</param>
public readonly record struct Token(string Text, int Start, TokenKind Kind, string Folded, bool Capitalised, bool StartsSentence)
{
    /// <summary>A capitalised word inside a sentence: a name (of a person, place, organisation) or part of one.</summary>
    public bool LooksLikeName => Kind == TokenKind.Word && Capitalised && !StartsSentence;
}
