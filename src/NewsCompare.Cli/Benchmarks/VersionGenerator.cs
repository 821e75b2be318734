namespace NewsCompare.Cli.Benchmarks;

/// <summary>
/// Generated versions of one event for the comparison benchmark: each version reports most of a shared set of facts
/// in its own words (clauses moved, words swapped, now and then another figure) and adds facts of its own.
/// Deterministic for a seed.
/// </summary>
internal static class VersionGenerator
{
    private static readonly string[] People = ["Minister Ana Petrova", "Mayor Ivan Horvat", "General Omar Haddad", "Senator Lucia Moreno", "Director Kenji Sato", "Governor Ruth Adeyemi", "Chancellor Piet de Vries", "Spokesman Marco Bianchi"];
    private static readonly string[] Places = ["Varna", "the northern province", "the capital", "the port city", "the border region", "the river valley", "the coastal towns", "the mountain villages"];
    private static readonly string[] Things = ["the flood defences", "the new rail line", "the emergency budget", "the reconstruction plan", "the fishing quotas", "the power grid", "the water supply", "the school programme"];
    private static readonly string[] Nouns = ["bridge", "harbour", "hospital", "school", "factory", "railway", "airport", "market", "farm", "dam", "pipeline", "tunnel", "stadium", "museum", "prison", "library", "university", "barracks", "embassy", "ministry", "court", "parliament", "union", "bank", "council", "police", "army", "navy", "refinery", "mine"];
    private static readonly string[] Adjectives = ["damaged", "closed", "flooded", "evacuated", "reopened", "inspected", "guarded", "abandoned", "rebuilt", "insured", "overcrowded", "underfunded"];
    private static readonly string[] Verbs = ["approved", "criticised", "announced", "defended", "delayed", "expanded", "reviewed", "suspended"];
    private static readonly string[] Days = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning", "at the weekend"];
    private static readonly (string, string)[] Swaps = [("approved", "backed"), ("criticised", "attacked"), ("announced", "unveiled"), ("delayed", "postponed"), ("new", "planned"), ("said", "told reporters"), ("residents", "inhabitants")];

    /// <summary>
    /// <paramref name="versions"/> versions of about <paramref name="words"/> words each, made of the sentences of real
    /// articles on one event (<paramref name="pool"/>): each version takes most of them in its own order, reworded.
    /// </summary>
    public static List<(string Headline, List<string> Paragraphs)> FromSentences(IReadOnlyList<string> pool, int versions, int words, int seed = 14)
    {
        var random = new Random(seed);
        var result = new List<(string, List<string>)>();
        for (var v = 0; v < versions; v++)
        {
            var order = pool.ToArray();
            random.Shuffle(order);
            var sentences = new List<string>();
            foreach (var sentence in order)
            {
                if (sentences.Sum(s => s.Split(' ').Length) >= words) break;
                sentences.Add(Reword(sentence, random));
            }
            result.Add(($"Version {v + 1}", sentences.Chunk(3).Select(c => string.Join(" ", c)).ToList()));
        }
        return result;
    }

    /// <summary><paramref name="versions"/> versions of about <paramref name="words"/> words each.</summary>
    public static List<(string Headline, List<string> Paragraphs)> Generate(int versions, int words, int seed = 14)
    {
        var random = new Random(seed);
        var shared = Enumerable.Range(0, words / 25).Select(_ => Fact(random)).ToList();
        var result = new List<(string, List<string>)>();
        for (var v = 0; v < versions; v++)
        {
            var sentences = new List<string>();
            foreach (var fact in shared)
                if (random.NextDouble() < 0.75) sentences.Add(Reword(fact, random));
            while (sentences.Sum(s => s.Split(' ').Length) < words) sentences.Insert(random.Next(sentences.Count + 1), Fact(random));
            var paragraphs = sentences.Chunk(3).Select(c => string.Join(" ", c)).ToList();
            result.Add(($"Storm damage: version {v + 1}", paragraphs));
        }
        return result;
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Fact(Random random)
    {
        var figure = (random.Next(2, 90) * 50).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        var noun = Pick(random, Nouns);
        var other = Pick(random, Nouns);
        return random.Next(6) switch
        {
            3 => $"The {noun} near {Pick(random, Places)} was {Pick(random, Adjectives)} and the {other} {Pick(random, Verbs)} its plans, according to {Pick(random, People)}.",
            4 => $"About {figure} people gathered outside the {noun} {Pick(random, Days)} to protest about the {Pick(random, Adjectives)} {other}.",
            5 => $"Engineers said the {Pick(random, Adjectives)} {noun} could be {Pick(random, Adjectives)} within {random.Next(2, 30)} days if the {other} agreed.",
            0 => $"{Pick(random, People)} said {Pick(random, Things)} in {Pick(random, Places)} would cost {figure} million euros, {Pick(random, Days)}.",
            1 => $"Officials in {Pick(random, Places)} {Pick(random, Verbs)} {Pick(random, Things)} {Pick(random, Days)} after {figure} residents had to leave their homes.",
            _ => $"\"We will not accept any further delay to {Pick(random, Things)},\" {Pick(random, People)} said {Pick(random, Days)}, adding that {figure} workers were ready.",
        };
    }

    private static string Reword(string fact, Random random)
    {
        var text = fact;
        foreach (var (from, to) in Swaps)
            if (random.NextDouble() < 0.5) text = text.Replace(" " + from + " ", " " + to + " ", StringComparison.Ordinal);
        // Move a trailing time phrase to the front: "..., on Monday." becomes "On Monday, ...".
        var comma = text.LastIndexOf(", ", StringComparison.Ordinal);
        if (random.NextDouble() < 0.4 && comma > 0 && !text.Contains('"', StringComparison.Ordinal))
        {
            var tail = text[(comma + 2)..].TrimEnd('.');
            text = char.ToUpperInvariant(tail[0]) + tail[1..] + ", " + char.ToLowerInvariant(text[0]) + text[1..comma] + ".";
        }
        return text;
    }
}
