using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.IntegrationTests.Hardening;

/// <summary>Stand-alone events (downloads) arriving together share saves, yet each is saved before its caller goes on.</summary>
public sealed class AuditAppenderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EventsRecordedTogether_AreEachSavedBeforeTheirCallerGoesOn_InOneUnbrokenChain(DatabaseProvider provider)
    {
        using var factory = new PortalFactory { Provider = provider, Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };
        _ = factory.Services;
        const int Callers = 12;
        var gate = new ArrivalGate();
        gate.Arm(Callers);
        var foundAfterReturn = await Task.WhenAll(Enumerable.Range(0, Callers).Select(i => Task.Run(async () =>
        {
            var entityId = "download-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
                await gate.ArriveAsync();
                await audit.RecordAloneAsync("contract.downloaded", "Contract", entityId, "合同编号 测试", AuditActor.Anonymous);
            }

            return await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId == entityId && EF.Property<long?>(e, AuditChain.SequenceProperty) != null));
        })));

        await using var verifyScope = factory.Services.CreateAsyncScope();
        var report = await verifyScope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync();
        var downloads = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "contract.downloaded"));

        Assert.Equal(Callers, gate.Arrived);
        Assert.All(foundAfterReturn, Assert.True);
        Assert.Equal(Callers, downloads);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
    }
}
