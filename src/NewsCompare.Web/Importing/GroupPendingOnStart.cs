using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Stories;

namespace NewsCompare.Web.Importing;

/// <summary>
/// Places articles left out of every story when an import was stopped between writing and grouping (a web upload
/// killed with the process, say), so they do not wait for the next import. Runs once, in the background, after start.
/// </summary>
public sealed class GroupPendingOnStart(IServiceScopeFactory scopes, ILogger<GroupPendingOnStart> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDb>();
            // The importer's own test for what it still has to group: latest versions in no story.
            var pending = await db.Articles.Where(a => a.IsLatest && a.StoryId == null).Select(a => a.Id).ToListAsync(stoppingToken);
            if (pending.Count == 0) return;
            var placed = await StoryStore.AssignNewArticlesAsync(db, pending, stoppingToken);
            log.LogInformation("Grouped {Count} articles an earlier import left out of every story: {Summary}", pending.Count, placed.Describe());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            // The app serves what is stored either way; the next import groups these articles.
            log.LogError(e, "Grouping pending articles at start failed");
        }
    }
}
