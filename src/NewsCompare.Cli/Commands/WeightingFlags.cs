using System.CommandLine;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// The grouping's weighting switches, shared by the grouping benchmarks so that a figure measured with a switch on one
/// of them can be measured on the others too (docs/stories.md §11).
/// </summary>
internal sealed class WeightingFlags
{
    private readonly Option<double?> _nameBoost = new("--name-boost") { Description = "How much more a name or figure weighs than a word (StoryEngineOptions.NameBoost)" };
    private readonly Option<double?> _sameOutlet = new("--same-outlet-margin") { Description = "How much higher the bar is for joining a story only the article's own outlet has reported (StoryEngineOptions.SameOutletMargin)" };
    private readonly Option<bool> _siteTerms = new("--site-terms") { Description = "Discount terms an article shares with more of its own outlet's articles than chance (StoryEngineOptions.SiteTermDiscount)" };
    private readonly Option<double?> _unshared = new("--unshared-weight") { Description = "What a term no other article uses counts (StoryEngineOptions.UnsharedTermWeight)" };
    private readonly Option<int?> _articleTerms = new("--article-terms") { Description = "Strongest terms an article's vector keeps (StoryEngineOptions.ArticleTerms)" };
    private readonly Option<bool> _noPhrases = new("--no-name-phrases") { Description = "Leave name phrases out of the vectors (StoryEngineOptions.NamePhrases)" };

    /// <summary>Adds the switches to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _nameBoost, _unshared, _sameOutlet, _siteTerms, _articleTerms, _noPhrases }) command.Options.Add(option);
    }

    /// <summary><paramref name="options"/> with the switches given on the command line.</summary>
    public StoryEngineOptions Apply(ParseResult parse, StoryEngineOptions options)
    {
        if (parse.GetValue(_nameBoost) is double nb) options = options with { NameBoost = nb };
        if (parse.GetValue(_unshared) is double u) options = options with { UnsharedTermWeight = u };
        if (parse.GetValue(_siteTerms)) options = options with { SiteTermDiscount = true };
        if (parse.GetValue(_sameOutlet) is double so) options = options with { SameOutletMargin = so };
        if (parse.GetValue(_articleTerms) is int at) options = options with { ArticleTerms = at };
        if (parse.GetValue(_noPhrases)) options = options with { NamePhrases = false };
        return options;
    }
}
