using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wuhan.Resale.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Wuhan.Resale.E2E;

/// <summary>
/// The whole journey in a real browser, through the labels people see: 实名认证 by QR on a phone, 房源核验, 确认买方,
/// 填写合同, 申报网签 with every party's code, 下载合同; then the buyer's view, 合同验真, 合同网签撤销 from the login
/// page and the home verified again. Every page is screenshot at both sizes and scanned by axe-core.
/// </summary>
public sealed partial class SellerJourneyTests(BrowserPortal portal, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Seller_FilesAndDownloadsTheContract_BuyerSeesIt_AndRevokesItFromTheLoginPage()
    {
        var checks = new PageChecks();
        var sellerCitizen = Personas.Citizen("seller-clean");
        var buyerCitizen = Personas.Citizen("buyer-1");
        var home = Personas.Home("home-clean");
        var seller = new PortalUser(portal, sellerCitizen, checks, "seller");
        var buyer = new PortalUser(portal, buyerCitizen, checks, "buyer");
        var anonymous = await portal.NewDesktopContextAsync();
        try
        {
            // 1. 实名认证 → 房源核验 → 确认买方 → 填写合同 → 申报网签.
            await seller.SignInAsync();
            await seller.QueryHomesAsync();
            await seller.ChooseHomeAsync(home.CertificateNumber);
            await Expect(seller.Page.Locator("#listing-status")).ToHaveTextAsync("已核验");
            await Expect(seller.Page.Locator("#restriction-class")).ToHaveTextAsync("限购");
            await seller.SaveBuyersAsync(buyerCitizen);
            await seller.FillContractAsync();
            await seller.OpenFilingAsync();
            var codes = await seller.SendFilingCodesAsync(buyerCitizen, sellerCitizen);
            var number = await seller.ConfirmFilingAsync(codes);

            // 下载合同: a PDF whose text carries the contract number.
            var download = await seller.Page.RunAndWaitForDownloadAsync(() => seller.Link("下载合同").First.ClickAsync());
            var pdf = Path.Combine(PageChecks.Folder, "downloads", download.SuggestedFilename);
            await download.SaveAsAsync(pdf);
            var bytes = await File.ReadAllBytesAsync(pdf);
            Assert.True(bytes.AsSpan().StartsWith("%PDF"u8), "The download is not a PDF.");
            Assert.Contains(number, await PdfTextAsync(pdf), StringComparison.Ordinal);

            // 4. The buyer signs in and finds the contract in 网签申报.
            await buyer.SignInAsync(checkPages: false);
            await buyer.Link("进入房源核验").ClickAsync();
            var toContracts = buyer.Link("查看网签合同列表");
            if (await toContracts.CountAsync() > 0)
            {
                await toContracts.ClickAsync();
            }
            else
            {
                output.WriteLine("FINDING: a buyer without homes has no link from 办理中心 or 房源核验 to the 网签申报 list; opened /contracts directly.");
                await buyer.Page.GotoAsync("/contracts");
            }

            await Expect(buyer.Page.GetByRole(AriaRole.Heading, new() { Name = "网签申报" })).ToBeVisibleAsync();
            var row = buyer.Page.Locator("#contracts tbody tr", new() { HasText = number });
            await Expect(row).ToContainTextAsync("已生成合同");
            await Expect(row).ToContainTextAsync("您是买方");
            await Expect(row.GetByRole(AriaRole.Link, new() { Name = "下载合同" })).ToBeVisibleAsync();
            await buyer.CheckAsync(buyer.Page, "contracts");

            // 合同验真, opened from the verification address the PDF's QR code carries.
            var token = await portal.Factory.WithDbAsync(db => db.Contracts.AsNoTracking()
                .Where(c => c.ContractNumber == number).Select(c => c.VerificationToken).SingleAsync());
            var verifyPage = await anonymous.NewPageAsync();
            await verifyPage.GotoAsync($"/verify/{token}");
            await Expect(verifyPage.Locator("#contract-number")).ToHaveTextAsync(number);
            await Expect(verifyPage.Locator("#contract-status")).ToHaveTextAsync("有效");
            await checks.CheckAsync(verifyPage, "public-01-verify-valid");

            // 3. 合同网签撤销 from the login page, by the buyer, without signing in.
            var page = await anonymous.NewPageAsync();
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "合同网签撤销", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "合同网签撤销" })).ToBeVisibleAsync();
            await page.GetByLabel("合同编号", new() { Exact = true }).FillAsync(number);
            await page.GetByLabel("身份证号码", new() { Exact = true }).FillAsync(buyerCitizen.IdNumber);
            await page.GetByLabel("图片验证码", new() { Exact = true }).FillAsync(BrowserPortalFactory.CaptchaAnswer);
            await checks.CheckAsync(page, "public-02-revocation");
            await page.GetByRole(AriaRole.Button, new() { Name = "下一步", Exact = true }).ClickAsync();
            await Expect(page.GetByLabel("手机号", new() { Exact = true })).ToBeVisibleAsync();
            var before = await SmsInbox.CountAsync(anonymous, buyerCitizen.Phone);
            await page.GetByRole(AriaRole.Button, new() { Name = "发送短信验证码", Exact = true }).ClickAsync();
            var code = await SmsInbox.WaitForCodeAsync(anonymous, buyerCitizen.Phone, before);
            await page.GetByLabel("短信验证码", new() { Exact = true }).FillAsync(code);
            await checks.CheckAsync(page, "public-03-revocation-code");
            await page.GetByRole(AriaRole.Button, new() { Name = "撤销", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "撤销成功" })).ToBeVisibleAsync();
            await Expect(page.Locator("#revoked-number")).ToHaveTextAsync(number);
            await checks.CheckAsync(page, "public-04-revoked");

            await verifyPage.ReloadAsync();
            await Expect(verifyPage.Locator("#contract-status")).ToHaveTextAsync("已撤销");
            await checks.CheckAsync(verifyPage, "public-05-verify-revoked");

            // The seller verifies the home again.
            await seller.Page.GetByRole(AriaRole.Link, new() { Name = "武汉市个人房地产业务网上服务平台" }).ClickAsync();
            await seller.QueryHomesAsync();
            await seller.ChooseHomeAsync(home.CertificateNumber, "result-again");
            await Expect(seller.Page.Locator("#listing-status")).ToHaveTextAsync("已核验");

            foreach (var note in checks.LayoutNotes)
            {
                output.WriteLine("LAYOUT: " + note);
            }

            output.WriteLine($"Screenshots: {PageChecks.Folder} ({checks.Screenshots.Count} files, {checks.Elapsed.TotalSeconds:0} s spent on screenshots and scans, of which {checks.ScreenshotTime.TotalSeconds:0} s screenshots)");
            checks.AssertNoSeriousViolations();
            checks.AssertLayoutHolds();
        }
        finally
        {
            await seller.CloseAsync();
            await buyer.CloseAsync();
            await anonymous.CloseAsync();
        }

        portal.AssertNoCspViolations();
    }

    private static async Task<string> PdfTextAsync(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("pdftotext could not start (apt-get install -y poppler-utils).");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return Spaces().Replace(text, string.Empty);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
