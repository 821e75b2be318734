using System.Linq.Expressions;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Tests.Reading;

public class SlotsToParametersTests
{
    [Fact]
    public void ASlotReadThroughAClosureBecomesTheParameterGivenForIt()
    {
        var limit = new Slot<int>(0);
        Expression<Func<int, bool>> below = n => n < limit.Value;
        var parameter = Expression.Parameter(typeof(int), "limit");

        var body = new SlotsToParameters(new Dictionary<object, ParameterExpression> { [limit] = parameter }).Visit(below.Body);
        var compiled = Expression.Lambda<Func<int, int, bool>>(body, below.Parameters[0], parameter).Compile();

        compiled(3, 5).Should().BeTrue("the limit is the second argument, not the placeholder's 0");
        compiled(7, 5).Should().BeFalse();
    }

    [Fact]
    public void ASlotPutInAsAConstantBecomesTheParameterGivenForIt()
    {
        var name = new Slot<string>("placeholder");
        var read = Expression.Property(Expression.Constant(name), nameof(Slot<string>.Value));
        var parameter = Expression.Parameter(typeof(string), "name");

        var body = new SlotsToParameters(new Dictionary<object, ParameterExpression> { [name] = parameter }).Visit(read);

        Expression.Lambda<Func<string, string>>(body, parameter).Compile()("Coast Post").Should().Be("Coast Post");
    }

    [Fact]
    public void ASlotWithoutAParameterIsRefusedRatherThanFixedIntoTheQuery()
    {
        var given = new Slot<int>(1);
        var forgotten = new Slot<int>(2);
        Expression<Func<int, bool>> between = n => n > given.Value && n < forgotten.Value;

        var rewrite = () => new SlotsToParameters(new Dictionary<object, ParameterExpression> { [given] = Expression.Parameter(typeof(int)) }).Visit(between);

        rewrite.Should().Throw<InvalidOperationException>().WithMessage("*no parameter*");
    }

    [Fact]
    public void AnObjectALambdaCapturedBecomesTheParameterOfItsTypeGivenForIt()
    {
        var builtOn = new List<int> { 1, 2 };
        Expression<Func<int, bool>> held = n => builtOn.Contains(n);
        var list = Expression.Parameter(typeof(List<int>), "list");

        var body = new SlotsToParameters(new Dictionary<object, ParameterExpression> { [builtOn] = list }).Visit(held.Body);
        var compiled = Expression.Lambda<Func<int, List<int>, bool>>(body, held.Parameters[0], list).Compile();

        compiled(5, [5, 6]).Should().BeTrue("the list is the one passed in, not the one the lambda was written with");
        compiled(1, [5, 6]).Should().BeFalse();
    }
}
