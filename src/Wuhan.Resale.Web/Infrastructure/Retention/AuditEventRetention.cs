using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Infrastructure.Retention;

/// <summary>What one audit-retention step did.</summary>
/// <param name="MonthsPrepared">PostgreSQL: the months, from this one on, that now have their partition (created now or before).</param>
/// <param name="Before">The first month kept (UTC month start): rows before it are past the retention period.</param>
/// <param name="RemovedRows">Rows removed (whole months), 0 when nothing was old enough.</param>
/// <param name="Postponed">Old rows exist but were kept this time (their chain order overlaps a kept month, or unsealed rows).</param>
public sealed record AuditRetentionResult(int MonthsPrepared, DateTimeOffset Before, long RemovedRows, bool Postponed);

/// <summary>
/// Keeps the audit log for <see cref="RetentionOptions.AuditEvents"/> (at least ten years) and removes it by whole
/// months after that, without breaking the tamper-evident chain.
/// <list type="bullet">
/// <item>PostgreSQL: the table is partitioned by year (migration <c>AuditEventsByMonth</c>, see
/// <see cref="AuditPartitioning"/> for why years). The step makes sure the partitions holding this month and the next
/// <see cref="RetentionOptions.AuditMonthsAhead"/> exist (a default partition catches anything beyond), drops the years
/// wholly past the period, and deletes the expired months of the boundary's year in batches — partitions through
/// functions the migration created as the owner, since the portal's role has no DDL rights; the drop function itself
/// refuses to remove anything younger than ten years.</item>
/// <item>SQL Server and SQLite: rows before the first kept month are deleted in batches, oldest first (on SQL Server
/// along the clustered (OccurredAt, Id) index, so whole pages go).</item>
/// </list>
/// Before anything is removed, an <see cref="AuditArchive"/> record stores the sequence and hash of the last removed
/// row, sealed with the chain key; the verification starts after it. A month whose rows were sealed after a row of a
/// kept month (a late write around the boundary) would leave a gap in the kept chain, so such a removal waits.
/// The removal itself is written to the audit log.
/// </summary>
public static class AuditEventRetention
{
    /// <summary>The shortest period the portal accepts: ten years, counting the leap days they can contain.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromDays(3653);

    public static async Task<AuditRetentionResult> RunAsync(
        ResaleDbContext db, AuditChainKey key, DateTimeOffset now, RetentionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var period = options.AuditEvents < Minimum ? Minimum : options.AuditEvents;
        var before = MonthStart(now - period);
        var prepared = 0;
        if (db.Database.IsNpgsql())
        {
            prepared = await db.Database.SqlQueryRaw<int>(
                "SELECT resale_audit_prepare_months({0}, {1}) AS \"Value\"", MonthStart(now).UtcDateTime, Math.Clamp(options.AuditMonthsAhead, 1, 24))
                .SingleAsync(cancellationToken);
        }

        if (!await db.AuditEvents.AnyAsync(e => e.OccurredAt < before, cancellationToken))
        {
            return new AuditRetentionResult(prepared, before, 0, false);
        }

        // Everything old must be in the chain, and no kept row may come before an old one in it.
        await new AuditChain(db, key).SealAsync(cancellationToken);
        var last = await db.AuditEvents.AsNoTracking()
            .Where(e => e.OccurredAt < before)
            .OrderByDescending(e => EF.Property<long?>(e, AuditChain.SequenceProperty))
            .Select(e => new { Sequence = EF.Property<long?>(e, AuditChain.SequenceProperty), Hash = EF.Property<string?>(e, AuditChain.HashProperty) })
            .FirstAsync(cancellationToken);
        var firstKept = await db.AuditEvents.AsNoTracking()
            .Where(e => e.OccurredAt >= before && EF.Property<long?>(e, AuditChain.SequenceProperty) != null)
            .MinAsync(e => EF.Property<long?>(e, AuditChain.SequenceProperty), cancellationToken);
        var unsealedOld = await db.AuditEvents.AnyAsync(e => e.OccurredAt < before && EF.Property<long?>(e, AuditChain.SequenceProperty) == null, cancellationToken);
        if (last.Sequence is not { } lastSequence || unsealedOld || (firstKept is { } kept && kept < lastSequence))
        {
            return new AuditRetentionResult(prepared, before, 0, true);
        }

        var archive = new AuditArchive(Guid.CreateVersion7(now), before, lastSequence, last.Hash ?? string.Empty, 0, now, key);
        long removed = 0;
        if (db.Database.IsNpgsql())
        {
            // The starting point and the drop of the years wholly past the period commit together.
            var strategy = db.Database.CreateExecutionStrategy();
            removed = await strategy.ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                db.Add(archive);
                await db.SaveChangesAsync(ct);
                var rows = await db.Database.SqlQueryRaw<long>("SELECT resale_audit_drop_months_before({0}) AS \"Value\"", before.UtcDateTime).SingleAsync(ct);
                await transaction.CommitAsync(ct);
                return rows;
            }, cancellationToken);
        }
        else
        {
            // The starting point first: rows left by an interrupted run lie before it and are skipped by the verification.
            db.Add(archive);
            await db.SaveChangesAsync(cancellationToken);
        }

        // The expired months left (all of them on SQL Server and SQLite; those of the boundary's year on PostgreSQL), in
        // batches along the time index.
        var batch = Math.Max(1, options.BatchSize);
        int done;
        do
        {
            done = await db.AuditEvents.Where(e => e.OccurredAt < before).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(batch)
                .ExecuteDeleteAsync(cancellationToken);
            removed += done;
        }
        while (done >= batch);
        archive.Rows = removed;
        await db.SaveChangesAsync(cancellationToken);

        db.Entry(archive).State = EntityState.Detached;
        db.AuditEvents.Add(new AuditEvent(Guid.CreateVersion7(now), now, ActorKind.System, null, AuditArchive.ActorName, AuditArchive.Action,
            nameof(AuditArchive), archive.Id.ToString(),
            FormattableString.Invariant($"删除 {before:yyyy-MM} 之前的审计记录 {removed} 条（保存期限 {period.TotalDays:F0} 天），完整性校验自第 {lastSequence + 1} 条起"),
            null, null));
        await db.SaveChangesAsync(cancellationToken);
        return new AuditRetentionResult(prepared, before, removed, false);
    }

    /// <summary>The first moment (UTC) of the month <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset MonthStart(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
