using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsCompare.Core.Articles;

namespace NewsCompare.Core.Data;

/// <summary>What <see cref="StoreCopier.CopyAsync"/> copied: rows per table, and the captures checked afterwards.</summary>
/// <param name="Rows">Rows copied, per table, in the order the tables were copied.</param>
/// <param name="CapturesVerified">Captures read back from the destination whose bytes matched the source's and their SHA-256.</param>
/// <param name="CaptureBytes">The size of those captures as imported (unpacked).</param>
public sealed record StoreCopyReport(IReadOnlyList<(string Table, long Rows)> Rows, long CapturesVerified, long CaptureBytes);

/// <summary>
/// Copies a whole store into an empty one, on the same engine or the other (SQLite to PostgreSQL and back): every row
/// of every table with its id, in one transaction on the destination that commits only after every capture has been read
/// back and its bytes checked against the source's and its recorded SHA-256. Values go through the EF model's CLR types, so each engine stores
/// them in its own types (text times on SQLite, timestamptz on PostgreSQL). The grouping index tables, which the model
/// does not map, are copied as they are.
/// </summary>
public static class StoreCopier
{
    // Tables the model does not map, holding only integers and bytes: the grouping's index (StoryStore).
    private static readonly string[] IndexTables =
        ["StorySignatures", "StoryPostings", "StoryPostingsRecent", "StoryTermStats", "StoryTermStatsRecent", "StoryGroupingInfo"];

    // Foreign keys that point forwards (a story's article, an article's story, copy and lender): written as null with
    // their row and set once every row they may point to is in.
    private static readonly Dictionary<string, string[]> Deferred = new(StringComparer.Ordinal)
    {
        ["Articles"] = ["StoryId", "CopyOfArticleId", "PublishedFromArticleId"],
        ["Stories"] = ["TitleArticleId"],
    };

    private static readonly string[] EntityOrder =
        ["Captures", "Articles", "Stories", "ClutterLines", "StoryMemberships", "StoryLinks", "StoryCorrections", "StoryLocks",
         "RetiredStories", "MetadataChanges", "Editors"];

