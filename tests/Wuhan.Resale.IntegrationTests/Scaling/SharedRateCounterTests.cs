using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Scaling;

namespace Wuhan.Resale.IntegrationTests.Scaling;

/// <summary>The counts behind the shared sign-in and partner limits, as concurrent requests of several instances make them.</summary>
public sealed class SharedRateCounterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ConcurrentRequests_EachGetTheirOwnCount_AndANewWindowStartsAtOne(DatabaseProvider provider)
    {
        using var factory = new PortalFactory { Provider = provider };
        var key = SharedRateCounters.KeyFor("test", "203.0.113.7");
        var window = TimeSpan.FromMinutes(1);

        // Each request waits at the gate until all thirty are there, so they all count at once (on the one host, started first).
        _ = factory.Services;
        var start = new ArrivalGate();
        start.Arm(30);
        var counts = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => CountAsync(factory, key, Noon, window, start))));
        Assert.Equal(30, start.Arrived);
        var nextWindow = await CountAsync(factory, key, Noon + window, window);
        var otherClient = await CountAsync(factory, SharedRateCounters.KeyFor("test", "203.0.113.8"), Noon, window);

        // Thirty requests, thirty different counts: none lost, none counted twice, whichever arrived first.
        Assert.Equal(Enumerable.Range(1, 30), counts.Order());
        Assert.Equal(1, nextWindow);
        Assert.Equal(1, otherClient);
        var rows = await factory.WithDbAsync(db => db.RateCounters.AsNoTracking().Where(c => c.Key == key).OrderBy(c => c.WindowStart).ToListAsync());
        Assert.Equal([30, 1], rows.Select(r => r.Count));
        Assert.Equal(rows[0].WindowStart + 60, rows[0].ExpiresAt);
    }

    private static async Task<int> CountAsync(PortalFactory factory, string key, DateTimeOffset now, TimeSpan window, ArrivalGate? start = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResaleDbContext>();
        if (start is not null)
        {
            await start.ArriveAsync();
        }

        return await SharedRateCounters.IncrementAsync(db, key, now, window, CancellationToken.None);
    }
}
