using Microsoft.Playwright;
using Wuhan.Resale.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Wuhan.Resale.E2E;

/// <summary>
/// 合同验真 by file in a real browser: the seller files and downloads the signed contract; a stranger uploads that file
/// on a computer (签章有效 with the contract's state) and a copy with one byte changed on a phone (文件已被修改).
/// Both answers are screenshot at desktop and phone width and scanned by axe-core.
/// </summary>
public sealed class VerifyUploadTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task TheDownloadedContract_UploadedForVerification_IsGenuine_AndAChangedCopyIsCalledAltered()
    {
        var checks = new PageChecks();
        var buyerCitizen = Personas.Citizen("buyer-1");
        var seller = new PortalUser(portal, Personas.Citizen("seller-clean"), checks: null, "verify-seller");
        var desktop = await portal.NewDesktopContextAsync();
        var phone = await portal.NewPhoneContextAsync();
        try
        {
            await seller.SignInAsync(checkPages: false);
            await seller.QueryHomesAsync();
            await seller.ChooseHomeAsync(Personas.Home("home-clean").CertificateNumber);
            await seller.SaveBuyersAsync(buyerCitizen);
            await seller.FillContractAsync();
            await seller.OpenFilingAsync();
            var number = await seller.ConfirmFilingAsync(await seller.SendFilingCodesAsync(buyerCitizen, seller.Citizen));

            var download = await seller.Page.RunAndWaitForDownloadAsync(() => seller.Link("下载合同").First.ClickAsync());

            // A stranger on a computer: the file as downloaded (saved after the first check, which empties the folder).
            var page = await desktop.NewPageAsync();
            await page.GotoAsync("/verify");
            await checks.CheckAsync(page, "verify-upload-01-form");
            var pdf = Path.Combine(PageChecks.Folder, "downloads", "verify-" + download.SuggestedFilename);
            await download.SaveAsAsync(pdf);
            await page.GetByLabel("合同PDF文件").SetInputFilesAsync(pdf);
            await page.GetByRole(AriaRole.Button, new() { Name = "核验", Exact = true }).ClickAsync();
            await Expect(page.Locator("#verify-verdict")).ToHaveTextAsync("签章有效");
            await Expect(page.Locator("#contract-number")).ToHaveTextAsync(number);
            await Expect(page.Locator("#contract-status")).ToHaveTextAsync("有效");
            await Expect(page.Locator("#content-match")).ToContainTextAsync("一致");
            await checks.CheckAsync(page, "verify-upload-02-genuine");

            // Someone on a phone with a copy in which one byte inside the signed range was changed.
            var bytes = await File.ReadAllBytesAsync(pdf);
            bytes[bytes.AsSpan(3000).IndexOf("stream\n"u8) + 3050] ^= 0x20;
            var altered = Path.Combine(PageChecks.Folder, "downloads", "verify-altered.pdf");
            await File.WriteAllBytesAsync(altered, bytes);
            var phonePage = await phone.NewPageAsync();
            await phonePage.GotoAsync("/verify");
            await phonePage.GetByLabel("合同PDF文件").SetInputFilesAsync(altered);
            await phonePage.GetByRole(AriaRole.Button, new() { Name = "核验", Exact = true }).ClickAsync();
            await Expect(phonePage.Locator("#verify-verdict")).ToHaveTextAsync("文件已被修改");
            await Expect(phonePage.Locator("#contract-number")).ToHaveCountAsync(0);
            await checks.CheckAsync(phonePage, "verify-upload-03-altered");

            output.WriteLine($"Screenshots: {string.Join(", ", checks.Screenshots.Select(Path.GetFileName))}");
            Assert.Empty(checks.LayoutNotes);
            checks.AssertNoSeriousViolations();
        }
        finally
        {
            await seller.CloseAsync();
            await desktop.CloseAsync();
            await phone.CloseAsync();
        }

        portal.AssertNoCspViolations();
    }
}
