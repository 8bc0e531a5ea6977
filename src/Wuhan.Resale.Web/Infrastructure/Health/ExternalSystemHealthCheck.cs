using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wuhan.Resale.Web.Infrastructure.Health;

/// <summary>
/// Whether an outside system configured in Http mode answers at all: a GET of its base address that gets any HTTP
/// answer below 500 (even 401 or 404: the gateway is there) counts as reachable; a refused or timed-out connection or
/// a 5xx does not. The portal's JSON contract has no health operation, so nothing is sent that a gateway would act on.
/// One probe per system serves every caller for <see cref="HealthOptions.ExternalProbeFreshFor"/> (<see cref="ExternalProbeCache"/>).
/// </summary>
public sealed class ExternalSystemHealthCheck(IHttpClientFactory clients, ExternalProbeCache cache, string system, Uri baseUrl, TimeSpan freshFor)
    : IHealthCheck
{
    public const string ClientName = "health-probe";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        // Not the caller's token: the probe is shared, and one caller going away must not cancel it for the others
        // (the probe client's own timeout bounds it).
        cache.GetAsync(system, freshFor, ProbeAsync);

    private async Task<HealthCheckResult> ProbeAsync()
    {
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(baseUrl, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
            return (int)response.StatusCode < 500
                ? HealthCheckResult.Healthy("reachable")
                : HealthCheckResult.Unhealthy("answers with a server error");
        }
#pragma warning disable CA1031 // Refused, reset, timed out, bad certificate: all mean "not reachable" to a probe.
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("unreachable", ex);
        }
    }
}
