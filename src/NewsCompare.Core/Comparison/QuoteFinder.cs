using System.Text.RegularExpressions;
using NewsCompare.Core.Text;

namespace NewsCompare.Core.Comparison;

/// <summary>
/// Quotations across versions: each quotation with its speaker (the name of a person nearest to it in its paragraph,
/// else the nearest name, never a month or weekday, or the last one named before a "he said"), the same words found in
/// other versions (allowing the small differences of transcription), shortened quotations marked as cut, and
/// statements carried without quotation marks as paraphrased.
/// </summary>
internal static partial class QuoteFinder
{
    // Two quotations are the same when most of their content words are shared, or when nearly all of the shorter one's
    // words are in the longer (a cut quote, allowing for a spelling or a translated word).
    private const double SameQuote = 0.6;
    private const double Inside = 0.75;
    // A quote with under this share of the longest version's words was shortened.
    private const double CutBelow = 0.8;

    private sealed record Found(int Version, string Text, string? Speaker, string? Person, int Group, HashSet<string> Words);

    /// <summary>
    /// A quotation of one version, with its speaker as written beside it and the person that is (the fullest name
    /// of the version that names the speaker: "Nikolai Patrushev" for "Patrushev"), before versions are compared.
    /// </summary>
    internal sealed record Quotation(int Paragraph, string Text, string? Speaker, HashSet<string> Words, string? Person = null);

    public static List<SpeakerQuote> Compare(IReadOnlyList<ReadVersion> read, List<List<VersionComparer.Sentence>> sentences, Alignment alignment)
    {
        var versions = read.Select(r => r.Input).ToList();
        var found = read.SelectMany((r, vi) => r.Quotations.Select(q => Place(q, vi, sentences[vi], alignment))).ToList();
        var person = People(found.Where(f => f.Person is not null).Select(f => f.Person!));

        // Join the same quotation across versions (each version keeps its first instance in a group).
        var groupOf = Enumerable.Range(0, found.Count).ToArray();
        int Root(int x) { while (groupOf[x] != x) x = groupOf[x] = groupOf[groupOf[x]]; return x; }
        for (var i = 0; i < found.Count; i++)
            for (var j = i + 1; j < found.Count; j++)
                if (found[i].Version != found[j].Version && Same(found[i].Words, found[j].Words))
                {
                    var (a, b) = (Root(i), Root(j));
                    if (a != b) groupOf[Math.Max(a, b)] = Math.Min(a, b);
                }

        var result = new List<SpeakerQuote>();
        foreach (var group in Enumerable.Range(0, found.Count).GroupBy(Root).OrderBy(g => g.Key))
        {
            var members = group.Select(i => found[i]).GroupBy(f => f.Version).Select(g => g.First()).OrderBy(f => f.Version).ToList();
            var longest = members.Max(m => m.Words.Count);
            var quoted = members.Select(m => new QuoteVersion(versions[m.Version].Key, m.Text,
                members.Count > 1 && m.Words.Count < CutBelow * longest ? QuoteUse.Cut : QuoteUse.Quoted, m.Speaker)).ToList();

            // Versions without the quotation that carry the statement it sits in, in their own words.
            var statementGroups = members.Select(m => m.Group).ToHashSet();
            var paraphrased = sentences.Where((_, vi) => members.All(m => m.Version != vi))
                .Select(list => list.FirstOrDefault(s => statementGroups.Contains(alignment.GroupOf(s.Index))))
                .Where(s => s is not null)
                .Select(s => new QuoteVersion(versions[s!.Version].Key, s.Statement.Text, QuoteUse.Paraphrased, null));

            var all = quoted.Concat(paraphrased).OrderBy(q => versions.Select(v => v.Key).ToList().IndexOf(q.Key)).ToList();
            // The person most of the versions quoting it name, by the fullest name any version gives them.
            var speaker = members.Where(m => m.Person is not null).GroupBy(m => person[m.Person!])
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(m => m.Version)).Select(g => g.Key).FirstOrDefault();
            result.Add(new SpeakerQuote(speaker, all));
        }

