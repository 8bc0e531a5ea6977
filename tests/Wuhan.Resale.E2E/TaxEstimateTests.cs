using Microsoft.Playwright;
using Wuhan.Resale.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Wuhan.Resale.E2E;

/// <summary>税费估算 on the contract form: shown in 交付与税费, marked as an estimate, following the price as it is typed.</summary>
public sealed class TaxEstimateTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task TheEstimate_ShowsOnTheContractForm_AndFollowsThePriceAsItIsTyped()
    {
        var checks = new PageChecks();
        var seller = new PortalUser(portal, Personas.Citizen("seller-clean"), checks, "tax");
        try
        {
            await seller.SignInAsync(checkPages: false);
            await seller.QueryHomesAsync();
            await seller.ChooseHomeAsync(Personas.Home("home-clean").CertificateNumber);
            await seller.SaveBuyersAsync(Personas.Citizen("buyer-1"));
            await seller.Link("填写合同").ClickAsync();
            var page = seller.Page;

            // 价款与付款 holds the price; 交付与税费 (opened beside it) holds the two questions and the estimate.
            await Expect(page.Locator("#progress-text")).ToHaveTextAsync("第 1 步，共 6 步：当事人");
            await page.GotoAsync(page.Url.Split('?', '#')[0] + "?section=price");
            await Expect(page.Locator("#progress-text")).ToHaveTextAsync("第 3 步，共 6 步：价款与付款");
            await page.Locator("#section-delivery > summary").ClickAsync();
            var panel = page.Locator("#tax-estimate");
            await Expect(panel).ToBeVisibleAsync();
            await Expect(page.Locator("#tax-estimate-disclaimer")).ToContainTextAsync("估算，以税务部门核定为准");
            var deedTax = page.Locator("#tax-estimate-table tr[data-item='DeedTax'] td").Nth(1);
            var fee = page.Locator("#tax-estimate-table tr[data-item='RegistrationFee'] td").Nth(1);
            await Expect(deedTax).ToHaveTextAsync("无法估算");
            await Expect(fee).ToHaveTextAsync("80.00");

            await page.GetByLabel("买方是否首套住房").SelectOptionAsync(new SelectOptionValue { Label = "是" });
            var price = page.GetByLabel("成交价格（元）", new() { Exact = true });
            await price.PressSequentiallyAsync("1280000");
            await Expect(deedTax).ToHaveTextAsync("12,800.00");
            await Expect(page.Locator("#tax-estimate-table tr[data-item='DeedTax']")).ToContainTextAsync("公告2024年第16号");

            await price.FillAsync("");
            await price.PressSequentiallyAsync("2000000");
            await Expect(deedTax).ToHaveTextAsync("20,000.00");
            await page.Locator("#tax-estimate").ScrollIntoViewIfNeededAsync();
            await seller.CheckAsync(page, "contract-tax-estimate");

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
