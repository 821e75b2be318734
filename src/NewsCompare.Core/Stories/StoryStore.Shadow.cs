using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using Npgsql;

namespace NewsCompare.Core.Stories;

// A full regroup on PostgreSQL: built in a schema of its own beside the store's, then switched in by one short transaction
// (docs/adr/0021-regroup-on-postgresql.md).
public sealed partial class StoryStore
{
    /// <summary>Tables the regroup reads as they stand: copied into the shadow schema.</summary>
    private static readonly string[] ShadowCopied = ["Articles", "Stories", "StoryMemberships", "StoryLinks", "StoryCorrections", "StoryLocks", "RetiredStories"];

    /// <summary>Tables the regroup empties before its first step: created empty there.</summary>
    private static readonly string[] ShadowEmpty = ["StorySignatures", "StoryPostings", "StoryPostingsRecent", "StoryTermStats", "StoryTermStatsRecent", "StoryGroupingInfo"];

    /// <summary>The prefix of shadow schemas' names; one left by a regroup whose session is gone is dropped by the next.</summary>
    internal const string ShadowPrefix = "nc_regroup_";

    // A regroup holds this session lock, keyed by its schema's name, until it has dropped the schema.
    private const int ShadowLockClass = GroupingLockClass + 1;

    /// <summary>
    /// <see cref="RegroupAsync"/> on PostgreSQL. The grouping tables and the articles are copied, in one repeatable-read
    /// snapshot, into a new schema; the regroup runs there in place (as on SQLite's copy, by the same code: the
    /// builder's connection puts the schema first in its search path); the switch then makes the store's tables hold
    /// what the schema's hold, in one transaction under the grouping lock, placing what arrived meanwhile. The store's
    /// tables are not written until the switch, so imports, their grouping steps and readers go on while it builds, and
    /// a regroup stopped or killed before the switch leaves the old grouping (its schema is dropped then, or by the next
    /// regroup).
    /// </summary>
    private async Task<GroupingReport> RegroupInShadowAsync(IProgress<int>? progress, CancellationToken ct)
    {
        var live = new NpgsqlConnectionStringBuilder(_db.Database.GetConnectionString()) { Pooling = false };
        for (var attempt = 1; ; attempt++)
        {
            var schema = ShadowPrefix + Guid.NewGuid().ToString("N")[..16];
            await using var guard = new NpgsqlConnection(live.ConnectionString);
            await guard.OpenAsync(ct);
            await RunAsync(guard, null, $"SELECT pg_advisory_lock({ShadowLockClass}, hashtext('{schema}'))", ct);
            try
            {
                await DropAbandonedShadowsAsync(guard, ct);
                var snapshot = await CopyToShadowAsync(guard, schema, ct);
                GroupingReport report;
                var shadow = new NpgsqlConnectionStringBuilder(live.ConnectionString) { SearchPath = schema };
                await using (var db = new NewsDb(NewsStore.Options(new StoreTarget(StoreProvider.Postgres, shadow.ConnectionString, schema))))
                {
                    var builder = new StoryStore(db, _options) { FlagBelow = FlagBelow, RecentRowsLimit = RecentRowsLimit };
                    report = await builder.RegroupInPlaceAsync(progress, ct);
                }
                ct.ThrowIfCancellationRequested();
                (_live, _copy) = ("", $"\"{schema}\".");
                int? stories;
                await OpenAsync(ct);
                try
                {
                    ClearDocumentFrequencies();
                    stories = InTransaction(() => Switch(snapshot, Scalar(GivenOnPostgres(""))));
                }
                finally
                {
                    await CloseAsync();
                }
                if (stories is int n) return report with { Stories = n };
                if (attempt == MaxBuilds)
                    throw new StoryCorrectionException($"stories were corrected while each of {MaxBuilds} regroups was being built; nothing was changed, run it again");
            }
            finally
            {
                await RunAsync(guard, null, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// The highest story id given in the schema of <paramref name="prefix"/> (empty: the store's): its identity's last
    /// value, or the highest id when that is higher.
    /// </summary>
    private static string GivenOnPostgres(string prefix) => $"""
        SELECT GREATEST(COALESCE(pg_sequence_last_value(pg_get_serial_sequence('{prefix}"Stories"', 'Id')), 0), COALESCE((SELECT MAX("Id") FROM {prefix}"Stories"), 0))
        """;

    /// <summary>
    /// Creates <paramref name="schema"/> with the tables a regroup reads and writes, the store's rows copied in one
    /// snapshot. The snapshot is taken under the grouping lock, so no grouping step is half-way through it. Returns the
    /// highest story id the store had given then; the schema's stories are numbered on from it.
    /// </summary>
    private static async Task<long> CopyToShadowAsync(NpgsqlConnection guard, string schema, CancellationToken ct)
    {
        var liveSchema = (string)(await ScalarAsync(guard, null, "SELECT current_schema()", ct))!;
        var (from, to) = ($"\"{liveSchema}\".", $"\"{schema}\".");
        await RunAsync(guard, null, $"SELECT pg_advisory_lock({GroupingLockClass}, hashtext(current_schema()))", ct);
        await using var tx = await guard.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        long snapshot;
        try
        {
            // The transaction's first statement fixes its snapshot.
            snapshot = Convert.ToInt64(await ScalarAsync(guard, tx, GivenOnPostgres(from), ct), CultureInfo.InvariantCulture);
        }
        finally
        {
            await RunAsync(guard, tx, $"SELECT pg_advisory_unlock({GroupingLockClass}, hashtext(current_schema()))", CancellationToken.None);
        }
        await RunAsync(guard, tx, $"CREATE SCHEMA \"{schema}\"", ct);
        foreach (var table in ShadowCopied.Concat(ShadowEmpty))
            await RunAsync(guard, tx, $"CREATE TABLE {to}\"{table}\" (LIKE {from}\"{table}\" INCLUDING ALL)", ct);
        foreach (var table in ShadowCopied)
            await RunAsync(guard, tx, $"INSERT INTO {to}\"{table}\" SELECT * FROM {from}\"{table}\"", ct);
        // The store deletes a story's links with it; the regroup's steps count on that (the other keys they keep themselves),
        // and its last step renumbers stories, which the links follow.
        await RunAsync(guard, tx, $"""
            ALTER TABLE {to}"StoryLinks"
                ADD FOREIGN KEY ("StoryId") REFERENCES {to}"Stories" ("Id") ON DELETE CASCADE ON UPDATE CASCADE,
                ADD FOREIGN KEY ("RelatedStoryId") REFERENCES {to}"Stories" ("Id") ON DELETE CASCADE ON UPDATE CASCADE
            """, ct);
        await RunAsync(guard, tx, string.Create(CultureInfo.InvariantCulture,
            $"SELECT setval(pg_get_serial_sequence('{to}\"Stories\"', 'Id'), {Math.Max(snapshot, 1)}, {(snapshot > 0 ? "true" : "false")})"), ct);
        await tx.CommitAsync(ct);
        return snapshot;
    }

    /// <summary>Drops the shadow schemas of regroups whose session is gone (a killed process).</summary>
    private static async Task DropAbandonedShadowsAsync(NpgsqlConnection guard, CancellationToken ct)
    {
        var schemas = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, @p)", guard))
        {
            cmd.Parameters.AddWithValue("p", ShadowPrefix);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) schemas.Add(r.GetString(0));
        }
        foreach (var schema in schemas.Where(s => s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
        {
            if (await ScalarAsync(guard, null, $"SELECT pg_try_advisory_lock({ShadowLockClass}, hashtext('{schema}'))", ct) is not true) continue;
            await RunAsync(guard, null, $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", ct);
            await RunAsync(guard, null, $"SELECT pg_advisory_unlock({ShadowLockClass}, hashtext('{schema}'))", ct);
        }
    }

    private static async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        return await cmd.ExecuteScalarAsync(ct);
    }
}
