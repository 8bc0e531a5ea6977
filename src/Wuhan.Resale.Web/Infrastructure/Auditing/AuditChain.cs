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
/// lives in the database. Rows are sealed in the save that writes them (<see cref="AuditChainInterceptor"/>): the
/// chain's end is read inside that save's transaction once it holds the chain's lock, so savers append one at a time,
/// across instances too. <see cref="SealAsync"/> seals rows written some other way (an older build, a raw insert).
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
        // Saves seal their own rows, so there is usually nothing to do: find that out without a write transaction.
        if (!await db.AuditEvents.AsNoTracking().AnyAsync(e => EF.Property<long?>(e, SequenceProperty) == null, cancellationToken))
        {
            return 0;
        }

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
        var (after, previousHash) = await Data.AuditArchive.ChainStartAsync(db, key, cancellationToken);
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
        await using var transaction = await BeginLockedAsync(db, cancellationToken);

        var pending = await db.AuditEvents.AsNoTracking()
            .Where(e => EF.Property<long?>(e, SequenceProperty) == null)
            .OrderBy(e => e.OccurredAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var (sequence, previousHash) = await ChainEndAsync(db, cancellationToken);
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

    /// <summary>
    /// Begins a transaction that holds the chain's lock until it ends: SQLite's write lock, which Microsoft.Data.Sqlite
    /// takes at the start (BEGIN IMMEDIATE), so no other saver can even read the chain's end meanwhile; on PostgreSQL
    /// and SQL Server a lock of the transaction's own, as their writers do not block readers.
    /// </summary>
    internal static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginLockedAsync(ResaleDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (KindOf(db) != DatabaseProvider.Sqlite)
            {
                await TakeLockAsync(db, cancellationToken);
            }

            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Takes the chain's lock inside a transaction someone else began. On SQLite that transaction may be deferred (it
    /// takes the write lock only at its first write): a write that changes nothing takes the lock now, before the chain's
    /// end is read.
    /// </summary>
    internal static Task LockInCallersTransactionAsync(ResaleDbContext db, CancellationToken cancellationToken) =>
        KindOf(db) == DatabaseProvider.Sqlite
            ? db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEvents" SET "ChainSequence" = "ChainSequence" WHERE 0""", cancellationToken)
            : TakeLockAsync(db, cancellationToken);

    private static Task TakeLockAsync(ResaleDbContext db, CancellationToken cancellationToken)
    {
        var kind = KindOf(db);
        if (kind == DatabaseProvider.PostgreSql)
        {
            // Released when the transaction ends. Under READ COMMITTED the chain's end read after it is the latest.
            return db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7302119646)", cancellationToken);
        }

        if (kind == DatabaseProvider.SqlServer)
        {
            return db.Database.ExecuteSqlRawAsync(
                """
                DECLARE @taken int;
                EXEC @taken = sp_getapplock @Resource = N'wuhan-resale-audit-chain', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000;
                IF @taken < 0 THROW 51000, N'The audit chain lock was not taken.', 1;
                """,
                cancellationToken);
        }

        return Task.CompletedTask;
    }

    /// <summary>The context's database, from its type (asking EF Core for the provider's name reflects on its assembly).</summary>
    private static DatabaseProvider KindOf(ResaleDbContext db) => db switch
    {
        SqliteResaleDbContext => DatabaseProvider.Sqlite,
        PostgreSqlResaleDbContext => DatabaseProvider.PostgreSql,
        SqlServerResaleDbContext => DatabaseProvider.SqlServer,
        _ when db.Database.IsNpgsql() => DatabaseProvider.PostgreSql,
        _ when db.Database.IsSqlServer() => DatabaseProvider.SqlServer,
        _ => DatabaseProvider.Sqlite,
    };

    /// <summary>The last sealed row's sequence number and hash (0 and empty for an empty chain).</summary>
    private static async Task<(long Sequence, string Hash)> ChainEndAsync(ResaleDbContext db, CancellationToken cancellationToken)
    {
        var last = await db.AuditEvents.AsNoTracking()
            .Where(e => EF.Property<long?>(e, SequenceProperty) != null)
            .OrderByDescending(e => EF.Property<long?>(e, SequenceProperty))
            .Select(e => new { Sequence = EF.Property<long?>(e, SequenceProperty), Hash = EF.Property<string?>(e, HashProperty) })
            .FirstOrDefaultAsync(cancellationToken);
        return (last?.Sequence ?? 0, last?.Hash ?? string.Empty);
    }

    /// <summary>
    /// Gives the audit rows about to be inserted their places at the chain's end, in the order of their time and id.
    /// Call with the chain's lock held. Each row's time is first set to what the database will store (SQLite keeps
    /// 100-microsecond steps, PostgreSQL microseconds), so the hash covers the row exactly as it will be read back.
    /// </summary>
    internal static async Task PlaceAsync(ResaleDbContext db, AuditChainKey key, CancellationToken cancellationToken)
    {
        var added = new List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditEvent>>();
        foreach (var entry in db.ChangeTracker.Entries<AuditEvent>())
        {
            if (entry.State == EntityState.Added)
            {
                added.Add(entry);
            }
        }

        if (added.Count == 0)
        {
            return;
        }

        var npgsql = KindOf(db) == DatabaseProvider.PostgreSql;
        foreach (var entry in added)
        {
            var time = entry.Property(e => e.OccurredAt);
            var stored = AsStored(time.Metadata, time.CurrentValue, npgsql);
            if (stored.UtcTicks != time.CurrentValue.UtcTicks || stored.Offset != time.CurrentValue.Offset)
            {
                time.CurrentValue = stored;
            }
        }

        added.Sort((a, b) =>
        {
            var byTime = a.Entity.OccurredAt.UtcTicks.CompareTo(b.Entity.OccurredAt.UtcTicks);
            return byTime != 0 ? byTime : a.Entity.Id.CompareTo(b.Entity.Id);
        });
        var (sequence, previousHash) = await ChainEndAsync(db, cancellationToken);
        foreach (var entry in added)
        {
            sequence++;
            var hash = key.Hash(previousHash, sequence, entry.Entity);
            entry.Property(SequenceProperty).CurrentValue = sequence;
            entry.Property(HashProperty).CurrentValue = hash;
            previousHash = hash;
        }
    }

    private static DateTimeOffset AsStored(Microsoft.EntityFrameworkCore.Metadata.IProperty property, DateTimeOffset value, bool npgsql)
    {
        if (property.GetTypeMapping().Converter is { } converter)
        {
            value = (DateTimeOffset)converter.ConvertFromProvider(converter.ConvertToProvider(value))!;
        }

        // Npgsql sends timestamptz as whole microseconds, dropping the rest of the ticks.
        return npgsql ? new DateTimeOffset(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero) : value;
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

/// <summary>
/// Seals the audit rows of a save in that same save: the chain's end is read and each new row's sequence number and
/// hash are set before the rows are inserted, inside a transaction that holds the chain (SQLite's write lock, taken at
/// BEGIN IMMEDIATE; PostgreSQL's advisory lock; SQL Server's application lock), so two savers can never read the same
/// end and a row is never visible unsealed. A save inside a caller's transaction is sealed in that transaction, after
/// taking the same lock in it. Everything else in the save is written in the same transaction, so a save that fails
/// writes neither its changes nor its audit rows, and leaves no gap in the sequence.
/// </summary>
public sealed class AuditChainInterceptor(AuditChainKey key) : SaveChangesInterceptor
{
    /// <summary>Contexts whose save this interceptor is running itself, inside the transaction it began.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _own = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return new(InterceptAsync(eventData.Context, result, async: true, cancellationToken));
    }

    /// <summary>
    /// A synchronous save goes the same way; its database calls then block this thread (the portal itself saves
    /// asynchronously everywhere, so only a tool or a test takes this path).
    /// </summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return InterceptAsync(eventData.Context, result, async: false, default).GetAwaiter().GetResult();
    }

    private async Task<InterceptionResult<int>> InterceptAsync(DbContext? context, InterceptionResult<int> result, bool async, CancellationToken cancellationToken)
    {
        if (result.HasResult || context is not ResaleDbContext db || _own.TryGetValue(db, out _) || !HasNewEvents(db))
        {
            return result;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            await AuditChain.LockInCallersTransactionAsync(db, cancellationToken);
            await AuditChain.PlaceAsync(db, key, cancellationToken);
            return result;
        }

        // No transaction: save in one that is taken with the chain's lock, then report the save as done.
        var saved = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await AuditChain.BeginLockedAsync(db, token);
            var autoSavepoints = db.Database.AutoSavepointsEnabled;
            _own.AddOrUpdate(db, this);
            try
            {
                // A savepoint would only add two statements: a failure rolls the whole transaction back anyway.
                db.Database.AutoSavepointsEnabled = false;
                await AuditChain.PlaceAsync(db, key, token);
                var count = async
                    ? await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token)
                    : db.SaveChanges(acceptAllChangesOnSuccess: false);
                await transaction.CommitAsync(token);
                return count;
            }
            finally
            {
                _own.Remove(db);
                db.Database.AutoSavepointsEnabled = autoSavepoints;
            }
        }, cancellationToken);
        db.ChangeTracker.AcceptAllChanges();
        return InterceptionResult<int>.SuppressWithResult(saved);
    }

    private static bool HasNewEvents(ResaleDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<AuditEvent>())
        {
            if (entry.State == EntityState.Added)
            {
                return true;
            }
        }

        return false;
    }
}
