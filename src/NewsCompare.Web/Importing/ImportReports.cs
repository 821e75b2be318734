using Microsoft.Extensions.Caching.Memory;
using NewsCompare.Core.Import;

namespace NewsCompare.Web.Importing;

/// <summary>A finished upload's report, kept for an hour so the page can redirect after the post and still show it.</summary>
public sealed record UploadOutcome(string Editor, DateTime At, ImportReport Report, IReadOnlyList<string> Skipped);

public sealed class ImportReports(IMemoryCache cache)
{
    public string Keep(UploadOutcome outcome)
    {
        var id = Guid.NewGuid().ToString("N");
        cache.Set("import-report:" + id, outcome, TimeSpan.FromHours(1));
        return id;
    }

    /// <summary>The report <paramref name="id"/>, only for the editor who made it.</summary>
    public UploadOutcome? Find(string? id, string editor) =>
        id is not null && cache.TryGetValue("import-report:" + id, out UploadOutcome? outcome)
        && outcome is not null && outcome.Editor == editor ? outcome : null;
}
