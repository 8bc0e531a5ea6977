using System.Text.RegularExpressions;
using Wuhan.Resale.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Wuhan.Resale.E2E;

/// <summary>The filing page works with the keyboard alone: Tab to the buttons and code inputs, Enter to press.</summary>
public sealed partial class KeyboardFilingTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string ActiveElementName =
        "() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || '').trim() : ''; }";

    [Fact]
    public async Task Filing_CanBeSent_TypedAndConfirmed_WithTheKeyboardAlone()
    {
        var sellerCitizen = Personas.Citizen("seller-optics-valley");
        var buyerCitizen = Personas.Citizen("buyer-2");
        var seller = new PortalUser(portal, sellerCitizen, checks: null, "keyboard");
        try
        {
            await seller.SignInAsync();
            await seller.QueryHomesAsync();
            await seller.ChooseHomeAsync(Personas.Home("home-optics-valley").CertificateNumber);
            await seller.SaveBuyersAsync(buyerCitizen);
            await seller.FillContractAsync();
            await seller.OpenFilingAsync();
            var page = seller.Page;

            // 发送短信验证码: Tab from the top of the page, Enter.
            var before = new Dictionary<string, int>
            {
                [buyerCitizen.Phone] = await SmsInbox.CountAsync(seller.Desktop, buyerCitizen.Phone),
                [sellerCitizen.Phone] = await SmsInbox.CountAsync(seller.Desktop, sellerCitizen.Phone),
            };
            await TabUntilAsync(page, name => name == "发送短信验证码");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator(".alert-ok")).ToBeVisibleAsync();
            var buyerCode = await SmsInbox.WaitForCodeAsync(seller.Desktop, buyerCitizen.Phone, before[buyerCitizen.Phone]);
            var sellerCode = await SmsInbox.WaitForCodeAsync(seller.Desktop, sellerCitizen.Phone, before[sellerCitizen.Phone]);

            // The code inputs in the page's order (buyers first, then owners), then 确认提交, then Enter.
            await TabUntilAsync(page, name => name.EndsWith("的验证码", StringComparison.Ordinal));
            Assert.Contains(buyerCitizen.Name, await ActiveNameAsync(page), StringComparison.Ordinal);
            await page.Keyboard.TypeAsync(buyerCode);
            await page.Keyboard.PressAsync("Tab");
            Assert.Contains(sellerCitizen.Name, await ActiveNameAsync(page), StringComparison.Ordinal);
            await page.Keyboard.TypeAsync(sellerCode);
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("确认提交", await ActiveNameAsync(page));
            await page.Keyboard.PressAsync("Enter");

            await page.WaitForURLAsync(FiledUrl());
            await seller.ExpectFiledAsync();
        }
        finally
        {
            await seller.CloseAsync();
        }

        portal.AssertNoCspViolations();
    }

    private static Task<string> ActiveNameAsync(Microsoft.Playwright.IPage page) => page.EvaluateAsync<string>(ActiveElementName);

    private static async Task TabUntilAsync(Microsoft.Playwright.IPage page, Func<string, bool> wanted)
    {
        var seen = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var name = await ActiveNameAsync(page);
            if (wanted(name))
            {
                return;
            }

            seen.Add(name);
        }

        Assert.Fail("Tab never reached the wanted element; focus went through: " + string.Join(" → ", seen));
    }

    [GeneratedRegex("/contracts\\?message=filed$")]
    private static partial Regex FiledUrl();
}
