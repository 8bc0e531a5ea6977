namespace Wuhan.Resale.Web.Integrations;

public enum AdapterMode
{
    /// <summary>The embedded default: works on a fresh machine with the demo data.</summary>
    Embedded,

    /// <summary>A real service reached over HTTPS at <see cref="ExternalServiceOptions.BaseUrl"/>.</summary>
    Http,
}

/// <summary>Configuration section "Integrations".</summary>
public sealed class IntegrationOptions
{
    public const string SectionName = "Integrations";

    public ExternalServiceOptions CitizenRegistry { get; set; } = new();

    public PropertyRegistryOptions PropertyRegistry { get; set; } = new();

    public ExternalServiceOptions Sms { get; set; } = new();
}

public class ExternalServiceOptions
{
    public AdapterMode Mode { get; set; } = AdapterMode.Embedded;

    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as the X-Api-Key header; set it through the environment, never in a committed file.</summary>
    public string? ApiKey { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class PropertyRegistryOptions : ExternalServiceOptions
{
    /// <summary>How long the embedded registry takes to answer a person query (the real one: 1–2 minutes).</summary>
    public TimeSpan EmbeddedQueryDelay { get; set; } = TimeSpan.FromSeconds(3);
}
