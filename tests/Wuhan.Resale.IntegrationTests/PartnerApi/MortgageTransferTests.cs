using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.IntegrationTests.Pdf;
using Wuhan.Resale.Testing;
using static Wuhan.Resale.IntegrationTests.PartnerApi.BankApi;

namespace Wuhan.Resale.IntegrationTests.PartnerApi;

/// <summary>
/// 带押过户: the seller chooses it on 房源核验 for a mortgaged home whose registry names its bank; the listing waits for the
/// bank's consent through the partner API; after 同意 the buyers are named, the contract carries the clauses, filing is
/// refused while the price is below the loan, and the escrowed price repays the loan first.
/// </summary>
public sealed class MortgageTransferTests : IDisposable
{
    private const string Seller = "seller-mortgaged";
    private const decimal Loan = 1_300_000m;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public MortgageTransferTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    /// <summary>Queries the homes, ticks 带押过户 on the chosen home (unless told not to) and presses 确认提交.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Homes)> VerifyWithMortgageAsync(SellerJourney seller, string homeKey, bool tick = true)
    {
        var queryId = await seller.QueryHomesAsync();
        var homes = await seller.ConsentAsync(queryId);
        var radio = SellerJourney.RadioFor(homes, DemoData.Property(homeKey).CertificateNumber)!;
        var values = new Dictionary<string, string?> { ["recordId"] = radio.Value };
        if (tick)
        {
            values["mortgageRecordId"] = radio.Value;
        }

        return (await Forms.SubmitAsync(seller.Client, homes, "form[action$='/verify']", values), homes);
    }

