using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Performance;

/// <summary>
/// Looking at the login page, the phone page of a QR code or the revocation page stores nothing (a crowd of anonymous
/// visitors must neither slow the portal down nor fill its disk), while QR tickets and captchas stay single-use,
/// short-lived and unforgeable: what they carry is sealed by the portal's keys.
/// </summary>
public sealed class AnonymousViewsTests : IDisposable
{
    private const string CaptchaRefused = "图片验证码不正确或已失效，请输入新图片中的字符。";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public AnonymousViewsTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    private Task<(int Tickets, int Captchas, int Audit)> RowsAsync() => _factory.WithDbAsync(async db =>
        (await db.LoginTickets.CountAsync(), await db.CaptchaChallenges.CountAsync(), await db.AuditEvents.CountAsync()));

    [Fact]
    public async Task ViewingTheLoginPhoneAndRevocationPages_StoresNothing()
    {
        var before = await RowsAsync();
        for (var i = 0; i < 5; i++)
        {
            var login = new CitizenLogin(_factory);
            await login.OpenLoginPageAsync();
            var phonePage = await login.OpenPhonePageAsync();
            using var picture = await login.Phone.GetAsync(new Uri(phonePage.QuerySelector("img[src^='/captcha/']")!.GetAttribute("src")!, UriKind.Relative));
            var revocation = await Forms.GetDocumentAsync(login.Phone, "/revocation");

            Assert.NotNull(phonePage.QuerySelector("#Name"));
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
            Assert.NotNull(revocation.QuerySelector("input[name=CaptchaId]"));
        }

        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task AQrLinkWithOneCharacterChanged_IsRefusedLikeAnUnknownOne()
    {
        var login = new CitizenLogin(_factory);
        var link = await login.OpenLoginPageAsync();
        var tokenStart = link.IndexOf("/m/", StringComparison.Ordinal) + 3;
        var changed = link[..(tokenStart + 5)] + (link[tokenStart + 5] == 'A' ? 'B' : 'A') + link[(tokenStart + 6)..];

        using var forged = await login.Phone.GetAsync(new Uri(changed));
        using var genuine = await login.Phone.GetAsync(new Uri(link));

        Assert.Equal(HttpStatusCode.Gone, forged.StatusCode);
        Assert.Contains("该二维码无效", (await Forms.ParseAsync(forged)).QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task AClaimCookieWithAnotherTicketsSeal_DoesNotSignIn()
    {
        var victim = new CitizenLogin(_factory);
        await victim.OpenLoginPageAsync();
        var attacker = new CitizenLogin(_factory);
        await attacker.OpenLoginPageAsync();
        var victimClaim = victim.DesktopCookies.GetAllCookies()["wr_login_claim"]!.Value.Split('.');
        var attackerClaim = attacker.DesktopCookies.GetAllCookies()["wr_login_claim"]!.Value.Split('.');

        // The victim's ticket id and time under the attacker's own (genuine) seal.
        attacker.DesktopCookies.Add(new Cookie("wr_login_claim", $"{victimClaim[0]}.{victimClaim[1]}.{attackerClaim[2]}", "/", "localhost"));
        var status = await attacker.Desktop.GetStringAsync(new Uri("/login/status", UriKind.Relative));

        Assert.Contains("\"unknown\"", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaptchaOlderThanFiveMinutes_IsRefused_AndItsPictureIsGone()
    {
        using var client = _factory.CreateClient();
        var page = await Forms.GetDocumentAsync(client, "/revocation");
        var picture = page.QuerySelector("img[src^='/captcha/']")!.GetAttribute("src")!;
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        using var image = await client.GetAsync(new Uri(picture, UriKind.Relative));
        using var response = await Forms.SubmitAsync(client, page, "form", new Dictionary<string, string?>
        {
            ["ContractNumber"] = "武房2026999999",
            ["IdNumber"] = DemoData.Citizen("buyer-1").IdNumber,
            ["CaptchaAnswer"] = PortalFactory.CaptchaAnswer,
        }, ("Intent", "lookup"));

        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
        Assert.Equal(CaptchaRefused, Forms.FieldError(await Forms.ParseAsync(response), "CaptchaAnswer"));
    }

    [Fact]
    public async Task ACaptchaTokenThatWasTamperedWith_IsRefused()
    {
        using var client = _factory.CreateClient();
        var page = await Forms.GetDocumentAsync(client, "/revocation");
        var token = page.QuerySelector("input[name=CaptchaId]")!.GetAttribute("value")!;
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        using var image = await client.GetAsync(new Uri("/captcha/" + tampered, UriKind.Relative));
        using var response = await Forms.SubmitAsync(client, page, "form", new Dictionary<string, string?>
        {
            ["ContractNumber"] = "武房2026999999",
            ["IdNumber"] = DemoData.Citizen("buyer-1").IdNumber,
            ["CaptchaId"] = tampered,
            ["CaptchaAnswer"] = PortalFactory.CaptchaAnswer,
        }, ("Intent", "lookup"));

        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
        Assert.Equal(CaptchaRefused, Forms.FieldError(await Forms.ParseAsync(response), "CaptchaAnswer"));
    }
}
