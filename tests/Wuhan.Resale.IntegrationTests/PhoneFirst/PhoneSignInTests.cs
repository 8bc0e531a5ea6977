using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.PhoneFirst;

/// <summary>
/// 在本机办理: one browser (one cookie jar) opens the login page, follows its own link, proves who it is and is signed in
/// right there — no 配对码 (its claim cookie proves it asked), no page or SMS mentioning a computer.
/// </summary>
public sealed class PhoneSignInTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public PhoneSignInTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task OnePhone_SignsInInTheSameTab_WithoutPairingCode_AndNothingSaysComputer()
    {
        var citizen = DemoData.Citizen("seller-clean");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var lead = login.LoginPage!.QuerySelector("#this-device-link");
        Assert.Equal("在本机办理", lead?.TextContent.Trim());
        Assert.Equal(login.TicketLink, lead?.GetAttribute("href"));
        Assert.Null(lead?.GetAttribute("target"));

        // The same browser (the desktop client's cookie jar) opens its own link.
        var page = await Forms.GetDocumentAsync(login.Desktop, login.TicketLink!);
        Assert.Null(page.QuerySelector("#PairingCode"));
        Assert.Null(page.QuerySelector("#desktop-facts"));
        Assert.DoesNotContain("电脑", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var sent = await Forms.SubmitAsync(login.Desktop, page, "form",
            new Dictionary<string, string?>(CitizenLogin.Identity(citizen)) { ["CaptchaAnswer"] = PortalFactory.CaptchaAnswer }, ("Intent", "send"));
        var afterSend = await Forms.ParseAsync(sent);
        var sms = Assert.Single(await CitizenLogin.SmsTextsAsync(_factory, citizen.Phone));
        Assert.DoesNotContain("电脑", sms, StringComparison.Ordinal);
        Assert.DoesNotContain("电脑", afterSend.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var code = await CitizenLogin.LatestCodeAsync(_factory, citizen.Phone);
        using var authorised = await Forms.SubmitAsync(login.Desktop, afterSend, "form",
            new Dictionary<string, string?> { ["Code"] = code }, ("Intent", "authorise"));
        Assert.Equal(HttpStatusCode.Redirect, authorised.StatusCode);
        Assert.Equal("/me", authorised.Headers.Location?.OriginalString);

        // A first window of the same browser, still polling, moves on to the signed-in page.
        using var status = await login.Desktop.GetAsync(new Uri("/login/status", UriKind.Relative));
        Assert.Contains("\"signed-in\"", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var me = await Forms.GetDocumentAsync(login.Desktop, "/me");
        Assert.Equal($"您好，{citizen.Name}", me.QuerySelector("h1")?.TextContent.Trim());
        var audited = await _factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "login.succeeded").Select(e => e.Detail).ToListAsync());
        Assert.Equal(["本机登录"], audited);
    }

    [Fact]
    public async Task TheSameLink_OpenedInAnotherBrowser_StillAsksForThePairingCode_AndSignsNobodyInThere()
    {
        var citizen = DemoData.Citizen("seller-clean");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var phonePage = await login.OpenPhonePageAsync();
        Assert.NotNull(phonePage.QuerySelector("#PairingCode"));
        Assert.NotNull(phonePage.QuerySelector("#desktop-facts"));

        // Without the pairing code nothing is sent; with it the desktop flow runs as before and the phone only sees 授权成功.
        var (_, refused) = await login.SendCodeAsync(phonePage, new(CitizenLogin.Identity(citizen)) { ["PairingCode"] = "" });
        Assert.NotNull(Forms.FieldError(refused, "PairingCode"));
        Assert.Empty(await CitizenLogin.SmsTextsAsync(_factory, citizen.Phone));
        var (_, afterSend) = await login.SendCodeAsync(refused, CitizenLogin.Identity(citizen));
        var (response, authorised) = await login.AuthoriseAsync(afterSend, (await CitizenLogin.LatestCodeAsync(_factory, citizen.Phone))!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("授权成功", authorised.QuerySelector("h1")?.TextContent.Trim());
        using var phoneMe = await login.Phone.GetAsync(new Uri("/me", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, phoneMe.StatusCode);
    }
}
