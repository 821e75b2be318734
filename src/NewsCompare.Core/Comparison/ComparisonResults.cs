using System.Text.Json.Serialization;

namespace NewsCompare.Core.Comparison;

/// <summary>One version of an event's coverage to compare: an article's headline and body.</summary>
/// <param name="Key">Identifies the version in the result (an article id, an outlet name).</param>
/// <param name="Headline">The headline, if any.</param>
/// <param name="Paragraphs">The body paragraphs.</param>
/// <param name="Language">Its language (two-letter code), if known: picks stop words and stems, and tells which
/// pairs of sentences are in two languages.</param>
public sealed record ComparisonInput(string Key, string? Headline, IReadOnlyList<string> Paragraphs, string? Language = null);

/// <summary>How many of the compared versions carry a sentence.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Coverage>))]
public enum Coverage
{
    /// <summary>Every version reports it.</summary>
    All,
    /// <summary>More than one version, not all.</summary>
    Some,
    /// <summary>Only this version reports it.</summary>
    Only,
}

/// <summary>A sentence of one version, placed against the others.</summary>
/// <param name="Id">Identifies the sentence in the comparison ("s3-12": version 3, sentence 12).</param>
/// <param name="Text">The sentence as written.</param>
/// <param name="Group">Sentences with the same group number make the same statement in different versions.</param>
/// <param name="Coverage">How many versions report it.</param>
/// <param name="AlsoIn">The keys of the other versions that carry a matching sentence.</param>
/// <param name="Similarity">The matcher's score (0–1) with its best counterpart; 0 when unique.</param>
/// <param name="DifferingFigures">Its counterparts make the same statement with other figures.</param>
public sealed record ComparedSentence(string Id, string Text, int Group, Coverage Coverage, IReadOnlyList<string> AlsoIn, double Similarity, bool DifferingFigures);

/// <summary>A quotation found in a version, and which other versions quote the same words.</summary>
/// <param name="Text">The quoted words, without the quotation marks.</param>
/// <param name="AlsoIn">The keys of the other versions that carry the same quotation (allowing small differences).</param>
public sealed record ComparedQuote(string Text, IReadOnlyList<string> AlsoIn);

/// <summary>A statement most other versions carry that this one does not.</summary>
/// <param name="Group">The statement's group.</param>
/// <param name="Text">The statement as the first version carrying it words it.</param>
/// <param name="CarriedBy">The keys of the versions that carry it.</param>
public sealed record LeftOut(int Group, string Text, IReadOnlyList<string> CarriedBy);

/// <summary>One version with its sentences placed against the others.</summary>
/// <param name="Key">The version's key.</param>
/// <param name="Paragraphs">The body, paragraph by paragraph, sentence by sentence.</param>
/// <param name="Quotes">The quotations it carries.</param>
/// <param name="DistinctiveWords">Words this version uses (headline and body) that no other version does, most telling
/// first: rare words (by the shares given to <see cref="VersionComparer.Compare(IReadOnlyList{ComparisonInput}, IReadOnlyDictionary{string, double}?, StatementMatcher?)"/>) and often used ones before common ones.</param>
/// <param name="LeavesOut">The statements most other versions carry that this one does not, in the order of the
/// version that words them.</param>
public sealed record ComparedVersion(
    string Key,
    IReadOnlyList<IReadOnlyList<ComparedSentence>> Paragraphs,
    IReadOnlyList<ComparedQuote> Quotes,
    IReadOnlyList<string> DistinctiveWords,
    IReadOnlyList<LeftOut> LeavesOut)
{
    /// <summary>Sentences every version reports.</summary>
    public int SharedByAll => Paragraphs.Sum(p => p.Count(s => s.Coverage == Coverage.All));
    /// <summary>Sentences only this version reports.</summary>
    public int Unique => Paragraphs.Sum(p => p.Count(s => s.Coverage == Coverage.Only));
    /// <summary>All sentences.</summary>
    public int Sentences => Paragraphs.Sum(p => p.Count);
    /// <summary>Every sentence, in order.</summary>
    public IEnumerable<ComparedSentence> EachSentence() => Paragraphs.SelectMany(p => p);
}

/// <summary>What a version's sentence of a matched statement gives that the others' do not.</summary>
/// <param name="Key">The version.</param>
/// <param name="SentenceId">Its sentence.</param>
/// <param name="Values">The figures (with the word after each) or names it gives.</param>
public sealed record VersionValues(string Key, string SentenceId, IReadOnlyList<string> Values);

/// <summary>A statement the versions make with different figures or different names.</summary>
/// <param name="Group">The statement's group.</param>
/// <param name="Kind">"figures" or "names".</param>
/// <param name="Versions">Each carrying version's values, in the order of the versions.</param>
public sealed record ValueDifference(int Group, string Kind, IReadOnlyList<VersionValues> Versions);

/// <summary>How a version carries a quotation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuoteUse>))]
public enum QuoteUse
{
    /// <summary>In quotation marks, in full (the longest version's words, allowing small differences).</summary>
    Quoted,
    /// <summary>In quotation marks, but shortened: part of the words another version quotes.</summary>
    Cut,
    /// <summary>Without quotation marks: the statement is there, in the outlet's own words.</summary>
    Paraphrased,
}

/// <summary>One version's words for a quotation.</summary>
/// <param name="Key">The version.</param>
/// <param name="Text">The quoted words, or the sentence that paraphrases them.</param>
/// <param name="Use">Quoted in full, cut or paraphrased.</param>
/// <param name="Speaker">Whom this version names as the speaker, if anyone.</param>
public sealed record QuoteVersion(string Key, string Text, QuoteUse Use, string? Speaker);

/// <summary>A quotation across the versions: who said it and how each version carries it.</summary>
/// <param name="Speaker">The speaker, as the version naming them most fully writes the name; null when no version says.</param>
/// <param name="Versions">The versions that carry it, in order.</param>
public sealed record SpeakerQuote(string? Speaker, IReadOnlyList<QuoteVersion> Versions);

/// <summary>The comparison of a story's versions: each version's sentences placed, and what differs between them.</summary>
/// <param name="Versions">The versions, in the order given.</param>
/// <param name="Differences">Statements made with different figures or names, in the order of the first version carrying them.</param>
/// <param name="Quotes">Quotations across versions, grouped and ordered by speaker.</param>
public sealed record VersionComparison(
    IReadOnlyList<ComparedVersion> Versions, IReadOnlyList<ValueDifference> Differences, IReadOnlyList<SpeakerQuote> Quotes);
