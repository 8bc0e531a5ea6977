using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wuhan.Resale.Web.Infrastructure.Health;

/// <summary>
/// Whether an outside system configured in Http mode answers at all: a GET of its base address that gets any HTTP
/// answer below 500 (even 401 or 404: the gateway is there) counts as reachable; a refused or timed-out connection or
/// a 5xx does not. The portal's JSON contract has no health operation, so nothing is sent that a gateway would act on.
/// </summary>
public sealed class ExternalSystemHealthCheck(IHttpClientFactory clients, Uri baseUrl) : IHealthCheck
{
    public const string ClientName = "health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(baseUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