    private Task<Listing> ListingAsync(Guid id) => _factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));

    [Fact]
    public async Task TheWholePath_SellerChooses_BankAgrees_PriceBelowTheLoanIsRefused_FilingThenEscrowRepaysTheLoanFirst()
    {
        var seller = await SellerJourney.SignInAsync(_factory, Seller);
        var (verified, homes) = await VerifyWithMortgageAsync(seller, "home-mortgage-agree");
        var card = homes.QuerySelectorAll(".home-item").Single(i => i.TextContent.Contains(DemoData.Property("home-mortgage-agree").Location, StringComparison.Ordinal));

        Assert.Contains("抵押权人：楚天银行（演示）", card.QuerySelector(".home-card-mortgage")?.TextContent, StringComparison.Ordinal);
        Assert.False(((IHtmlInputElement)card.QuerySelector("input[type=radio]")!).IsDisabled);
        Assert.NotNull(card.QuerySelector("input[name=mortgageRecordId]"));
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var listingId = Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]);
        var listing = await ListingAsync(listingId);
        Assert.Equal((true, MortgageConsentStatus.Pending), (listing.MortgageTransfer, listing.MortgageConsent));

        // Waiting: the result page says so and offers no 确认买方; the buyers page and a save are refused.
        var waiting = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}");
        Assert.Contains("待抵押权人同意", waiting.QuerySelector("#mortgage-transfer")?.TextContent, StringComparison.Ordinal);
        Assert.Null(waiting.QuerySelector($"a[href='/listings/{listingId}/buyers']"));
        using (var early = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-2")))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("须等待抵押权人（楚天银行（演示））", (await Forms.ParseAsync(early)).Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Empty((await ListingAsync(listingId)).Buyers);

        // The bank finds the request among its own and agrees; the other bank cannot answer it.
        using var chuTian = Client(_factory, ChuTianKey);
        using var jiangCheng = Client(_factory, JiangChengKey);
        using var pending = await chuTian.GetAsync(new Uri("/api/partner/bank/mortgage-consents", UriKind.Relative));
        var requests = await JsonAsync(pending);
        using var othersPending = await jiangCheng.GetAsync(new Uri("/api/partner/bank/mortgage-consents", UriKind.Relative));
        using var foreign = await PostAsync(jiangCheng, Consent(listing.ListingCode), new { agreed = true, outstandingLoan = 1m }, "consent-x");
        using var agreed = await PostAsync(chuTian, Consent(listing.ListingCode), new { agreed = true, outstandingLoan = Loan }, "consent-1");
        var agreedBody = await JsonAsync(agreed);

        Assert.Equal(listing.ListingCode, Assert.Single(requests.EnumerateArray()).GetProperty("listingCode").GetString());
        Assert.Empty((await JsonAsync(othersPending)).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal(("Agreed", Loan, false), (agreedBody.GetProperty("consent").GetString(), agreedBody.GetProperty("outstandingLoan").GetDecimal(), agreedBody.GetProperty("alreadyAnswered").GetBoolean()));
        Assert.Contains(await CitizenLogin.SmsTextsAsync(_factory, seller.Citizen.Phone), t => t.Contains("已同意带押过户", StringComparison.Ordinal));
        var audit = await AuditLog.AssertAsync(_factory, "mortgage-consent.answered", ActorKind.Partner, "Listing", listingId.ToString(), "1300000.00");
        Assert.Equal(ChuTianName, audit.ActorName);
        var result = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}");
        Assert.Equal("1,300,000.00", result.QuerySelector("#outstanding-loan")?.TextContent.Trim());
        Assert.NotNull(result.QuerySelector($"a[href='/listings/{listingId}/buyers']"));

        // Buyers, then the sample contract: its price (1,280,000) is below the loan, so filing is refused.
        using (var saved = await FilingJourney.SaveBuyersAsync(seller.Client, listingId, DemoData.Citizen("buyer-2")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await FilingJourney.CompleteTheContractAsync(_factory, listingId);
        var contractId = await _factory.WithDbAsync(db => db.Contracts.Where(c => c.ListingId == listingId).Select(c => c.Id).SingleAsync());
        var blocked = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        Assert.Contains("低于抵押贷款未还金额（1300000.00元）", blocked.QuerySelector("#filing-blockers")?.TextContent, StringComparison.Ordinal);
        Assert.True(blocked.QuerySelector("#send-codes")!.HasAttribute("disabled"));

        // The form and the draft PDF carry the 带押过户 clause.
        var form = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/edit?section=price");
        Assert.Equal("楚天银行（演示）", form.GetElementById("MortgageeName")?.TextContent.Trim());
        Assert.Equal("1,300,000.00元", form.GetElementById("OutstandingLoan")?.TextContent.Trim());

        // A price that covers the loan files.
        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.UpdateTerms(ContractSamples.CompleteTerms() with { Price = 1_400_000m },
                [new PaymentInstallment(1, new DateOnly(2026, 12, 20), 700_000m, "首付款"), new PaymentInstallment(2, new DateOnly(2027, 2, 20), 700_000m, "尾款")],
                _clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        using var preview = await seller.Client.GetAsync(new Uri($"/contracts/{contractId}/preview", UriKind.Relative));
        var previewText = ModelContractPdfTests.BodyText(await preview.Content.ReadAsByteArrayAsync());
        Assert.Contains("该房屋是否带押过户", previewText, StringComparison.Ordinal);
        Assert.Contains(ModelContractPdfTests.Flatten("抵押权人为楚天银行（演示），甲方尚欠该抵押贷款1,300,000.00元"), ModelContractPdfTests.Flatten(previewText), StringComparison.Ordinal);
        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        using (var filed = await FilingJourney.ConfirmAsync(seller.Client, page, await FilingJourney.CodesForAsync(_factory, "buyer-2", Seller)))
        {
            Assert.Equal("/contracts?message=filed", filed.Headers.Location?.OriginalString);
        }

        var number = await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.ContractNumber!).SingleAsync());
        using (var registry = Client(_factory, RegistrationKey))
        {
            // The registration centre reads the 带押过户 facts with the contract: the mortgage is cancelled with the transfer.
            using var response = await registry.GetAsync(new Uri($"/api/partner/contracts/{Uri.EscapeDataString(number)}", UriKind.Relative));
            var read = await JsonAsync(response);
            Assert.Equal((ChuTianName, Loan), (read.GetProperty("mortgageeName").GetString(), read.GetProperty("outstandingLoan").GetDecimal()));
        }

        // Escrow, registration, release: the loan is repaid first, the seller gets the rest.
        using (var opened = await PostAsync(chuTian, Escrow(number, "account"), new { accountNumber = "6222020200998877" }, "open-m"))
        using (var deposited = await PostAsync(chuTian, Escrow(number, "deposits"), new { amount = 1_400_000m }, "deposit-m"))
        using (var registered = await RegisterAsync(_factory, number))
        {
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK), (opened.StatusCode, deposited.StatusCode, registered.StatusCode));
        }

        using var released = await PostAsync(chuTian, Escrow(number, "release"), null, "release-m");
        var releasedBody = await JsonAsync(released);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal((Loan, 100_000m), (releasedBody.GetProperty("releasedToLoan").GetDecimal(), releasedBody.GetProperty("releasedToSeller").GetDecimal()));
        var contracts = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        Assert.Equal("1,300,000.00 元", contracts.QuerySelector("#escrow .escrow-to-loan")?.TextContent.Trim());
    }

    [Fact]
    public async Task TheBankRefuses_WithAReason_AndTheSellerCannotGoOn_ARepeatIsHarmless_AChangedAnswerIsAConflict()
    {
        var seller = await SellerJourney.SignInAsync(_factory, Seller);
        var (verified, _) = await VerifyWithMortgageAsync(seller, "home-mortgage-refuse");
        var listingId = Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]);
        var code = (await ListingAsync(listingId)).ListingCode;
        using var jiangCheng = Client(_factory, JiangChengKey);
        var refusal = new { agreed = false, reason = "借款人近期有逾期还款记录" };

        using var refused = await PostAsync(jiangCheng, Consent(code), refusal, "consent-1");
        using var again = await PostAsync(jiangCheng, Consent(code), refusal, "consent-2");
        using var changed = await PostAsync(jiangCheng, Consent(code), new { agreed = true, outstandingLoan = 10_000m }, "consent-3");
        using var noReason = await PostAsync(jiangCheng, Consent(code), new { agreed = false, reason = "" }, "consent-4");
        using var registration = await PostAsync(Client(_factory, RegistrationKey), Consent(code), refusal, "consent-5");

        var refusedBody = await JsonAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(("Refused", false), (refusedBody.GetProperty("consent").GetString(), refusedBody.GetProperty("alreadyAnswered").GetBoolean()));
        Assert.True((await JsonAsync(again)).GetProperty("alreadyAnswered").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Contains("答复不能更改", Error(await JsonAsync(changed)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, registration.StatusCode);
        var result = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}");
        Assert.Contains("借款人近期有逾期还款记录", result.QuerySelector("#mortgage-wait")?.TextContent, StringComparison.Ordinal);
        Assert.Null(result.QuerySelector($"a[href='/listings/{listingId}/buyers']"));
        var buyers = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/buyers");
        Assert.Contains("不同意带押过户", buyers.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(MortgageConsentStatus.Refused, (await ListingAsync(listingId)).MortgageConsent);
        Assert.Single(await AuditLog.OfAsync(_factory, "mortgage-consent.answered"));
    }

    [Fact]
    public async Task WithoutTheTick_AMortgagedHomeIsRefusedAsBefore_AndAHomeWhoseBankIsUnknown_CannotBeForced()
    {
        var seller = await SellerJourney.SignInAsync(_factory, Seller);
        var (unticked, _) = await VerifyWithMortgageAsync(seller, "home-mortgage-agree", tick: false);
        var other = await SellerJourney.SignInAsync(_factory, "seller-two-homes");
        var (forced, homes) = await VerifyWithMortgageAsync(other, "home-mortgaged");

        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("该房屋设有抵押", (await Forms.ParseAsync(unticked)).QuerySelector("#verify-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("该房屋设有抵押", (await Forms.ParseAsync(forced)).QuerySelector("#verify-error")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(homes.QuerySelectorAll("input[name=mortgageRecordId]"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Listings.CountAsync()));
    }
}
