using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

/// <summary>Full-text search over the ArticleSearch index (headlines, standfirsts, bodies).</summary>
public static partial class FullText
{
    /// <summary>
    /// An FTS5 query finding articles that hold every word of <paramref name="text"/>. Each word is quoted, so no
    /// input can inject FTS syntax; null when the text has no word. A trailing '*' on a word keeps prefix search.
    /// </summary>
    public static string? Query(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = Word().Matches(text).Take(16)
            .Select(m => "\"" + m.Groups[1].Value + "\"" + (m.Groups[2].Success ? "*" : ""))
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>Below this many matches, SQLite does best looking each match up by id; above it, scanning an index.</summary>
    private const int Broad = 5000;

    /// <summary>
    /// The latest versions matching <paramref name="ftsQuery"/>, to compose further filters on. SQLite cannot tell how
    /// many articles a search matches, so the index asks first (a cheap count) and the query takes the shape that
    /// suits: by id for a narrow search, "IsLatest = 1" over the index for a broad one (0.1 s instead of 0.6 s to page
    /// through 95,000 matches; EF writes the flag test as a bare column, hence the SQL).
    /// </summary>
    public static async Task<IQueryable<Article>> LatestMatchingArticlesAsync(NewsDb db, string ftsQuery, CancellationToken ct)
    {
        if (await CountAsync(db, ftsQuery, ct) < Broad)
        {
            var ids = db.Database.SqlQuery<long>($"""SELECT "rowid" AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {ftsQuery}""");
            return db.Articles.Where(a => a.IsLatest && ids.Contains(a.Id));
        }
        return db.Articles.FromSql($"""
            SELECT * FROM "Articles"
            WHERE "IsLatest" = 1 AND "Id" IN (SELECT "rowid" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {ftsQuery})
            """);
    }

    /// <summary>
    /// Ids of the stories holding a matching article. For a broad search the index is named: left to itself, SQLite
    /// reads each matching article's row for its StoryId (1.5 s for a word in most of 100,000 articles; 0.2 s index-only).
    /// </summary>
    public static async Task<IQueryable<long?>> MatchingStoryIdsAsync(NewsDb db, string ftsQuery, CancellationToken ct) =>
        await CountAsync(db, ftsQuery, ct) < Broad
            ? db.Database.SqlQuery<long?>($"""
                SELECT a."StoryId" AS "Value" FROM "Articles" AS a
                WHERE a."StoryId" IS NOT NULL AND a."Id" IN (SELECT "rowid" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {ftsQuery})
                """)
            : db.Database.SqlQuery<long?>($"""
                SELECT a."StoryId" AS "Value" FROM "Articles" AS a INDEXED BY "IX_Articles_StoryId_IsLatest_Outlet"
                WHERE a."StoryId" IS NOT NULL AND a."Id" IN (SELECT "rowid" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {ftsQuery})
                """);

    private static Task<int> CountAsync(NewsDb db, string ftsQuery, CancellationToken ct) =>
        db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {ftsQuery}""").SingleAsync(ct);

    [GeneratedRegex(@"([\p{L}\p{N}\p{M}]+)(\*)?")]
    private static partial Regex Word();
}
