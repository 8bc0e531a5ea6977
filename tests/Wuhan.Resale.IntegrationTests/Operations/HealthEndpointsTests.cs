using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Operations;

/// <summary>What a load balancer and an orchestrator read: /healthz/live and /healthz/ready.</summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Ready_Answers200_WithEveryCheckHealthy_OnAWorkingPortal()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();

        var (status, answer) = await GetAsync(client, "/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", answer.Status);
        Assert.Equal(
            new Dictionary<string, string> { ["database"] = "Healthy", ["lifecycle"] = "Healthy", ["migrations"] = "Healthy" },
            answer.Checks);
    }

    [Fact]
    public async Task Live_Answers200_AndReady503_WhenTheDatabaseCannotBeOpened_WithoutSayingWhy()
    {
        using var factory = new PortalFactory();
        factory.Settings["ConnectionStrings:Resale"] = "Data Source=/nonexistent-folder/missing/resale.db;Mode=ReadOnly";
        factory.Settings["Database:MigrateOnStartup"] = "false";
        factory.Settings["Database:SeedDemoData"] = "false";
        using var client = factory.CreateClient();

        var (liveStatus, live) = await GetAsync(client, "/healthz/live");
        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.Status);
        Assert.Empty(live.Checks);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var answer = Parse(body);
        Assert.Equal("Unhealthy", answer.Status);
        Assert.Equal("Unhealthy", answer.Checks["database"]);
        Assert.Equal("Unhealthy", answer.Checks["migrations"]);
        Assert.Equal("Healthy", answer.Checks["lifecycle"]);
        Assert.DoesNotContain("nonexistent", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ready_Answers503_WhileAMigrationIsPending_ButTheOldHealthzStillSeesTheDatabase()
    {
        // A new release started on a database nobody has migrated yet (MigrateOnStartup off, `-- migrate` not run).
        using var factory = new PortalFactory();
        factory.Settings["Database:MigrateOnStartup"] = "false";
        factory.Settings["Database:SeedDemoData"] = "false";
        using var client = factory.CreateClient();

        var (status, answer) = await GetAsync(client, "/healthz/ready");
        using var legacy = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Healthy", answer.Checks["database"]);
        Assert.Equal("Unhealthy", answer.Checks["migrations"]);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("Healthy", await legacy.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_FollowsAPropertyRegistryInHttpMode_200WhileItAnswers_503OnceItIsDown()
    {
        await using var registry = await StubRegistry.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        using var factory = new PortalFactory { Clock = clock };
        factory.Settings["Integrations:PropertyRegistry:Mode"] = "Http";
        factory.Settings["Integrations:PropertyRegistry:BaseUrl"] = registry.BaseUrl.AbsoluteUri;
        using var client = factory.CreateClient();

        var (upStatus, up) = await GetAsync(client, "/healthz/ready");
        await registry.StopAsync();
        var (stillFreshStatus, _) = await GetAsync(client, "/healthz/ready");
        clock.Advance(TimeSpan.FromSeconds(10));
        var (downStatus, down) = await GetAsync(client, "/healthz/ready");

        // The first answer serves for ten seconds; the next call after that asks the registry again.
        Assert.Equal(HttpStatusCode.OK, stillFreshStatus);

        Assert.Equal(HttpStatusCode.OK, upStatus);
        Assert.Equal("Healthy", up.Checks["property-registry"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        Assert.Equal("Unhealthy", down.Checks["property-registry"]);
        Assert.Equal("Healthy", down.Checks["database"]);

        // The embedded systems are part of the portal: nothing to probe.
        Assert.False(down.Checks.ContainsKey("citizen-registry"));
        Assert.False(down.Checks.ContainsKey("sms-gateway"));
    }

    [Fact]
    public async Task Ready_ProbesAnOutsideSystemOncePerTenSeconds_HoweverOftenItIsCalled()
    {
        await using var gateway = await StubRegistry.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        var requests = new RequestGate();
        using var factory = new PortalFactory { Clock = clock, ConfigureServices = requests.AddTo };
        factory.Settings["Integrations:Sms:Mode"] = "Http";
        factory.Settings["Integrations:Sms:BaseUrl"] = gateway.BaseUrl.AbsoluteUri;
        using var client = factory.CreateClient();

        // The first twenty calls are held at the host's door until all of them are in, so they ask at once.
        requests.Arm(20, path => path == "/healthz/ready", HttpMethods.Get);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => GetAsync(client, "/healthz/ready")));
        Assert.Equal(20, requests.Gate.Arrived);
        clock.Advance(TimeSpan.FromSeconds(9));
        await GetAsync(client, "/healthz/ready");
        var probedWithinTenSeconds = gateway.Requests;
        clock.Advance(TimeSpan.FromSeconds(1));
        await GetAsync(client, "/healthz/ready");

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal(1, probedWithinTenSeconds);
        Assert.Equal(2, gateway.Requests);
    }

    [Fact]
    public async Task Ready_Answers503_WhenTheSmsGatewayAnswersWithServerErrors()
    {
        await using var gateway = await StubRegistry.StartAsync(StatusCodes.Status503ServiceUnavailable);
        using var factory = new PortalFactory();
        factory.Settings["Integrations:Sms:Mode"] = "Http";
        factory.Settings["Integrations:Sms:BaseUrl"] = gateway.BaseUrl.AbsoluteUri;
        using var client = factory.CreateClient();

        var (status, answer) = await GetAsync(client, "/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", answer.Checks["sms-gateway"]);
    }

    internal sealed record Answer(string Status, Dictionary<string, string> Checks);

    internal static async Task<(HttpStatusCode Status, Answer Answer)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, Parse(await response.Content.ReadAsStringAsync()));
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static Answer Parse(string json) =>
        JsonSerializer.Deserialize<Answer>(json, WebJson)
        ?? throw new InvalidOperationException("Empty health answer.");

    /// <summary>A real HTTP server on a free loopback port standing in for a registry gateway: every path answers one status.</summary>
    private sealed class StubRegistry : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private bool _stopped;
        private int _requests;

        private StubRegistry(WebApplication app, Uri baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public Uri BaseUrl { get; }

        /// <summary>How many requests reached the stub.</summary>
        public int Requests => Volatile.Read(ref _requests);

        public static async Task<StubRegistry> StartAsync(int status = StatusCodes.Status404NotFound)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            StubRegistry? stub = null;
            app.Run(context =>
            {
                Interlocked.Increment(ref stub!._requests);
                context.Response.StatusCode = status;
                return Task.CompletedTask;
            });
            await app.StartAsync();
            stub = new StubRegistry(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
            return stub;
        }

        public async Task StopAsync()
        {
            _stopped = true;
            await _app.StopAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stopped)
            {
                await _app.StopAsync();
            }

            await _app.DisposeAsync();
        }
    }
}
