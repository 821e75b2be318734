using System.Collections.Frozen;

namespace NewsCompare.Core.Comparison;

/// <summary>
/// Negators (folded) per language: a closed class of words, so a sentence and its denial, which share every other
/// word, can be told apart. Languages that negate inside the verb (Turkish "-me/-ma") are only partly covered.
/// </summary>
internal static class Negation
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> ByLanguage = new Dictionary<string, string>
    {
        ["en"] = "not no never nor neither none nobody nothing without cannot",
        ["de"] = "nicht kein keine keinen keinem keiner keines nie niemals niemand nichts ohne weder",
        ["fr"] = "ne pas jamais aucun aucune sans ni personne rien",
        ["es"] = "no nunca jamas ningun ninguna ninguno sin ni tampoco nadie nada",
        ["it"] = "non mai nessun nessuno nessuna senza ne niente nulla",
        ["pt"] = "nao nunca jamais nenhum nenhuma sem nem ninguem nada",
        ["nl"] = "niet geen nooit zonder noch niemand niets",
        ["ru"] = "не нет ни никогда без никто ничто ничего",
        ["uk"] = "не ні немає ніколи без ніхто ніщо",
        ["pl"] = "nie nigdy bez żaden żadna nikt nic",
        ["sv"] = "inte ej aldrig ingen inget inga utan",
        ["tr"] = "degil yok hic asla",
        ["ro"] = "nu niciodata fara niciun nicio nimeni nimic",
        ["id"] = "tidak tak bukan belum tanpa",
    }.ToFrozenDictionary(e => e.Key, e => e.Value.Split(' ').ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>How many negators the sentence holds (English "n't" included); unknown language read as English.</summary>
    public static int Count(Statement s)
    {
        var words = ByLanguage.GetValueOrDefault(s.Language ?? "en") ?? ByLanguage["en"];
        var count = 0;
        foreach (var t in s.Tokens) if (words.Contains(t)) count++;
        if (s.Language is null or "en")
        {
            // "n't" (straight or curly apostrophe): the tokeniser keeps "didn" of "didn't".
            var text = s.Text;
            for (var i = 1; i + 1 < text.Length; i++)
                if (text[i] is '\'' or '’' && (text[i + 1] | 0x20) == 't' && (text[i - 1] | 0x20) == 'n') count++;
        }
        return count;
    }
}
