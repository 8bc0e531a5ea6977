using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Telemetry;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.ListingVerification;

/// <summary>Configuration section "PropertyQueries".</summary>
public sealed class PropertyQueryOptions
{
    public const string SectionName = "PropertyQueries";

    /// <summary>How often an idle worker looks for pending queries (new ones on this instance wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed query belongs to one worker; the real registry can take two minutes.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// How many queries one instance works on at once. The registry answers in one to two minutes, mostly waiting, so
    /// one at a time would be 30–60 an hour per instance against about 200 at the busiest hour. Each is still claimed once.
    /// </summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// When the host stops, how long the query in progress may still take to finish; past it the query is handed back
    /// (查询中, unclaimed) for another instance or the next start. Zero hands it back at once.
    /// </summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The host's own shutdown timeout: the grace, plus time to hand the query back and stop the web server.</summary>
    public TimeSpan HostShutdownTimeout => (ShutdownGrace > TimeSpan.Zero ? ShutdownGrace : TimeSpan.Zero) + TimeSpan.FromSeconds(10);
}

/// <summary>Wakes the worker when this instance creates a query, so nobody waits for the next poll.</summary>
public sealed class PropertyQuerySignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // Already signalled: one wake-up is enough (checked first, so a busy minute throws nothing; the catch is for
        // two callers passing the check at once).
        if (_signal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled by another caller a moment ago.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Completes pending 个人房产信息查询 in the background. Queries live in the database, so a query pending when the app
/// stops is picked up after it starts again; each is claimed with an atomic conditional update, so with several
/// instances — and several lanes in one (<see cref="PropertyQueryOptions.Parallelism"/>) — one query is processed once.
/// </summary>
/// <remarks>
/// Stopping: no new query is claimed once the host stops; the one in progress gets
/// <see cref="PropertyQueryOptions.ShutdownGrace"/> (measured on the injected clock) to finish, then its registry call is
/// cancelled and the query handed back, unclaimed and without counting the attempt, so it never stays 查询中 under a
/// lease nobody holds.
/// </remarks>
public sealed partial class PropertyQueryWorker(
    IServiceScopeFactory scopes,
    PropertyQuerySignal signal,
    IOptions<PropertyQueryOptions> options,
    PortalMetrics metrics,
    TimeProvider clock,
    ILogger<PropertyQueryWorker> logger) : BackgroundService
{
    /// <summary>Cancels the query in progress: not at the stop itself, but once the grace period after it has passed.</summary>
    private readonly CancellationTokenSource _work = new();

    private ITimer? _graceTimer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await using var drain = stoppingToken.Register(BeginGracePeriod);
        var lanes = Math.Max(1, options.Value.Parallelism);
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(() => RunLaneAsync(lane, lanes > 1, stoppingToken), CancellationToken.None)));
    }

    /// <summary>
    /// One lane: claims and processes queries one after another until none is left, then sleeps until woken. Only the
    /// first lane also wakes on the poll interval (for queries started on other instances), so an idle instance asks the
    /// database as often as with one lane; a lane that claims a query wakes another, so a burst spreads over the lanes.
    /// </summary>
    private async Task RunLaneAsync(int lane, bool wakeAnother, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested && await ProcessNextAsync(stoppingToken, _work.Token, wakeAnother))
                {
                }

                await signal.WaitAsync(lane == 0 ? options.Value.PollInterval : Timeout.InfiniteTimeSpan, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive a failed round (e.g. the database briefly unavailable).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void BeginGracePeriod()
    {
        var grace = options.Value.ShutdownGrace;
        if (grace > TimeSpan.Zero)
        {
            // On the injected clock, so the grace period can be tested without waiting for it.
            _graceTimer = clock.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), _work, grace, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _work.Cancel();
        }
    }

    public override void Dispose()
    {
        _graceTimer?.Dispose();
        _work.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Claims and processes one pending query; false when there was nothing to do. <paramref name="stoppingToken"/>
    /// stops the search for work; <paramref name="workToken"/> the work on a query already claimed.
    /// </summary>
    internal async Task<bool> ProcessNextAsync(CancellationToken stoppingToken, CancellationToken workToken, bool wakeAnother = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResaleDbContext>();
        var now = clock.GetUtcNow();
        var leasedUntil = now + options.Value.Lease;
        Guid id;
        int claimed;
        if (db.Database.IsNpgsql())
        {
            // One statement: the oldest claimable row that no other worker holds at this moment (SKIP LOCKED), so
            // workers on several instances take different queries instead of racing for the same one.
            var pending = nameof(PropertyQueryStatus.Pending);
            var version = Guid.NewGuid();
            var ids = await db.Database.SqlQuery<Guid>($"""
                UPDATE "PropertyQueries" SET "LeasedUntil" = {leasedUntil}, "Attempts" = "Attempts" + 1, "Version" = {version}
                WHERE "Id" = (
                    SELECT "Id" FROM "PropertyQueries"
                    WHERE "Status" = {pending} AND ("LeasedUntil" IS NULL OR "LeasedUntil" < {now})
                    ORDER BY "RequestedAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(stoppingToken);
            if (ids.Count == 0)
            {
                return false;
            }

            (id, claimed) = (ids[0], 1);
        }
        else
        {
            var candidate = await db.PropertyQueries.AsNoTracking()
                .Where(q => q.Status == PropertyQueryStatus.Pending && (q.LeasedUntil == null || q.LeasedUntil < now))
                .OrderBy(q => q.RequestedAt)
                .Select(q => (Guid?)q.Id)
                .FirstOrDefaultAsync(stoppingToken);
            if (candidate is null)
            {
                return false;
            }

            id = candidate.Value;
            claimed = await db.PropertyQueries
                .Where(q => q.Id == id && q.Status == PropertyQueryStatus.Pending && (q.LeasedUntil == null || q.LeasedUntil < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(q => q.LeasedUntil, leasedUntil)
                    .SetProperty(q => q.Attempts, q => q.Attempts + 1)
                    .SetProperty(q => EF.Property<Guid>(q, ResaleDbContext.VersionProperty), Guid.NewGuid()), stoppingToken);
        }

        if (claimed == 1)
        {
            if (wakeAnother)
            {
                signal.Notify();
            }

            try
            {
                await ProcessClaimedAsync(scope.ServiceProvider, id, workToken);
            }
            catch (OperationCanceledException) when (workToken.IsCancellationRequested)
            {
                // The grace period after a stop has passed: hand the query back so the next start (or another
                // instance) takes it at once. The attempt is not counted: the registry did not fail.
                if (await HandBackAsync(db, id) == 1)
                {
                    metrics.PropertyQueryInterrupted("shutdown");
                    LogHandedBack(logger, id);
                }

                throw;
            }
        }

        return true;
    }

    private async Task ProcessClaimedAsync(IServiceProvider services, Guid id, CancellationToken workToken)
    {
        var db = services.GetRequiredService<ResaleDbContext>();
        var query = await db.PropertyQueries.SingleAsync(q => q.Id == id, workToken);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == query.PersonId, workToken);
        try
        {
            var homes = await services.GetRequiredService<IPropertyRegistry>()
                .FindHomesOfAsync(IdNumber.Parse(person.IdType, person.IdNumber), workToken);
            query.Complete(homes, clock.GetUtcNow());
            services.GetRequiredService<AuditTrail>().Record(
                "query.completed", "PropertyQuery", query.Id.ToString(), $"共{homes.Count}套房屋", SystemActor);
            await db.SaveChangesAsync(workToken);
            metrics.PropertyQueryFinished(completed: true, clock.GetUtcNow() - query.RequestedAt);
            await NotifyAsync(services, person, homes.Count, workToken);
        }
#pragma warning disable CA1031 // Any registry failure becomes a retry or, in the end, a 失败 the person can read.
        catch (Exception ex) when (ex is not OperationCanceledException || !workToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogQueryFailed(logger, id, query.Attempts, ex);
            db.ChangeTracker.Clear();
            if (query.Attempts >= options.Value.MaxAttempts)
            {
                var failed = await db.PropertyQueries.SingleAsync(q => q.Id == id, CancellationToken.None);
                failed.Fail("不动产登记系统暂时无法完成查询，请稍后重新发起查询。", clock.GetUtcNow());
                services.GetRequiredService<AuditTrail>().Record("query.failed", "PropertyQuery", id.ToString(), ex.GetType().Name, SystemActor);
                await db.SaveChangesAsync(CancellationToken.None);
                metrics.PropertyQueryFinished(completed: false, clock.GetUtcNow() - failed.RequestedAt);
            }
            else
            {
                await ReleaseAsync(db, id, clock.GetUtcNow() + TimeSpan.FromSeconds(10 * query.Attempts));
                metrics.PropertyQueryInterrupted("registry_error");
            }
        }
    }

    /// <summary>Query-done notices one person may receive a day (Asia/Shanghai); each start of a query can cause one.</summary>
    public const int NoticesPerPersonPerDay = 5;

    /// <summary>
    /// Tells the person by SMS that the query they are waiting for is done, so nobody has to watch the page for two
    /// minutes. Counted per person a day in the audit trail (shared by every instance); past the limit the page alone
    /// tells them. A failed gateway never fails the query.
    /// </summary>
    private async Task NotifyAsync(IServiceProvider services, Domain.People.Person person, int homeCount, CancellationToken workToken)
    {
        var db = services.GetRequiredService<ResaleDbContext>();
        var dayStart = ShanghaiTime.StartOfDay(ShanghaiTime.Today(clock));
        var personId = person.Id.ToString();
        var sentToday = await db.AuditEvents.AsNoTracking()
            .CountAsync(e => e.Action == NoticeAction && e.EntityType == "Person" && e.EntityId == personId && e.OccurredAt >= dayStart, workToken);
        if (sentToday >= NoticesPerPersonPerDay)
        {
            return;
        }

        try
        {
            await services.GetRequiredService<ISmsGateway>().SendAsync(PhoneNumber.Parse(person.Phone),
                $"【武汉房产网签】您的个人房产信息查询已完成，共查到{homeCount}套房屋。请回到平台“房源核验”页面继续办理，当天有效。",
                "QueryCompleted", workToken);
            services.GetRequiredService<AuditTrail>().Record(NoticeAction, "Person", personId, "房产信息查询完成短信已发送", SystemActor);
            await db.SaveChangesAsync(workToken);
        }
#pragma warning disable CA1031 // The query is done and saved; a notice that could not go out is only logged.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogNoticeFailed(logger, ex);
        }
    }

    private const string NoticeAction = "query.notice-sent";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The query-done SMS could not be sent")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception);

    private static Task<int> HandBackAsync(ResaleDbContext db, Guid id) =>
        db.PropertyQueries
            .Where(q => q.Id == id && q.Status == PropertyQueryStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.LeasedUntil, (DateTimeOffset?)null)
                .SetProperty(q => q.Attempts, q => q.Attempts > 0 ? q.Attempts - 1 : 0)
                .SetProperty(q => EF.Property<Guid>(q, ResaleDbContext.VersionProperty), Guid.NewGuid()), CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: property query {QueryId} handed back unfinished for another instance or the next start")]
    private static partial void LogHandedBack(ILogger logger, Guid queryId);

    private static Task<int> ReleaseAsync(ResaleDbContext db, Guid id, DateTimeOffset? retryAfter) =>
        db.PropertyQueries
            .Where(q => q.Id == id && q.Status == PropertyQueryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.LeasedUntil, retryAfter), CancellationToken.None);

    private static readonly AuditActor SystemActor = new(ActorKind.System, null, "房产信息查询服务");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Property query {QueryId} failed on attempt {Attempt}")]
    private static partial void LogQueryFailed(ILogger logger, Guid queryId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Property query worker round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
