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

    /// <summary>
    /// The latest versions matching <paramref name="ftsQuery"/>, to compose further filters on. Written in SQL because
    /// EF writes the flag test as a bare column, and "IsLatest = 1" lets SQLite find a page of 20 among 95,000
    /// matches in 0.1 s instead of 0.6 s.
    /// </summary>
    public static IQueryable<Article> LatestMatchingArticles(NewsDb db, string ftsQuery) =>
        db.Articles.FromSql($"""
            SELECT * FROM "Articles"
            WHERE "IsLatest" = 1 AND "Id" IN (SELECT "rowid" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {ftsQuery})
            """);

    /// <summary>
    /// Ids of the stories holding a matching article. The index is named because, left to itself, SQLite reads each
    /// matching article's row for its StoryId (1.5 s for a word in most of 100,000 articles; 0.2 s index-only).
    /// </summary>
    public static IQueryable<long?> MatchingStoryIds(NewsDb db, string ftsQuery) =>
        db.Database.SqlQuery<long?>($"""
            SELECT a."StoryId" AS "Value" FROM "Articles" AS a INDEXED BY "IX_Articles_StoryId_IsLatest_Outlet"
            WHERE a."StoryId" IS NOT NULL AND a."Id" IN (SELECT "rowid" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {ftsQuery})
            """);

    [GeneratedRegex(@"([\p{L}\p{N}\p{M}]+)(\*)?")]
    private static partial Regex Word();
}
