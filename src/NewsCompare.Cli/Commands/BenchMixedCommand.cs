using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Cli.Benchmarks;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Cli.Commands;

/// <summary>
/// `bench-mixed`: how well the possibly-mixed flag (<see cref="ProposedSplit"/>) finds stories that hold two events,
/// on labelled sets, with and without dates: each set is regrouped once flagging every candidate, and each threshold
/// is then scored from the candidates' stored cross similarity.
/// </summary>
internal static class BenchMixedCommand
{
    private static readonly double[] Thresholds = [0.26, 0.28, 0.30, 0.35, 0.40, 0.50];

    public static Command Create()
    {
        var datasets = new Argument<DirectoryInfo[]>("datasets")
        {
            Description = "Labelled dataset folders (articles/, labels.json)",
            DefaultValueFactory = _ => [new DirectoryInfo(Path.Combine("..", "shared", "datasets", "story-grouping-dev"))],
        };
        var command = new Command("bench-mixed", "Score the possibly-mixed story flag against labelled events") { datasets };
        command.SetAction(async (parse, ct) =>
        {
            Console.WriteLine("set | dates | stories of 4+ | of them two events | threshold | flagged | flagged and two events | two-event stories flagged | split proposed right");
            foreach (var folder in parse.GetValue(datasets)!)
                foreach (var withDates in new[] { true, false })
                    await ScoreAsync(folder, withDates, ct);
            return 0;
        });
        return command;
    }

    private static async Task ScoreAsync(DirectoryInfo folder, bool withDates, CancellationToken ct)
    {
        var articles = Directory.Exists(Path.Combine(folder.FullName, "articles")) ? Path.Combine(folder.FullName, "articles") : folder.FullName;
        var set = GroupingDataset.Load(articles, Path.Combine(folder.FullName, "labels.json"), withDates, ExtractedParts.None);
        var path = Path.Combine(Path.GetTempPath(), $"nc-bench-mixed-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = await NewsStore.OpenAsync(path, ct);
            var fileOf = new Dictionary<long, string>();
            await using (var connection = new SqliteConnection(NewsStore.SqliteConnectionString(path)))
            {
                await connection.OpenAsync(ct);
                var ids = BenchStore.Insert(connection, set.Items.Select(c => new GeneratedArticle(c.File, c.Article.Headline ?? "", c.Article.Paragraphs,
                    c.Article.Outlet ?? "", "", c.Article.Published, c.Article.Language, 0, "dataset")).ToList());
                for (var k = 0; k < ids.Count; k++) fileOf[ids[k]] = set.Items[k].File;
            }
            // Flag every candidate: the stored cross similarity then scores any lower threshold without regrouping.
            await new StoryStore(db) { FlagBelow = 1.0 }.RegroupAsync(cancellationToken: ct);
            var members = (await db.Articles.AsNoTracking().Where(a => a.StoryId != null).Select(a => new { a.Id, a.StoryId }).ToListAsync(ct))
                .GroupBy(a => a.StoryId!.Value).ToDictionary(g => g.Key, g => g.Select(a => set.Labels[fileOf[a.Id]]).ToList());
            var flags = (await db.Stories.AsNoTracking().Where(s => s.MixedSplit != null).Select(s => new { s.Id, s.MixedSplit }).ToListAsync(ct))
                .ToDictionary(s => s.Id, s => ProposedSplit.Parse(s.MixedSplit)!);
            // Two events: at least two members of a second gold event (one stray article is not a second event to split off).
            bool TwoEvents(List<string> labels) => labels.GroupBy(l => l).Count(g => g.Count() >= 2) >= 2;
            var large = members.Where(m => m.Value.Count >= StoryEngine.MinSplitMembers).ToList();
            var mixed = large.Count(m => TwoEvents(m.Value));
            string Label(long article) => set.Labels[fileOf[article]];
            // Right: each proposed group is mostly one event, and not the same one.
            bool Right(ProposedSplit p)
            {
                string Major(IReadOnlyList<long> g) => g.GroupBy(Label).OrderByDescending(x => x.Count()).First().Key;
                return Major(p.Keep) != Major(p.Move);
            }
            foreach (var t in Thresholds)
            {
                var flagged = flags.Where(f => f.Value.Cross < t).ToList();
                var hits = flagged.Count(f => TwoEvents(members[f.Key]));
                var right = flagged.Count(f => Right(f.Value));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{folder.Name} | {(withDates ? "with" : "without")} | {large.Count} | {mixed} | {t:F2} | {flagged.Count} | {hits} | {hits}/{mixed} | {right}/{flagged.Count}"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }
}
