using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Tests.Data;

/// <summary>Each engine's schema scripts build exactly what the EF model maps: tables, columns, types, nullability, indexes.</summary>
public sealed class ProviderSchemaTests
{
    // Indexes EF adds by convention for foreign keys that SQLite's scripts never created: SQLite finds those rows by
    // scanning a table that small stores read whole anyway. PostgreSQL's script creates them.
    private static readonly HashSet<string> MissingOnSqlite = ["IX_Articles_PublishedFromArticleId", "IX_Stories_TitleArticleId"];

    [SkippableTheory]
    [EveryStore]
    public async Task MigratedSchemaMatchesTheModelOnEveryEngine(StoreProvider provider)
    {
        await using var store = await ProviderStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();

        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = await ColumnsAsync(connection, provider, table);
            if (columns.Count == 0)
            {
                problems.Add($"table {table} is missing");
                continue;
            }
            var storeObject = StoreObjectIdentifier.Table(table);
            foreach (var property in entity.GetProperties())
            {
                var name = property.GetColumnName(storeObject)!;
                if (!columns.TryGetValue(name, out var column))
                {
                    problems.Add($"{table}.{name} is missing");
                    continue;
                }
                var type = property.GetColumnType();
                if (!string.Equals(column.Type, type, StringComparison.OrdinalIgnoreCase)) problems.Add($"{table}.{name} is {column.Type}, the model maps {type}");
                if (column.Nullable != property.IsColumnNullable(storeObject))
                    problems.Add($"{table}.{name} is {(column.Nullable ? "nullable" : "not null")}, the model says otherwise");
            }

            var indexes = await IndexesAsync(connection, provider, table);
            foreach (var index in entity.GetIndexes())
            {
                var name = index.GetDatabaseName()!;
                if (provider == StoreProvider.Sqlite && MissingOnSqlite.Contains(name)) continue;
                var want = index.Properties.Select(p => p.GetColumnName(storeObject)!).ToList();
                if (!indexes.TryGetValue(name, out var found)) problems.Add($"index {name} is missing");
                else if (!found.Columns.SequenceEqual(want) || found.Unique != index.IsUnique)
                    problems.Add($"index {name} is ({string.Join(", ", found.Columns)}){(found.Unique ? " unique" : "")}, the model maps ({string.Join(", ", want)}){(index.IsUnique ? " unique" : "")}");
            }
        }
        problems.Should().BeEmpty();
    }

    [SkippableTheory]
    [EveryStore]
    public async Task FourProcessesOpeningANewStoreAtOnceApplyEachScriptOnce(StoreProvider provider)
    {
        await using var store = await ProviderStore.CreateAsync(provider);
        var opens = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = store.NewContext();
            return await SchemaMigrator.MigrateAsync(db);
        })).ToList();

        var applied = await Task.WhenAll(opens);

        applied.SelectMany(a => a).Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(SchemaMigrator.Scripts(StoreDialect.Of(provider).ScriptFolder).Select(s => s.Version));
    }

    [SkippableFact]
    public async Task PostgresStoreKeepsEditorNamesUniqueWithoutCase()
    {
        await using var store = await ProviderStore.CreateAsync(StoreProvider.Postgres);
        await using var db = await store.OpenAsync();
        await NewsCompare.Core.Editors.EditorAccounts.AddAsync(db, "Anna", "correct horse battery");

        (await NewsCompare.Core.Editors.EditorAccounts.AnyAsync(db)).Should().BeTrue();
        (await db.Set<NewsCompare.Core.Editors.Editor>().CountAsync(e => e.UserName == "ANNA")).Should().Be(1);
        var again = () => NewsCompare.Core.Editors.EditorAccounts.AddAsync(db, "anna", "another long password");
        await again.Should().ThrowAsync<Exception>();
    }

    private sealed record Column(string Type, bool Nullable);

    private sealed record Index(List<string> Columns, bool Unique);

    private static async Task<Dictionary<string, Column>> ColumnsAsync(DbConnection connection, StoreProvider provider, string table)
    {
        var columns = new Dictionary<string, Column>(StringComparer.Ordinal);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = provider == StoreProvider.Sqlite
            ? $"SELECT name, type, \"notnull\" = 0 FROM pragma_table_info('{table}')"
            : $"SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}'";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns[reader.GetString(0)] = new Column(reader.GetString(1), reader.GetBoolean(2));
        return columns;
    }

    private static async Task<Dictionary<string, Index>> IndexesAsync(DbConnection connection, StoreProvider provider, string table)
    {
        var indexes = new Dictionary<string, Index>(StringComparer.Ordinal);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = provider == StoreProvider.Sqlite
            ? $"SELECT l.name, l.\"unique\", i.name FROM pragma_index_list('{table}') AS l JOIN pragma_index_info(l.name) AS i ORDER BY l.name, i.seqno"
            : $"""
               SELECT i.relname, x.indisunique, a.attname
               FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
               CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
               WHERE t.relname = '{table}' AND t.relnamespace = current_schema()::regnamespace
               ORDER BY i.relname, k.n
               """;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (!indexes.TryGetValue(name, out var index)) indexes[name] = index = new Index([], Convert.ToBoolean(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
            index.Columns.Add(reader.GetString(2));
        }
        return indexes;
    }
}
