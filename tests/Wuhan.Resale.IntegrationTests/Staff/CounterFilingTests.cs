using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Testing;

namespace Wuhan.Resale.IntegrationTests.Staff;

/// <summary>
/// 窗口办理: an offline case decided by staff is filed at the counter — the clerk enters the buyers and the terms and
/// files with every party's SMS code, under the same rules and audit as online, and the contract is marked 窗口办理.
/// </summary>
public sealed class CounterFilingTests : IDisposable
{
    private const string Clerk = "窗口工作人员（演示）（staff）";

    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _factory.Dispose();

    /// <summary>An offline case (district unknown), decided 非限购 by the clerk on the case page; returns the clerk and the listing.</summary>
    private async Task<(HttpClient Staff, Guid ListingId)> DecidedCaseAsync(bool decide = true)
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-undetermined");
        using var verified = await seller.VerifyHomeAsync("home-district-unknown");
        var listingId = Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]);
        var staff = await StaffLogin.SignInAsync(_factory, "staff");
        if (decide)
        {
            var casePage = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}");
            using var _ = await Forms.SubmitAsync(staff, casePage, "form[action$='/determination']",
                new Dictionary<string, string?> { ["restrictionClass"] = nameof(RestrictionClass.NotRestricted), ["reason"] = "经核实位于江夏区，非限购" });
        }

        return (staff, listingId);
    }

    /// <summary>The sample contract's terms as the counter form's inputs (the names the seller's form posts).</summary>
    private static Dictionary<string, string?> SampleTerms()
    {
        var t = ContractSamples.CompleteTerms();
        var values = new Dictionary<string, string?>
        {
            ["AttachedFacilities"] = t.AttachedFacilities,
            ["Price"] = "1,280,000",
            ["DecorationAmount"] = Figure(t.DecorationAndFacilitiesAmount),
            ["PaymentMethod"] = t.PaymentMethod?.ToString(),
            ["FundsThroughEscrow"] = t.FundsThroughEscrow == true ? "true" : "false",
            ["Deposit"] = Figure(t.Deposit),
            ["DepositDueOn"] = Day(t.DepositDueOn),
            ["DeliveryDate"] = Day(t.DeliveryDate),
            ["DeliveryConditions"] = t.DeliveryConditions,
            ["TaxBearer"] = t.TaxBearer?.ToString(),
            ["HukouMoveOutDays"] = Figure(t.HukouMoveOutDays),
            ["HukouDailyPenalty"] = Figure(t.HukouDailyPenalty),
            ["LatePaymentDailyRate"] = Figure(t.LatePaymentDailyRate),
            ["LateDeliveryDailyRate"] = Figure(t.LateDeliveryDailyRate),
            ["TerminationAfterDays"] = Figure(t.TerminationAfterDays),
            ["DisputeResolution"] = t.DisputeResolution?.ToString(),
            ["Copies"] = Figure(t.Copies),
            ["OtherTerms"] = t.OtherTerms,
            ["SellerServiceAddress"] = t.SellerServiceAddress,
            ["BuyerServiceAddress"] = t.BuyerServiceAddress,
            ["IsLet"] = t.IsLet == true ? "true" : "false",
            ["DepositCountsTowardPrice"] = t.DepositCountsTowardPrice == true ? "true" : "false",
            ["UtilitiesTransferDays"] = Figure(t.UtilitiesTransferDays),
            ["MaintenanceFund"] = t.MaintenanceFund?.ToString(),
            ["TransferRegistrationWithinDays"] = Figure(t.TransferRegistrationWithinDays),
        };
        var schedule = ContractSamples.CompleteSchedule();
        for (var i = 0; i < schedule.Length; i++)
        {
            values[$"Installments[{i}].DueOn"] = Day(schedule[i].DueOn);
            values[$"Installments[{i}].Amount"] = Figure(schedule[i].Amount);
            values[$"Installments[{i}].Description"] = schedule[i].Description;
        }

        return values;

        static string? Figure(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture);
        static string? Day(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> SaveBuyerAsync(HttpClient staff, Guid listingId, string citizenKey)
    {
        var buyer = DemoData.Citizen(citizenKey);
        var page = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}/counter");
        return await Forms.SubmitAsync(staff, page, "form[action$='/counter/buyers']", new Dictionary<string, string?>
        {
            ["Buyers[0].Name"] = buyer.Name, ["Buyers[0].IdType"] = buyer.IdType.ToString(), ["Buyers[0].IdNumber"] = buyer.IdNumber, ["Buyers[0].Phone"] = buyer.Phone,
        });
    }

    /// <summary>Buyers and terms saved through the counter pages; returns the page with the parties' code boxes, codes sent.</summary>
    private async Task<(HttpClient Staff, Guid ListingId, IHtmlDocument CodesSent)> CodesSentAsync()
    {
        var (staff, listingId) = await DecidedCaseAsync();
        using var buyers = await SaveBuyerAsync(staff, listingId, "buyer-1");
        Assert.Equal(HttpStatusCode.Redirect, buyers.StatusCode);
        var page = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}/counter");
        using var terms = await Forms.SubmitAsync(staff, page, "form[action$='/counter/terms']", SampleTerms());
        Assert.Equal(HttpStatusCode.Redirect, terms.StatusCode);
        var ready = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}/counter");
        Assert.Null(ready.QuerySelector("#counter-problems"));
        using var sent = await Forms.SubmitAsync(staff, ready, "form[action$='/counter/file']", null, ("intent", "send"));
        return (staff, listingId, await Forms.ParseAsync(sent));
    }

    private Task<List<string?>> CodesAsync() => FilingJourney.CodesForAsync(_factory, "buyer-1", "seller-undetermined");

    [Fact]
    public async Task AClerk_FilesAtTheCounter_WithEveryPartysCode_TheContractIsMarkedAndTheFilingAuditedAsTheClerk()
    {
        var (staff, listingId, page) = await CodesSentAsync();
        var codes = await CodesAsync();
        Assert.Equal(["买方", "卖方"], page.QuerySelectorAll("#counter-parties tbody tr td:first-child").Select(td => td.TextContent.Trim()));

        using var filed = await Forms.SubmitAsync(staff, page, "form[action$='/counter/file']", new Dictionary<string, string?>
        {
            ["codes[0]"] = codes[0], ["codes[1]"] = codes[1], ["identityChecked"] = "true",
        }, ("intent", "confirm"));

        var contract = await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.ListingId == listingId));
        Assert.Equal($"/staff/contracts/{contract.Id}?message=counter-filed", filed.Headers.Location?.OriginalString);
        Assert.Equal((ContractStatus.Filed, Clerk, true), (contract.Status, contract.CounterClerkName, contract.FiledAtCounter));
        Assert.Equal(ContractSamples.Price, contract.Terms.Price);
        Assert.Equal(ListingStatus.Filed, await _factory.WithDbAsync(db => db.Listings.Where(l => l.Id == listingId).Select(l => l.Status).SingleAsync()));
        var audit = await AuditLog.AssertAsync(_factory, "contract.filed", ActorKind.Staff, "Contract", contract.Id.ToString(), "窗口办理");
        Assert.Equal(Clerk, audit.ActorName);
        await AuditLog.AssertAsync(_factory, "listing.buyers-saved", ActorKind.Staff, "Listing", listingId.ToString(), "窗口办理", Clerk);
        await AuditLog.AssertAsync(_factory, "contract.saved", ActorKind.Staff, "Contract", contract.Id.ToString(), "窗口办理", Clerk);
        var detail = await Forms.GetDocumentAsync(staff, $"/staff/contracts/{contract.Id}");
        Assert.Contains("窗口办理", detail.QuerySelector("#staff-contract-channel")?.TextContent, StringComparison.Ordinal);
        var search = await Forms.GetDocumentAsync(staff, $"/staff/contracts?q={Uri.EscapeDataString(contract.ContractNumber!)}");
        Assert.Contains("（窗口办理）", search.QuerySelector("#results tbody")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(await CitizenLogin.SmsTextsAsync(_factory, DemoData.Citizen("buyer-1").Phone),
            t => t.Contains(contract.ContractNumber!, StringComparison.Ordinal) && t.Contains("窗口", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryPartysCode_IsRequired_AWrongOneIsRefused_AndNothingIsFiled()
    {
        var (staff, listingId, page) = await CodesSentAsync();
        var codes = await CodesAsync();
        var wrong = codes[0] == "000000" ? "111111" : "000000";

        using var missing = await Forms.SubmitAsync(staff, page, "form[action$='/counter/file']", new Dictionary<string, string?>
        {
            ["codes[0]"] = codes[0], ["identityChecked"] = "true",
        }, ("intent", "confirm"));
        var missingPage = await Forms.ParseAsync(missing);
        using var mistyped = await Forms.SubmitAsync(staff, page, "form[action$='/counter/file']", new Dictionary<string, string?>
        {
            ["codes[0]"] = wrong, ["codes[1]"] = codes[1], ["identityChecked"] = "true",
        }, ("intent", "confirm"));
        var mistypedPage = await Forms.ParseAsync(mistyped);
        using var unchecked_ = await Forms.SubmitAsync(staff, page, "form[action$='/counter/file']", new Dictionary<string, string?>
        {
            ["codes[0]"] = codes[0], ["codes[1]"] = codes[1],
        }, ("intent", "confirm"));
        var uncheckedPage = await Forms.ParseAsync(unchecked_);

        Assert.NotNull(Forms.FieldError(missingPage, "Codes[1]"));
        Assert.Null(Forms.FieldError(missingPage, "Codes[0]"));
        Assert.NotNull(Forms.FieldError(mistypedPage, "Codes[0]"));
        Assert.Equal(wrong, mistypedPage.QuerySelector("#Codes_0_")?.GetAttribute("value"));
        Assert.Contains("身份证件原件", Forms.FieldError(uncheckedPage, "identityChecked"), StringComparison.Ordinal);
        var contract = await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.ListingId == listingId));
        Assert.Equal((ContractStatus.Draft, null, null), (contract.Status, contract.ContractNumber, contract.CounterClerkName));
        var refusals = await AuditLog.OfAsync(_factory, "contract.filing-refused");
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e => Assert.Equal((ActorKind.Staff, Clerk), (e.ActorKind, e.ActorName)));
    }

    [Fact]
    public async Task TermsThatDoNotParse_AreShownNextToTheirInputs_KeptAsTyped_AndNotSaved()
    {
        var (staff, listingId) = await DecidedCaseAsync();
        using var _ = await SaveBuyerAsync(staff, listingId, "buyer-2");
        var page = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}/counter");
        var values = SampleTerms();
        values["Price"] = "一百万";
        values["DeliveryDate"] = "明年三月";

        using var saved = await Forms.SubmitAsync(staff, page, "form[action$='/counter/terms']", values);
        var shown = await Forms.ParseAsync(saved);

        Assert.NotNull(Forms.FieldError(shown, "Price"));
        Assert.NotNull(Forms.FieldError(shown, "DeliveryDate"));
        Assert.Equal("一百万", shown.QuerySelector("#Price")?.GetAttribute("value"));
        Assert.Equal(values["OtherTerms"], shown.QuerySelector("#OtherTerms")?.TextContent);
        Assert.Null(await _factory.WithDbAsync(db => db.Contracts.Where(c => c.ListingId == listingId).Select(c => c.Terms.Price).SingleAsync()));
    }

    [Fact]
    public async Task TheCounterIsClosed_UntilStaffDecideTheCase_AndAClerkOfAnotherDistrictCannotReachIt()
    {
        var (staff, listingId) = await DecidedCaseAsync(decide: false);
        var page = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}/counter");
        var seller = await SellerJourney.SignInAsync(_factory, "seller-undetermined");
        using var scenic = await seller.VerifyHomeAsync("home-scenic-zone");
        var otherDistrict = Guid.Parse(scenic.Headers.Location!.OriginalString.Split('/')[^1]);
        var admin = await StaffLogin.SignInAsync(_factory, "admin");
        using (var decided = await Forms.SubmitAsync(admin, await Forms.GetDocumentAsync(admin, $"/staff/cases/{otherDistrict}"), "form[action$='/determination']",
                   new Dictionary<string, string?> { ["restrictionClass"] = nameof(RestrictionClass.Restricted), ["reason"] = "经核实为住宅" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }

        var adminCounter = Forms.WithTokenOf(await Forms.GetDocumentAsync(admin, $"/staff/cases/{otherDistrict}/counter"),
            await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}"));

        var buyer = DemoData.Citizen("buyer-1");
        var row = new Dictionary<string, string?>
        {
            ["Buyers[0].Name"] = buyer.Name, ["Buyers[0].IdType"] = buyer.IdType.ToString(), ["Buyers[0].IdNumber"] = buyer.IdNumber, ["Buyers[0].Phone"] = buyer.Phone,
        };
        using var view = await staff.GetAsync(new Uri($"/staff/cases/{otherDistrict}/counter", UriKind.Relative));
        using var post = await Forms.SubmitAsync(staff, adminCounter, "form[action$='/counter/buyers']", row);
        adminCounter.QuerySelector("form[action$='/counter/buyers']")!.SetAttribute("action", $"/staff/cases/{listingId}/counter/buyers");
        using var buyers = await Forms.SubmitAsync(staff, adminCounter, "form[action$='/counter/buyers']", row);

        Assert.Contains("认定限购类型", page.QuerySelector("#counter-closed")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("认定限购类型", (await Forms.ParseAsync(buyers)).QuerySelector("#counter-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { view.StatusCode, post.StatusCode });
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Contracts.CountAsync()));
    }

    [Fact]
    public async Task HostileValues_AreAnsweredInChinese_NextToTheirFields_WithoutAnErrorPage()
    {
        var (staff, listingId) = await DecidedCaseAsync();
        var page = await Forms.GetDocumentAsync(staff, $"/staff/cases/{listingId}/counter");

        using var buyers = await Forms.SubmitAsync(staff, page, "form[action$='/counter/buyers']", new Dictionary<string, string?>
        {
            ["Buyers[0].Name"] = "<script>alert(1)</script>", ["Buyers[0].IdType"] = "7", ["Buyers[0].IdNumber"] = "' OR 1=1 --", ["Buyers[0].Phone"] = "１４０００",
        });
        var shown = await Forms.ParseAsync(buyers);

        Assert.Equal(HttpStatusCode.OK, buyers.StatusCode);
        Assert.Equal("请选择证件类型。", Forms.FieldError(shown, "Buyers[0].IdType"));
        Assert.Equal("<script>alert(1)</script>", shown.QuerySelector("#Buyers_0__Name")?.GetAttribute("value"));
        Assert.DoesNotContain(shown.QuerySelectorAll("script:not([src])"), e => e.GetAttribute("type") != "application/json");
        Assert.Empty(await _factory.WithDbAsync(db => db.Listings.AsNoTracking().Where(l => l.Id == listingId).SelectMany(l => l.Buyers).ToListAsync()));
    }
}
