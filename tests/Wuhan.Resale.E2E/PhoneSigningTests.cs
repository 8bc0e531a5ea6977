using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wuhan.Resale.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Wuhan.Resale.E2E;

/// <summary>
/// The buyer is not in the room: they open the link in the filing SMS on their own phone, read the whole draft marked
/// 待签署 and press 同意签署 with the code; the seller, waiting on the filing page, sees 已在本人手机确认 appear and
/// files with only their own code. The buyer's pages are screenshot at phone and desktop size and scanned by axe-core.
/// </summary>
public sealed partial class PhoneSigningTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task TheBuyerAgreesOnTheirOwnPhone_WhileTheSellerWaitsOnTheFilingPage()
    {
        var checks = new PageChecks();
        var sellerCitizen = Personas.Citizen("seller-clean");
        var buyerCitizen = Personas.Citizen("buyer-1");
        var seller = new PortalUser(portal, sellerCitizen, checks: null, "signing-seller");
        var buyerPhone = await portal.NewPhoneContextAsync();
        try
        {
            await seller.SignInAsync();
            await seller.QueryHomesAsync();
            await seller.ChooseHomeAsync(Personas.Home("home-clean").CertificateNumber);
            await seller.SaveBuyersAsync(buyerCitizen);
            await seller.FillContractAsync();
            await seller.OpenFilingAsync();
            var codes = await seller.SendFilingCodesAsync(buyerCitizen, sellerCitizen);
            var buyerState = seller.Page.Locator("#parties .party-state").First;
            await Expect(buyerState).ToHaveTextAsync("待确认");

            // The buyer's phone: the SMS names the home and the price and carries the link.
            var sms = await SmsInbox.LatestTextAsync(seller.Desktop, buyerCitizen.Phone);
            Assert.Contains("成交价", sms, StringComparison.Ordinal);
            var link = SignLink().Match(sms);
            Assert.True(link.Success, "The filing SMS carries no confirmation link: " + sms);
            var page = await buyerPhone.NewPageAsync();
            await page.GotoAsync(link.Value);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "确认存量房买卖合同" })).ToBeVisibleAsync();
            await Expect(page.Locator("#sign-state")).ToHaveTextAsync("待签署");
            await Expect(page.GetByLabel("合同全文")).ToContainTextAsync(Personas.Home("home-clean").Location);
            await checks.CheckAsync(page, "signing-01-buyer-reads-the-draft");

            await page.GetByLabel("短信验证码", new() { Exact = true }).FillAsync(codes[buyerCitizen.Name]);
            await page.GetByRole(AriaRole.Button, new() { Name = "同意签署", Exact = true }).ClickAsync();
            await Expect(page.Locator("#sign-state")).ToContainTextAsync("在本人手机上同意签署");
            await checks.CheckAsync(page, "signing-02-buyer-agreed");

            // The seller never reloads: the filing page shows the buyer's agreement by itself.
            await Expect(buyerState).ToHaveTextAsync("已在本人手机确认", new() { Timeout = 20_000 });
            await Expect(seller.Page.GetByLabel($"{buyerCitizen.Name}的验证码")).ToHaveCountAsync(0);
            await checks.CheckAsync(seller.Page, "signing-03-seller-sees-the-agreement");
            await seller.Page.GetByLabel($"{sellerCitizen.Name}的验证码").FillAsync(codes[sellerCitizen.Name]);
            await seller.Button("确认提交").ClickAsync();
            await seller.ExpectFiledAsync();

            // Filed: the link shows nothing any more.
            var after = await page.GotoAsync(link.Value);
            Assert.Equal(404, after?.Status);

            foreach (var note in checks.LayoutNotes)
            {
                output.WriteLine("LAYOUT: " + note);
            }

            Assert.DoesNotContain(checks.LayoutNotes, note => note.StartsWith("signing-0", StringComparison.Ordinal) && note.Contains("(phone)", StringComparison.Ordinal));
            checks.AssertNoSeriousViolations();
            checks.AssertLayoutHolds();
        }
        finally
        {
            await seller.CloseAsync();
            await buyerPhone.CloseAsync();
        }

        portal.AssertNoCspViolations();
    }

    [GeneratedRegex(@"https?://\S+/sign/[A-Za-z0-9_-]+")]
    private static partial Regex SignLink();
}
