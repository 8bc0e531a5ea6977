using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.IntegrationTests.ListingVerification;

/// <summary>The property-query worker on SQLite (a conditional update claims each query).</summary>
public sealed class ParallelQueryTests() : ParallelQueryContract(DatabaseProvider.Sqlite);

/// <summary>The property-query worker on PostgreSQL (SKIP LOCKED claims each query).</summary>
public sealed class ParallelQueryOnPostgreSqlTests() : ParallelQueryContract(DatabaseProvider.PostgreSql);

/// <summary>
/// Several people start 个人房产信息查询 at the same time: one instance asks the registry for up to
/// PropertyQueries:Parallelism of them at once, and still asks once per query and completes each once.
/// </summary>
public abstract class ParallelQueryContract : IDisposable
{
    private const int Parallelism = 3;
    private static readonly string[] Citizens = ["seller-clean", "seller-two-homes", "seller-wedz", "seller-optics-valley"];

    private readonly RegistryGate _gate = new(Parallelism);
    private readonly PortalFactory _factory;

    protected ParallelQueryContract(DatabaseProvider provider)
    {
        _factory = new PortalFactory
        {
            Provider = provider,
            ConfigureServices = services => services.AddScoped<IPropertyRegistry>(sp =>
                new GatedRegistry(ActivatorUtilities.CreateInstance<EmbeddedPropertyRegistry>(sp), _gate)),
        };
        _factory.Settings["PropertyQueries:Parallelism"] = Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task QueriesStartedTogether_AreAskedOfTheRegistryInParallel_UpToTheLimit_EachOnce()
    {
        var people = new List<SellerJourney>();
        foreach (var key in Citizens)
        {
            people.Add(await SellerJourney.SignInAsync(_factory, key));
        }

        // Each registry call waits until three are in flight: done one at a time, none would ever return.
        foreach (var person in people)
        {
            var page = await Forms.GetDocumentAsync(person.Client, "/listing");
            using var started = await Forms.SubmitAsync(person.Client, page, "form[action='/listing/queries']");
        }

        var ids = new List<Guid>();
        foreach (var person in people)
        {
            ids.Add(await person.WaitForLatestQueryAsync());
        }

        var queries = await _factory.WithDbAsync(db => db.PropertyQueries.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.Status, q.Attempts }).ToListAsync());
        var completions = await _factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "query.completed").Select(e => e.EntityId!).ToListAsync());

        Assert.Equal(Parallelism, _gate.MostInFlight);
        Assert.All(queries, q => Assert.Equal((PropertyQueryStatus.Completed, 1), (q.Status, q.Attempts)));
        Assert.Equal(Citizens.Length, queries.Count);
        Assert.Equal(ids.Select(id => id.ToString()).Order(), completions.Order());
        Assert.Equal(Citizens.Select(k => DemoData.Citizen(k).IdNumber).Order(), _gate.AskedFor.Order());
    }

    /// <summary>Holds each registry call until <c>parties</c> calls have been in flight together once.</summary>
    private sealed class RegistryGate(int parties)
    {
        private readonly TaskCompletionSource _met = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _most;

        public int MostInFlight => Volatile.Read(ref _most);

        public ConcurrentBag<string> AskedFor { get; } = [];

        public async Task<T> PassAsync<T>(IdNumber owner, Func<Task<T>> call)
        {
            AskedFor.Add(owner.Value);
            var now = Interlocked.Increment(ref _inFlight);
            int most;
            while ((most = Volatile.Read(ref _most)) < now && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }

            if (now >= parties)
            {
                _met.TrySetResult();
            }

            try
            {
                // A safety net against a worker that never runs them together, not a timing assertion.
                await _met.Task.WaitAsync(TimeSpan.FromMinutes(1));
                return await call();
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private sealed class GatedRegistry(EmbeddedPropertyRegistry registry, RegistryGate gate) : IPropertyRegistry
    {
        public Task<IReadOnlyList<PropertyFacts>> FindHomesOfAsync(IdNumber owner, CancellationToken cancellationToken) =>
            gate.PassAsync(owner, () => registry.FindHomesOfAsync(owner, cancellationToken));

        public Task<PropertyFacts?> FindByCertificateAsync(string certificateNumber, CancellationToken cancellationToken) =>
            registry.FindByCertificateAsync(certificateNumber, cancellationToken);
    }
}
