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

    /// <summary>
    /// The statements of a translated text, one by one (split at semicolons outside literals and quoted names; empty
    /// ones dropped), for a batch, which takes one statement per command.
    /// </summary>
    public static List<string> Statements(string sql)
    {
        var list = new List<string>();
        var start = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] is '\'' or '"')
            {
                var end = sql.IndexOf(sql[i], i + 1);
                i = end < 0 ? sql.Length - 1 : end;
            }
            else if (sql[i] == ';')
            {
                Add(sql[start..i]);
                start = i + 1;
            }
        }
        Add(sql[start..]);
        return list;

        void Add(string statement)
        {
            if (!string.IsNullOrWhiteSpace(statement)) list.Add(statement.Trim());
        }
    }

    /// <summary>The parameters a translated statement names (<c>@name</c>), as <see cref="Parameter"/> spells them.</summary>
    public static IEnumerable<string> Parameters(string statement) => Named().Matches(statement).Select(m => m.Value);

    [GeneratedRegex(@"(?<![\w@])@\w+")]
    private static partial Regex Named();

    private static string Rewrite(string sql)
    {
        // A column tested against an id list: against an array the list is read into once. Joined to the list as a
        // set, the planner took the list for a hundred rows and read whole tables (a story's signatures among thousands)
        // by a sequential scan; against an array it looks each id up in the column's index.
        sql = InIdList().Replace(sql, m => (m.Groups[1].Success ? "<> ALL" : "= ANY")
            + $" (ARRAY(SELECT CAST(value AS bigint) FROM jsonb_array_elements_text(CAST(${m.Groups[2].Value} AS jsonb))))");
        // Other id lists: a subquery with the one bigint column "value" that json_each gives SQLite.
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

    [GeneratedRegex(@"(NOT )?IN \(SELECT value FROM json_each\(\$(\w+)\)\)")]
    private static partial Regex InIdList();

    [GeneratedRegex(@"json_each\(\$(\w+)\)")]
    private static partial Regex JsonEach();

    // INSERT OR IGNORE up to the end of its statement.
    [GeneratedRegex(@"INSERT OR IGNORE INTO([^;]*?)(\s*;|\s*$)", RegexOptions.Singleline)]
    private static partial Regex IgnoreInsert();

    // The columns that are boolean on PostgreSQL and 0/1 integers on SQLite, compared with 1 or 0.
    [GeneratedRegex("(\"(?:IsLatest|PublishedInferred)\"\\s*(?:=|<>)\\s*)([01])\\b")]
    private static partial Regex FlagComparison();
}
