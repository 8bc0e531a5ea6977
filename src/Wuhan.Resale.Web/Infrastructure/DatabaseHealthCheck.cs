using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>/healthz: healthy only when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(ResaleDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("database reachable")
                : HealthCheckResult.Unhealthy("database unreachable");
        }
#pragma warning disable CA1031 // A health check reports any failure as unhealthy instead of throwing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("database check failed", ex);
        }
    }
}
