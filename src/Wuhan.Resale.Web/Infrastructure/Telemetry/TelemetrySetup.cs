using System.Diagnostics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Wuhan.Resale.Web.Infrastructure.Telemetry;

/// <summary>OpenTelemetry for operators, entirely absent unless <c>Telemetry:Enabled</c> is true.</summary>
public static class TelemetrySetup
{
    /// <summary>
    /// Registers <see cref="PortalMetrics"/> (always: it costs nothing unheard) and, when enabled, the OpenTelemetry
    /// providers with the ASP.NET Core, HttpClient, EF Core and runtime instrumentation and the configured exporters.
    /// Call after the external systems are registered: their adapters are wrapped to be timed.
    /// </summary>
    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PortalMetrics>();
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.Configure<TelemetryOptions>(section);
        MeasuredExternalSystems.Decorate(services);
        var prometheus = !string.IsNullOrWhiteSpace(options.PrometheusScrapePath);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PortalMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => Point(otlp, endpoint, options.OtlpProtocol, "v1/metrics"));
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(aspNet =>
                    {
                        aspNet.Filter = context => !IsOperationsPath(context.Request.Path, options.PrometheusScrapePath);
                        aspNet.EnrichWithHttpResponse = (activity, _) => KeepOnlyTheRoute(activity);
                    })
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (options.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(otlp => Point(otlp, endpoint, options.OtlpProtocol, "v1/traces"));
                }
            });
        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint when one is configured (and telemetry enabled).</summary>
    public static WebApplication MapPortalTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Enabled && !string.IsNullOrWhiteSpace(options.PrometheusScrapePath))
        {
            var endpoint = app.MapPrometheusScrapingEndpoint(options.PrometheusScrapePath);
            if (!string.IsNullOrWhiteSpace(options.PrometheusHost))
            {
                endpoint.RequireHost(options.PrometheusHost);
            }
        }

        return app;
    }

    /// <summary>Health probes and scrapes every few seconds would drown the traces people read.</summary>
    private static bool IsOperationsPath(PathString path, string? scrapePath) =>
        path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || (!string.IsNullOrWhiteSpace(scrapePath) && path.StartsWithSegments(scrapePath, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A request span keeps the route template (<c>/contracts/{id:guid}/file</c>) and drops the concrete path, its query
    /// string and the client address: paths carry sign-in tickets and party links, query strings may carry a typed
    /// phone or ID number, and an address is personal data.
    /// </summary>
    internal static void KeepOnlyTheRoute(Activity activity)
    {
        activity.SetTag("url.path", null);
        activity.SetTag("url.query", null);
        activity.SetTag("client.address", null);
        activity.SetTag("http.target", null);
        activity.SetTag("http.url", null);
    }

    private static void Point(OtlpExporterOptions otlp, Uri endpoint, OtlpTransport transport, string signalPath)
    {
        if (transport == OtlpTransport.HttpProtobuf)
        {
            otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
            otlp.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            otlp.Protocol = OtlpExportProtocol.Grpc;
            otlp.Endpoint = endpoint;
        }
    }
}
