using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Startup;

/// <summary>
/// <c>/health</c>: healthy when the store answers a query on its schema table within the request, on either engine,
/// so a load balancer takes an instance out when its store is unreachable or not migrated.
/// </summary>
public sealed class StoreHealthCheck(NewsDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var versions = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"SchemaVersions\"").SingleAsync(cancellationToken);
            return versions > 0 ? HealthCheckResult.Healthy($"{StoreDialect.For(db).Provider} store, {versions} schema scripts applied")
                : HealthCheckResult.Unhealthy("the store has no schema");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", e);
        }
    }
}
