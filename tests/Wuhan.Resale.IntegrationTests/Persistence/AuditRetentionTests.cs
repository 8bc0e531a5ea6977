using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Retention;

namespace Wuhan.Resale.IntegrationTests.Persistence;

/// <summary>
/// Audit events are kept ten years and then removed by whole months, oldest first, without the integrity check
/// reporting a break; on PostgreSQL the table is partitioned by year and the job keeps the coming months ready.
/// </summary>
public sealed class AuditRetentionTests
{
    // Ten years (3,653 days) before this is 2016-11-14: October 2016 and older are past the period, November 2016 is kept whole.
    private static readonly DateTimeOffset Now = new(2026, 11, 15, 2, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset[] Written =
    [
        new(2014, 3, 10, 8, 0, 0, TimeSpan.Zero),   // before any month partition: the default partition on PostgreSQL
        new(2015, 11, 20, 9, 30, 0, TimeSpan.Zero),
        new(2016, 10, 31, 23, 59, 59, TimeSpan.Zero),
        new(2016, 11, 1, 0, 0, 0, TimeSpan.Zero),   // older than ten years, but its month is not: kept
        new(2020, 5, 1, 12, 0, 0, TimeSpan.Zero),
        Now.AddMinutes(-5),
    ];

    private static PortalFactory Portal(DatabaseProvider provider, FakeTimeProvider clock, string? database = null, string? directory = null) =>
        new(directory) { Clock = clock, Provider = provider, PostgreSqlDatabase = database };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MonthsPastTenYears_AreRemoved_YoungerOnesStay_AndTheChainStillVerifies(DatabaseProvider provider)
    {
        using var portal = Portal(provider, new FakeTimeProvider(Now));
        _ = portal.Services;
        if (provider == DatabaseProvider.PostgreSql)
        {
            // Month partitions for the old rows, as the job made them at the time (the migration starts at today's month).
            await PostgreSqlServer.ExecuteAsync(portal.PostgreSqlDatabase!, "SELECT resale_audit_prepare_months('2015-11-01 00:00+00', 13)");
        }

        var ids = await WriteInOrderAsync(portal, Written);

        var job = portal.Services.GetRequiredService<RetentionJob>();
        Assert.NotNull(await job.RunOnceAsync(CancellationToken.None));
        var result = job.LastAuditResult;

        Assert.NotNull(result);
        Assert.Equal(new DateTimeOffset(2016, 11, 1, 0, 0, 0, TimeSpan.Zero), result.Before);
        Assert.Equal(3, result.RemovedRows);
        Assert.False(result.Postponed);
        await portal.WithDbAsync(async db =>
        {
            var left = await db.AuditEvents.Where(e => e.Action == "test.written").OrderBy(e => e.OccurredAt).Select(e => e.Id).ToListAsync();
            Assert.Equal(ids[3..], left);
            var removal = await db.AuditEvents.SingleAsync(e => e.Action == AuditArchive.Action);
            Assert.Equal(ActorKind.System, removal.ActorKind);
            Assert.Contains("删除 2016-11 之前的审计记录 3 条", removal.Detail, StringComparison.Ordinal);
            return 0;
        });

        var report = await VerifyAsync(portal);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(4, report.CheckedRows); // the three kept rows and the record of the removal

        // Nothing more is old enough: a second run removes nothing and the chain still verifies.
        var again = await job.RunOnceAsync(CancellationToken.None);
        Assert.NotNull(again);
        Assert.Equal(0, job.LastAuditResult!.RemovedRows);
        Assert.True((await VerifyAsync(portal)).Intact);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RemovingOldRowsByHand_IsStillReportedAsABreak(DatabaseProvider provider)
    {
        using var portal = Portal(provider, new FakeTimeProvider(Now));
        await WriteInOrderAsync(portal, Written);

        // A forged starting point cannot hide it either: its seal does not match without the chain key.
        await portal.WithDbAsync(async db =>
        {
            await db.AuditEvents.Where(e => e.OccurredAt < new DateTimeOffset(2016, 11, 1, 0, 0, 0, TimeSpan.Zero)).ExecuteDeleteAsync();
            var last = await db.AuditEvents.OrderBy(e => e.OccurredAt).Select(e => EF.Property<long?>(e, AuditChain.SequenceProperty)).FirstAsync();
            var otherKey = new AuditChainKey(new Wuhan.Resale.Web.Data.PersonalData.PersonalDataKeys(new byte[32], new byte[32]));
            db.Add(new AuditArchive(Guid.NewGuid(), new DateTimeOffset(2016, 11, 1, 0, 0, 0, TimeSpan.Zero), last!.Value - 1, "forged", 3, Now, otherKey));
            return await db.SaveChangesAsync();
        });

        var report = await VerifyAsync(portal);

        Assert.False(report.Intact);
        Assert.Contains("被删除", report.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AnOldRowSealedAfterAKeptOne_PostponesTheRemoval_AndNothingIsLost(DatabaseProvider provider)
    {
        using var portal = Portal(provider, new FakeTimeProvider(Now));
        // Written (and sealed) out of time order: the 2015 row comes after a 2020 row in the chain.
        await WriteInOrderAsync(portal, [Written[4], Written[1], Written[5]]);

        var job = portal.Services.GetRequiredService<RetentionJob>();
        await job.RunOnceAsync(CancellationToken.None);

        Assert.True(job.LastAuditResult!.Postponed);
        Assert.Equal(0, job.LastAuditResult.RemovedRows);
        Assert.Equal(3, await portal.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "test.written")));
        Assert.True((await VerifyAsync(portal)).Intact);
    }

    [Fact]
    public void APeriodShorterThanTenYears_StopsThePortalAtStart()
    {
        using var portal = Portal(DatabaseProvider.Sqlite, new FakeTimeProvider(Now));
        portal.Settings["Retention:AuditEvents"] = "3000.00:00:00";

        var refused = Assert.ThrowsAny<Exception>(() => portal.Services);

        Assert.Contains("at least ten years", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Provider", "PostgreSql")]
    public async Task OnPostgreSql_TheTableIsPartitionedByYear_TheJobPreparesTheComingMonths_AndEarlyRowsMoveIntoTheirPartition()
    {
        // A year after the migration's own partitions end (it prepared up to three months after the day it ran).
        var now = new DateTimeOffset(2027, 11, 15, 2, 0, 0, TimeSpan.Zero);
        using var portal = Portal(DatabaseProvider.PostgreSql, new FakeTimeProvider(now));
        _ = portal.Services;
        var database = portal.PostgreSqlDatabase!;

        // Written before its year has a partition (a clock ahead, a late job): it waits in the default partition.
        var early = (await WriteInOrderAsync(portal, [new DateTimeOffset(2028, 1, 10, 8, 0, 0, TimeSpan.Zero)]))[0];
        var before = await PartitionOfAsync(database, early);

        var job = portal.Services.GetRequiredService<RetentionJob>();
        await job.RunOnceAsync(CancellationToken.None);
        var after = await PartitionOfAsync(database, early);
        var today = (await WriteInOrderAsync(portal, [now.AddMinutes(1)]))[0];

        Assert.Equal("RANGE (\"OccurredAt\")", await ScalarAsync(database,
            "SELECT pg_get_partkeydef(p.partrelid) FROM pg_partitioned_table p WHERE p.partrelid = '\"AuditEvents\"'::regclass"));
        Assert.Equal("\"AuditEvents_default\"", before);
        Assert.Equal("\"AuditEvents_2028\"", after);
        Assert.Equal("\"AuditEvents_2027\"", await PartitionOfAsync(database, today));
        Assert.Equal(4, job.LastAuditResult!.MonthsPrepared);
        Assert.Equal("0", await ScalarAsync(database, "SELECT count(*) FROM \"AuditEvents_default\""));
        Assert.True((await VerifyAsync(portal)).Intact);
    }

    private static Task<string?> PartitionOfAsync(string database, Guid id) =>
        ScalarAsync(database, $"SELECT tableoid::regclass::text FROM \"AuditEvents\" WHERE \"Id\" = '{id}'");

    [Fact]
    [Trait("Provider", "PostgreSql")]
    public async Task OnPostgreSql_TheDatabaseRefusesToDropMonthsYoungerThanTenYears_WhoeverAsks()
    {
        using var portal = Portal(DatabaseProvider.PostgreSql, new FakeTimeProvider(Now));
        _ = portal.Services;
        await using var connection = await PostgreSqlServer.OpenAsync(
            PostgreSqlServer.ConnectionString(PostgreSqlServer.PortalConnectionString, portal.PostgreSqlDatabase!));
        await using var command = new NpgsqlCommand("SELECT resale_audit_drop_months_before(now() - interval '9 years')", connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());

        Assert.Contains("kept at least ten years", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Provider", "PostgreSql")]
    public async Task OnPostgreSql_TwoInstances_RemoveTheOldMonthsOnce()
    {
        var clock = new FakeTimeProvider(Now);
        var directory = PortalFactory.NewDataDirectory(); // one set of keys for both instances
        using var a = Portal(DatabaseProvider.PostgreSql, clock, directory: directory);
        _ = a.Services;
        using var b = Portal(DatabaseProvider.PostgreSql, clock, a.PostgreSqlDatabase, directory);
        await PostgreSqlServer.ExecuteAsync(a.PostgreSqlDatabase!, "SELECT resale_audit_prepare_months('2015-11-01 00:00+00', 13)");
        await WriteInOrderAsync(a, Written);
        var jobA = a.Services.GetRequiredService<RetentionJob>();
        var jobB = b.Services.GetRequiredService<RetentionJob>();

        var ranA = await Task.Run(() => jobA.RunOnceAsync(CancellationToken.None));
        var ranB = await Task.Run(() => jobB.RunOnceAsync(CancellationToken.None));

        Assert.NotNull(ranA);
        Assert.Null(ranB);
        Assert.Equal(3, jobA.LastAuditResult!.RemovedRows);
        Assert.Null(jobB.LastAuditResult);
        Assert.Equal(1, await b.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditArchive.Action)));
        Assert.Equal(1, await b.WithDbAsync(db => db.Set<AuditArchive>().CountAsync()));
        Assert.True((await VerifyAsync(b)).Intact);
    }

    /// <summary>Clears the log, then writes one event per time, each saved (and sealed) before the next.</summary>
    private static async Task<Guid[]> WriteInOrderAsync(PortalFactory portal, DateTimeOffset[] times)
    {
        var ids = new List<Guid>();
        await portal.WithDbAsync(async db =>
        {
            if (!await db.AuditEvents.AnyAsync(e => e.Action == "test.written"))
            {
                await db.Set<AuditArchive>().ExecuteDeleteAsync();
                await db.AuditEvents.ExecuteDeleteAsync();
            }

            foreach (var at in times)
            {
                var id = Guid.CreateVersion7(at);
                db.AuditEvents.Add(new AuditEvent(id, at, ActorKind.Citizen, null, "王*", "test.written", "Contract", Guid.NewGuid().ToString(), null, null, null));
                await db.SaveChangesAsync();
                ids.Add(id);
            }

            return 0;
        });
        return [.. ids];
    }

    private static async Task<AuditChainReport> VerifyAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }

    private static async Task<string?> ScalarAsync(string database, string sql)
    {
        await using var connection = await PostgreSqlServer.OpenAsync(PostgreSqlServer.ConnectionString(PostgreSqlServer.OwnerConnectionString, database));
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
