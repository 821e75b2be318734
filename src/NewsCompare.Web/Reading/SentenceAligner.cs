using System.Globalization;
using NewsCompare.Core.Comparison;

namespace NewsCompare.Web.Reading;

/// <summary>The compare page's sentence alignment, computed by Core's <see cref="VersionComparer"/>.</summary>
public sealed class SentenceAligner : ISentenceAligner
{
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<AlignedSentence>>> Align(IReadOnlyList<ArticleView> articles)
    {
        var compared = VersionComparer.Compare(articles
            .Select(a => new ComparisonInput(a.Id.ToString(CultureInfo.InvariantCulture), a.Headline, a.Paragraphs))
            .ToList());
        return compared.Select(v => (IReadOnlyList<IReadOnlyList<AlignedSentence>>)v.Paragraphs
            .Select(p => (IReadOnlyList<AlignedSentence>)p
                .Select(s => new AlignedSentence(s.Text, Share(s.Coverage), s.AlsoIn.Select(k => long.Parse(k, CultureInfo.InvariantCulture)).ToList()))
                .ToList())
            .ToList()).ToList();
    }

    private static SentenceShare Share(Coverage coverage) => coverage switch
    {
        Coverage.All => SentenceShare.All,
        Coverage.Some => SentenceShare.Some,
        _ => SentenceShare.Only,
    };
}
