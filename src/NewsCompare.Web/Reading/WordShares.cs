using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

/// <summary>
/// How common words are in the store: the share of articles whose search entry holds each word. On SQLite it is read
/// from the full-text index's own vocabulary (an fts5vocab table over ArticleSearch, created in the connection's
/// temporary schema, so the store's schema is untouched); on PostgreSQL each word's articles are counted through the
/// GIN index, the word stemmed as every configuration would (the same query a search for it runs). The compare page
/// ranks each version's own words by it.
/// </summary>
public static class WordShares
{
    /// <summary>At most this many words are looked up for one page.</summary>
    private const int Most = 400;

    /// <summary>
    /// Below this many articles a word's share says little about how common it is in the language (in a store of
    /// five articles every word is in a fifth of them), so none is given and the comparer falls back to names first.
    /// </summary>
    public const int FewestArticles = 1000;

    public static async Task<IReadOnlyDictionary<string, double>> LookupAsync(NewsDb db, ListCounts counts, IReadOnlyList<string> words, CancellationToken ct)
    {
        var wanted = words.Where(w => w.Length > 0).Take(Most).ToList();
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        if (wanted.Count == 0) return shares;
        var articles = await counts.GetAsync("all-articles", () => db.Articles.CountAsync(ct), ct);
        if (articles < FewestArticles) return shares;

        if (StoreDialect.For(db).Provider == StoreProvider.Postgres)
        {
            var searchable = wanted.Where(w => FullText.Query(w, StoreProvider.Postgres) == w).ToArray();
            var found = await db.Database.SqlQuery<WordCount>($"""
                SELECT w AS "Word", (SELECT count(*)::int FROM "ArticleSearch" WHERE "Document" @@ q.query) AS "Articles"
                FROM unnest({searchable}) AS w, LATERAL (SELECT "SearchQuery"(w) AS query) AS q
                """).ToListAsync(ct);
            foreach (var word in found.Where(f => f.Articles > 0)) shares[word.Word] = Math.Min(1, word.Articles / (double)articles);
            return shares;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            var sql = new StringBuilder("""
                CREATE VIRTUAL TABLE IF NOT EXISTS temp."ArticleSearchWords" USING fts5vocab(main, "ArticleSearch", row);
                SELECT "term", "doc" FROM temp."ArticleSearchWords" WHERE "term" IN (
                """);
            for (var i = 0; i < wanted.Count; i++)
            {
                var name = "$w" + i.ToString(CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? "" : ",").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = wanted[i];
                command.Parameters.Add(parameter);
            }
            command.CommandText = sql.Append(')').ToString();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                shares[reader.GetString(0)] = Math.Min(1, reader.GetInt64(1) / (double)articles);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return shares;
    }
}

/// <summary>A word and how many articles hold it.</summary>
public sealed record WordCount(string Word, int Articles);
