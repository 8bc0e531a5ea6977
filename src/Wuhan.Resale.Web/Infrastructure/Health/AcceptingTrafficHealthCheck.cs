using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wuhan.Resale.Web.Infrastructure.Health;

/// <summary>
/// Not ready before the host has finished starting, nor once it has begun to stop: a load balancer takes the instance
/// out while it drains (the background worker finishing or handing back its query) instead of sending it new people.
/// </summary>
public sealed class AcceptingTrafficHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("stopping")
            : !lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Unhealthy("starting")
            : HealthCheckResult.Healthy("serving"));
}
