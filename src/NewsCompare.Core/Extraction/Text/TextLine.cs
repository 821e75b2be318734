namespace NewsCompare.Core.Extraction.Text;

/// <summary>The writing system most of a line's letters belong to.</summary>
internal enum Script
{
    None,
    Latin,
    Cyrillic,
    Greek,
    Han,
    Hangul,
    Arabic,
    Hebrew,
    Thai,
    Devanagari,
    Other,
}

/// <summary>What a line looks like on its own, before its neighbours are weighed.</summary>
internal enum LineKind
{
    /// <summary>A sentence-shaped line long enough to be a paragraph.</summary>
    Prose,
    /// <summary>A short line that ends like a sentence ("He didn't get it.").</summary>
    ShortSentence,
    /// <summary>A table row (cells separated by tabs).</summary>
    TableRow,
    /// <summary>Anything else short: a subhead, list item, label, name or title.</summary>
    Short,
    /// <summary>Matched by the clutter vocabulary, a counter, a breadcrumb or a bare address: see <see cref="TextLine.Reason"/>.</summary>
    Clutter,
    /// <summary>A section label ("Top Stories", "Comments") that usually ends the article.</summary>
    Barrier,
    /// <summary>A photo caption or credit.</summary>
    Caption,
}

/// <summary>One non-blank line of a capture with the measurements the extractor decides on.</summary>
internal sealed class TextLine
{
    public required string Text { get; init; }
    public required int Index { get; init; }
    /// <summary>A blank line precedes this one in the capture (innerText puts one between block paragraphs).</summary>
    public bool BlankBefore { get; init; }
    public string Normalised { get; set; } = "";
    /// <summary>Words, counting two ideographs as one word in scripts written without spaces.</summary>
    public int Words { get; set; }
    public int Letters { get; set; }
    /// <summary>Letters of scripts written without spaces (Han, kana, Thai): word-based measures do not apply to them.</summary>
    public int Ideographs { get; set; }
    public int Digits { get; set; }
    /// <summary>Words that start with a capital letter, and words that start with a small one.</summary>
    public int CapitalWords { get; set; }
    public int SmallWords { get; set; }
    /// <summary>Letters in a script with capitals, and how many of those are capitals.</summary>
    public int CasedLetters { get; set; }
    public int UpperLetters { get; set; }
    public bool EndsSentence { get; set; }
    /// <summary>Sentence ends inside the line (". " followed by more text).</summary>
    public int InnerSentenceEnds { get; set; }
    public bool HasTab { get; set; }
    /// <summary>Commas, colons, semicolons and sentence marks in the line.</summary>
    public int Punctuation { get; set; }
    /// <summary>The page states this sentence-length line more than once.</summary>
    public bool Repeated { get; set; }
    /// <summary>Cut short with an ellipsis ("... with Realtek Bluetooth...", "graduating […]"): a teaser of another page.</summary>
    public bool Truncated { get; set; }
    public Script Script { get; set; }
    /// <summary>Share of the line's letters in <see cref="Script"/>.</summary>
    public double ScriptShare { get; set; }
    /// <summary>The vocabulary group that matched, if any.</summary>
    public string? Group { get; set; }
    public LineKind Kind { get; set; }
    /// <summary>The removal reason when <see cref="Kind"/> is <see cref="LineKind.Clutter"/> or a barrier.</summary>
    public string? Reason { get; set; }

    /// <summary>Whether the line states a date or time, worked out once when first asked (see <see cref="HeaderShapes.IsDateLine"/>).</summary>
    public bool? IsDate { get; set; }

    /// <summary>The line's uncommon words, sorted and distinct, worked out once when first needed (see <see cref="Subject"/>).</summary>
    public ulong[]? SubjectWords { get; set; }

    /// <summary>Every letter is a capital ("NISSAN SENTRA", "CLICK HERE TO GET THE APP").</summary>
    public bool AllCaps => CasedLetters >= 4 && UpperLetters == CasedLetters;

    /// <summary>Shaped like a title: several words, most of them capitalised, no closing full stop (never said of lines with ideographs, whose capitals are only the Latin words among them).</summary>
    public bool TitleShaped =>
        Words >= 4 && !EndsSentence && CasedLetters > 0 && Ideographs == 0 && CapitalWords * 10 >= (CapitalWords + SmallWords) * 6;

    public override string ToString() => $"{Index} {Kind} {Reason} {Text}";
}