        // By speaker: the speakers in order of their first quotation; unattributed quotations last.
        var order = result.Select(q => q.Speaker).Where(s => s is not null).Distinct().ToList();
        return [.. result.OrderBy(q => q.Speaker is null ? int.MaxValue : order.IndexOf(q.Speaker))];
    }

    /// <summary>
    /// The people behind the names the versions give their speakers, each name mapped to the fullest name of its
    /// person: names join when one names the same one as the other (<see cref="NamePhrases.SameName(string[], string[])"/>:
    /// "Patrushev" and "Nikolai Patrushev", or "Nikolay Patrushev" a letter apart), fullest names first, and a name
    /// that would join two different people ("Wang" beside "Wang Yi" and "Wang Wenbin") stays on its own.
    /// </summary>
    internal static Dictionary<string, string> People(IEnumerable<string> names)
    {
        var people = new List<List<(string Name, string[] Words)>>();
        foreach (var name in names.Distinct(StringComparer.Ordinal).Select(n => (Name: n, Words: NamePhrases.Words(n)))
                     .OrderByDescending(n => n.Words.Length).ThenByDescending(n => n.Name.Length))
        {
            var matching = people.Where(p => p.Any(m => NamePhrases.SameName(m.Words, name.Words))).ToList();
            if (matching.Count == 1) matching[0].Add(name);
            else people.Add([name]);
        }
        // The label is the plainest full name, which leaves titles out ("Nikolai Patrushev", not "Security Council
        // Secretary Nikolai Patrushev"); a person only ever named by one word keeps it.
        static string Label(List<(string Name, string[] Words)> p) =>
            p.Where(m => m.Words.Length >= 2).OrderBy(m => m.Words.Length).Select(m => m.Name).FirstOrDefault() ?? p[0].Name;
        return people.SelectMany(p => p.Select(m => (m.Name, Label: Label(p)))).ToDictionary(p => p.Name, p => p.Label, StringComparer.Ordinal);
    }

    private static Found Place(Quotation quote, int vi, List<VersionComparer.Sentence> sentences, Alignment alignment)
    {
        var probe = quote.Text.Length > 24 ? quote.Text[..24] : quote.Text;
        var sentence = sentences.FirstOrDefault(s => s.Paragraph == quote.Paragraph && s.Statement.Text.Contains(probe, StringComparison.Ordinal));
        return new Found(vi, quote.Text, quote.Speaker, quote.Person ?? quote.Speaker, sentence is null ? -1 : alignment.GroupOf(sentence.Index), quote.Words);
    }

    /// <summary>The quotations of <paramref name="version"/> with their speakers, each text once, in order.</summary>
    public static List<Quotation> Find(ComparisonInput version)
    {
        var result = new List<Quotation>();
        // Most paragraphs quote no one; a version without a quotation mark needs none of its names read.
        if (!version.Paragraphs.Any(p => p.AsSpan().IndexOfAny(Opening) >= 0)) return result;
        var stop = StopWords.For(version.Language);
        var tokens = version.Paragraphs.Select(Tokenizer.Tokens).ToList();
        var nameSpans = WithoutTitles(version.Paragraphs, tokens, stop);
        var fullNames = FullNames(nameSpans, stop);
        var personWords = PersonWords(fullNames);
        // Words the version writes with a capital inside a sentence: names, also where one opens a sentence.
        var named = tokens.SelectMany(t => t).Where(t => t.LooksLikeName).Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);
        string? lastSpeaker = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var pi = 0; pi < version.Paragraphs.Count; pi++)
        {
            var paragraph = version.Paragraphs[pi];
            var spans = QuoteSpan().Matches(paragraph).Where(m => m.Groups["q"].Value.Trim().Count(char.IsWhiteSpace) >= 2).ToList();
            if (spans.Count == 0) continue;
            bool OutsideQuotes(int start, int end) => spans.All(q => end <= q.Index || start >= q.Index + q.Length);
            var names = Speakers(paragraph, nameSpans[pi].Where(n => OutsideQuotes(n.Start, n.End) && !CalendarWords.Only(n.Text)).ToList());
            // A word opening a sentence ("Patrushev said …") is no name phrase, but may name someone the version names elsewhere.
            var openers = tokens[pi]
                .Where(t => t.Kind == TokenKind.Word && t.Capitalised && t.StartsSentence && !stop.Contains(t.Folded)
                    && OutsideQuotes(t.Start, t.Start + t.Text.Length)
                    && names.All(n => t.Start + t.Text.Length <= n.Start || t.Start >= n.End))
                .ToList();
            var people = names.Where(n => NamesPerson(n.Text, personWords, stop))
                .Concat(openers.Where(t => personWords.Contains(t.Folded)).Select(t => (t.Text, t.Start, End: t.Start + t.Text.Length)))
                .ToList();
            var verbs = SpeechVerbs.Find(tokens[pi], version.Language)
                .Where(v => OutsideQuotes(tokens[pi][v.First].Start, tokens[pi][v.Last].Start + tokens[pi][v.Last].Text.Length)).ToList();
            var verbEnds = verbs.Select(v => v.Last).ToHashSet();
            var subjects = names.Select(n => new Subject(n.Text, n.Start, n.End, people.Contains(n), Noun(paragraph, tokens[pi], n.Start, stop, verbEnds)))
                .Concat(openers.Where(t => personWords.Contains(t.Folded) || named.Contains(t.Folded))
                    .Select(t => new Subject(t.Text, t.Start, t.Start + t.Text.Length, personWords.Contains(t.Folded), false)))
                .OrderBy(n => n.Start).ToList();
            var sentences = SentenceBounds(paragraph);
            foreach (var span in spans)
            {
                var text = span.Groups["q"].Value.Trim();
                if (ScareQuote(paragraph, span, text, stop)) continue;
                var (spoken, speaker, noun) = SpeakerBySpeechVerb(paragraph, tokens[pi], verbs, subjects, sentences, span.Index, span.Index + span.Length);
                if (speaker is null)
                {
                    // No speech verb with a named subject: the person nearest to the quote. After "he said" or "said the
                    // diplomat", else that noun or the last speaker, not a name the sentence mentions ("he said Putin would …").
                    var nearest = (people.Count > 0 ? people : spoken ? [] : names)
                        .OrderBy(n => Math.Min(Math.Abs(n.Start - (span.Index + span.Length)), Math.Abs(span.Index - n.End))).FirstOrDefault();
                    speaker = nearest.Text ?? noun ?? lastSpeaker;
                }
                lastSpeaker = speaker;
                if (!seen.Add(text)) continue;
                result.Add(new Quotation(pi, text, speaker, ContentWords.Of(text, version.Language).ToHashSet(StringComparer.Ordinal),
                    speaker is null ? null : Fullest(speaker, fullNames)));
            }
        }
        return result;
    }

    /// <summary>A name that may be the subject of a speech verb: whether it names a person, or is a noun after an article ("sagte der Diplomat").</summary>
    internal readonly record struct Subject(string Text, int Start, int End, bool Person, bool Noun);

    /// <summary>
    /// The speaker of a quotation (from <paramref name="quoteStart"/> to <paramref name="quoteEnd"/>) by the speech verbs
    /// of its sentence, nearest to it first: the name that is the verb's subject ("Peskov said", "Dmitry Peskov, the
    /// spokesman, said", "said Peskov" after a quotation or comma, "according to Peskov"), a person before any other
    /// name, so that a quote whose sentence names others ("Putin met Xi, Peskov said") goes to the one who spoke. Spoken
    /// tells whether the sentence has a speech verb at all; the speaker is null when none has a named subject ("he
    /// said"), and a subject that is one capitalised word after an article ("sagte die CDU-Politikerin") is given as a
    /// noun instead: it says who spoke less well than a name of the paragraph.
    /// </summary>
    internal static (bool Spoken, string? Speaker, string? Noun) SpeakerBySpeechVerb(string paragraph, IReadOnlyList<Token> tokens, List<SpeechVerbs.Found> verbs,
        List<Subject> subjects, List<(int Start, int End)> sentences, int quoteStart, int quoteEnd)
    {
        var from = sentences.LastOrDefault(s => s.Start <= quoteStart).Start;
        var closing = sentences.FindIndex(s => s.End >= quoteEnd);
        var to = closing < 0 ? paragraph.Length : sentences[closing].End;
        int StartOf(SpeechVerbs.Found v) => tokens[v.First].Start;
        int EndOf(SpeechVerbs.Found v) => tokens[v.Last].Start + tokens[v.Last].Text.Length;
        var spoken = false;
        foreach (var verb in verbs.Where(v => StartOf(v) >= from && EndOf(v) <= to)
                     .OrderBy(v => EndOf(v) <= quoteStart ? quoteStart - EndOf(v) : StartOf(v) - quoteEnd))
        {
            spoken = true;
            var (start, end) = (StartOf(verb), EndOf(verb));
            var found = new List<Subject>();
            if (verb.Speaker != SpeechVerbs.Side.After)
                found = [.. subjects.Where(n => n.Start >= from && n.End <= start && SubjectBefore(paragraph.AsSpan(n.End, start - n.End), AfterComma(paragraph, n.Start)))
                    .OrderByDescending(n => n.End)];
            if (found.Count == 0 && (verb.Speaker == SpeechVerbs.Side.After || (verb.Speaker == SpeechVerbs.Side.Either && Inverted(paragraph, tokens, verb.First))))
                found = [.. subjects.Where(n => n.Start >= end && n.End <= to && SubjectAfter(paragraph.AsSpan(end, n.Start - end))).OrderBy(n => n.Start)];
            // A verb right after the quotation with no subject after it takes the one before the quotation, where a verb
            // closes the sentence ("Boyacı, \"…\" dedi.").
            if (found.Count == 0 && verb.Speaker != SpeechVerbs.Side.After && start >= quoteEnd && !HasWord(paragraph.AsSpan(quoteEnd, start - quoteEnd)))
                found = [.. subjects.Where(n => n.Start >= from && n.End <= quoteStart && SubjectBeforeQuote(paragraph.AsSpan(n.End, quoteStart - n.End)))
                    .OrderByDescending(n => n.End)];
            if (found.Count == 0) continue;
            var subject = found.FirstOrDefault(n => n.Person) is { Text: not null } person ? person : found[0];
            return subject.Noun ? (true, null, subject.Text) : (true, subject.Text, null);
        }
        return (spoken, null, null);
    }

    // One capitalised word right after a stop word in lower case that is no speech verb ("der Vater", "ein
    // EU-Diplomat", "the ministry"; not "said Peskov"): a noun some languages capitalise, or an institution, rather than
    // someone's name.
    private static bool Noun(string paragraph, IReadOnlyList<Token> tokens, int start, IReadOnlySet<string> stopWords, HashSet<int> verbEnds)
    {
        var i = 0;
        while (i < tokens.Count && tokens[i].Start < start) i++;
        if (i == 0 || i >= tokens.Count || tokens[i].Start != start || verbEnds.Contains(i - 1)) return false;
        var single = i + 1 >= tokens.Count || !tokens[i + 1].LooksLikeName || !Adjacent(paragraph, tokens[i], tokens[i + 1]);
        return single && IsLowerStopWord(tokens[i - 1], stopWords) && Adjacent(paragraph, tokens[i - 1], tokens[i]);
    }

    // What may stand between a subject and its verb: a few words ("Dmitry Peskov told reporters", "Peskov also said"),
    // or a description between commas ("Peskov, the Kremlin spokesman, said"); not a single comma ("Putin met Xi, said
    // Peskov": Xi is no subject) unless the name is itself a description ("the FPÖ's spokeswoman, Petra Steger, said"),
    // nor a quotation mark or a sentence end.
    private static bool SubjectBefore(ReadOnlySpan<char> between, bool described)
    {
        if (between.IndexOfAny(Closing) >= 0) return false;
        var commas = between.Count(',') + between.Count('—') + between.Count('–');
        return (commas == 0 || commas >= 2 || (commas == 1 && described)) && Words(between) <= 5;
    }

    private static bool AfterComma(string paragraph, int start)
    {
        var i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(paragraph[i])) i--;
        return i >= 0 && paragraph[i] is ',' or '—' or '–';
    }

    // What may stand between a verb and a subject after it: a few words ("said the Kremlin's spokesman Dmitry Peskov";
    // not "sagte er am Dienstag dem RND", whose subject is the pronoun), no comma, quotation mark or sentence end.
    private static bool SubjectAfter(ReadOnlySpan<char> between) =>
        between.IndexOfAny(Closing) < 0 && between.IndexOfAny(',', '—', '–') < 0 && Words(between) <= 3;

    // Between a subject and the quotation it introduces: what may stand between a subject and its verb, then a comma or
    // colon.
    private static bool SubjectBeforeQuote(ReadOnlySpan<char> between)
    {
        var trimmed = between.TrimEnd();
        if (trimmed.Length > 0 && trimmed[^1] is ',' or ':') trimmed = trimmed[..^1];
        return SubjectBefore(trimmed, described: false);
    }

    private static bool HasWord(ReadOnlySpan<char> text) => Words(text) > 0;

    private static readonly System.Buffers.SearchValues<char> Opening = System.Buffers.SearchValues.Create("\"“«„");

    private static readonly System.Buffers.SearchValues<char> Closing = System.Buffers.SearchValues.Create("\"“”«»„.!?;:");

    private static int Words(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
            if (char.IsLetterOrDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))) count++;
        return count;
    }

    // A verb put before its subject follows a quotation, a comma, a colon, a dash or a sentence start directly
    // ("…," said Patrushev; «…», a déclaré Macron). After a word ("he said Putin would …") the subject is that word.
    private static bool Inverted(string paragraph, IReadOnlyList<Token> tokens, int first)
    {
        var from = first == 0 ? 0 : tokens[first - 1].Start + tokens[first - 1].Text.Length;
        var gap = paragraph.AsSpan(from, tokens[first].Start - from);
        return first == 0 || gap.IndexOfAny("\"“”«»„,:—–.!?") >= 0;
    }

    /// <summary>Where each sentence of <paramref name="paragraph"/> starts and ends in it.</summary>
    internal static List<(int Start, int End)> SentenceBounds(string paragraph)
    {
        var bounds = new List<(int, int)>();
        var at = 0;
        foreach (var sentence in SentenceSplitter.Split(paragraph))
        {
            var start = paragraph.IndexOf(sentence, at, StringComparison.Ordinal);
            if (start < 0) continue;
            bounds.Add((start, start + sentence.Length));
            at = start + sentence.Length;
        }
        return bounds;
    }

    /// <summary>
    /// The name phrases of each paragraph, with a title's complement left out: a name of three words or more that
    /// follows a title and a linking stop word ("Secretary of State Antony Blinken", "Minister der Finanzen Jan Weber")
    /// starts with the complement of the title, not the person. The person is the last two words, or more when the
    /// version names the complement on its own elsewhere ("North Korea" of "leader of North Korea Kim Jong Un"); after a
    /// title in lower case ("el presidente de Francia Emmanuel Macron") only such a complement is left out.
    /// </summary>
    internal static List<List<(string Text, int Start, int End)>> WithoutTitles(IReadOnlyList<string> paragraphs, List<IReadOnlyList<Token>> tokens, IReadOnlySet<string> stopWords)
    {
        var ranges = tokens.Select(NamePhrases.Ranges).ToList();
        var phrases = ranges.SelectMany((r, pi) => r.Select(x => Folded(tokens[pi], x.First, x.Last))).ToList();
        var result = new List<List<(string, int, int)>>();
        for (var pi = 0; pi < paragraphs.Count; pi++)
        {
            var list = new List<(string, int, int)>();
            foreach (var (first, last) in ranges[pi])
            {
                var start = first;
                if (last - first >= 2 && AfterTitle(paragraphs[pi], tokens[pi], first, stopWords) is { } capitalised)
                {
                    var words = Folded(tokens[pi], first, last);
                    // The longest complement named apart, else (after a capitalised title) all but the last two words.
                    var complement = Enumerable.Range(1, words.Length - 2).LastOrDefault(k => phrases.Any(p => Apart(p, words, k)));
                    start = first + (complement > 0 ? complement : capitalised ? words.Length - 2 : 0);
                }
                var (from, to) = (tokens[pi][start].Start, tokens[pi][last].Start + tokens[pi][last].Text.Length);
                list.Add((paragraphs[pi][from..to], from, to));
            }
            result.Add(list);
        }
        return result;
    }

    private static string[] Folded(IReadOnlyList<Token> tokens, int first, int last) =>
        [.. Enumerable.Range(first, last - first + 1).Select(i => tokens[i].Folded)];

    // Whether a name phrase is the first k words of a name on their own.
    private static bool Apart(string[] phrase, string[] name, int k) => phrase.Length == k && phrase.AsSpan().SequenceEqual(name.AsSpan(0, k));

    // Whether a name at token `first` follows a title joined to it by one or two stop words written in lower case ("of",
    // "of the", "de", "von der"): true when the title is capitalised ("Secretary of the"); false when it is written in
    // lower case, follows a stop word itself and one stop word joins it ("the leader of", "el presidente de"), where only
    // a complement the version names apart is left out (Spanish names run to three words: "del frente de Luis Fernando
    // Camacho"); null otherwise ("met with Kim Jong Un", "has worked at the Surrey Memorial Hospital").
    private static bool? AfterTitle(string text, IReadOnlyList<Token> tokens, int first, IReadOnlySet<string> stopWords)
    {
        var k = first - 1;
        var linking = 0;
        while (k >= 0 && linking < 2 && IsLowerStopWord(tokens[k], stopWords) && Adjacent(text, tokens[k], tokens[k + 1])) { k--; linking++; }
        if (linking == 0 || k < 0) return null;
        var title = tokens[k];
        if (title.Kind != TokenKind.Word || stopWords.Contains(title.Folded) || !Adjacent(text, title, tokens[k + 1])) return null;
        if (title.Capitalised) return true;
        return linking == 1 && k > 0 && tokens[k - 1].Kind == TokenKind.Word && stopWords.Contains(tokens[k - 1].Folded) && Adjacent(text, tokens[k - 1], title)
            ? false : null;
    }

    private static bool IsLowerStopWord(Token token, IReadOnlySet<string> stopWords) =>
        token.Kind == TokenKind.Word && !token.Capitalised && stopWords.Contains(token.Folded);

    // Only spaces between two tokens, or an elided article written onto the second ("de l'Intérieur").
    private static bool Adjacent(string text, Token a, Token b)
    {
        var gap = text.AsSpan(a.Start + a.Text.Length, b.Start - a.Start - a.Text.Length);
        var trimmed = gap.TrimStart();
        if (trimmed.Length == 0) return gap.Length > 0;
        return trimmed.Length <= 4 && trimmed[^1] is '\'' or '’' && trimmed.Length > 1 && char.IsLetter(trimmed[0]);
    }

    /// <summary>
    /// Whether a quoted phrase is a scare quote (what it calls its "special military operation") rather than words a
    /// speaker said: three words or fewer, all content words of the language (a noun phrase, no clause), ending without
    /// punctuation inside the marks and standing inside a sentence, not introduced by a colon or comma nor opening one.
    /// Quotes of one or two words are never taken as statements.
    /// </summary>
    internal static bool ScareQuote(string paragraph, Match span, string text, IReadOnlySet<string> stopWords)
    {
        var words = Tokenizer.Tokens(text).Where(t => t.Kind == TokenKind.Word).ToList();
        if (words.Count > 3 || words.Any(w => stopWords.Contains(w.Folded))) return false;
        if (char.IsPunctuation(text[^1])) return false;
        var before = span.Index - 1;
        while (before >= 0 && char.IsWhiteSpace(paragraph[before])) before--;
        return before >= 0 && char.IsLetterOrDigit(paragraph[before]);
    }

    /// <summary>
    /// The fullest name of the version that names the same one as <paramref name="speaker"/> ("Nikolai Patrushev" for
    /// "Patrushev"), or the speaker as written when no longer name does or two different ones would.
    /// </summary>
    internal static string Fullest(string speaker, List<(string Text, string[] Words)> fullNames)
    {
        var words = NamePhrases.Words(speaker);
        var longer = fullNames.Where(n => n.Words.Length > words.Length && NamePhrases.SameName(words, n.Words)).ToList();
        if (longer.Count == 0) return speaker;
        var fullest = longer.MaxBy(n => n.Words.Length);
        return longer.All(n => NamePhrases.SameName(n.Words, fullest.Words)) ? fullest.Text : speaker;
    }

    /// <summary>
    /// The names of a version that can be a person's full name: two words or more, none of them a stop word of the
    /// language ("One China", "The Hague" are not), as written and split by <see cref="NamePhrases.Words"/>.
    /// </summary>
    internal static List<(string Text, string[] Words)> FullNames(List<List<(string Text, int Start, int End)>> nameSpans, IReadOnlySet<string> stopWords) =>
        [.. nameSpans.SelectMany(n => n).Select(n => n.Text).Distinct(StringComparer.Ordinal)
            .Select(n => (n, NamePhrases.Words(n))).Where(n => n.Item2.Length >= 2 && !n.Item2.Any(stopWords.Contains))];

    /// <summary>
    /// The words that name people in a version: the last two words of every full name ("Patrushev" of
    /// "Nikolai Patrushev", "Wang" of "Wang Yi", "Qin" of "Foreign Minister Qin Gang": a name's first words are often a
    /// title, and some languages write the family name first). People are introduced by a full name and then called
    /// by one part of it; places and nationalities ("Moscow", "Western") seldom are.
    /// </summary>
    internal static HashSet<string> PersonWords(List<(string Text, string[] Words)> fullNames)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, parts) in fullNames)
        {
            words.Add(parts[^1]);
            words.Add(parts[^2]);
        }
        return words;
    }

    /// <summary>
    /// Whether <paramref name="name"/> names a person: a name of two words or more without a stop word (see
    /// <see cref="FullNames"/>), or one of <paramref name="personWords"/>.
    /// </summary>
    internal static bool NamesPerson(string name, HashSet<string> personWords, IReadOnlySet<string> stopWords)
    {
        var parts = Tokenizer.FoldedWords(name).ToList();
        return parts.Count >= 2 ? !parts.Any(stopWords.Contains) : parts.Count == 1 && personWords.Contains(parts[0]);
    }

    /// <summary>
    /// The names that can be speakers: a name followed by a comma and a word in lower case ("said Anna Berg, an associate
    /// of Viktor Lang", "Анна Берг, соратница Виктора Ланга, заявила") is described by what follows, up to the next
    /// comma, stop or quotation mark, and the names in that description are not who speaks. The test is on punctuation
    /// and letter case, so it holds in any language that writes names capitalised.
    /// </summary>
    internal static List<(string Text, int Start, int End)> Speakers(string text, List<(string Text, int Start, int End)> names)
    {
        var described = new HashSet<int>();
        foreach (var name in names)
        {
            var opening = Apposition().Match(text, name.End);
            if (!opening.Success) continue;
            var from = opening.Index + opening.Length;
            var to = text.IndexOfAny(DescriptionEnd, from);
            if (to < 0) to = text.Length;
            for (var i = 0; i < names.Count; i++)
                if (names[i].Start >= from && names[i].Start < to) described.Add(i);
        }
        return [.. names.Where((_, i) => !described.Contains(i))];
    }

    private static readonly char[] DescriptionEnd = [',', ';', ':', '.', '!', '?', '"', '“', '”', '«', '»', '„', '(', ')'];

    // Right after a name: a comma, then a word starting in lower case.
    [GeneratedRegex(@"\G\s*,\s+(?=\p{Ll})")]
    private static partial Regex Apposition();

    private static bool Same(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return false;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return 2.0 * shared / (a.Count + b.Count) >= SameQuote || (small.Count >= 4 && shared >= Inside * small.Count);
    }

    [GeneratedRegex(@"[""“«„](?<q>[^""“”«»„]{8,}?)[""”»“]")]
    private static partial Regex QuoteSpan();
}
