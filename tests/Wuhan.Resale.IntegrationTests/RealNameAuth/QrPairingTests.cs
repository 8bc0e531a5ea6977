using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Features.RealNameAuth;

namespace Wuhan.Resale.IntegrationTests.RealNameAuth;

/// <summary>
/// QR pairing: the phone page shows which computer is asking (time, browser, masked network address) with a warning,
/// and no code is sent until the person types the 配对码 that computer shows — a link forwarded by someone else does
/// not work without that someone's screen.
/// </summary>
public sealed class QrPairingTests : IDisposable
{
    private const string DesktopAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0";
    private readonly PortalFactory _factory = new()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)),
        ConfigureServices = services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>(),
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ThePhonePage_ShowsTheAskingComputer_AndAWarning()
    {
        var login = new CitizenLogin(_factory);
        login.Desktop.DefaultRequestHeaders.UserAgent.ParseAdd(DesktopAgent);
        login.Desktop.DefaultRequestHeaders.Add(ClientAddressFromHeader.HeaderName, "203.0.113.77");
        await login.OpenLoginPageAsync();

        var phone = await login.OpenPhonePageAsync();
        var facts = phone.QuerySelector("#desktop-facts")?.TextContent ?? string.Empty;

        Assert.Matches("^[0-9]{4}$", login.PairingCode);
        Assert.Contains("Edge（Windows）", facts, StringComparison.Ordinal);
        Assert.Contains("203.0.*.*", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.77", phone.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("请勿授权他人发给您的链接", facts, StringComparison.Ordinal);
        Assert.DoesNotContain(login.PairingCode!, phone.Body.InnerHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task WithoutTheDesktopsPairingCode_NoCodeIsSent_AndTheRegistryIsNotAsked(string? typed)
    {
        var citizen = DemoData.Citizen("seller-clean");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var fields = CitizenLogin.Identity(citizen);
        fields["PairingCode"] = typed == "wrong" ? OtherThan(login.PairingCode!) : "";

        var (_, page) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), fields);

        Assert.Equal(MobileConfirmationController.PairingMismatchMessage, Forms.FieldError(page, "PairingCode"));
        Assert.Equal(citizen.Name, page.QuerySelector("#Name")?.GetAttribute("value"));
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
        var actions = await _factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync());
        Assert.Contains("login.pairing-failed", actions);
        Assert.DoesNotContain("login.registry-check", actions);
    }

    [Fact]
    public async Task ARefreshedQrCode_ComesWithItsOwnPairingCode()
    {
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var token = login.LoginPage!.QuerySelector("#complete-form input[name=__RequestVerificationToken]")!.GetAttribute("value");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login/ticket");
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await login.Desktop.SendAsync(request);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Matches("^[0-9]{4}$", json.RootElement.GetProperty("pairingCode").GetString());
    }

    private static string OtherThan(string code) => code == "0000" ? "1111" : "0000";
}
