using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure.Health;

/// <summary>
/// Ready only on a schema this build knows: a migration not yet applied (a new release started before <c>-- migrate</c>
/// ran) would make every page that touches the new columns fail.
/// </summary>
public sealed class MigrationsHealthCheck(ResaleDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any()
                ? HealthCheckResult.Unhealthy("migrations pending")
                : HealthCheckResult.Healthy("schema up to date");
        }
#pragma warning disable CA1031 // A health check reports any failure as unhealthy instead of throwing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("migration history unreadable", ex);
        }
    }
}
