using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Data.PersonalData;

namespace Wuhan.Resale.Web.Infrastructure.Auditing;

/// <summary>
/// Makes the audit log tamper-evident. Every row gets a sequence number and a keyed hash (HMAC-SHA256) over its
/// content and the previous row's hash, so editing, deleting or inserting a row breaks the chain from that row on,
/// and without the key nobody can recompute it. The key is derived from the personal-data hash key, which never
/// lives in the database. Rows are sealed right after the save that wrote them (one sealer at a time; a second
/// instance that races is stopped by the unique sequence number and tries again).
/// </summary>
public sealed class AuditChain(ResaleDbContext db, AuditChainKey key)
{
    public const string SequenceProperty = "ChainSequence";
    public const string HashProperty = "ChainHash";

    private const int BatchSize = 500;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Seals every row not yet in the chain; returns how many were sealed.</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var sealedCount = 0;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    int batch;
                    var strategy = db.Database.CreateExecutionStrategy();
                    do
                    {
                        batch = await strategy.ExecuteAsync(SealBatchAsync, cancellationToken);
                        sealedCount += batch;
                    }
                    while (batch == BatchSize);

                    return sealedCount;
                }
                catch (Exception ex) when (attempt < 5 && ex is DbUpdateException or System.Data.Common.DbException)
                {
                    // Another instance sealed the same rows first (or took the same sequence number, which the unique
                    // index refuses): read the chain's end again.
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Checks the whole chain in order; the first row that does not match is reported.</summary>
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await SealAsync(cancellationToken);
        // After months past the retention period were removed, the chain continues from the last removed row.
        var (after, previousHash) = await Retention.AuditArchive.ChainStartAsync(db, key, cancellationToken);
        var expected = after + 1;
        long checkedRows = 0;
        while (true)
        {
            var rows = await db.AuditEvents.AsNoTracking()
                .Where(e => EF.Property<long?>(e, SequenceProperty) > after)
                .OrderBy(e => EF.Property<long?>(e, SequenceProperty))
                .Take(BatchSize)
                .Select(e => new { Event = e, Sequence = EF.Property<long?>(e, SequenceProperty), Hash = EF.Property<string?>(e, HashProperty) })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var sequence = row.Sequence!.Value;
                if (sequence != expected)
                {
                    return new AuditChainReport(checkedRows, new AuditChainBreak(sequence, row.Event.Id, row.Event.OccurredAt, row.Event.Action,
                        string.Create(CultureInfo.InvariantCulture, $"序号应为{expected}，实为{sequence}：此前的记录被删除或改动了序号")));
                }

                var hash = key.Hash(previousHash, sequence, row.Event);
                if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(row.Hash ?? string.Empty)))
                {
                    return new AuditChainReport(checkedRows, new AuditChainBreak(sequence, row.Event.Id, row.Event.OccurredAt, row.Event.Action,
                        "记录内容与校验值不符：此条记录在写入后被修改（或校验值被改动）"));
                }

                previousHash = hash;
                expected++;
                checkedRows++;
                after = sequence;
            }

            if (rows.Count < BatchSize)
            {
                return new AuditChainReport(checkedRows, null);
            }
        }
    }

    private async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // Instances seal one at a time (the lock ends with the transaction): without it two of them read the same
            // chain end under READ COMMITTED and one loses its batch to the unique sequence number.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7302119646)", cancellationToken);
        }

        var pending = await db.AuditEvents.AsNoTracking()
            .Where(e => EF.Property<long?>(e, SequenceProperty) == null)
            .OrderBy(e => e.OccurredAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var last = await db.AuditEvents.AsNoTracking()
            .Where(e => EF.Property<long?>(e, SequenceProperty) != null)
            .OrderByDescending(e => EF.Property<long?>(e, SequenceProperty))
            .Select(e => new { Sequence = EF.Property<long?>(e, SequenceProperty), Hash = EF.Property<string?>(e, HashProperty) })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash ?? string.Empty;
        foreach (var row in pending.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
        {
            sequence++;
            var hash = key.Hash(previousHash, sequence, row);
            var id = row.Id;
            var next = sequence;
            var updated = await db.AuditEvents
                .Where(e => e.Id == id && EF.Property<long?>(e, SequenceProperty) == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => EF.Property<long?>(e, SequenceProperty), next)
                    .SetProperty(e => EF.Property<string?>(e, HashProperty), hash), cancellationToken);
            if (updated != 1)
            {
                throw new DbUpdateException("An audit row was sealed by someone else meanwhile.");
            }

            previousHash = hash;
        }

        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }
}

/// <summary>The chain's key: derived from the personal-data hash key, so there is no extra secret to manage.</summary>
public sealed class AuditChainKey(PersonalDataKeys keys)
{
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.HashKey, 32, info: Encoding.ASCII.GetBytes("wuhan-resale audit chain v1"));

    public string Hash(string previousHash, long sequence, AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = string.Join('\u001f',
            previousHash,
            sequence.ToString(CultureInfo.InvariantCulture),
            e.Id.ToString("D"),
            e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.ActorKind.ToString(),
            e.ActorId ?? "\u2400",
            e.ActorName,
            e.Action,
            e.EntityType ?? "\u2400",
            e.EntityId ?? "\u2400",
            e.Detail ?? "\u2400",
            e.IpAddress ?? "\u2400",
            e.TraceId ?? "\u2400");
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }
}

public sealed record AuditChainBreak(long Sequence, Guid EventId, DateTimeOffset OccurredAt, string Action, string Reason);

public sealed record AuditChainReport(long CheckedRows, AuditChainBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>Seals the audit rows a save wrote, once that save is committed (not inside a caller's transaction).</summary>
public sealed class AuditChainInterceptor(AuditChainKey key) : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        MarkPending(eventData.Context);

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        MarkPending(eventData.Context);

        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (TakePending(eventData.Context) is { } db)
        {
            await new AuditChain(db, key).SealAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (TakePending(eventData.Context) is { } db)
        {
            new AuditChain(db, key).SealAsync().GetAwaiter().GetResult();
        }

        return result;
    }

    private void MarkPending(DbContext? context)
    {
        if (context is ResaleDbContext && context.ChangeTracker.Entries<AuditEvent>().Any(e => e.State == EntityState.Added))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private ResaleDbContext? TakePending(DbContext? context)
    {
        if (context is ResaleDbContext db && db.Database.CurrentTransaction is null && _pending.Remove(context))
        {
            return db;
        }

        return null;
    }
}
