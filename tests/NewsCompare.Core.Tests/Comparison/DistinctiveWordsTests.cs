using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

/// <summary>The scanner that finds the words only one version uses, against the pattern it stands for.</summary>
public sealed class DistinctiveWordScannerTests
{
    [Theory]
    [InlineData("Mayor Ivan Petrov's office — re-opened on 3.5% rates (“maybe”), l’hôtel-de-ville!")]
    [InlineData("Ein Sturm hat am Montag den Hafen überflutet: 1.200 Bewohner, ½ der Stadt.")]
    [InlineData("Бургомистр Иван Петров заявил, что ремонт займёт месяцы — 2-3 года.")]
    [InlineData("قال رئيس البلدية إن الإصلاح سيستغرق ٣ أشهر")]
    [InlineData("東京都は12日、避難指示を出した。 Ⅻ ⅷ 𝔘𝔫𝔦 ' - ’x-")]
    public void FindsTheWordsTheWordPatternFinds(string text)
    {
        var pattern = System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{N}][\p{L}\p{N}'’-]*");

        DistinctiveWords.Words(text).Select(w => text.Substring(w.Start, w.Length)).Should().Equal(pattern.Select(m => m.Value));
    }
}
