using System.Reflection;
using NewsCompare.Core.Data;
using Xunit.Sdk;

namespace NewsCompare.Core.Tests;

/// <summary>
/// Runs a store test once per engine: SQLite, then PostgreSQL (which skips or fails as <see cref="ProviderStore"/>
/// says when no server is given). Use with <c>[SkippableTheory]</c> on a method taking a <see cref="StoreProvider"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EveryStoreAttribute : DataAttribute
{
    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[StoreProvider.Sqlite], [StoreProvider.Postgres]];
}
