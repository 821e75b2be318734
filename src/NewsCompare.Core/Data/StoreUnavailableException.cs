using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsCompare.Core.Data;

/// <summary>
/// The store cannot be opened, or is not a NewsCompare store: the message names the store and says why, in words a
/// person can act on (the file is not a database, the database does not exist, the server refused the password).
/// </summary>
public sealed class StoreUnavailableException : IOException
{
    /// <summary>A reason not yet tied to a store (the schema check raises it; <see cref="Explain"/> adds the store's name).</summary>
    /// <param name="reason">Why the store cannot be used.</param>
    public StoreUnavailableException(string reason) : base(reason) => Reason = reason;

    private StoreUnavailableException(string store, string reason, Exception inner) : base($"{store}: {reason}", inner) => Reason = reason;

    /// <summary>Why the store cannot be used, without its name.</summary>
    public string Reason { get; }

    /// <summary>
    /// The failure <paramref name="error"/> of opening <paramref name="target"/> told as a reason about that store, or
    /// null when it is not about the store itself (a bug, a cancellation), which should surface as it is.
    /// </summary>
    /// <param name="target">The store being opened.</param>
    /// <param name="error">What opening it threw.</param>
    public static StoreUnavailableException? Explain(StoreTarget target, Exception error)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(error);
        var reason = error switch
        {
            StoreUnavailableException e => e.Reason,
            SqliteException e => Sqlite(e),
            PostgresException e => Postgres(e),
            NpgsqlException { InnerException: SocketException s } e => $"no PostgreSQL server answers at {Server(target)} ({s.Message}; {e.Message})",
            NpgsqlException { InnerException: TimeoutException } => $"the PostgreSQL server at {Server(target)} did not answer in time",
            _ => null,
        };
        return reason is null ? null : new StoreUnavailableException(target.Display, reason, error);
    }

    // SQLite's primary result codes (https://www.sqlite.org/rescode.html); the extended code's low byte is the primary one.
    private static string Sqlite(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        26 => "not a SQLite database, so not a NewsCompare store (is it the right file?); nothing was written to it",
        14 => "the file cannot be opened (its folder may not be writable, or the path names a folder)",
        8 => "the file is read-only; NewsCompare needs to write to its store",
        11 => "the file is damaged (SQLite: database disk image is malformed); restore it from a backup",
        13 => "the disk is full",
        5 or 6 => "another program holds the store locked; try again when it is done",
        _ => $"SQLite could not open it ({e.Message})",
    };

    // PostgreSQL's error codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private static string Postgres(PostgresException e) => e.SqlState switch
    {
        "3D000" => $"{e.MessageText}; create it first (as the server's administrator: createdb --owner=USER NAME), then start again",
        "28P01" or "28000" => $"the server refused the sign-in ({e.MessageText}); check the user name and password in the URI",
        "42501" => $"the user may not create or change the store's tables ({e.MessageText}); grant it CREATE on the database",
        "53300" => $"the server has no free connection ({e.MessageText}); raise max_connections or lower the pool size",
        "57P03" => $"the server is starting up or shutting down ({e.MessageText}); try again",
        _ => $"PostgreSQL refused ({e.SqlState}: {e.MessageText})",
    };

    private static string Server(StoreTarget target)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        return $"{builder.Host}:{builder.Port}";
    }
}
