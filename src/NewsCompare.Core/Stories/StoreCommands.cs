using System.Data.Common;
using System.Globalization;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Stories;

/// <summary>
/// Statements on the grouping's connection, in its current transaction: one-off commands, and statements run once
/// per article or term, prepared once per run and reused. Statements are written in SQLite's dialect; on PostgreSQL
/// each is rewritten once (<see cref="PostgresSql"/>).
/// </summary>
/// <param name="connection">The open connection.</param>
/// <param name="transaction">The transaction statements run in now (none outside one).</param>
/// <param name="dialect">The store's engine.</param>
internal sealed class StoreCommands(Func<DbConnection> connection, Func<DbTransaction?> transaction, StoreDialect dialect)
{
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>Whether the store is PostgreSQL (for the few statements written for each engine).</summary>
    public bool Postgres { get; } = dialect.Provider == StoreProvider.Postgres;

    /// <summary>The store's engine.</summary>
    public StoreDialect Dialect => dialect;

    /// <summary><paramref name="sql"/> as this engine runs it.</summary>
    public string Sql(string sql) => Postgres ? PostgresSql.Translate(sql) : sql;

    /// <summary>A new command (the caller disposes it).</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        Send();
        var cmd = connection().CreateCommand();
        cmd.Transaction = transaction();
        cmd.CommandText = Sql(sql);
        foreach (var (name, value) in parameters) Set(cmd, name, value);
        return cmd;
    }

    /// <summary>The prepared statement for <paramref name="sql"/> with <paramref name="parameters"/> set (kept until <see cref="DisposeAsync"/>).</summary>
    public DbCommand Prepared(string sql, params (string Name, object? Value)[] parameters)
    {
        Send();
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = connection().CreateCommand();
            cmd.CommandText = Sql(sql);
            _prepared[sql] = cmd;
        }
        cmd.Transaction = transaction();
        foreach (var (name, value) in parameters) Set(cmd, name, value);
        return cmd;
    }

    private void Set(DbCommand cmd, string name, object? value)
    {
        if (Postgres) name = PostgresSql.Parameter(name);
        var index = cmd.Parameters.IndexOf(name);
        if (index >= 0)
        {
            cmd.Parameters[index].Value = value ?? DBNull.Value;
            return;
        }
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>
    /// Runs a statement whose result nobody reads. On PostgreSQL inside a transaction it is queued instead, and the
    /// queue goes to the server in one round trip (<see cref="Send"/>) before the next statement that reads, before the
    /// commit, or once it is long: statements run in the order they were issued, so nothing reads a store the queue
    /// has not yet written. Grouping writes most of its rows one statement at a time (a membership, an article's
    /// postings, a related link, a story's counts), and each was a round trip of its own.
    /// </summary>
    public void Exec(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!Postgres || transaction() is null)
        {
            Prepared(sql, parameters).ExecuteNonQuery();
            return;
        }
        _writes ??= connection().CreateBatch();
        foreach (var (statement, names) in Statements(sql))
        {
            var command = _writes.CreateBatchCommand();
            command.CommandText = statement;
            foreach (var (name, value) in parameters)
            {
                var spelled = PostgresSql.Parameter(name);
                if (!names.Contains(spelled)) continue;
                var p = command.CreateParameter();
                p.ParameterName = spelled;
                p.Value = value ?? DBNull.Value;
                command.Parameters.Add(p);
            }
            _writes.BatchCommands.Add(command);
        }
        if (_writes.BatchCommands.Count >= QueuedStatements) Send();
    }

    // Statements queued before they are sent anyway: a step's writes, without holding a step's worth of rows in memory.
    private const int QueuedStatements = 1000;

    private DbBatch? _writes;

    /// <summary>Sends the queued writes (see <see cref="Exec"/>); a failure of one of them is thrown here.</summary>
    public void Send()
    {
        if (_writes is null) return;
        using var batch = _writes;
        _writes = null;
        batch.Transaction = transaction();
        batch.ExecuteNonQuery();
    }

    /// <summary>Drops the queued writes (the transaction they belong to is rolled back).</summary>
    public void Discard()
    {
        _writes?.Dispose();
        _writes = null;
    }

    // A statement text as PostgreSQL's batch takes it: one statement per batch command, each with the parameters it names.
    private readonly Dictionary<string, (string Statement, HashSet<string> Names)[]> _statements = new(StringComparer.Ordinal);

    private (string Statement, HashSet<string> Names)[] Statements(string sql)
    {
        if (_statements.TryGetValue(sql, out var split)) return split;
        return _statements[sql] = PostgresSql.Statements(Sql(sql))
            .Select(statement => (statement, PostgresSql.Parameters(statement).ToHashSet(StringComparer.Ordinal))).ToArray();
    }

    /// <summary>The integer a one-off query returns.</summary>
    public long Scalar(string sql)
    {
        using var cmd = Command(sql);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Disposes the prepared statements (at the end of a run).</summary>
    public async Task DisposeAsync()
    {
        Discard();
        foreach (var cmd in _prepared.Values) await cmd.DisposeAsync();
        _prepared.Clear();
    }

    /// <summary>A time as the store writes it.</summary>
    public object Stamp(DateTime t) => dialect.Timestamp(t);

    /// <summary>A date column as read: SQLite keeps text, PostgreSQL a date.</summary>
    public static DateOnly? Date(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetValue(column) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s when DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}

