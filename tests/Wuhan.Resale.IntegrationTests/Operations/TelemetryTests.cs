using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Telemetry;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.Operations;

/// <summary>OpenTelemetry as an operator switches it on (Telemetry section), and its absence when they do not.</summary>
[Collection(nameof(AloneInTheProcess))]
public sealed partial class TelemetryTests
{
    [Fact]
    public async Task Telemetry_IsOffByDefault_NoProviderNoWrappedAdaptersAndNoScrapeEndpoint()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();

        using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Null(factory.Services.GetService<MeterProvider>());
        Assert.Null(factory.Services.GetService<TracerProvider>());
        using var scope = factory.Services.CreateScope();
        Assert.IsNotType<MeasuredSmsGateway>(scope.ServiceProvider.GetRequiredService<ISmsGateway>());
        Assert.IsNotType<MeasuredPropertyRegistry>(scope.ServiceProvider.GetRequiredService<IPropertyRegistry>());
    }

    [Fact]
    public async Task Prometheus_ShowsTheFilingTheQueryAndTheTexts_WithoutAnyPhoneOrIdNumber()
    {
        using var factory = new PortalFactory();
        factory.Settings["Telemetry:Enabled"] = "true";
        factory.Settings["Telemetry:PrometheusScrapePath"] = "/metrics";

        var (seller, _, _, _) = await FilingJourney.FiledAsync(factory, "seller-clean", "home-clean", "buyer-1");
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var scrape = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", Sample(scrape, "portal_contracts_filed_total"));
        Assert.Equal("0", Sample(scrape, "portal_property_queries_pending"));
        Assert.Equal("1", Sample(scrape, "portal_property_queries_finished_total", "outcome=\"completed\""));
        Assert.NotNull(Sample(scrape, "portal_sms_messages_total", "purpose=\"Filing\"", "outcome=\"sent\""));
        Assert.NotNull(Sample(scrape, "portal_external_duration_seconds_count", "system=\"property_registry\"", "operation=\"homes_by_owner\"", "outcome=\"ok\""));
        Assert.NotNull(Sample(scrape, "http_server_request_duration_seconds_count")); // the ASP.NET Core instrumentation
        var buyer = DemoData.Citizen("buyer-1");
        foreach (var secret in new[] { seller.Citizen.Phone, seller.Citizen.IdNumber, buyer.Phone, buyer.IdNumber })
        {
            Assert.DoesNotContain(secret, scrape, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ThePrometheusEndpoint_CanBeKeptToAnInternalHostAndPort()
    {
        using var factory = new PortalFactory();
        factory.Settings["Telemetry:Enabled"] = "true";
        factory.Settings["Telemetry:PrometheusScrapePath"] = "/metrics";
        factory.Settings["Telemetry:PrometheusHost"] = "*:9464";
        using var client = factory.CreateClient();

        using var publicAddress = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var internalRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost:9464/metrics"));
        using var internalAddress = await client.SendAsync(internalRequest);

        Assert.Equal(HttpStatusCode.NotFound, publicAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, internalAddress.StatusCode);
    }

    [Fact]
    public async Task Traces_NameTheRoute_AndCarryNoPhoneIdNumberPathOrQueryString()
    {
        var spans = new LockedCollection<Activity>();
        using var factory = new PortalFactory
        {
            ConfigureServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)),
        };
        factory.Settings["Telemetry:Enabled"] = "true";

        // Signing in posts the ID and phone number; a query string typed by hand carries them too.
        var seller = await SellerJourney.SignInAsync(factory, "seller-clean");
        var citizen = seller.Citizen;
        using var page = await seller.Client.GetAsync(new Uri($"/listing?phone={citizen.Phone}&id={citizen.IdNumber}", UriKind.Relative));
        using var health = await seller.Client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var recorded = spans.Snapshot();
        var listing = Assert.Single(recorded, span => span.Kind == ActivityKind.Server && Equals(span.GetTagItem("http.route"), "listing"));
        Assert.Null(listing.GetTagItem("url.query"));
        Assert.Null(listing.GetTagItem("url.path"));
        Assert.Null(listing.GetTagItem("client.address"));
        // EF Core spans are not required here: the (beta) EF instrumentation subscribes once per process, and an earlier
        // test host's provider may hold that subscription. Whatever spans there are, none may carry personal data.
        Assert.DoesNotContain(recorded, span => span.Kind == ActivityKind.Server && span.DisplayName.Contains("healthz", StringComparison.Ordinal));
        foreach (var span in recorded)
        {
            var text = span.DisplayName + " " + string.Join(" ", span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
            Assert.DoesNotContain(citizen.Phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain(citizen.IdNumber, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The value of the first sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static string? Sample(string scrape, string metric, params string[] labels) =>
        SampleLine().Matches(scrape)
            .Where(m => m.Groups["name"].Value == metric && labels.All(label => m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Select(m => m.Groups["value"].Value)
            .FirstOrDefault();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    /// <summary>The exporter adds from the request threads and the worker at once.</summary>
    private sealed class LockedCollection<T> : Collection<T>
    {
        private readonly Lock _lock = new();

        public List<T> Snapshot()
        {
            lock (_lock)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (_lock)
            {
                base.InsertItem(index, item);
            }
        }
    }
}

/// <summary>
/// Metrics listeners see every meter of the process by name, so counts would include what test hosts running beside
/// these tests do: they run when no other test does.
/// </summary>
[CollectionDefinition(nameof(AloneInTheProcess), DisableParallelization = true)]
public sealed class AloneInTheProcess;
