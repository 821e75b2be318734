using System.Linq.Expressions;

namespace NewsCompare.Web.Reading;

/// <summary>
/// "The value is one of these", written with one SQL parameter per value (<c>IN (@a, @b)</c>) rather than a list passed
/// as one value (<c>= ANY (@list)</c> on PostgreSQL, <c>json_each(@list)</c> on SQLite). For the few outlets a filter
/// names this lets the planner see how many there are: PostgreSQL keeps one plan for the prepared statement instead of
/// planning it again at every request, and a single outlet is an equality, which walks an index in the list's order.
/// </summary>
public static class OneOf
{
    /// <summary>Rows whose <paramref name="value"/> is one of <paramref name="values"/> (at least one).</summary>
    public static IQueryable<T> WhereOneOf<T>(this IQueryable<T> rows, Expression<Func<T, string?>> value, IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return rows.WhereOneOf(value, values.Select(v => new Slot<string>(v)).ToList());
    }

    /// <summary>Rows whose <paramref name="value"/> is one of the values in <paramref name="slots"/> (at least one).</summary>
    public static IQueryable<T> WhereOneOf<T>(this IQueryable<T> rows, Expression<Func<T, string?>> value, IReadOnlyList<Slot<string>> slots)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(slots);
        // Each value is read from its slot, so EF makes it a parameter rather than a constant in the SQL.
        var items = slots.Select(s => Expression.Property(Expression.Constant(s), nameof(Slot<string>.Value)));
        var list = Expression.NewArrayInit(typeof(string), items);
        var test = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], list, value.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(test, value.Parameters));
    }
}