    // Mapped tables the destination's own triggers fill as the rows above arrive: copying them would write each row twice.
    private static readonly string[] TriggerKept = ["StoryFacets"];

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, which must hold no captures and no editors.</summary>
    /// <exception cref="InvalidOperationException">The destination is not empty, or a capture did not arrive byte for byte (nothing is kept then).</exception>
    /// <exception cref="CaptureCorruptException">A capture's bytes do not match its recorded SHA-256 (nothing is kept then).</exception>
    public static async Task<StoreCopyReport> CopyAsync(NewsDb source, NewsDb destination, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (await destination.Captures.AnyAsync(cancellationToken) || await destination.Set<Editors.Editor>().AnyAsync(cancellationToken))
            throw new InvalidOperationException("the destination store is not empty: copy-store only copies into a new, empty store");
        var tables = EntityOrder.Select(t => destination.Model.GetEntityTypes().Single(e => e.GetTableName() == t)).ToList();
        if (tables.Count + TriggerKept.Length != destination.Model.GetEntityTypes().Count())
            throw new InvalidOperationException("copy-store does not know the order of every mapped table");

        var from = source.Database.GetDbConnection();
        var to = destination.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync(cancellationToken);
        await destination.Database.OpenConnectionAsync(cancellationToken);
        var rows = new List<(string, long)>();
        try
        {
            // The source is read as of one moment, while it may go on changing (an import beside the copy).
            await using var snapshot = await StoreDialect.For(from).BeginSnapshotAsync(from, cancellationToken);
            await source.Database.UseTransactionAsync(snapshot, cancellationToken);
            await using var tx = await to.BeginTransactionAsync(cancellationToken);
            foreach (var entity in tables)
            {
                var table = entity.GetTableName()!;
                var store = StoreObjectIdentifier.Table(table);
                var columns = entity.GetProperties().Select(p => (Name: p.GetColumnName(store)!, Type: ValueType(p))).ToList();
                rows.Add((table, await CopyTableAsync(snapshot, tx, table, columns, cancellationToken)));
                progress?.Report(table);
            }
            foreach (var (table, columns) in Deferred)
                await SetDeferredAsync(snapshot, tx, table, columns, cancellationToken);
            foreach (var table in IndexTables)
            {
                rows.Add((table, await CopyTableAsync(snapshot, tx, table, null, cancellationToken)));
                progress?.Report(table);
            }
            if (StoreDialect.For(to).Provider == StoreProvider.Postgres) await AdvanceIdentitiesAsync(to, tx, tables, cancellationToken);
            await destination.Database.UseTransactionAsync(tx, cancellationToken);
            var (verified, bytes) = await VerifyCapturesAsync(source, destination, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new StoreCopyReport(rows, verified, bytes);
        }
        finally
        {
            await source.Database.UseTransactionAsync(null, CancellationToken.None);
            await source.Database.CloseConnectionAsync();
            await destination.Database.UseTransactionAsync(null, CancellationToken.None);
            await destination.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The CLR type a column's values travel as between engines (lists travel as their JSON text).</summary>
    private static Type ValueType(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type == typeof(List<string>) ? typeof(string) : type;
    }

    private static async Task<long> CopyTableAsync(DbTransaction snapshot, DbTransaction tx, string table,
        List<(string Name, Type Type)>? columns, CancellationToken ct)
    {
        await using var read = snapshot.Connection!.CreateCommand();
        read.Transaction = snapshot;
        var names = columns?.Select(c => c.Name).ToList();
        read.CommandText = names is null ? $"SELECT * FROM \"{table}\"" : $"SELECT {string.Join(", ", names.Select(Quote))} FROM \"{table}\"";
        await using var reader = await read.ExecuteReaderAsync(ct);
        names ??= Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var deferred = Deferred.GetValueOrDefault(table) ?? [];

        await using var insert = tx.Connection!.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(Quote))}) VALUES ({string.Join(", ", names.Select((_, i) => "@p" + i))})";
        for (var i = 0; i < names.Count; i++)
        {
            var p = insert.CreateParameter();
            p.ParameterName = "@p" + i;
            insert.Parameters.Add(p);
        }
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < names.Count; i++)
                insert.Parameters[i].Value = deferred.Contains(names[i]) ? DBNull.Value : Read(reader, i, columns?[i].Type);
            await insert.ExecuteNonQueryAsync(ct);
            count++;
        }
        return count;
    }

    private static async Task SetDeferredAsync(DbTransaction snapshot, DbTransaction tx, string table, string[] columns, CancellationToken ct)
    {
        await using var read = snapshot.Connection!.CreateCommand();
        read.Transaction = snapshot;
        read.CommandText = $"SELECT \"Id\", {string.Join(", ", columns.Select(Quote))} FROM \"{table}\" WHERE {string.Join(" OR ", columns.Select(c => Quote(c) + " IS NOT NULL"))}";
        await using var reader = await read.ExecuteReaderAsync(ct);
        await using var update = tx.Connection!.CreateCommand();
        update.Transaction = tx;
        update.CommandText = $"UPDATE \"{table}\" SET {string.Join(", ", columns.Select((c, i) => $"{Quote(c)} = @p{i}"))} WHERE \"Id\" = @id";
        foreach (var name in columns.Select((_, i) => "@p" + i).Append("@id"))
        {
            var p = update.CreateParameter();
            p.ParameterName = name;
            update.Parameters.Add(p);
        }
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < columns.Length; i++) update.Parameters[i].Value = Read(reader, i + 1, typeof(long));
            update.Parameters[columns.Length].Value = reader.GetInt64(0);
            await update.ExecuteNonQueryAsync(ct);
        }
    }

    private static object Read(DbDataReader r, int i, Type? type)
    {
        if (r.IsDBNull(i)) return DBNull.Value;
        if (type is null) return r.GetValue(i);
        // SQLite keeps times as text without a zone; the store writes them in UTC.
        if (type == typeof(DateTime)) return DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);
        if (type == typeof(DateOnly)) return r.GetFieldValue<DateOnly>(i);
        if (type == typeof(bool)) return r.GetBoolean(i);
        if (type == typeof(long)) return r.GetInt64(i);
        if (type == typeof(int)) return r.GetInt32(i);
        if (type == typeof(double)) return r.GetDouble(i);
        if (type == typeof(byte[])) return r.GetFieldValue<byte[]>(i);
        return r.GetString(i);
    }

    /// <summary>Moves each identity past the highest id copied, so the next row inserted gets a new one.</summary>
    private static async Task AdvanceIdentitiesAsync(DbConnection to, DbTransaction tx, IEnumerable<IEntityType> tables, CancellationToken ct)
    {
        foreach (var entity in tables.Where(e => e.FindPrimaryKey()!.Properties is [{ Name: "Id" }]))
        {
            var table = entity.GetTableName()!;
            await using var cmd = to.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE(MAX(\"Id\"), 0) + 1, false) FROM \"{table}\"";
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Reads every capture back from both stores: the same stored bytes, and the unpacked file matching its SHA-256.</summary>
    private static async Task<(long Verified, long Bytes)> VerifyCapturesAsync(NewsDb source, NewsDb destination, CancellationToken ct)
    {
        long verified = 0, bytes = 0, after = 0;
        while (true)
        {
            var batch = await destination.Captures.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(200).ToListAsync(ct);
            if (batch.Count == 0) break;
            var ids = batch.Select(c => c.Id).ToList();
            var originals = await source.Captures.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var copy in batch)
            {
                if (!originals.TryGetValue(copy.Id, out var original) || original.Sha256 != copy.Sha256 || original.Storage != copy.Storage
                    || !original.StoredContent.AsSpan().SequenceEqual(copy.StoredContent))
                    throw new InvalidOperationException($"capture {copy.Id} ({copy.FileName}) did not arrive byte for byte");
                bytes += CaptureContent.Read(copy).LongLength;
                verified++;
            }
            after = batch[^1].Id;
        }
        var total = await source.Captures.LongCountAsync(ct);
        if (verified != total) throw new InvalidOperationException($"{total - verified} of {total} captures did not arrive");
        return (verified, bytes);
    }

    private static string Quote(string name) => $"\"{name}\"";
}
