namespace NewsCompare.Core.Stories;

/// <summary>
/// Counts how an article prints each of its terms, to show people the article's own words rather than the keys
/// grouping matches on ("Патрушев", not "patrusev"). Grouping never reads it.
/// </summary>
/// <param name="capacity">How many spellings to make room for at once.</param>
internal sealed class Spellings(int capacity = 0)
{
    // A capital at the start of a sentence or in a title-case headline says nothing about how the word is written.
    private const float Typeset = 0.25f;

    private readonly Dictionary<(uint Term, string Spelling), float> _seen = new(capacity);

    /// <summary>Whether <paramref name="t"/> stands where its capitals are its own: in the body, not opening a sentence.</summary>
    public static bool Plain(TextSignals.Token t) => !t.Headline && !t.SentenceStart;

    /// <summary>Counts one occurrence of <paramref name="term"/> printed as <paramref name="spelling"/>.</summary>
    public void Saw(uint term, string spelling, bool plain)
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_seen, (term, spelling), out _) += plain ? 1f : Typeset;
    }

    /// <summary>Each term's most frequent spelling (the first seen on a tie).</summary>
    public Dictionary<uint, string> MostFrequent()
    {
        var best = new Dictionary<uint, (string Spelling, float Weight)>(_seen.Count);
        foreach (var ((term, spelling), weight) in _seen)
            if (!best.TryGetValue(term, out var b) || weight > b.Weight) best[term] = (spelling, weight);
        return best.ToDictionary(kv => kv.Key, kv => kv.Value.Spelling);
    }
}
