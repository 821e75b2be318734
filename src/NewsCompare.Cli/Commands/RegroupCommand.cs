using System.CommandLine;
using System.Diagnostics;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>`regroup`: rebuilds every story from scratch, keeping people's corrections.</summary>
internal static class RegroupCommand
{
    public static Command Create()
    {
        var pending = new Option<bool>("--pending") { Description = "Only place articles that are in no story yet (leave the others as they are)" };
        var command = new Command("regroup", "Rebuild all stories (corrections are kept; inferred dates, copies and related links are recomputed)") { pending };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await CliOptions.OpenStoreAsync(parse, ct);
            var clock = Stopwatch.StartNew();
            if (parse.GetValue(pending))
            {
                var placed = await new StoryStore(db).AssignPendingAsync(ct);
                Console.WriteLine($"{placed.Describe()}, in {clock.Elapsed.TotalSeconds:F1} s");
                return 0;
            }
            var report = await new StoryStore(db).RegroupAsync(new Progress<int>(n => { if (n % 50_000 == 0) Console.Error.WriteLine($"  {n} articles placed"); }), ct);
            Console.WriteLine($"regrouped {report.Articles} articles into {report.Stories} stories ({report.Split} of them split off a story that held more than one event) in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
