using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.RealNameAuth;

/// <summary>Knowing someone's name and ID number must not be enough to become them.</summary>
public sealed class ImpersonationTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public ImpersonationTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task NameAndIdNumber_WithSomeoneElsesPhone_AreRefused_AndNoCodeIsSent()
    {
        var victim = DemoData.Citizen("seller-clean");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var fields = CitizenLogin.Identity(victim);
        fields["Phone"] = "13912345678";

        var (_, page) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), fields);

        Assert.Equal(Wuhan.Resale.Web.Features.RealNameAuth.LoginIdentityCheck.MismatchMessage, Forms.FieldError(page, "IdNumber"));
        Assert.Null(Forms.FieldError(page, "Phone"));
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, "13912345678"));
    }

    [Fact]
    public async Task AuthorisingWithoutACode_DoesNotRevealWhetherNameAndIdMatch()
    {
        var victim = DemoData.Citizen("seller-two-homes");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var page = await login.OpenPhonePageAsync();
        var right = CitizenLogin.Identity(victim);
        var wrong = CitizenLogin.Identity(victim);
        wrong["Name"] = "王小明";

        using var withRightName = await Forms.SubmitAsync(login.Phone, page, "form", right.Concat([new("Code", "123456")]).ToDictionary(), ("Intent", "authorise"));
        using var withWrongName = await Forms.SubmitAsync(login.Phone, page, "form", wrong.Concat([new("Code", "123456")]).ToDictionary(), ("Intent", "authorise"));
        var a = await Forms.ParseAsync(withRightName);
        var b = await Forms.ParseAsync(withWrongName);

        Assert.Equal("请先获取短信验证码。", Forms.FieldError(a, "Code"));
        Assert.Equal(Forms.FieldError(a, "Code"), Forms.FieldError(b, "Code"));
        Assert.Null(Forms.FieldError(b, "IdNumber"));
    }

    [Fact]
    public async Task ACodeSentForOnePerson_CannotAuthoriseAnother_OnTheSameTicketAndPhone()
    {
        var owner = DemoData.Citizen("buyer-1");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var (_, afterSend) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), CitizenLogin.Identity(owner));
        var code = (await CitizenLogin.LatestCodeAsync(_factory, owner.Phone))!;
        var other = DemoData.Citizen("buyer-2");
        var swapped = CitizenLogin.Identity(other);
        swapped["Phone"] = owner.Phone;
        swapped["Code"] = code;

        using var response = await Forms.SubmitAsync(login.Phone, afterSend, "form", swapped, ("Intent", "authorise"));
        var page = await Forms.ParseAsync(response);

        Assert.Equal("请先获取短信验证码。", Forms.FieldError(page, "Code"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task ANewLoginTicket_DoesNotResetTheOneMinuteBetweenCodes()
    {
        var citizen = DemoData.Citizen("buyer-3");
        var first = new CitizenLogin(_factory);
        await first.OpenLoginPageAsync();
        await first.SendCodeAsync(await first.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));

        var second = new CitizenLogin(_factory);
        await second.OpenLoginPageAsync();
        var (_, page) = await second.SendCodeAsync(await second.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));

        Assert.StartsWith("验证码发送过于频繁", Forms.FieldError(page, "Code"), StringComparison.Ordinal);
        Assert.Equal(1, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
    }
}
