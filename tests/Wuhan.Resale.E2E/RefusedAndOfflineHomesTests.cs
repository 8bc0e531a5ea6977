using Microsoft.Playwright;
using Wuhan.Resale.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Wuhan.Resale.E2E;

/// <summary>Homes that cannot be sold online say why; a home without a district goes offline until 更新房屋所属区.</summary>
public sealed class RefusedAndOfflineHomesTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task MortgagedHome_IsMarkedBeforeChoosing_WithItsReason()
    {
        var checks = new PageChecks();
        var seller = new PortalUser(portal, Personas.Citizen("seller-two-homes"), checks, "refused");
        try
        {
            await seller.SignInAsync(checkPages: false);
            await seller.QueryHomesAsync();
            // Marked on the list itself, with the reason, before anything is chosen; it cannot be chosen.
            var mortgaged = seller.Page.Locator(".home-item", new() { HasText = Personas.Home("home-mortgaged").Location });
            await Expect(mortgaged.Locator(".home-card-refusal")).ToContainTextAsync("该房屋设有抵押");
            await Expect(mortgaged.GetByRole(AriaRole.Radio)).ToBeDisabledAsync();
            var clean = seller.Page.Locator(".home-item", new() { HasText = Personas.Home("home-dxh-clean").Location });
            await Expect(clean.Locator(".home-card-ok")).ToHaveTextAsync("可以在线办理");
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

    [Fact]
    public async Task HomeWithoutDistrict_GoesOffline_ThenIsClassified_AfterTheDistrictIsUpdated()
    {
        var checks = new PageChecks();
        var seller = new PortalUser(portal, Personas.Citizen("seller-undetermined"), checks, "offline");
        try
        {
            await seller.SignInAsync(checkPages: false);
            await seller.QueryHomesAsync();
            await seller.ChooseHomeAsync(Personas.Home("home-district-unknown").CertificateNumber, "pending-offline");
            await Expect(seller.Page.Locator("#listing-status")).ToHaveTextAsync("待线下办理");
            await Expect(seller.Page.Locator("#restriction-class")).ToHaveTextAsync("无法判断");
            await Expect(seller.Page.Locator("#offline-notice")).ToContainTextAsync("不能在线继续办理");

            await seller.Link("更新房屋所属区").ClickAsync();
            await Expect(seller.Page.GetByRole(AriaRole.Heading, new() { Name = "更新房屋所属区" })).ToBeVisibleAsync();
            await seller.CheckAsync(seller.Page, "district");
            await seller.Page.GetByLabel("所属区", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "洪山区" });
            await seller.Button("保存").ClickAsync();

            await Expect(seller.Page.Locator("#listing-status")).ToHaveTextAsync("已核验");
            await Expect(seller.Page.Locator("#restriction-class")).ToHaveTextAsync("限购");
            await Expect(seller.Link("确认买方")).ToBeVisibleAsync();
            await seller.CheckAsync(seller.Page, "classified");
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

    private void Report(PageChecks checks)
    {
        foreach (var note in checks.LayoutNotes)
        {
            output.WriteLine("LAYOUT: " + note);
        }
    }
}
