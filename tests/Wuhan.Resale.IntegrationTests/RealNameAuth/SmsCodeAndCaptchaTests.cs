using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.RealNameAuth;

/// <summary>The SMS code and captcha rules as a person on the phone page meets them.</summary>
public sealed class SmsCodeAndCaptchaTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public SmsCodeAndCaptchaTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task WrongCodeFiveTimes_VoidsTheCode_SoEvenTheRightCodeIsThenRefused()
    {
        var citizen = DemoData.Citizen("seller-two-homes");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var (_, page) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));
        var right = (await CitizenLogin.LatestCodeAsync(_factory, citizen.Phone))!;
        var wrong = right == "000000" ? "111111" : "000000";

        var messages = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            (_, page) = await login.AuthoriseAsync(page, wrong);
            messages.Add(Forms.FieldError(page, "Code"));
        }

        var (_, afterRight) = await login.AuthoriseAsync(page, right);

        Assert.All(messages.Take(4), m => Assert.Equal("短信验证码不正确，请重新输入。", m));
        Assert.Equal("验证码错误次数过多，已失效，请重新获取。", messages[4]);
        Assert.Equal("验证码错误次数过多，已失效，请重新获取。", Forms.FieldError(afterRight, "Code"));
        Assert.Equal("pending", await StatusAsync(login));
    }

    [Fact]
    public async Task CodeEnteredAfterTheTicketExpired_IsRefused()
    {
        var citizen = DemoData.Citizen("seller-commercial");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var (_, page) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));
        var code = (await CitizenLogin.LatestCodeAsync(_factory, citizen.Phone))!;
        _clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59)); // the ticket still lives; the code just about
        var (_, stillValid) = await login.AuthoriseAsync(page, "99999x");
        Assert.Equal("短信验证码为6位数字。", Forms.FieldError(stillValid, "Code"));
        _clock.Advance(TimeSpan.FromSeconds(1));

        // The ticket has expired too by now: the page says so rather than accepting the code.
        var (response, _) = await login.AuthoriseAsync(stillValid, code);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task ResendWithinSixtySeconds_IsRefused_AndAllowedAfterwards()
    {
        var citizen = DemoData.Citizen("seller-advance-notice");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var (_, first) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));
        _clock.Advance(TimeSpan.FromSeconds(30));

        var (_, tooSoon) = await login.SendCodeAsync(first, CitizenLogin.Identity(citizen));
        _clock.Advance(TimeSpan.FromSeconds(31));
        var (_, later) = await login.SendCodeAsync(tooSoon, CitizenLogin.Identity(citizen));

        Assert.Equal("验证码发送过于频繁，请30秒后再试。", Forms.FieldError(tooSoon, "Code"));
        Assert.Null(Forms.FieldError(later, "Code"));
        Assert.Equal(2, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
    }

    [Fact]
    public async Task APhoneGetsAtMostTenCodesADay()
    {
        var citizen = DemoData.Citizen("seller-undetermined");
        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(61));
            var sent = new CitizenLogin(_factory);
            await sent.OpenLoginPageAsync();
            var (_, ok) = await sent.SendCodeAsync(await sent.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));
            Assert.Null(Forms.FieldError(ok, "Code"));
        }

        _clock.Advance(TimeSpan.FromSeconds(61));
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var (_, refused) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));

        Assert.Equal("该手机号今天获取此类验证码的次数已达上限，请明天再试。", Forms.FieldError(refused, "Code"));
        Assert.Equal(10, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
    }

    [Fact]
    public async Task SendingACode_NeedsTheCaptcha()
    {
        var citizen = DemoData.Citizen("seller-hidden");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var fields = CitizenLogin.Identity(citizen);
        fields["CaptchaAnswer"] = "";

        var (_, empty) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), fields);
        fields["CaptchaAnswer"] = "WRONG";
        var (_, wrong) = await login.SendCodeAsync(empty, fields);

        Assert.Equal("请输入图片中的字符。", Forms.FieldError(empty, "CaptchaAnswer"));
        Assert.Equal("图片验证码不正确或已失效，请输入新图片中的字符。", Forms.FieldError(wrong, "CaptchaAnswer"));
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
    }

    [Fact]
    public async Task ACaptcha_CanBeUsedOnlyOnce()
    {
        var citizen = DemoData.Citizen("seller-outside-wuhan");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var phonePage = await login.OpenPhonePageAsync();
        var captchaId = phonePage.QuerySelector("input[name=CaptchaId]")!.GetAttribute("value");

        var (_, first) = await login.SendCodeAsync(phonePage, CitizenLogin.Identity(citizen));
        _clock.Advance(TimeSpan.FromSeconds(61));
        var replay = CitizenLogin.Identity(citizen);
        replay["CaptchaId"] = captchaId;
        var (_, second) = await login.SendCodeAsync(first, replay);
        using var image = await login.Phone.GetAsync(new Uri($"/captcha/{captchaId}", UriKind.Relative));

        Assert.Null(Forms.FieldError(first, "CaptchaAnswer"));
        Assert.Equal("图片验证码不正确或已失效，请输入新图片中的字符。", Forms.FieldError(second, "CaptchaAnswer"));
        Assert.Equal(1, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
    }

    [Fact]
    public async Task CaptchaImage_IsServedAsAPng_AndRefreshKeepsWhatWasTyped()
    {
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var phonePage = await login.OpenPhonePageAsync();
        var captchaId = phonePage.QuerySelector("input[name=CaptchaId]")!.GetAttribute("value");

        using var image = await login.Phone.GetAsync(new Uri($"/captcha/{captchaId}", UriKind.Relative));
        using var refresh = await Forms.SubmitAsync(login.Phone, phonePage, "form",
            new Dictionary<string, string?> { ["Name"] = "测试姓名", ["Phone"] = "14000000099" }, ("Intent", "refresh-captcha"));
        var refreshed = await Forms.ParseAsync(refresh);

        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await image.Content.ReadAsByteArrayAsync())[..4]);
        Assert.NotEqual(captchaId, refreshed.QuerySelector("input[name=CaptchaId]")!.GetAttribute("value"));
        Assert.Equal("测试姓名", refreshed.QuerySelector("#Name")?.GetAttribute("value"));
        Assert.Equal("14000000099", refreshed.QuerySelector("#Phone")?.GetAttribute("value"));
        Assert.Null(refreshed.QuerySelector(".field-error"));
    }

    [Fact]
    public async Task DevInbox_ListsMessagesAsJson_NewestFirst()
    {
        var citizen = DemoData.Citizen("seller-wedz");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        await login.SendCodeAsync(await login.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));

        var json = await login.Phone.GetStringAsync(new Uri("/dev/sms?format=json", UriKind.Relative));
        var first = System.Text.Json.JsonDocument.Parse(json).RootElement[0];

        Assert.Equal("140****0013", first.GetProperty("maskedPhone").GetString());
        Assert.Contains((await CitizenLogin.LatestCodeAsync(_factory, citizen.Phone))!, first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.Phone, json, StringComparison.Ordinal);
    }

    private static async Task<string> StatusAsync(CitizenLogin login)
    {
        var json = await login.Desktop.GetStringAsync(new Uri("/login/status", UriKind.Relative));
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("status").GetString()!;
    }
}
