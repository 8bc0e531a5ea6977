using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.ListingVerification;

/// <summary>Each demo home's outcome, as the seller sees it after 确认提交.</summary>
public sealed partial class VerificationOutcomeTests(VerificationOutcomeTests.Fixture fixture) : IClassFixture<VerificationOutcomeTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        // Mid-morning in Wuhan, so a run near midnight cannot move "today" under a test.
        public static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

        public PortalFactory Factory { get; } = new() { Clock = new(Now) };

        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("seller-clean", "home-clean", "限购", "江岸区")]
    [InlineData("seller-two-homes", "home-dxh-clean", "非限购", "东西湖区")]
    [InlineData("seller-optics-valley", "home-optics-valley", "限购", "东湖新技术开发区")]
    [InlineData("seller-wedz", "home-wedz", "非限购", "武汉经济技术开发区")]
    [InlineData("seller-commercial", "home-commercial", "非限购", "江夏区")]
    public async Task ACleanHome_GetsAListingCode_AndIsClassified(string seller, string home, string restriction, string district)
    {
        var journey = await SellerJourney.SignInAsync(Factory, seller);

        using var response = await journey.VerifyHomeAsync(home);
        var result = await Forms.GetDocumentAsync(journey.Client, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(ListingCode(), result.QuerySelector("#listing-code")?.TextContent.Trim());
        Assert.Equal(restriction, result.QuerySelector("#restriction-class")?.TextContent.Trim());
        Assert.Equal("已核验", result.QuerySelector("#listing-status")?.TextContent.Trim());
        Assert.Contains(district, result.QuerySelector(".facts")?.TextContent, StringComparison.Ordinal);
        Assert.Null(result.QuerySelector("#offline-notice"));

        // Each step is in the audit log against its object: the seller's request, the registry's answer (the system),
        // the consent with the notice's version, and the verification.
        var listingId = response.Headers.Location!.OriginalString.Split('/')[^1];
        var queryId = (await journey.WaitForLatestQueryAsync()).ToString();
        await AuditLog.AssertAsync(Factory, "query.requested", ActorKind.Citizen, "PropertyQuery", queryId);
        await AuditLog.AssertAsync(Factory, "query.completed", ActorKind.System, "PropertyQuery", queryId, "套房屋");
        await AuditLog.AssertAsync(Factory, "notice.consented", ActorKind.Citizen, "PropertyQuery", queryId, UserNotice.Version);
        await AuditLog.AssertAsync(Factory, "listing.verified", ActorKind.Citizen, "Listing", listingId);
    }

    [Theory]
    [InlineData("seller-two-homes", "home-mortgaged", "抵押")]
    [InlineData("seller-seized", "home-seized", "查封")]
    [InlineData("seller-objection", "home-objection", "异议登记")]
    [InlineData("seller-advance-notice", "home-advance-notice", "预告登记")]
    [InlineData("seller-outside-wuhan", "home-outside-wuhan", "不在武汉市")]
    public async Task AnEncumberedOrForeignHome_IsRefusedWithItsReason(string seller, string home, string reason)
    {
        var journey = await SellerJourney.SignInAsync(Factory, seller);

        using var response = await journey.VerifyHomeAsync(home);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, page.QuerySelector("#verify-error")?.TextContent, StringComparison.Ordinal);
        var certificate = DemoData.Property(home).CertificateNumber;
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Listings.CountAsync(l => l.CertificateNumber == certificate)));
        Assert.Equal("true", SellerJourney.RadioFor(page, certificate)?.GetAttribute("checked") is null ? null : "true");
        await AuditLog.AssertAsync(Factory, "listing.refused", ActorKind.Citizen, "PropertyRecord", SellerJourney.RadioFor(page, certificate)!.Value);
    }

    [Fact]
    public async Task AHomeAlreadyListed_IsRefused()
    {
        var journey = await SellerJourney.SignInAsync(Factory, "seller-hidden");
        using var first = await journey.VerifyHomeAsync("home-hidden-visible");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await journey.VerifyHomeAsync("home-hidden-visible");
        var page = await Forms.ParseAsync(second);

        Assert.Contains("已有正在办理", page.QuerySelector("#verify-error")?.TextContent, StringComparison.Ordinal);
        var certificate = DemoData.Property("home-hidden-visible").CertificateNumber;
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Listings.CountAsync(l => l.CertificateNumber == certificate)));
    }

    [Fact]
    public async Task AHomeWithUnknownDistrict_GoesOffline_ThenIsClassifiedAfterTheDistrictIsCorrected()
    {
        var journey = await SellerJourney.SignInAsync(Factory, "seller-undetermined");
        using var response = await journey.VerifyHomeAsync("home-district-unknown");
        var resultUrl = response.Headers.Location!.OriginalString;
        var offline = await Forms.GetDocumentAsync(journey.Client, resultUrl);

        Assert.Equal("待线下办理", offline.QuerySelector("#listing-status")?.TextContent.Trim());
        Assert.Equal("无法判断", offline.QuerySelector("#restriction-class")?.TextContent.Trim());
        Assert.Contains("线下申报网签", offline.QuerySelector("#offline-notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(16, offline.QuerySelectorAll(".office-list li").Length);

        var form = await Forms.GetDocumentAsync(journey.Client, resultUrl + "/district");
        using var changed = await Forms.SubmitAsync(journey.Client, form, "form", new Dictionary<string, string?> { ["districtCode"] = "420115" });
        var classified = await Forms.GetDocumentAsync(journey.Client, changed.Headers.Location!.OriginalString);

        Assert.Equal("已核验", classified.QuerySelector("#listing-status")?.TextContent.Trim());
        Assert.Equal("非限购", classified.QuerySelector("#restriction-class")?.TextContent.Trim());
        Assert.Contains("重新判断", classified.QuerySelector(".alert-ok")?.TextContent, StringComparison.Ordinal);
        var audit = await Factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "listing.district-changed").CountAsync());
        Assert.True(audit >= 1);
    }

    [Fact]
    public async Task AHomeInADistrictWithoutPolicy_GoesOffline_AndNamesThatDistrictsOffice()
    {
        var journey = await SellerJourney.SignInAsync(Factory, "seller-undetermined");

        using var response = await journey.VerifyHomeAsync("home-scenic-zone");
        var page = await Forms.GetDocumentAsync(journey.Client, response.Headers.Location!.OriginalString);

        Assert.Equal("待线下办理", page.QuerySelector("#listing-status")?.TextContent.Trim());
        var office = DemoData.Set.Districts.Single(d => d.Name == "东湖生态旅游风景区").Office;
        Assert.Contains(office.Address, page.QuerySelector("#office")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(office.Phone, page.QuerySelector("#office")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingToAnUnknownDistrictCode_IsRefusedNextToTheField()
    {
        // home-district-unknown is the demo home the registry gave no district; the shared portal's test above verifies it.
        using var factory = NewPortal();
        var journey = await SellerJourney.SignInAsync(factory, "seller-undetermined");
        var listingId = await VerifyAndGetIdAsync(journey, "home-district-unknown");
        var form = await Forms.GetDocumentAsync(journey.Client, $"/listings/{listingId}/district");

        using var response = await Forms.SubmitAsync(journey.Client, form, "form", new Dictionary<string, string?> { ["districtCode"] = "999999" });
        var page = await Forms.ParseAsync(response);

        Assert.Equal("请从列表中选择房屋所属区。", Forms.FieldError(page, "districtCode"));
        var listing = await factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        Assert.Equal((null, ListingStatus.PendingOffline), (listing.DistrictCode, listing.Status));
    }

    [Fact]
    public async Task AHomeWhoseDistrictTheRegistryRecords_CannotBeMovedToAnotherDistrictOnline()
    {
        using var factory = NewPortal();
        var journey = await SellerJourney.SignInAsync(factory, "seller-clean");
        var listingId = await VerifyAndGetIdAsync(journey, "home-clean");
        var token = await AntiforgeryTokenAsync(journey);

        // 江岸区 (限购) → 东西湖区 (非限购), posted by hand: the page offers no form for it.
        using var response = await journey.Client.PostAsync(new Uri($"/listings/{listingId}/district", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("districtCode", "420112")]));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refusal = page.QuerySelector("#district-refusal")?.TextContent;
        Assert.Contains("不动产登记信息中已记载该房屋的所属区", refusal, StringComparison.Ordinal);
        Assert.Contains("不动产权证书", refusal, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("select#districtCode"));
        var listing = await factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        Assert.Equal(("420102", RestrictionClass.Restricted, ListingStatus.Verified), (listing.DistrictCode, listing.RestrictionClass, listing.Status));
        var audit = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == listingId.ToString() && e.Action.StartsWith("listing.district-change"))
            .Select(e => new { e.Action, e.Detail }).ToListAsync());
        var refused = Assert.Single(audit);
        Assert.Equal("listing.district-change-refused", refused.Action);
        Assert.Contains("420102 → 420112", refused.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(journey.Citizen.IdNumber, refused.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(journey.Citizen.Name, refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHomeWhoseDistrictTheRegistryRecords_SaysWhereToCorrectIt_InsteadOfOfferingTheForm()
    {
        using var factory = NewPortal();
        var journey = await SellerJourney.SignInAsync(factory, "seller-clean");
        var listingId = await VerifyAndGetIdAsync(journey, "home-clean");

        var result = await Forms.GetDocumentAsync(journey.Client, $"/listings/{listingId}");
        var page = await Forms.GetDocumentAsync(journey.Client, $"/listings/{listingId}/district");

        Assert.Null(result.QuerySelector($"a[href='/listings/{listingId}/district']"));
        Assert.NotNull(result.QuerySelector($"a[href='/listings/{listingId}/buyers']"));
        Assert.Contains("窗口", page.QuerySelector("#district-refusal")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("江岸区", page.QuerySelector("#district-name")?.TextContent.Trim());
        var office = DemoData.Set.Districts.Single(d => d.Code == "420102").Office;
        Assert.Contains(office.Address, page.QuerySelector("#district-office")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action$='/district']"));
    }

    [Fact]
    public async Task AStaffDetermination_IsShownToTheSeller_AndTheSellerCannotChangeTheDistrictAfterIt()
    {
        using var factory = NewPortal();
        var journey = await SellerJourney.SignInAsync(factory, "seller-undetermined");
        var listingId = await VerifyAndGetIdAsync(journey, "home-district-unknown");
        var staff = await StaffLogin.SignInAsync(factory, "staff");
        var casePage = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}");
        using var determined = await Forms.SubmitAsync(staff, casePage, "form[action$='/determination']",
            new Dictionary<string, string?> { ["restrictionClass"] = nameof(RestrictionClass.NotRestricted), ["reason"] = "经核实位于江夏区，非限购" });
        Assert.Equal(HttpStatusCode.Redirect, determined.StatusCode);
        var token = await AntiforgeryTokenAsync(journey);

        using var response = await journey.Client.PostAsync(new Uri($"/listings/{listingId}/district", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("districtCode", "420102")]));
        var refused = await Forms.ParseAsync(response);
        var result = await Forms.GetDocumentAsync(journey.Client, $"/listings/{listingId}");

        Assert.Contains("工作人员认定", refused.QuerySelector("#district-refusal")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("经房管部门工作人员认定：非限购（经核实位于江夏区，非限购）", result.QuerySelector("#determination")?.TextContent.Trim());
        Assert.Equal("非限购", result.QuerySelector("#restriction-class")?.TextContent.Trim());
        Assert.Null(result.QuerySelector($"a[href='/listings/{listingId}/district']"));
        var listing = await factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        Assert.Equal((null, RestrictionClass.NotRestricted, "经核实位于江夏区，非限购"), (listing.DistrictCode, listing.RestrictionClass, listing.DeterminationNote));
    }

    /// <summary>A portal of its own, for a test that needs a demo home another test here also verifies.</summary>
    private static PortalFactory NewPortal() => new() { Clock = new(Fixture.Now) };

    /// <summary>A page's antiforgery token, to post to an address whose page offers no form.</summary>
    private static async Task<string> AntiforgeryTokenAsync(SellerJourney journey)
    {
        var page = await Forms.GetDocumentAsync(journey.Client, "/listing");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static async Task<Guid> VerifyAndGetIdAsync(SellerJourney journey, string homeKey)
    {
        using var response = await journey.VerifyHomeAsync(homeKey);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [GeneratedRegex(@"^FY\d{8}\d{6}$")]
    private static partial Regex ListingCode();
}
