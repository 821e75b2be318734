using System.Globalization;
using System.Text;

namespace NewsCompare.Cli.Benchmarks;

/// <summary>One generated article with its gold event.</summary>
internal sealed record GeneratedArticle(string File, string Headline, IReadOnlyList<string> Paragraphs, string Outlet, string Url,
    DateOnly? Published, string? Language, int Event, string Kind);

/// <summary>
/// A synthetic news stream with known events: many outlets; events over months grouped into recurring topics whose
/// officials and stock quotes come back meeting after meeting; wire copies, spun rewrites, truncated and
/// headline-only captures, missing dates, and some reports in a second language that keeps the names. Invented
/// words throughout (syllable soup), so no real text is copied and the vocabulary is as large as asked.
/// Deterministic for a given seed; streams in rough date order with bounded memory.
/// </summary>
internal sealed class CorpusGenerator(int seed = 42, int topics = 400, int outlets = 300)
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "sa", "tor", "vi", "del", "nu", "pra", "ges", "hol", "bri", "tan", "ul",
        "mar", "qui", "zen", "fo", "dra", "po", "lin", "ser", "vak", "ti", "ro", "cha", "mu", "ne", "bel", "gar", "so"];
    private static readonly string[] Glue = ["the", "a", "of", "in", "on", "and", "to", "said", "with", "for", "after", "that", "was", "has", "by", "at"];
    private static readonly string[] GlueOther = ["o", "a", "de", "em", "no", "e", "para", "disse", "com", "por", "depois", "que", "foi", "tem", "pelo", "na"];

    private readonly Random _rng = new(seed);
    private string[] _general = [];
    private string[] _generalOther = [];
    private Topic[] _topics = [];
    private string[] _outlets = [];

    private sealed record Topic(string[] Words, string[] People, string[] Places, string Quote);

    private string Word(int syllables)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < syllables; i++) sb.Append(Syllables[_rng.Next(Syllables.Length)]);
        return sb.ToString();
    }

    private string Name() => Capital(Word(2)) + " " + Capital(Word(_rng.Next(2, 4)));
    private static string Capital(string w) => char.ToUpperInvariant(w[0]) + w[1..];

    private void Setup()
    {
        _general = Enumerable.Range(0, 20000).Select(_ => Word(_rng.Next(2, 4))).ToArray();
        _generalOther = _general.Select(w => w[..^1] + "ão").ToArray();
        _outlets = Enumerable.Range(0, outlets).Select(i => Capital(Word(2)) + (i % 3 == 0 ? " Times" : i % 3 == 1 ? " News" : " Post")).ToArray();
        _topics = Enumerable.Range(0, topics).Select(_ =>
        {
            var people = Enumerable.Range(0, 5).Select(_ => Name()).ToArray();
            var words = Enumerable.Range(0, 40).Select(_ => Word(3)).ToArray();
            var quote = $"\"We will {words[0]} our {words[1]} against every {words[2]} and stand by our {words[3]} on {Capital(words[4])} and {Capital(words[5])},\" {people[0].Split(' ')[1]} said.";
            return new Topic(words, people, Enumerable.Range(0, 4).Select(_ => Capital(Word(3))).ToArray(), quote);
        }).ToArray();
    }

    /// <summary>Streams <paramref name="articles"/> articles (about <paramref name="perEvent"/> per event on average).</summary>
    public IEnumerable<GeneratedArticle> Generate(int articles, double perEvent = 5, DateOnly? start = null)
    {
        Setup();
        var day = (start ?? new DateOnly(2020, 1, 1)).DayNumber;
        var produced = 0;
        var window = new List<GeneratedArticle>();
        var eventId = 0;
        // Roughly one event per topic every few weeks; the stream covers months to years depending on size.
        var eventsPerDay = Math.Max(4, topics / 20);
        while (produced < articles)
        {
            for (var e = 0; e < eventsPerDay && produced + window.Count < articles; e++)
                foreach (var a in Event(eventId++, day, perEvent))
                    if (produced + window.Count < articles) window.Add(a);
            day++;
            // Reports arrive in rough date order: shuffle within a few days' window.
            if (window.Count > eventsPerDay * perEvent * 3 || produced + window.Count >= articles)
            {
                var take = produced + window.Count >= articles ? window.Count : window.Count / 2;
                for (var i = 0; i < take; i++)
                {
                    var j = _rng.Next(i, window.Count);
                    (window[i], window[j]) = (window[j], window[i]);
                }
                for (var i = 0; i < take; i++) { yield return window[i]; produced++; }
                window.RemoveRange(0, take);
            }
        }
    }

    private IEnumerable<GeneratedArticle> Event(int id, int day, double perEvent)
    {
        var topic = _topics[_rng.Next(_topics.Length)];
        var eventWords = Enumerable.Range(0, 8).Select(_ => Word(3)).ToArray();
        var eventPeople = new[] { topic.People[_rng.Next(5)], topic.People[_rng.Next(5)], Name() };
        var place = _rng.NextDouble() < 0.5 ? topic.Places[_rng.Next(topic.Places.Length)] : Capital(Word(3));
        var numbers = new[] { _rng.Next(2, 999).ToString(CultureInfo.InvariantCulture), (_rng.Next(10, 99) / 10.0).ToString("0.0", CultureInfo.InvariantCulture) };
        var count = Math.Max(1, (int)Math.Round(-Math.Log(1 - _rng.NextDouble()) * perEvent));
        var written = new List<GeneratedArticle>();
        for (var k = 0; k < count; k++)
        {
            var outlet = _outlets[_rng.Next(_outlets.Length)];
            var published = DateOnly.FromDayNumber(day + (_rng.NextDouble() < 0.7 ? 0 : _rng.Next(1, 3)));
            var roll = _rng.NextDouble();
            string kind;
            string headline;
            List<string> paragraphs;
            var language = "en";
            if (written.Count > 0 && roll < 0.25)
            {
                var source = written[_rng.Next(written.Count)];
                kind = "copy";
                headline = source.Headline;
                paragraphs = [.. source.Paragraphs];
                if (_rng.NextDouble() < 0.5) paragraphs.Add($"This article first appeared on {source.Outlet}.");
            }
            else if (written.Count > 0 && roll < 0.35)
            {
                var source = written[_rng.Next(written.Count)];
                kind = "rewrite";
                headline = Spin(source.Headline);
                paragraphs = source.Paragraphs.Select(Spin).ToList();
            }
            else
            {
                kind = "own";
                language = _rng.NextDouble() < 0.08 ? "pt" : "en";
                headline = Sentence(topic, eventWords, eventPeople, place, numbers, language, headlineOnly: true);
                paragraphs = Enumerable.Range(0, _rng.Next(3, 9)).Select(_ => Sentence(topic, eventWords, eventPeople, place, numbers, language) + " " + Sentence(topic, eventWords, eventPeople, place, numbers, language)).ToList();
                if (_rng.NextDouble() < 0.5) paragraphs.Insert(_rng.Next(paragraphs.Count), topic.Quote);
            }
            var capture = _rng.NextDouble();
            if (capture < 0.05) paragraphs = [];                              // headline only
            else if (capture < 0.15) paragraphs = paragraphs.Take(1).ToList(); // truncated capture
            var a = new GeneratedArticle($"{id:D7}-{k:D2}.txt", headline, paragraphs, outlet,
                $"https://{outlet.Replace(' ', '-').ToLowerInvariant()}.example/{id}-{k}", _rng.NextDouble() < 0.4 ? null : published, language, id, kind);
            written.Add(a);
            yield return a;
        }
    }

    private string Sentence(Topic topic, string[] eventWords, string[] people, string place, string[] numbers, string language, bool headlineOnly = false)
    {
        var glue = language == "pt" ? GlueOther : Glue;
        var general = language == "pt" ? _generalOther : _general;
        var parts = new List<string>();
        var length = headlineOnly ? _rng.Next(5, 9) : _rng.Next(12, 22);
        for (var i = 0; i < length; i++)
        {
            var r = _rng.NextDouble();
            parts.Add(r switch
            {
                < 0.14 => eventWords[_rng.Next(eventWords.Length)],
                < 0.24 => topic.Words[_rng.Next(topic.Words.Length)],
                < 0.32 => people[_rng.Next(people.Length)],
                < 0.35 => place,
                < 0.37 => numbers[_rng.Next(numbers.Length)],
                < 0.62 => glue[_rng.Next(glue.Length)],
                // Zipf-like general vocabulary: a few common words, a long tail.
                _ => general[(int)Math.Min(general.Length - 1, Math.Pow(_rng.NextDouble(), 3) * general.Length)],
            });
        }
        var s = string.Join(' ', parts);
        return headlineOnly ? Capital(s) : Capital(s) + ".";
    }

    private string Spin(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
            if (_rng.NextDouble() < 0.2 && words[i].Length > 3 && char.IsLower(words[i][0]))
                words[i] = _general[_rng.Next(_general.Length)];
        return string.Join(' ', words);
    }
}
