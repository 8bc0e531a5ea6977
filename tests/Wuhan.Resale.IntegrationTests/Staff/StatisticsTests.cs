using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Staff;

public sealed class StatisticsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public StatisticsTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheNumbers_MatchAKnownSet()
    {
        var (_, _, first, _) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var (_, _, second, _) = await FiledContract.CreateAsync(_factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        using (var mortgaged = await (await SellerJourney.SignInAsync(_factory, "seller-two-homes")).VerifyHomeAsync("home-mortgaged"))
        using (var seized = await (await SellerJourney.SignInAsync(_factory, "seller-seized")).VerifyHomeAsync("home-seized"))
        {
        }

        await _factory.WithDbAsync(async db =>
        {
            var revoked = await db.Contracts.SingleAsync(c => c.Id == first);
            revoked.Revoke(await db.Listings.SingleAsync(l => l.Id == revoked.ListingId), "买方聂**", _clock.GetUtcNow());
            var registered = await db.Contracts.SingleAsync(c => c.Id == second);
            registered.Register(await db.Listings.SingleAsync(l => l.Id == registered.ListingId), _clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var client = await StaffLogin.SignInAsync(_factory, "admin");

        var page = await Forms.GetDocumentAsync(client, "/staff/statistics?from=2026-11-26&to=2026-11-26");

        Assert.Equal("2", page.QuerySelector("#total-filings")?.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("#total-revocations")?.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("#total-registrations")?.TextContent.Trim());
        var districts = page.QuerySelectorAll("#per-district tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["东西湖区|1|0|1", "江岸区|1|1|0"], districts.Order(StringComparer.Ordinal));
        var refusals = page.QuerySelectorAll("#refusals tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["抵押|1|25.0%", "查封|1|25.0%"], refusals.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("—", page.QuerySelector("#median")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("script[src^='/lib/chart.js/chart.umd.min.js']"));
        using var chartJs = await client.GetAsync(new Uri("/lib/chart.js/chart.umd.min.js", UriKind.Relative));
        Assert.True(chartJs.IsSuccessStatusCode, "the chart library is served by the portal itself");
    }

    [Fact]
    public async Task ACounterClerk_CannotOpenTheStatistics()
    {
        var client = await StaffLogin.SignInAsync(_factory, "staff");

        using var response = await client.GetAsync(new Uri("/staff/statistics", UriKind.Relative));

        Assert.Equal("/status/403", response.Headers.Location?.AbsolutePath);
    }
}
