using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Ids of the articles matching <paramref name="ftsQuery"/>, as a subquery to compose with others.</summary>
    public static IQueryable<long> MatchingArticleIds(NewsDb db, string ftsQuery) =>
        db.Database.SqlQuery<long>($"SELECT \"rowid\" AS \"Value\" FROM \"ArticleSearch\" WHERE \"ArticleSearch\" MATCH {ftsQuery}");

    [GeneratedRegex(@"([\p{L}\p{N}\p{M}]+)(\*)?")]
    private static partial Regex Word();
}
