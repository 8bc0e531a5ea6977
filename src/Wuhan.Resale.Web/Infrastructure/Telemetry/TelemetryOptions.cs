namespace Wuhan.Resale.Web.Infrastructure.Telemetry;

public enum OtlpTransport
{
    /// <summary>OTLP over gRPC (collector port 4317).</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies (collector port 4318; <c>/v1/traces</c> and <c>/v1/metrics</c> are appended).</summary>
    HttpProtobuf,
}

/// <summary>
/// Configuration section "Telemetry": OpenTelemetry metrics and traces. Off by default: while <see cref="Enabled"/> is
/// false no provider, instrumentation, exporter or endpoint is registered.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public bool Enabled { get; set; }

    /// <summary>The <c>service.name</c> every trace and metric carries.</summary>
    public string ServiceName { get; set; } = "wuhan-resale-portal";

    /// <summary>An OpenTelemetry collector to push traces and metrics to; not set: nothing is pushed.</summary>
    public Uri? OtlpEndpoint { get; set; }

    public OtlpTransport OtlpProtocol { get; set; } = OtlpTransport.Grpc;

    /// <summary>A path such as <c>/metrics</c> where Prometheus scrapes the metrics; not set: no scrape endpoint.</summary>
    public string? PrometheusScrapePath { get; set; }

    /// <summary>
    /// When set (e.g. <c>*:9464</c>, a port the portal also listens on but the reverse proxy does not forward), the
    /// scrape endpoint answers only requests to that host and port; anything else gets 404.
    /// </summary>
    public string? PrometheusHost { get; set; }
}
