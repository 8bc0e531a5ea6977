using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Infrastructure.Health;

/// <summary>Configuration section "Health".</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>How long /healthz/ready waits for each outside system in Http mode.</summary>
    public TimeSpan ExternalProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one probe's answer serves every /healthz/ready call before the system is asked again.</summary>
    public TimeSpan ExternalProbeFreshFor { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// <c>/healthz</c> (the database answers; as before), <c>/healthz/live</c> (the process serves requests: no
/// dependency, so a database outage never gets every instance restarted) and <c>/healthz/ready</c> (send people
/// here: started and not stopping, database reachable with no pending migration, and each outside system configured in
/// Http mode reachable). Answers carry the overall status and one status per check name, nothing more.
/// </summary>
public static class HealthSetup
{
    public const string ReadyTag = "ready";
    public const string DatabaseCheck = "database";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var health = configuration.GetSection(HealthOptions.SectionName).Get<HealthOptions>() ?? new HealthOptions();
        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseCheck, tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag])
            .AddCheck<AcceptingTrafficHealthCheck>("lifecycle", tags: [ReadyTag]);

        var integrations = configuration.GetSection(IntegrationOptions.SectionName).Get<IntegrationOptions>() ?? new IntegrationOptions();
        var remote = new (string Name, ExternalServiceOptions Options)[]
        {
            ("citizen-registry", integrations.CitizenRegistry),
            ("property-registry", integrations.PropertyRegistry),
            ("sms-gateway", integrations.Sms),
        }.Where(system => system.Options.Mode == AdapterMode.Http && system.Options.BaseUrl is not null).ToList();
        if (remote.Count > 0)
        {
            services.AddHttpClient(ExternalSystemHealthCheck.ClientName, client => client.Timeout = health.ExternalProbeTimeout);
            services.AddSingleton<ExternalProbeCache>();
        }

        foreach (var (name, options) in remote)
        {
            var baseUrl = options.BaseUrl!;
            checks.Add(new HealthCheckRegistration(
                name,
                sp => new ExternalSystemHealthCheck(
                    sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<ExternalProbeCache>(), name, baseUrl, health.ExternalProbeFreshFor),
                HealthStatus.Unhealthy,
                [ReadyTag],
                health.ExternalProbeTimeout + TimeSpan.FromSeconds(1)));
        }

        return services;
    }

    public static WebApplication MapPortalHealthChecks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Unchanged for the scripts and probes that already use it: plain "Healthy"/"Unhealthy", the database only.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Name == DatabaseCheck });
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteStatusesAsync });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteStatusesAsync,
        });
        return app;
    }

    /// <summary><c>{"status":"Unhealthy","checks":{"database":"Healthy","migrations":"Unhealthy"}}</c>: no descriptions, no exceptions.</summary>
    private static Task WriteStatusesAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new HealthAnswer(
            report.Status.ToString(),
            report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString(), StringComparer.Ordinal));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJson.Default.HealthAnswer, context.RequestAborted);
    }
}

internal sealed record HealthAnswer(string Status, Dictionary<string, string> Checks);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(HealthAnswer))]
internal sealed partial class HealthJson : System.Text.Json.Serialization.JsonSerializerContext;
