using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Infrastructure.Retention;

/// <summary>Configuration section <c>Retention</c>: how long each kind of row is kept after it has served its purpose.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Run the clean-up at all (on by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the instance holding the lease cleans up.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement: short transactions that never hold a big table for long.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>SMS codes, used or expired, are kept this long after they expire.</summary>
    public TimeSpan VerificationCodes { get; set; } = TimeSpan.FromDays(1);

    /// <summary>QR login tickets, consumed or expired, are kept this long after they expire.</summary>
    public TimeSpan LoginTickets { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Property queries (with the co-owners' encrypted ID numbers the registry returned) are usable on their own day
    /// only; kept this long after they were made, unless a verified home came from them.
    /// </summary>
    public TimeSpan PropertyQueries { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The (already masked) text of a sent SMS is blanked after this; the record of who got what kind when stays.</summary>
    public TimeSpan SmsTexts { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The SMS record itself (encrypted phone, purpose, time) is deleted after this.</summary>
    public TimeSpan SmsRecords { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Sessions are deleted this long after their last use; their ends stay in the audit log.</summary>
    public TimeSpan Sessions { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A bank's stored first answer to an Idempotency-Key is replayed to retries for this long after it was given;
    /// a retry later than that is treated as a new request (and is refused by the escrow rules if it repeats a change).
    /// </summary>
    public TimeSpan IdempotencyKeys { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Audit events are kept this long, then removed by whole months (<see cref="AuditEventRetention"/>). Ten years by
    /// default and at least ten years (<see cref="AuditEventRetention.Minimum"/>): a shorter setting stops the portal at start.
    /// </summary>
    public TimeSpan AuditEvents { get; set; } = AuditEventRetention.Minimum;

    /// <summary>PostgreSQL: month partitions of the audit table made ready ahead of the current month.</summary>
    public int AuditMonthsAhead { get; set; } = 3;
}

public static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.AuditEvents >= AuditEventRetention.Minimum, "Retention:AuditEvents must be at least ten years (3653.00:00:00): audit events are kept at least ten years.")
            .ValidateOnStart();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionJob>());
        return services;
    }
}

/// <summary>What one clean-up removed, per kind.</summary>
public sealed record RetentionResult(
    int VerificationCodes, int LoginTickets, int CaptchaChallenges, int PropertyQueries, int SmsTextsBlanked,
    int SmsRecords, int Sessions, int RateCounters, int IdempotencyRecords);

/// <summary>
/// Deletes, in batches, what has served its purpose (periods in <see cref="RetentionOptions"/>, README "Retention"). One
/// instance at a time does it: the one holding the <c>retention</c> lease. Audit events, the tamper-evident record,
/// are kept at least ten years and then removed by whole months (<see cref="AuditEventRetention"/>), after the rest.
/// </summary>
public sealed partial class RetentionJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger) : BackgroundService
{
    public const string LeaseName = "retention";

    /// <summary>The text that replaces an SMS text past its period.</summary>
    public const string BlankedText = "（正文已按保存期限删除）";

    /// <summary>This instance, as the lease names it: the machine, the process and a random part for hosts in one process.</summary>
    private readonly string _holder = Holder();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
                {
                    RunFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the lease runs out and another instance takes over.
        }
    }

    /// <summary>One clean-up, if this instance holds (or can take) the lease; null when another instance holds it.</summary>
    public async Task<RetentionResult?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResaleDbContext>();
        if (!await JobLeases.TryAcquireAsync(db, LeaseName, _holder, now, o.Interval * 2, cancellationToken))
        {
            return null;
        }

        var batch = Math.Max(1, o.BatchSize);
        var codesBefore = now - o.VerificationCodes;
        var ticketsBefore = now - o.LoginTickets;
        var queriesBefore = now - o.PropertyQueries;
        var textsBefore = now - o.SmsTexts;
        var smsBefore = now - o.SmsRecords;
        var sessionsBefore = now - o.Sessions;
        var idempotencyBefore = now - o.IdempotencyKeys;
        var nowSeconds = now.ToUnixTimeSeconds();

        // Named arguments run in the order written: old SMS records go before the texts of the rest are blanked.
        var result = new RetentionResult(
            VerificationCodes: await InBatchesAsync(() => db.VerificationCodes
                .Where(c => c.ExpiresAt < codesBefore).OrderBy(c => c.Id).Take(batch).ExecuteDeleteAsync(cancellationToken), batch),
            LoginTickets: await InBatchesAsync(() => db.LoginTickets
                .Where(t => t.ExpiresAt < ticketsBefore).OrderBy(t => t.Id).Take(batch).ExecuteDeleteAsync(cancellationToken), batch),
            CaptchaChallenges: await InBatchesAsync(() => db.CaptchaChallenges
                .Where(c => c.ExpiresAt < now).OrderBy(c => c.Id).Take(batch).ExecuteDeleteAsync(cancellationToken), batch),
            // A query a verified home came from stays as long as that listing: the listing points at its record.
            PropertyQueries: await InBatchesAsync(() => db.PropertyQueries
                .Where(q => q.RequestedAt < queriesBefore && q.Status != PropertyQueryStatus.Pending
                    && !db.Listings.Any(l => q.Records.Any(r => r.Id == l.PropertyRecordId)))
                .OrderBy(q => q.Id).Take(batch).ExecuteDeleteAsync(cancellationToken), batch),
            SmsRecords: await InBatchesAsync(() => db.SmsMessages
                .Where(m => m.CreatedAt < smsBefore).OrderBy(m => m.Id).Take(batch).ExecuteDeleteAsync(cancellationToken), batch),
            SmsTextsBlanked: await InBatchesAsync(() => db.SmsMessages
                .Where(m => m.CreatedAt < textsBefore && m.Text != BlankedText).OrderBy(m => m.Id).Take(batch)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Text, BlankedText), cancellationToken), batch),
            Sessions: await InBatchesAsync(() => db.UserSessions
                .Where(s => s.LastSeenAt < sessionsBefore).OrderBy(s => s.Id).Take(batch).ExecuteDeleteAsync(cancellationToken), batch),
            RateCounters: await InBatchesAsync(() => db.RateCounters
                .Where(c => c.ExpiresAt <= nowSeconds).OrderBy(c => c.Key).Take(batch).ExecuteDeleteAsync(cancellationToken), batch),
            IdempotencyRecords: await InBatchesAsync(() => db.IdempotencyRecords
                .Where(r => r.CreatedAt < idempotencyBefore).OrderBy(r => r.CreatedAt).Take(batch).ExecuteDeleteAsync(cancellationToken), batch));

        LastAuditResult = await AuditEventRetention.RunAsync(db, scope.ServiceProvider.GetRequiredService<AuditChainKey>(), now, o, cancellationToken);
        if (LastAuditResult.RemovedRows > 0 || LastAuditResult.Postponed)
        {
            AuditMonths(logger, LastAuditResult.RemovedRows, LastAuditResult.Before, LastAuditResult.Postponed);
        }

        if (result != Nothing)
        {
            Cleaned(logger, result.VerificationCodes, result.LoginTickets, result.CaptchaChallenges, result.PropertyQueries,
                result.SmsTextsBlanked, result.SmsRecords, result.Sessions, result.RateCounters, result.IdempotencyRecords);
        }

        return result;
    }

    /// <summary>The audit step of this instance's latest clean-up (null before its first, or while another instance holds the lease).</summary>
    public AuditRetentionResult? LastAuditResult { get; private set; }

    private static readonly RetentionResult Nothing = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static string Holder()
    {
        var holder = $"{Guid.NewGuid():N}:{Environment.ProcessId}:{Environment.MachineName}";
        return holder.Length <= JobLease.HolderLength ? holder : holder[..JobLease.HolderLength];
    }

    /// <summary>Repeats one batch statement until a batch comes back short; the total.</summary>
    private static async Task<int> InBatchesAsync(Func<Task<int>> oneBatch, int batch)
    {
        var total = 0;
        int done;
        do
        {
            done = await oneBatch();
            total += done;
        }
        while (done >= batch);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Codes} SMS codes, {Tickets} login tickets, {Captchas} captcha rows, {Queries} property queries, blanked {Texts} SMS texts, deleted {Sms} SMS records, {Sessions} sessions, {Counters} rate counters, {Idempotency} stored partner answers")]
    private static partial void Cleaned(ILogger logger, int codes, int tickets, int captchas, int queries, int texts, int sms, int sessions, int counters, int idempotency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: removed {Rows} audit events from before {Before:yyyy-MM} (postponed: {Postponed})")]
    private static partial void AuditMonths(ILogger logger, long rows, DateTimeOffset before, bool postponed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention clean-up failed; it runs again at the next interval")]
    private static partial void RunFailed(ILogger logger, Exception exception);
}
