using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsCompare.Core.Data;

/// <summary>
/// Turns the grouping's SQL, written in SQLite's dialect, into PostgreSQL's. The grouping code writes its statements
/// once, by the conventions this code base keeps: keywords in capitals, tables and columns in PascalCase, parameters as
/// <c>$name</c>, flags compared with 1 and 0, id lists bound as JSON arrays read by <c>json_each</c>. Those conventions
/// are what makes the rewriting mechanical; what cannot be rewritten mechanically (an upsert's key, a JSON object) is
/// written for both engines where it is used. SQLite runs the statements as written, so its plans never change.
/// </summary>
internal static partial class PostgresSql
{
    private static readonly ConcurrentDictionary<string, string> Translated = new(StringComparer.Ordinal);

    /// <summary><paramref name="sql"/> in PostgreSQL's dialect.</summary>
    public static string Translate(string sql)
    {
        if (Translated.TryGetValue(sql, out var done)) return done;
        var result = Rewrite(sql);
        // Statements built with values in them (a regroup's schema) would grow the cache without end.
        if (Translated.Count > 4096) Translated.Clear();
        Translated[sql] = result;
        return result;
    }

    /// <summary>A parameter's name as PostgreSQL's statements spell it (<c>$ids</c> becomes <c>@ids</c>).</summary>
    public static string Parameter(string name) => name.StartsWith('$') ? "@" + name[1..] : name;

    private static string Rewrite(string sql)
    {
        // Id lists: a subquery with the one bigint column "value" that json_each gives SQLite.
        sql = JsonEach().Replace(sql, m => $"(SELECT CAST(value AS bigint) AS value FROM jsonb_array_elements_text(CAST(${m.Groups[1].Value} AS jsonb))) AS j");
        sql = IgnoreInsert().Replace(sql, m => "INSERT INTO" + m.Groups[1].Value + " ON CONFLICT DO NOTHING" + m.Groups[2].Value);
        var text = new StringBuilder(sql.Length + 64);
        for (var i = 0; i < sql.Length;)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                // Literals and quoted names are copied as they are.
                var end = sql.IndexOf(c, i + 1);
                if (end < 0) end = sql.Length - 1;
                text.Append(sql, i, end - i + 1);
                i = end + 1;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                // A comment, to the end of its line.
                var end = sql.IndexOf('\n', i);
                if (end < 0) end = sql.Length;
                i = end;
            }
            else if (c == '$' && i + 1 < sql.Length && char.IsLetter(sql[i + 1]))
            {
                text.Append('@');
                i++;
            }
            else if (c == '+' && i + 1 < sql.Length && char.IsLetter(sql[i + 1]) && (i == 0 || char.IsWhiteSpace(sql[i - 1])))
            {
                // SQLite's "+column", which keeps its planner off an index; PostgreSQL has no use for it.
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_')) i++;
                var word = sql[start..i];
                var qualified = start > 0 && (sql[start - 1] == '@' || sql[start - 1] == '$');
                if (qualified) text.Append(word);
                else if (word == "temp" && i < sql.Length && sql[i] == '.') i++; // temporary tables come first in PostgreSQL's search path
                else if (word == "INTEGER") text.Append("bigint");
                else if (word == "REAL") text.Append("double precision");
                else if (char.IsUpper(word[0]) && word.Any(char.IsLower)) text.Append('"').Append(word).Append('"');
                else text.Append(word);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        return FlagComparison().Replace(text.ToString(), m => m.Groups[1].Value + (m.Groups[2].Value == "1" ? "TRUE" : "FALSE"));
    }

    [GeneratedRegex(@"json_each\(\$(\w+)\)")]
    private static partial Regex JsonEach();

    // INSERT OR IGNORE up to the end of its statement.
    [GeneratedRegex(@"INSERT OR IGNORE INTO([^;]*?)(\s*;|\s*$)", RegexOptions.Singleline)]
    private static partial Regex IgnoreInsert();

    // The columns that are boolean on PostgreSQL and 0/1 integers on SQLite, compared with 1 or 0.
    [GeneratedRegex("(\"(?:IsLatest|PublishedInferred)\"\\s*(?:=|<>)\\s*)([01])\\b")]
    private static partial Regex FlagComparison();
}
