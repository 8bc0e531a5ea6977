using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Hardening;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>Someone with database access edits or deletes an audit row: the chain names the first broken row.</summary>
public sealed class AuditChainTests
{
    [Fact]
    public async Task AnEditedRow_IsReported_ByThePageAndTheCommand()
    {
        using var factory = new PortalFactory();
        using var admin = await StaffLogin.SignInAsync(factory, "admin");
        await RecordAsync(factory, 5);
        Assert.True((await VerifyAsync(factory)).Intact);

        var victim = await factory.WithDbAsync(db => db.AuditEvents
            .OrderBy(e => EF.Property<long?>(e, AuditChain.SequenceProperty)).Skip(2).Select(e => e.Id).FirstAsync());
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE AuditEvents SET Detail = 'nothing happened here' WHERE ChainSequence = 3"));

        var report = await VerifyAsync(factory);
        var page = await Forms.GetDocumentAsync(admin, "/staff/audit/verify");
        using var output = new StringWriter();
        var exitCode = await PortalCommands.RunAsync(factory.Services, [PortalCommands.VerifyAudit], output);

        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBreak!.Sequence);
        Assert.Equal(victim, report.FirstBreak.EventId);
        Assert.Equal(2, report.CheckedRows);
        Assert.Contains("核验未通过", page.QuerySelector("#audit-verify-result")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(victim.ToString(), page.QuerySelector("#audit-broken-id")?.TextContent.Trim());
        Assert.Equal(1, exitCode);
        Assert.Contains(victim.ToString(), output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeletedRow_IsReported_AtTheRowAfterIt()
    {
        using var factory = new PortalFactory();
        await RecordAsync(factory, 4);
        var total = await factory.WithDbAsync(db => db.AuditEvents.CountAsync());
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEvents WHERE ChainSequence = 2"));

        var report = await VerifyAsync(factory);

        Assert.True(total >= 4);
        Assert.Equal(3, report.FirstBreak?.Sequence);
        Assert.Contains("删除", report.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIntactLog_Verifies_OnThePageAndByCommand()
    {
        using var factory = new PortalFactory();
        using var admin = await StaffLogin.SignInAsync(factory, "admin");
        using var output = new StringWriter();

        var page = await Forms.GetDocumentAsync(admin, "/staff/audit/verify");
        var exitCode = await PortalCommands.RunAsync(factory.Services, [PortalCommands.VerifyAudit], output);

        Assert.Contains("核验通过", page.QuerySelector("#audit-verify-result")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Contains("核验通过", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TheChain_StaysWhole_UnderConcurrentWriters(DatabaseProvider provider)
    {
        using var factory = new PortalFactory { Provider = provider };
        _ = factory.Services;

        // Every writer waits at the gate until all eight are ready, so their first writes start together.
        var start = new ArrivalGate();
        start.Arm(8);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.ArriveAsync();
            await RecordAsync(factory, 10);
        })));
        Assert.Equal(8, start.Arrived);

        var report = await VerifyAsync(factory);
        var rows = await factory.WithDbAsync(db => db.AuditEvents.CountAsync());
        var sequences = await factory.WithDbAsync(db => db.AuditEvents.Select(e => EF.Property<long?>(e, AuditChain.SequenceProperty)).ToListAsync());

        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(rows, report.CheckedRows);
        Assert.True(rows >= 80);
        Assert.Equal(Enumerable.Range(1, rows).Select(i => (long?)i), sequences.Order());
    }

    [Fact]
    public async Task WithoutTheKey_ARewrittenChainIsStillCaught()
    {
        using var factory = new PortalFactory();
        await RecordAsync(factory, 3);

        // An attacker who edits a row and recomputes an unkeyed SHA-256 in its place.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE AuditEvents SET Detail = 'edited', ChainHash = lower(hex(randomblob(32))) WHERE ChainSequence = 1"));

        Assert.Equal(1, (await VerifyAsync(factory)).FirstBreak?.Sequence);
    }

    private static async Task RecordAsync(PortalFactory factory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordNowAsync("test.event", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"第{i}件事", AuditActor.Anonymous);
        }
    }

    private static async Task<AuditChainReport> VerifyAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
    }
}
