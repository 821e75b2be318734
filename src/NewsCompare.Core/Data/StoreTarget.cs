using System.Globalization;
using Npgsql;

namespace NewsCompare.Core.Data;

/// <summary>The database engine a store lives in.</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file (the default).</summary>
    Sqlite,
    /// <summary>A PostgreSQL database.</summary>
    Postgres,
}

/// <summary>
/// Which store to open: the provider and its connection string, resolved from a SQLite path, a
/// <c>postgres://user:password@host:5432/database</c> URI or an Npgsql connection string.
/// </summary>
/// <param name="Provider">The engine.</param>
/// <param name="ConnectionString">The ADO.NET connection string for <paramref name="Provider"/>.</param>
/// <param name="Display">What to show people: the file's full path, or the server and database without the password.</param>
public sealed record StoreTarget(StoreProvider Provider, string ConnectionString, string Display)
{
    /// <summary>The SQLite file at <paramref name="path"/>; its folder is created if needed.</summary>
    public static StoreTarget Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        return new StoreTarget(StoreProvider.Sqlite, NewsStore.SqliteConnectionString(full), full);
    }

    /// <summary>True when <paramref name="value"/> names a PostgreSQL database (a <c>postgres://</c> or <c>postgresql://</c> URI).</summary>
    public static bool IsPostgresUri(string? value) =>
        value is not null && (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                              || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The store named by <paramref name="value"/>: a PostgreSQL URI, else a SQLite path taken from
    /// <paramref name="baseFolder"/> when relative (empty: <see cref="NewsStore.DefaultPath"/>).
    /// </summary>
    /// <exception cref="StoreTargetException">A URI that does not name a usable database; the message says what is wrong.</exception>
    public static StoreTarget Resolve(string? value, string baseFolder)
    {
        if (IsPostgresUri(value)) return Postgres(value!.Trim());
        if (value is not null && value.Contains("://", StringComparison.Ordinal))
            throw new StoreTargetException($"'{Redact(value)}' is neither a file path nor a postgres:// URI: NewsCompare stores live in SQLite or PostgreSQL");
        return Sqlite(NewsStore.ResolvePath(value, baseFolder));
    }

    /// <summary>
    /// The store configured by provider and connection: <paramref name="provider"/> is <c>sqlite</c> (or empty) or
    /// <c>postgres</c>; for PostgreSQL <paramref name="connection"/> is a URI or an Npgsql connection string, for SQLite
    /// <paramref name="sqlitePath"/> (a URI there selects PostgreSQL too).
    /// </summary>
    /// <exception cref="StoreTargetException">An unknown provider, or PostgreSQL without a connection.</exception>
    public static StoreTarget Configure(string? provider, string? connection, string? sqlitePath, string baseFolder)
    {
        switch (provider?.Trim().ToLowerInvariant())
        {
            case null or "" or "sqlite":
                return Resolve(string.IsNullOrWhiteSpace(connection) ? sqlitePath : connection, baseFolder);
            case "postgres" or "postgresql" or "npgsql":
                var source = string.IsNullOrWhiteSpace(connection) ? sqlitePath : connection;
                if (string.IsNullOrWhiteSpace(source))
                    throw new StoreTargetException("NewsCompare:Store:Provider is postgres but NewsCompare:Store:ConnectionString is empty: give a postgres://user:password@host:5432/database URI or an Npgsql connection string");
                return IsPostgresUri(source) ? Postgres(source.Trim()) : PostgresConnectionString(source);
            default:
                throw new StoreTargetException($"NewsCompare:Store:Provider '{provider}' is not a store provider: use sqlite or postgres");
        }
    }

    /// <summary>The PostgreSQL database of a <c>postgres://user:password@host:port/database?option=value</c> URI.</summary>
    /// <exception cref="StoreTargetException">The URI lacks a host or database, or has a bad port or option.</exception>
    public static StoreTarget Postgres(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !IsPostgresUri(uri))
            throw new StoreTargetException($"'{Redact(uri)}' is not a PostgreSQL URI: expected postgres://user:password@host:5432/database");
        if (string.IsNullOrEmpty(parsed.Host))
            throw new StoreTargetException($"'{Redact(uri)}' names no host: expected postgres://user:password@host:5432/database");
        var database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
            throw new StoreTargetException($"'{Redact(uri)}' names no database: expected postgres://user:password@host:5432/database");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port,
            Database = database,
        };
        if (parsed.UserInfo.Length > 0)
        {
            var colon = parsed.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? parsed.UserInfo : parsed.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(parsed.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try { builder[key] = value; }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new StoreTargetException($"'{Redact(uri)}': option '{key}' is not an Npgsql connection setting ({e.Message})");
            }
        }
        return WithDefaults(builder);
    }

    private static StoreTarget PostgresConnectionString(string connection)
    {
        NpgsqlConnectionStringBuilder builder;
        try { builder = new NpgsqlConnectionStringBuilder(connection); }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StoreTargetException($"NewsCompare:Store:ConnectionString is not an Npgsql connection string: {e.Message}");
        }
        if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database))
            throw new StoreTargetException("NewsCompare:Store:ConnectionString must name a Host and a Database");
        return WithDefaults(builder);
    }

    private static StoreTarget WithDefaults(NpgsqlConnectionStringBuilder builder)
    {
        // Pooling is Npgsql's default; the name shows in pg_stat_activity, so operators see which connections are ours.
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "NewsCompare";
        // Statements run again and again (grouping runs a few dozen per article) are prepared on the server once per
        // connection: 30 % less client CPU per grouped article (docs/benchmarks.md, grouping on PostgreSQL).
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 128;
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        var display = string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}");
        return new StoreTarget(StoreProvider.Postgres, builder.ConnectionString, display);
    }

    /// <summary><paramref name="uri"/> with any password replaced, for messages.</summary>
    private static string Redact(string uri)
    {
        var at = uri.IndexOf('@', StringComparison.Ordinal);
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme) return uri;
        var colon = uri.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? string.Concat(uri.AsSpan(0, colon + 1), "***", uri.AsSpan(at)) : uri;
    }

    /// <inheritdoc />
    public override string ToString() => Display;
}

/// <summary>A store named in a way that cannot be opened (a bad URI, an unknown provider); the message says what to give instead.</summary>
public sealed class StoreTargetException(string message) : ArgumentException(message);
