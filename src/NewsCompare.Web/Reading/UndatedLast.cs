using System.Linq.Expressions;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

/// <summary>
/// Newest first with undated rows last, on either engine: SQLite sorts nulls last in a descending order by itself,
/// PostgreSQL first, so there the order leads with "is undated" (which Npgsql's script 0005 indexes for the lists).
/// </summary>
public static class UndatedLast
{
    /// <summary><paramref name="rows"/> by <paramref name="date"/>, newest first, undated last.</summary>
    public static IOrderedQueryable<T> NewestFirst<T>(this IQueryable<T> rows, Expression<Func<T, DateOnly?>> date, StoreDialect dialect) =>
        dialect.Provider == StoreProvider.Postgres ? rows.OrderBy(Undated(date)).ThenByDescending(date) : rows.OrderByDescending(date);

    /// <summary>Then by <paramref name="date"/>, newest first, undated last.</summary>
    public static IOrderedQueryable<T> ThenNewestFirst<T>(this IOrderedQueryable<T> rows, Expression<Func<T, DateOnly?>> date, StoreDialect dialect) =>
        dialect.Provider == StoreProvider.Postgres ? rows.ThenBy(Undated(date)).ThenByDescending(date) : rows.ThenByDescending(date);

    private static Expression<Func<T, bool>> Undated<T>(Expression<Func<T, DateOnly?>> date) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(date.Body, Expression.Constant(null, typeof(DateOnly?))), date.Parameters);
}
