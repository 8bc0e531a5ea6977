using Microsoft.Playwright;
using Wuhan.Resale.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Wuhan.Resale.E2E;

/// <summary>
/// One person, one phone, no computer anywhere: the seller signs in with 在本机办理 and files the contract on the phone;
/// the buyer sees it on their home page; a seller whose home must go to the counter books a visit; and the 长辈版.
/// Only the phone size is screenshot and scanned; a page that scrolls sideways or cuts a control off fails.
/// </summary>
public sealed class PhoneOnlyJourneyTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Seller_FilesOnAPhoneAlone_TheBuyerSeesTheContractOnTheirHomePage()
    {
        var checks = new PageChecks(phoneOnly: true);
        var sellerCitizen = Personas.Citizen("seller-clean");
        var buyerCitizen = Personas.Citizen("buyer-2");
        var seller = new PortalUser(portal, sellerCitizen, checks, "phone-seller");
        var buyer = new PortalUser(portal, buyerCitizen, checks, "phone-buyer");
        try
        {
            await seller.SignInOnPhoneAsync();
            await AssertReadableAsync(seller.Page, 16);
            await seller.QueryHomesAsync();
            await Expect(seller.Page.Locator(".home-card-title").First).ToHaveTextAsync(Personas.Home("home-clean").Location);
            await seller.ChooseHomeAsync(Personas.Home("home-clean").CertificateNumber);
            await Expect(seller.Page.Locator("#listing-status")).ToHaveTextAsync("已核验");
            await seller.SaveBuyersAsync(buyerCitizen);
            await seller.FillContractAsync();
            await seller.OpenFilingAsync();
            var codes = await seller.SendFilingCodesAsync(buyerCitizen, sellerCitizen);
            var number = await seller.ConfirmFilingAsync(codes);

            // 下一步: what to sign, where to register, what to bring.
            await seller.Link("下一步：签字、过户和要带的材料").ClickAsync();
            await Expect(seller.Page.Locator("#next-number")).ToHaveTextAsync(number);
            await seller.CheckAsync(seller.Page, "next-steps");

            await buyer.SignInOnPhoneAsync(checkPages: false);
            await Expect(buyer.Page.Locator("#buyer-summary")).ToHaveTextAsync("您有1份已网签合同。");
            await Expect(buyer.Page.Locator(".step-bar")).ToHaveCountAsync(0);
            await Expect(buyer.Page.Locator("#buyer-section")).ToContainTextAsync(number);

            // 长辈版 on the buyer's phone: larger text, remembered from page to page.
            await buyer.Link("长辈版").ClickAsync();
            await Expect(buyer.Link("标准版")).ToBeVisibleAsync();
            await AssertReadableAsync(buyer.Page, 20);
            await buyer.CheckAsync(buyer.Page, "me-elder");
            await buyer.Link("网签合同").ClickAsync();
            await AssertReadableAsync(buyer.Page, 20);
            await buyer.CheckAsync(buyer.Page, "contracts-elder");
            await buyer.Link("操作说明").ClickAsync();
            await buyer.CheckAsync(buyer.Page, "help-elder");

            Report(checks);
            checks.AssertNoSeriousViolations();
            checks.AssertLayoutHolds();
        }
        finally
        {
            await seller.CloseAsync();
            await buyer.CloseAsync();
        }

        portal.AssertNoCspViolations();
    }

    [Fact]
    public async Task AHomeForTheCounter_ShowsItsOffice_AndAVisitIsBookedAndCancelledOnThePhone()
    {
        var checks = new PageChecks(phoneOnly: true);
        var seller = new PortalUser(portal, Personas.Citizen("seller-undetermined"), checks, "phone-booking");
        try
        {
            await seller.SignInOnPhoneAsync(checkPages: false);
            await seller.QueryHomesAsync();
            await seller.ChooseHomeAsync(Personas.Home("home-scenic-zone").CertificateNumber, "pending-offline");
            await Expect(seller.Page.Locator("#listing-status")).ToHaveTextAsync("待线下办理");
            await Expect(seller.Page.Locator("#office a[href^='tel:']")).ToBeVisibleAsync();

            await seller.Link("预约到窗口办理").ClickAsync();
            await Expect(seller.Page.GetByRole(AriaRole.Heading, new() { Name = "预约到窗口办理" })).ToBeVisibleAsync();
            await seller.CheckAsync(seller.Page, "booking");
            await seller.Page.Locator("#slots input[type=radio]:not([disabled])").First.CheckAsync();
            await seller.Button("确认预约").ClickAsync();
            await Expect(seller.Page.Locator("#booking-message")).ToContainTextAsync("预约成功");
            Assert.Contains("您已预约", await SmsInbox.LatestTextAsync(seller.PhoneContext, seller.Citizen.Phone), StringComparison.Ordinal);
            await seller.CheckAsync(seller.Page, "booked");

            await seller.Button("取消预约").ClickAsync();
            await Expect(seller.Page.Locator("#booking-message")).ToHaveTextAsync("预约已取消。");
            await Expect(seller.Page.Locator(".visit-status").First).ToHaveTextAsync("已取消");
            Report(checks);
            checks.AssertNoSeriousViolations();
            checks.AssertLayoutHolds();
        }
        finally
        {
            await seller.CloseAsync();
        }

        portal.AssertNoCspViolations();
    }

    /// <summary>Body text and every paragraph of the page's main part are at least <paramref name="pixels"/> px.</summary>
    private static async Task AssertReadableAsync(IPage page, int pixels)
    {
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[document.body, ...document.querySelectorAll('main p, main li, main dd, main label')].map(e => parseFloat(getComputedStyle(e).fontSize)))");
        Assert.True(smallest >= pixels, $"The smallest text on {page.Url} is {smallest}px; at least {pixels}px expected.");
    }

    private void Report(PageChecks checks)
    {
        foreach (var note in checks.LayoutNotes)
        {
            output.WriteLine("LAYOUT: " + note);
        }

        output.WriteLine($"Screenshots: {PageChecks.Folder} ({checks.Screenshots.Count} files)");
    }
}
