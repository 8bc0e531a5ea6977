using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wuhan.Resale.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Wuhan.Resale.E2E;

/// <summary>
/// 带押过户 in a real browser: the seller ticks it on a mortgaged home, the listing waits, the mortgagee bank agrees through
/// the partner API, the seller names the buyer, fills the contract (which now carries the 带押过户 clause) and files it.
/// Every page is screenshot and scanned like the other journeys.
/// </summary>
public sealed class MortgageTransferJourneyTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    private const string BankKey = "demo-bank-chutian-2026-key";

    [Fact]
    public async Task Seller_ChoosesMortgageTransfer_BankConsentsThroughTheApi_AndTheContractIsFiled()
    {
        var checks = new PageChecks();
        var sellerCitizen = Personas.Citizen("seller-mortgaged");
        var buyerCitizen = Personas.Citizen("buyer-2");
        var home = Personas.Home("home-mortgage-agree");
        var seller = new PortalUser(portal, sellerCitizen, checks, "mortgage");
        try
        {
            await seller.SignInAsync(checkPages: false);
            await seller.QueryHomesAsync();

            // The card names the bank and offers 带押过户 instead of refusing the home.
            var card = seller.Page.Locator(".home-item", new() { HasText = home.Location });
            await Expect(card.Locator(".home-card-mortgage")).ToContainTextAsync("楚天银行（演示）");
            await card.Locator("input[name=mortgageRecordId]").CheckAsync();
            await seller.CheckAsync(seller.Page, "homes-mortgage-ticked");
            await seller.ChooseHomeAsync(home.CertificateNumber, "mortgage-waiting");
            await Expect(seller.Page.Locator("#mortgage-transfer")).ToContainTextAsync("待抵押权人同意");
            await Expect(seller.Link("确认买方")).ToHaveCountAsync(0);
            var listingCode = (await seller.Page.Locator("#listing-code").TextContentAsync())!.Trim();

            // The bank answers through the partner API, as its own system would.
            using (var bank = new HttpClient { BaseAddress = portal.BaseUrl })
            {
                bank.DefaultRequestHeaders.Add("X-Api-Key", BankKey);
                bank.DefaultRequestHeaders.Add("Idempotency-Key", "e2e-consent-" + listingCode);
                using var answered = await bank.PostAsJsonAsync(new Uri($"/api/partner/bank/mortgage-consents/{listingCode}", UriKind.Relative),
                    new { agreed = true, outstandingLoan = 600_000m });
                var body = await answered.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("Agreed", body.GetProperty("consent").GetString());
            }

            await seller.Page.ReloadAsync();
            await Expect(seller.Page.Locator("#mortgage-transfer")).ToContainTextAsync("抵押权人已同意");
            await Expect(seller.Page.Locator("#outstanding-loan")).ToHaveTextAsync("600,000.00");
            await seller.CheckAsync(seller.Page, "mortgage-agreed");

            await seller.SaveBuyersAsync(buyerCitizen);
            await seller.FillContractAsync();
            var contractId = await portal.Factory.WithDbAsync(db => db.Contracts.AsNoTracking()
                .Where(c => c.MortgageeName != null && c.Status == Wuhan.Resale.Domain.Contracts.ContractStatus.Draft).Select(c => c.Id).SingleAsync());
            await seller.Page.GotoAsync($"/contracts/{contractId}/edit?section=price");
            await Expect(seller.Page.Locator("#MortgageeName")).ToHaveTextAsync("楚天银行（演示）");
            await Expect(seller.Page.Locator("#OutstandingLoan")).ToHaveTextAsync("600,000.00元");
            await seller.CheckAsync(seller.Page, "mortgage-clause");
            await seller.Page.GotoAsync("/contracts");

            await seller.OpenFilingAsync();
            var codes = await seller.SendFilingCodesAsync(buyerCitizen, sellerCitizen);
            var number = await seller.ConfirmFilingAsync(codes);
            Assert.False(string.IsNullOrEmpty(number));
            foreach (var note in checks.LayoutNotes)
            {
                output.WriteLine("LAYOUT: " + note);
            }

            checks.AssertNoSeriousViolations();
            checks.AssertLayoutHolds();
        }
        finally
        {
            await seller.CloseAsync();
        }

        portal.AssertNoCspViolations();
    }
}
