using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.IntegrationTests.Operations;

/// <summary>
/// A host stopped (a deployment, a scale-in) while its worker waits on the property registry: the query is finished
/// within the grace period or handed back for the next host, never left 查询中 under a lease nobody holds. The
/// registry is a gate the test opens; the grace period runs on a fake clock the test moves: no waiting on real time.
/// </summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(47);

    [Fact]
    public async Task AStopDuringAQuery_LetsItFinish_WhenTheRegistryAnswersWithinTheGracePeriod_WhileReadySays503()
    {
        var directory = PortalFactory.NewDataDirectory();
        var registry = new GatedRegistry();
        var clock = new GraceClock(Grace);
        var factory = SlowRegistryPortal(directory, registry, clock);
        var (client, queryId) = await StartAQueryAsync(factory, registry);

        // The host itself waits longer than the worker's grace period before it gives up on the stop.
        Assert.Equal(Grace + TimeSpan.FromSeconds(10), factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);

        // Stopped the way SIGTERM stops it (disposing the factory would take the test server away first).
        var lifetime = factory.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var whenStopped = lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
        lifetime.StopApplication();
        var stopping = stopped.Task;
        await clock.GracePeriodStarted.WaitAsync(TimeSpan.FromMinutes(1));

        // Draining: the web server still answers, but tells the load balancer to send nobody new.
        var (status, ready) = await HealthEndpointsTests.GetAsync(client, "/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", ready.Checks["lifecycle"]);
        Assert.False(stopping.IsCompleted, "the stop waits for the query in progress");

        registry.Answer();
        await stopping.WaitAsync(TimeSpan.FromMinutes(1));
        await factory.DisposeAsync();

        var stored = await ReadAsync(directory, queryId);
        Assert.Equal(nameof(PropertyQueryStatus.Completed), stored.Status);
        Assert.False(stored.Leased);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task AStopDuringAQuery_HandsItBack_WhenTheGracePeriodRunsOut_AndTheNextHostCompletesIt()
    {
        var directory = PortalFactory.NewDataDirectory();
        var registry = new GatedRegistry();
        var clock = new GraceClock(Grace);
        var factory = SlowRegistryPortal(directory, registry, clock);
        var (_, queryId) = await StartAQueryAsync(factory, registry);

        var stopping = factory.DisposeAsync().AsTask();
        await clock.GracePeriodStarted.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(Grace - TimeSpan.FromSeconds(1));
        Assert.False(stopping.IsCompleted, "within the grace period the worker still waits for the registry");
        clock.Advance(TimeSpan.FromSeconds(1));
        await stopping.WaitAsync(TimeSpan.FromMinutes(1));

        // Handed back: still 查询中, claimable at once, and the interrupted attempt not counted against the registry.
        var handedBack = await ReadAsync(directory, queryId);
        Assert.Equal(nameof(PropertyQueryStatus.Pending), handedBack.Status);
        Assert.False(handedBack.Leased);
        Assert.Equal(0, handedBack.Attempts);
        Assert.True(registry.SawCancellation, "the registry call was cancelled, not abandoned");

        using var next = new PortalFactory(directory);
        var done = await WaitUntilFinishedAsync(next, queryId);
        Assert.Equal(PropertyQueryStatus.Completed, done.Status);
        Assert.Equal(1, done.Attempts);
        Assert.NotEmpty(await next.WithDbAsync(db => db.PropertyQueries.Where(q => q.Id == queryId).SelectMany(q => q.Records).ToListAsync()));
    }

    private static PortalFactory SlowRegistryPortal(string directory, GatedRegistry registry, GraceClock clock)
    {
        var factory = new PortalFactory(directory)
        {
            Clock = clock,
            ConfigureServices = services => services.AddScoped<IPropertyRegistry>(sp =>
                registry.Around(ActivatorUtilities.CreateInstance<EmbeddedPropertyRegistry>(sp))),
        };
        factory.Settings["PropertyQueries:ShutdownGrace"] = Grace.ToString();
        return factory;
    }

    /// <summary>A seller presses 个人房产信息查询; returns once the worker has claimed it and is waiting on the registry.</summary>
    private static async Task<(HttpClient Client, Guid QueryId)> StartAQueryAsync(PortalFactory factory, GatedRegistry registry)
    {
        var seller = await SellerJourney.SignInAsync(factory, "seller-clean");
        var page = await Forms.GetDocumentAsync(seller.Client, "/listing");
        using var started = await Forms.SubmitAsync(seller.Client, page, "form[action='/listing/queries']");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        await registry.Asked.WaitAsync(TimeSpan.FromMinutes(1));
        var queryId = await factory.WithDbAsync(db => db.PropertyQueries.Select(q => q.Id).SingleAsync());
        return (seller.Client, queryId);
    }

    private static async Task<PropertyQuery> WaitUntilFinishedAsync(PortalFactory factory, Guid queryId)
    {
        for (var i = 0; i < 400; i++)
        {
            var query = await factory.WithDbAsync(db => db.PropertyQueries.AsNoTracking().SingleAsync(q => q.Id == queryId));
            if (query.Status != PropertyQueryStatus.Pending)
            {
                return query;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The next host did not finish the handed-back query.");
    }

    /// <summary>Reads the stopped host's database file directly (starting a host would start a worker too).</summary>
    private static async Task<(string Status, bool Leased, long Attempts)> ReadAsync(string directory, Guid queryId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "resale.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, LeasedUntil IS NOT NULL, Attempts FROM PropertyQueries WHERE Id = @id";
        command.Parameters.AddWithValue("@id", queryId.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2));
    }

    /// <summary>The property registry at the system's edge, answering only when the test says so.</summary>
    private sealed class GatedRegistry
    {
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Asked => _asked.Task;

        public bool SawCancellation { get; private set; }

        public void Answer() => _answer.TrySetResult();

        public IPropertyRegistry Around(IPropertyRegistry embedded) => new Gate(this, embedded);

        private sealed class Gate(GatedRegistry owner, IPropertyRegistry embedded) : IPropertyRegistry
        {
            public async Task<IReadOnlyList<PropertyFacts>> FindHomesOfAsync(IdNumber owner1, CancellationToken cancellationToken)
            {
                owner._asked.TrySetResult();
                try
                {
                    await owner._answer.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    owner.SawCancellation = true;
                    throw;
                }

                return await embedded.FindHomesOfAsync(owner1, cancellationToken);
            }

            public Task<PropertyFacts?> FindByCertificateAsync(string certificateNumber, CancellationToken cancellationToken) =>
                embedded.FindByCertificateAsync(certificateNumber, cancellationToken);
        }
    }

    /// <summary>A fake clock that says when the worker starts its grace period (the one timer of that length).</summary>
    private sealed class GraceClock(TimeSpan grace) : FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero))
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task GracePeriodStarted => _started.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime == grace)
            {
                _started.TrySetResult();
            }

            return timer;
        }
    }
}
