using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Staff;

public sealed class OfflineCasesTests : IDisposable
{
    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _factory.Dispose();

    private Task<HttpClient> StaffAsync() => StaffLogin.SignInAsync(_factory, "staff");

    private async Task<(SellerJourney Seller, Guid ListingId)> OfflineListingAsync()
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-undetermined");
        using var response = await seller.VerifyHomeAsync("home-district-unknown");
        return (seller, Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]));
    }

    [Fact]
    public async Task AStaffDetermination_LetsTheSellerContinueToBuyers_AndTellsThemBySms()
    {
        var (seller, listingId) = await OfflineListingAsync();
        var staff = await StaffAsync();

        var list = await Forms.GetDocumentAsync(staff, "/staff/cases?district=unknown");
        var link = list.QuerySelectorAll("#cases a").Single(a => a.TextContent == "办理").GetAttribute("href")!;
        var casePage = await Forms.GetDocumentAsync(staff, link);
        using var saved = await Forms.SubmitAsync(staff, casePage, "form[action$='/determination']",
            new Dictionary<string, string?> { ["restrictionClass"] = nameof(RestrictionClass.NotRestricted), ["reason"] = "经核实位于江夏区，非限购" });
        using var buyers = await seller.Client.GetAsync(new Uri($"/listings/{listingId}/buyers", UriKind.Relative));
        var buyersPage = await Forms.ParseAsync(buyers);

        Assert.Equal($"/staff/cases/{listingId}", link);
        Assert.Contains("140****0008", casePage.QuerySelector(".facts")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var listing = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        Assert.Equal(ListingStatus.Verified, listing.Status);
        Assert.Equal(RestrictionClass.NotRestricted, listing.RestrictionClass);
        Assert.NotNull(buyersPage.QuerySelector("button[value=save]"));
        var texts = await _factory.WithDbAsync(db =>
        {
            var hash = db.LookupHash(DemoData.Citizen("seller-undetermined").Phone);
            return db.SmsMessages.Where(m => EF.Property<string>(m, "PhoneHash") == hash && m.Purpose == "OfflineDetermined").Select(m => m.Text).ToListAsync();
        });
        Assert.Contains(texts, t => t.Contains(listing.ListingCode, StringComparison.Ordinal) && t.Contains("非限购", StringComparison.Ordinal));
        var audit = await _factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "listing.determined").Select(e => e.ActorName).ToListAsync());
        Assert.Equal(["窗口工作人员（演示）（staff）"], audit);
    }

    [Fact]
    public async Task AClerk_SeesAndDecidesOnlyCasesOfTheirOwnDistrict_OrOfUnknownDistrict()
    {
        // 东湖风景区 has no 限购 rule, so its home becomes a case of that district; the demo clerk serves 江岸.
        var seller = await SellerJourney.SignInAsync(_factory, "seller-undetermined");
        using var response = await seller.VerifyHomeAsync("home-scenic-zone");
        var listingId = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var clerk = await StaffAsync();
        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        var adminCase = Forms.WithTokenOf(await Forms.GetDocumentAsync(admin, $"/staff/cases/{listingId}"), await Forms.GetDocumentAsync(clerk, "/staff"));

        var clerkList = await Forms.GetDocumentAsync(clerk, "/staff/cases");
        var adminList = await Forms.GetDocumentAsync(admin, "/staff/cases");
        using var view = await clerk.GetAsync(new Uri($"/staff/cases/{listingId}", UriKind.Relative));
        using var decide = await Forms.SubmitAsync(clerk, adminCase, "form[action$='/determination']",
            new Dictionary<string, string?> { ["restrictionClass"] = nameof(RestrictionClass.NotRestricted), ["reason"] = "越权尝试" });
        using var close = await Forms.SubmitAsync(clerk, adminCase, "form[action$='/close']");

        Assert.DoesNotContain(clerkList.QuerySelectorAll("#cases a"), a => a.GetAttribute("href") == $"/staff/cases/{listingId}");
        Assert.Contains(adminList.QuerySelectorAll("#cases a"), a => a.GetAttribute("href") == $"/staff/cases/{listingId}");
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { view.StatusCode, decide.StatusCode, close.StatusCode });
        var listing = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        Assert.Equal(ListingStatus.PendingOffline, listing.Status);
    }

    [Fact]
    public async Task ADeterminationWithoutAReason_IsRefused()
    {
        var (_, listingId) = await OfflineListingAsync();
        var staff = await StaffAsync();
        var casePage = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}");

        using var response = await Forms.SubmitAsync(staff, casePage, "form[action$='/determination']",
            new Dictionary<string, string?> { ["restrictionClass"] = nameof(RestrictionClass.Restricted), ["reason"] = " " });

        Assert.Contains("认定理由", (await Forms.ParseAsync(response)).QuerySelector("#case-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(ListingStatus.PendingOffline, await _factory.WithDbAsync(db => db.Listings.Where(l => l.Id == listingId).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task ClosingACaseHandledAtTheCounter_ReleasesTheHome()
    {
        var (_, listingId) = await OfflineListingAsync();
        var staff = await StaffAsync();
        var casePage = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}");

        using var _ = await Forms.SubmitAsync(staff, casePage, "form[action$='/close']");

        var listing = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        Assert.Equal(ListingStatus.ClosedOffline, listing.Status);
        Assert.Null(listing.LiveCertificateNumber);
        await AuditLog.AssertAsync(_factory, "listing.closed-offline", ActorKind.Staff, "Listing", listingId.ToString(), "线下办结");
    }

    [Fact]
    public async Task CitizensCannotReachTheCases()
    {
        var (seller, listingId) = await OfflineListingAsync();

        using var list = await seller.Client.GetAsync(new Uri("/staff/cases", UriKind.Relative));
        using var anonymous = await _factory.CreateClient(CitizenLogin.NoRedirects).GetAsync(new Uri($"/staff/cases/{listingId}", UriKind.Relative));

        Assert.Equal("/status/403", list.Headers.Location?.AbsolutePath);
        Assert.StartsWith("/staff/login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
