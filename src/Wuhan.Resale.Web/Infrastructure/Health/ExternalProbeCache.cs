using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wuhan.Resale.Web.Infrastructure.Health;

/// <summary>
/// The last answer of each outside system's probe, reused while it is fresh. <c>/healthz/ready</c> is anonymous: without
/// this every call (a balancer every few seconds per instance, or anyone on the internet) would send a request to the
/// registries and the SMS gateway. Callers arriving while a probe is under way wait for that same probe.
/// </summary>
public sealed class ExternalProbeCache(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<(HealthCheckResult Result, DateTimeOffset At)>> _probes = new(StringComparer.Ordinal);

    public async Task<HealthCheckResult> GetAsync(string system, TimeSpan freshFor, Func<Task<HealthCheckResult>> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        Task<(HealthCheckResult Result, DateTimeOffset At)>? running;
        lock (_gate)
        {
            if (!_probes.TryGetValue(system, out running)
                || running.IsFaulted
                || running.IsCanceled
                || (running.IsCompletedSuccessfully && clock.GetUtcNow() - running.Result.At >= freshFor))
            {
                running = ProbeAsync(probe);
                _probes[system] = running;
            }
        }

        return (await running.ConfigureAwait(false)).Result;
    }

    private async Task<(HealthCheckResult Result, DateTimeOffset At)> ProbeAsync(Func<Task<HealthCheckResult>> probe)
    {
        var result = await probe().ConfigureAwait(false);
        return (result, clock.GetUtcNow());
    }
}
