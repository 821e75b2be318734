using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsCompare.Core.Stories;

/// <summary>
/// Statements on the grouping's connection, in its current transaction: one-off commands, and statements run once
/// per article or term, prepared once per run and reused.
/// </summary>
/// <param name="connection">The open connection.</param>
/// <param name="transaction">The transaction statements run in now (none outside one).</param>
internal sealed class StoreCommands(Func<SqliteConnection> connection, Func<SqliteTransaction?> transaction)
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>A new command (the caller disposes it).</summary>
    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection().CreateCommand();
        cmd.Transaction = transaction();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    /// <summary>The prepared statement for <paramref name="sql"/> with <paramref name="parameters"/> set (kept until <see cref="DisposeAsync"/>).</summary>
    public SqliteCommand Prepared(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = connection().CreateCommand();
            cmd.CommandText = sql;
            _prepared[sql] = cmd;
        }
        cmd.Transaction = transaction();
        foreach (var (name, value) in parameters)
        {
            if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = value ?? DBNull.Value;
            else cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return cmd;
    }

    /// <summary>Runs a prepared statement.</summary>
    public void Exec(string sql, params (string Name, object? Value)[] parameters) => Prepared(sql, parameters).ExecuteNonQuery();

    /// <summary>The integer a one-off query returns.</summary>
    public long Scalar(string sql)
    {
        using var cmd = Command(sql);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Disposes the prepared statements (at the end of a run).</summary>
    public async Task DisposeAsync()
    {
        foreach (var cmd in _prepared.Values) await cmd.DisposeAsync();
        _prepared.Clear();
    }

    /// <summary>A time as the store writes it.</summary>
    public static string Stamp(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
