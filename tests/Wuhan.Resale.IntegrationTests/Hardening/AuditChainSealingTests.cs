using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>
/// Audit rows are sealed in the save that writes them: the chain's end is read only while the saver holds the chain's
/// lock, so no second saver can read the same end, a saved row is never seen unsealed, and a failed save leaves no gap.
/// </summary>
public sealed class AuditChainSealingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WhileASaverReadsTheChainEnd_NoOtherSaverCanTakeTheChain(DatabaseProvider provider)
    {
        using var factory = new PortalFactory { Provider = provider, Clock = new FakeTimeProvider(Start) };
        bool? otherCouldTakeIt = null;
        await using (var db = ContextWith(factory, new ChainEndProbe(async () =>
                         otherCouldTakeIt = await OtherSaverCanTakeTheChainAsync(factory))))
        {
            db.AuditEvents.Add(Event("test.probe", Start));
            await db.SaveChangesAsync();
        }

        Assert.False(otherCouldTakeIt);
        Assert.True((await VerifyAsync(factory)).Intact);
    }

    [Fact]
    public async Task ASaveInsideADeferredSqliteTransaction_TakesTheWriteLockBeforeReadingTheChainEnd()
    {
        using var factory = new PortalFactory { Clock = new FakeTimeProvider(Start) };
        bool? otherCouldTakeIt = null;
        await using (var db = ContextWith(factory, new ChainEndProbe(async () =>
                         otherCouldTakeIt = await OtherSaverCanTakeTheChainAsync(factory))))
        {
            // As ContractNumbering does: a deferred transaction holds no lock until its first write.
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true));
            db.AuditEvents.Add(Event("test.in-callers-transaction", Start));
            await db.SaveChangesAsync();
            await transaction!.CommitAsync();
        }

        Assert.False(otherCouldTakeIt);
        Assert.True((await VerifyAsync(factory)).Intact);
        Assert.Equal(0, await UnsealedAsync(factory));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TwoSaversStartingTheirTransactionsTogether_GetConsecutiveSequenceNumbers(DatabaseProvider provider)
    {
        using var factory = new PortalFactory { Provider = provider, Clock = new FakeTimeProvider(Start) };
        var gate = new ArrivalGate();
        var before = await MaxSequenceAsync(factory);
        const int Rounds = 10;
        for (var round = 0; round < Rounds; round++)
        {
            // Both savers wait at the start of their transactions until the other is there too, so they ask for the
            // chain's lock at the same moment every round.
            gate.Arm(2);
            await Task.WhenAll(Enumerable.Range(0, 2).Select(saver => Task.Run(async () =>
            {
                await using var db = ContextWith(factory, new TransactionStartGate(gate));
                db.AuditEvents.Add(Event($"test.saver-{saver}", Start.AddSeconds(round)));
                await db.SaveChangesAsync();
            })));
            Assert.Equal(2, gate.Arrived);
        }

        var sequences = await factory.WithDbAsync(db => db.AuditEvents
            .Where(e => e.Action.StartsWith("test.saver-"))
            .Select(e => EF.Property<long?>(e, AuditChain.SequenceProperty)).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 2 * Rounds).Select(i => (long?)(before + i)), sequences.Order());
        Assert.True((await VerifyAsync(factory)).Intact);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RowsAreSealedWhenSaved_AndVerify_WhenTheClockHasMoreDigitsThanTheDatabaseKeeps(DatabaseProvider provider)
    {
        // 1234567 ticks past the second: SQLite keeps 100-microsecond steps, PostgreSQL microseconds.
        using var factory = new PortalFactory { Provider = provider, Clock = new FakeTimeProvider(Start.AddTicks(1_234_567)) };
        for (var i = 0; i < 3; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordNowAsync("test.fine-clock", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "细粒度时间", AuditActor.Anonymous);
            Assert.Equal(0, await UnsealedAsync(factory));
        }

        var report = await VerifyAsync(factory);

        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(await factory.WithDbAsync(db => db.AuditEvents.CountAsync()), report.CheckedRows);
    }

    [Fact]
    public async Task ASynchronousSave_SealsItsRowsToo()
    {
        using var factory = new PortalFactory { Clock = new FakeTimeProvider(Start) };
        var before = await MaxSequenceAsync(factory);
        await using (var db = ContextWith(factory))
        {
            db.AuditEvents.Add(Event("test.sync-1", Start));
            db.AuditEvents.Add(Event("test.sync-2", Start.AddSeconds(1)));
            Assert.Equal(2, db.SaveChanges());
        }

        Assert.Equal(0, await UnsealedAsync(factory));
        Assert.Equal(before + 2, await MaxSequenceAsync(factory));
        Assert.True((await VerifyAsync(factory)).Intact);
    }

    [Fact]
    public async Task ASaveThatFails_WritesNoAuditRow_AndLeavesNoGapInTheChain()
    {
        using var factory = new PortalFactory { Clock = new FakeTimeProvider(Start) };
        var existing = Event("test.first", Start);
        await using (var db = ContextWith(factory))
        {
            db.AuditEvents.Add(existing);
            await db.SaveChangesAsync();
        }

        var before = await MaxSequenceAsync(factory);
        var rows = await factory.WithDbAsync(db => db.AuditEvents.CountAsync());
        await using (var db = ContextWith(factory))
        {
            // The second row repeats the first one's id: the insert is refused, and the whole save with it.
            db.AuditEvents.Add(Event("test.lost", Start.AddSeconds(1)));
            db.AuditEvents.Add(new AuditEvent(existing.Id, Start.AddSeconds(2), ActorKind.System, null, "测试", "test.duplicate", null, null, null, null, null));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = ContextWith(factory))
        {
            db.AuditEvents.Add(Event("test.after", Start.AddSeconds(3)));
            await db.SaveChangesAsync();
        }

        Assert.Equal(rows + 1, await factory.WithDbAsync(db => db.AuditEvents.CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "test.lost")));
        Assert.Equal(before + 1, await MaxSequenceAsync(factory));
        Assert.True((await VerifyAsync(factory)).Intact);
    }

    private static AuditEvent Event(string action, DateTimeOffset at) =>
        new(Guid.CreateVersion7(at), at, ActorKind.System, null, "测试", action, "Test", null, "封存测试", null, null);

    /// <summary>A context of the factory's own kind and settings with extra interceptors (the portal's come first).</summary>
    private static ResaleDbContext ContextWith(PortalFactory factory, params IInterceptor[] interceptors)
    {
        Type type;
        using (var scope = factory.Services.CreateScope())
        {
            type = scope.ServiceProvider.GetRequiredService<ResaleDbContext>().GetType();
        }

        var options = (DbContextOptions)factory.Services.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(type));
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type), options)!;
        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }

        return (ResaleDbContext)Activator.CreateInstance(type, builder.Options)!;
    }

    /// <summary>
    /// Whether a second connection could take the chain's lock right now: SQLite's write lock (BEGIN IMMEDIATE, giving
    /// up after a second of SQLITE_BUSY), or PostgreSQL's advisory lock (tried, not waited for).
    /// </summary>
    private static async Task<bool> OtherSaverCanTakeTheChainAsync(PortalFactory factory)
    {
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = await factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
            var builder = new SqliteConnectionStringBuilder(dataSource) { DefaultTimeout = 1, Pooling = false };
            await using var connection = new SqliteConnection(builder.ConnectionString);
            await connection.OpenAsync();
            try
            {
                await using var transaction = connection.BeginTransaction();
                return true;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 5)
            {
                return false;
            }
        }

        await using var postgres = new NpgsqlConnection(PostgreSqlServer.ConnectionString(PostgreSqlServer.PortalConnectionString, factory.PostgreSqlDatabase!));
        await postgres.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(7302119646)", postgres);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static Task<long> MaxSequenceAsync(PortalFactory factory) =>
        factory.WithDbAsync(async db => await db.AuditEvents.MaxAsync(e => EF.Property<long?>(e, AuditChain.SequenceProperty)) ?? 0);

    private static Task<int> UnsealedAsync(PortalFactory factory) =>
        factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => EF.Property<long?>(e, AuditChain.SequenceProperty) == null));

    private static async Task<AuditChainReport> VerifyAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }

    /// <summary>Runs <paramref name="atChainEnd"/> right after the saver has read the chain's end, inside its transaction.</summary>
    private sealed class ChainEndProbe(Func<Task> atChainEnd) : DbCommandInterceptor
    {
        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains(AuditChain.SequenceProperty, StringComparison.Ordinal)
                && command.CommandText.Contains("IS NOT NULL", StringComparison.Ordinal)
                && command.CommandText.Contains("DESC", StringComparison.Ordinal))
            {
                await atChainEnd();
            }

            return result;
        }
    }

    /// <summary>Holds each transaction's start at <paramref name="gate"/>.</summary>
    private sealed class TransactionStartGate(ArrivalGate gate) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await gate.ArriveAsync();
            return result;
        }
    }
}
