using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Bookings;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.PhoneFirst;

/// <summary>
/// Not left alone: the SMS when the property query is done, and the visit to the district office booked, confirmed by
/// SMS, listed for staff, limited by the office's capacity and cancellable.
/// </summary>
public sealed class BookingTests : IDisposable
{
    // Thursday 2026-11-26, 10:00 in Wuhan: Friday the 27th is the first day that can be booked.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly SmsSignal _sms = new();
    private readonly PortalFactory _factory;

    public BookingTests() => _factory = new PortalFactory { Clock = _clock, ConfigureServices = _sms.AddTo };

    public void Dispose() => _factory.Dispose();

    private async Task<(SellerJourney Seller, Guid ListingId)> PendingOfflineAsync()
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-undetermined");
        using var verified = await seller.VerifyHomeAsync("home-scenic-zone");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        return (seller, Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]));
    }

    [Fact]
    public async Task WhenTheQueryIsDone_TheSellerIsToldBySms()
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-clean");
        await seller.QueryHomesAsync();

        // The worker sends the notice after the page has answered: wait for the gateway to have sent it, then read the inbox.
        await _sms.WaitForAsync(t => t.Contains("查询已完成", StringComparison.Ordinal));
        var texts = await CitizenLogin.SmsTextsAsync(_factory, seller.Citizen.Phone);

        Assert.Contains(texts, t => t.Contains("个人房产信息查询已完成，共查到1套房屋", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOfflinePage_ShowsTheOwnOffice_AndABookingIsConfirmedListedForStaffAndCancellable()
    {
        var (seller, listingId) = await PendingOfflineAsync();
        var result = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}");
        Assert.NotNull(result.QuerySelector("#office a[href^='tel:']"));
        Assert.Equal($"/listings/{listingId}/booking", result.QuerySelector("#book-visit")?.GetAttribute("href"));

        var page = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/booking");
        var first = page.QuerySelector("#slots input[type=radio]")!.GetAttribute("value");
        Assert.Equal("2026-11-27|Morning", first);
        using var booked = await Forms.SubmitAsync(seller.Client, page, $"form[action='/listings/{listingId}/booking']",
            new Dictionary<string, string?> { ["slot"] = "2026-11-27|Afternoon" });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Contains(await CitizenLogin.SmsTextsAsync(_factory, seller.Citizen.Phone),
            t => t.Contains("您已预约2026年11月27日（周五）下午", StringComparison.Ordinal));

        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        var staffPage = await Forms.GetDocumentAsync(admin, "/staff/bookings?district=420173");
        var row = Assert.Single(staffPage.QuerySelectorAll("#bookings tbody tr"));
        Assert.Contains("2026-11-27", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("已预约", row.QuerySelector(".booking-status")?.TextContent.Trim());

        var mine = await Forms.GetDocumentAsync(seller.Client, booked.Headers.Location!.OriginalString);
        Assert.Null(mine.QuerySelector("#slots"));
        using var cancelled = await Forms.SubmitAsync(seller.Client, mine, "form[action$='/cancel']");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(OfficeVisitStatus.Cancelled, await _factory.WithDbAsync(db => db.OfficeVisits.Select(v => v.Status).SingleAsync()));
        Assert.Contains(await CitizenLogin.SmsTextsAsync(_factory, seller.Citizen.Phone), t => t.Contains("预约已取消", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFullSlot_IsRefused_AndSomeoneElsesBookingCannotBeCancelled()
    {
        var (seller, listingId) = await PendingOfflineAsync();
        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        var staffPage = await Forms.GetDocumentAsync(admin, "/staff/bookings?district=420173");
        using var saved = await Forms.SubmitAsync(admin, staffPage, "form[action='/staff/bookings/capacity']",
            new Dictionary<string, string?> { ["perHalfDay"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/booking");
        Assert.All(page.QuerySelectorAll("#slots input[type=radio]"), r => Assert.True(r.HasAttribute("disabled")));
        using var refused = await Forms.SubmitAsync(seller.Client, page, $"form[action='/listings/{listingId}/booking']",
            new Dictionary<string, string?> { ["slot"] = "2026-11-27|Morning" });
        Assert.Contains("已约满", (await Forms.ParseAsync(refused)).QuerySelector("#booking-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.OfficeVisits.CountAsync()));

        using var again = await Forms.SubmitAsync(admin, await Forms.GetDocumentAsync(admin, "/staff/bookings?district=420173"),
            "form[action='/staff/bookings/capacity']", new Dictionary<string, string?> { ["perHalfDay"] = "5" });
        using var booked = await Forms.SubmitAsync(seller.Client, await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/booking"),
            $"form[action='/listings/{listingId}/booking']", new Dictionary<string, string?> { ["slot"] = "2026-11-30|Morning" });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var visitId = await _factory.WithDbAsync(db => db.OfficeVisits.Select(v => v.Id).SingleAsync());

        var stranger = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var strangerPage = await Forms.GetDocumentAsync(stranger.Client, "/me");
        using var notTheirs = await stranger.Client.PostAsync(new Uri($"/bookings/{visitId}/cancel", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", strangerPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        using var notTheirListing = await stranger.Client.GetAsync(new Uri($"/listings/{listingId}/booking", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notTheirListing.StatusCode);
        Assert.Equal(OfficeVisitStatus.Booked, await _factory.WithDbAsync(db => db.OfficeVisits.Select(v => v.Status).SingleAsync()));
    }
}
