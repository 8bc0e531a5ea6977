using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.RealNameAuth;

public sealed class QrLoginTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly CallCounter _registry = new();
    private readonly PortalFactory _factory;

    public QrLoginTests()
    {
        _factory = new PortalFactory
        {
            Clock = _clock,
            ConfigureServices = services =>
            {
                services.AddScoped<ICitizenRegistry>(sp => new CountingCitizenRegistry(
                    _registry, ActivatorUtilities.CreateInstance<Web.Integrations.Embedded.EmbeddedCitizenRegistry>(sp)));
            },
        };
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task DemoCitizen_SignsInOnTheDesktop_AfterConfirmingOnThePhone()
    {
        var citizen = DemoData.Citizen("seller-clean");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        Assert.NotNull(login.LoginPage!.QuerySelector(".qr-box svg"));
        Assert.StartsWith("http://localhost/m/", login.TicketLink, StringComparison.Ordinal);
        Assert.True(login.TicketLink!.Length - "http://localhost/m/".Length >= 22, "the ticket token carries at least 128 random bits");

        var phonePage = await login.OpenPhonePageAsync();
        var (_, afterSend) = await login.SendCodeAsync(phonePage, CitizenLogin.Identity(citizen));
        Assert.Contains("140****0001", afterSend.QuerySelector(".alert-ok")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(citizen.Name, afterSend.QuerySelector("#Name")?.GetAttribute("value"));

        Assert.Equal("pending", await StatusAsync(login));
        var code = await CitizenLogin.LatestCodeAsync(_factory, citizen.Phone);
        var (_, authorised) = await login.AuthoriseAsync(afterSend, code!);
        Assert.Equal("授权成功", authorised.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("authorised", await StatusAsync(login));

        using var complete = await login.CompleteOnDesktopAsync();
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal("/me", complete.Headers.Location?.OriginalString);

        using var me = await login.Desktop.GetAsync(new Uri("/me", UriKind.Relative));
        var mePage = await Forms.ParseAsync(me);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(citizen.Name, mePage.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("4201**********0479", mePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.IdNumber, mePage.Body.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("no-store", me.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        var actions = await AuditActionsAsync();
        Assert.Contains("login.authorised", actions);
        Assert.Contains("login.succeeded", actions);
        var accounts = await _factory.WithDbAsync(db => db.Users.CountAsync(u => u.PersonId != null));
        Assert.Equal(1, accounts);
    }

    [Fact]
    public async Task SecondSignIn_ReusesThePersonAndAccount()
    {
        var citizen = DemoData.Citizen("buyer-1");
        await new CitizenLogin(_factory).SignInAsync(citizen);
        _clock.Advance(TimeSpan.FromMinutes(2));

        await new CitizenLogin(_factory).SignInAsync(citizen);

        Assert.Equal(1, await _factory.WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync(u => u.PersonId != null)));
    }

    [Fact]
    public async Task NameThatDoesNotMatchTheIdNumber_IsRefusedNextToTheField_AndNoCodeIsSent()
    {
        var citizen = DemoData.Citizen("seller-clean");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var fields = CitizenLogin.Identity(citizen);
        fields["Name"] = "王小明";

        var (_, page) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), fields);

        Assert.Equal(Wuhan.Resale.Web.Features.RealNameAuth.LoginIdentityCheck.MismatchMessage, Forms.FieldError(page, "IdNumber"));
        Assert.Equal("王小明", page.QuerySelector("#Name")?.GetAttribute("value"));
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
        Assert.Contains("login.failed", await AuditActionsAsync());
    }

    [Fact]
    public async Task AWrongCaptcha_IsRefused_BeforeTheRegistryIsAsked_AndARightOneLetsItAskOnce()
    {
        var citizen = DemoData.Citizen("seller-clean");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var fields = CitizenLogin.Identity(citizen);
        fields["CaptchaAnswer"] = "WRONG";

        var (_, refused) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), fields);

        Assert.Equal("图片验证码不正确或已失效，请输入新图片中的字符。", Forms.FieldError(refused, "CaptchaAnswer"));
        Assert.Equal(0, _registry.Calls);
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));

        fields["CaptchaAnswer"] = PortalFactory.CaptchaAnswer;
        var (_, sent) = await login.SendCodeAsync(refused, fields);

        Assert.Null(Forms.FieldError(sent, "CaptchaAnswer"));
        Assert.Equal(1, _registry.Calls);
        Assert.Equal(1, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
    }

    [Fact]
    public async Task IdNumberWithAWrongCheckDigit_IsRefused_BeforeTheRegistryIsAsked()
    {
        var citizen = DemoData.Citizen("seller-clean");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var fields = CitizenLogin.Identity(citizen);
        fields["IdNumber"] = citizen.IdNumber[..17] + (citizen.IdNumber[17] == '1' ? "2" : "1");

        var (_, page) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), fields);

        Assert.Contains("校验位", Forms.FieldError(page, "IdNumber"), StringComparison.Ordinal);
        Assert.Equal(0, _registry.Calls);
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
    }

    [Fact]
    public async Task ExpiredTicket_IsRefusedOnThePhone_AndTheDesktopIsToldToRenew()
    {
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        using var response = await login.Phone.GetAsync(new Uri(login.TicketLink!));
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("已过期", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("expired", await StatusAsync(login));
    }

    [Fact]
    public async Task ExpiredQrCode_IsReplacedWithoutReloadingThePage()
    {
        var login = new CitizenLogin(_factory);
        var oldLink = await login.OpenLoginPageAsync();
        _clock.Advance(TimeSpan.FromMinutes(6));
        var token = login.LoginPage!.QuerySelector("#complete-form input[name=__RequestVerificationToken]")!.GetAttribute("value");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/login/ticket");
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await login.Desktop.SendAsync(request);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<svg", json.GetProperty("svg").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(oldLink, json.GetProperty("link").GetString());
        Assert.Equal("pending", await StatusAsync(login));
    }

    [Fact]
    public async Task UsedTicket_CannotBeConfirmedOrUsedToSignInAgain()
    {
        var citizen = DemoData.Citizen("buyer-2");
        var login = new CitizenLogin(_factory);
        await login.SignInAsync(citizen);

        using var reopened = await login.Phone.GetAsync(new Uri(login.TicketLink!));
        using var replayedStalePage = await login.CompleteOnDesktopAsync();
        var me = await Forms.GetDocumentAsync(login.Desktop, "/me");
        var freshToken = me.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var replayedWithFreshToken = await login.Desktop.PostAsync(
            new Uri("/login/complete", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", freshToken)]));

        Assert.Equal(HttpStatusCode.Gone, reopened.StatusCode);
        Assert.Contains("已经使用过", (await Forms.ParseAsync(reopened)).QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, replayedStalePage.StatusCode);
        Assert.Equal("/?message=unknown", replayedWithFreshToken.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CompletingBeforeThePhoneConfirms_DoesNotSignIn()
    {
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();

        using var response = await login.CompleteOnDesktopAsync();
        using var me = await login.Desktop.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal("/?message=not-yet", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        var refused = Assert.Single(await AuditLog.OfAsync(_factory, "login.refused"));
        Assert.Equal((ActorKind.Anonymous, "LoginTicket"), (refused.ActorKind, refused.EntityType));
    }

    [Fact]
    public async Task SomeoneElsesBrowser_CannotSignInWithAPhotographedTicket()
    {
        var citizen = DemoData.Citizen("buyer-4");
        var victim = new CitizenLogin(_factory);
        await victim.OpenLoginPageAsync();
        var phonePage = await victim.OpenPhonePageAsync();
        var (_, afterSend) = await victim.SendCodeAsync(phonePage, CitizenLogin.Identity(citizen));
        await victim.AuthoriseAsync(afterSend, (await CitizenLogin.LatestCodeAsync(_factory, citizen.Phone))!);

        // The attacker's browser has its own login page (and claim cookie), not the victim's.
        var attacker = new CitizenLogin(_factory);
        await attacker.OpenLoginPageAsync();
        using var response = await attacker.CompleteOnDesktopAsync();
        using var me = await attacker.Desktop.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        Assert.NotEqual("/me", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CompletingWithoutTheAntiforgeryToken_IsRejected()
    {
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();

        using var response = await login.Desktop.PostAsync(new Uri("/login/complete", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var desktop = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-3"));
        var me = await Forms.GetDocumentAsync(desktop, "/me");

        using var logout = await Forms.SubmitAsync(desktop, me, "form[action='/logout']");
        using var after = await desktop.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/?", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_EndsAfterTwentyIdleMinutes()
    {
        var desktop = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("seller-seized"));
        _clock.Advance(TimeSpan.FromMinutes(21));

        using var response = await desktop.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Session_EndsAfterEightHours_EvenWhenActive()
    {
        var desktop = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("seller-objection"));
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(7.75); elapsed += TimeSpan.FromMinutes(15))
        {
            _clock.Advance(TimeSpan.FromMinutes(15));
            using var active = await desktop.GetAsync(new Uri("/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(16));
        using var response = await desktop.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<string> StatusAsync(CitizenLogin login)
    {
        var json = await login.Desktop.GetStringAsync(new Uri("/login/status", UriKind.Relative));
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("status").GetString()!;
    }

    private Task<List<string>> AuditActionsAsync() =>
        _factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync());

    private sealed class CallCounter
    {
        private int _calls;

        public int Calls => _calls;

        public void Add() => Interlocked.Increment(ref _calls);
    }

    /// <summary>The embedded registry, counting how often it is asked.</summary>
    private sealed class CountingCitizenRegistry(CallCounter counter, Web.Integrations.Embedded.EmbeddedCitizenRegistry inner) : ICitizenRegistry
    {
        public Task<CitizenCheck> CheckAsync(string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken)
        {
            counter.Add();
            return inner.CheckAsync(name, idNumber, phone, cancellationToken);
        }
    }
}
