using System.CommandLine;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// The switch of a story's split checks (lone members that leave), shared by the grouping
/// benchmarks so that a threshold is chosen on every development set at once (docs/stories.md §2, §4).
/// </summary>
internal sealed class SplitFlags
{
    private readonly Option<double?> _outlier = new("--outlier-below") { Description = "Share of the rest's cohesion below which a story's lone member leaves it (StoryEngineOptions.OutlierBelow; 0 off)" };

    /// <summary>Adds the switch to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_outlier);
    }

    /// <summary><paramref name="options"/> with the switch given on the command line.</summary>
    public StoryEngineOptions Apply(ParseResult parse, StoryEngineOptions options)
    {
        if (parse.GetValue(_outlier) is double outlier) options = options with { OutlierBelow = outlier };
        return options;
    }
}
