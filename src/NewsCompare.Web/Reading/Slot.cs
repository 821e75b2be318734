using System.Linq.Expressions;
using System.Reflection;

namespace NewsCompare.Web.Reading;

/// <summary>
/// A value a query reads, held in an object of its own. A query built from slots runs as it is (EF reads each slot as a
/// parameter), or its expression is compiled once for every request of its shape: <see cref="SlotsToParameters"/> then
/// swaps the slots of a placeholder set for the compiled query's parameters.
/// </summary>
public sealed class Slot<T>(T value)
{
    public T Value { get; } = value;
}

/// <summary>
/// Rewrites a query built from placeholder <see cref="Slot{T}"/>s into the body of a lambda whose parameters are those
/// slots' values, for <c>EF.CompileAsyncQuery</c>. A slot met that was not given a parameter is an error: its value would
/// otherwise be fixed into the compiled query for every later request. Other objects a lambda captured (the context the
/// query was built on) become a parameter when one of their type is given for them.
/// </summary>
public sealed class SlotsToParameters(IReadOnlyDictionary<object, ParameterExpression> parameters) : ExpressionVisitor
{
    protected override Expression VisitMember(MemberExpression node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Member.DeclaringType is not { IsGenericType: true } type || type.GetGenericTypeDefinition() != typeof(Slot<>))
            return Read(node) is { } captured && parameters.TryGetValue(captured, out var stand) && stand.Type.IsAssignableFrom(node.Type)
                ? stand
                : base.VisitMember(node);
        var slot = Read(node.Expression) ?? throw new InvalidOperationException("A slot is read through an expression other than a constant or a closure");
        return parameters.TryGetValue(slot, out var parameter)
            ? parameter
            : throw new InvalidOperationException($"A slot of {type.GenericTypeArguments[0].Name} has no parameter in the compiled query");
    }

    // OneOf puts a slot in as a constant; a lambda reaches one through its closure's fields and the holder's properties.
    private static object? Read(Expression? expression) => expression switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Member: FieldInfo field } member => member.Expression is null ? field.GetValue(null) : Read(member.Expression) is { } holder ? field.GetValue(holder) : null,
        MemberExpression { Member: PropertyInfo property } member => Read(member.Expression) is { } holder ? property.GetValue(holder) : null,
        _ => null,
    };
}
