using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.ContractFiling;
using Wuhan.Resale.Web.Features.RealNameAuth;

namespace Wuhan.Resale.IntegrationTests.RealNameAuth;

/// <summary>
/// SMS cannot be sprayed: daily caps per phone are per purpose (a filing spray cannot block a login), a QR ticket sends
/// only a few login codes, one client address only so many an hour, and a seller only so many filing sends and
/// distinct phones a day. Every cap is counted in the database and answered with a plain message.
/// </summary>
public sealed class SmsLimitsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public SmsLimitsTests() => _factory = new PortalFactory
    {
        Clock = _clock,
        ConfigureServices = services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>(),
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TenFilingCodesToAPhone_DoNotBlockItsLogin_ButTenLoginCodesDo()
    {
        var citizen = DemoData.Citizen("seller-objection");
        await SeedCodesAsync(citizen.Phone, CodePurpose.Filing, 10, "filing-spray");

        var loginStillWorks = await SendLoginCodeAsync(citizen);
        await SeedCodesAsync(citizen.Phone, CodePurpose.Login, 9, "login-burn");
        _clock.Advance(TimeSpan.FromSeconds(61));
        var loginBlocked = await SendLoginCodeAsync(citizen);

        Assert.Null(Forms.FieldError(loginStillWorks, "Code"));
        Assert.Equal("该手机号今天获取此类验证码的次数已达上限，请明天再试。", Forms.FieldError(loginBlocked, "Code"));
    }

    [Fact]
    public async Task OneQrTicket_SendsAtMostThreeLoginCodes_EvenToDifferentPhones()
    {
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        var page = await login.OpenPhonePageAsync();
        var results = new List<string?>();
        foreach (var key in new[] { "buyer-1", "buyer-2", "buyer-3", "buyer-4" })
        {
            (_, page) = await login.SendCodeAsync(page, CitizenLogin.Identity(DemoData.Citizen(key)));
            results.Add(Forms.FieldError(page, "Code"));
        }

        Assert.Equal([null, null, null], results.Take(MobileConfirmationController.SendsPerTicket));
        Assert.Equal("这个二维码已发送过多次验证码，请在电脑上刷新二维码后重新扫码。", results[^1]);
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, DemoData.Citizen("buyer-4").Phone));
        var limited = Assert.Single(await AuditLog.OfAsync(_factory, "login.code-limited"));
        Assert.Equal((ActorKind.Anonymous, "LoginTicket"), (limited.ActorKind, limited.EntityType));
        Assert.Contains("同一二维码", limited.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneClientAddress_SendsAtMostTwentyLoginCodesAnHour_AndIsToldHowLongToWait()
    {
        await _factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < MobileConfirmationController.SendsPerAddressPerHour; i++)
            {
                db.AuditEvents.Add(new AuditEvent(Guid.NewGuid(), _clock.GetUtcNow().AddMinutes(-45 + i), ActorKind.Anonymous, null, "匿名",
                    "login.code-sent", "LoginTicket", Guid.NewGuid().ToString(), "登录验证码已发送", "10.8.8.8", null));
            }

            return await db.SaveChangesAsync();
        });
        var citizen = DemoData.Citizen("seller-advance-notice");

        var busy = await SendLoginCodeAsync(citizen, "10.8.8.8");
        var elsewhere = await SendLoginCodeAsync(citizen, "10.8.8.9");

        Assert.Equal("您所在的网络发送验证码过于频繁，请15分钟后再试。", Forms.FieldError(busy, "Code"));
        Assert.Null(Forms.FieldError(elsewhere, "Code"));
        var limited = Assert.Single(await AuditLog.OfAsync(_factory, "login.code-limited"));
        Assert.Equal(("10.8.8.8", "同一网络地址一小时内发送验证码次数已达上限"), (limited.IpAddress, limited.Detail));
    }

    [Fact]
    public async Task ASeller_PressesSendAtMostTenTimesADay()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var accountId = await _factory.WithDbAsync(async db =>
        {
            var hash = db.LookupHash(seller.Citizen.IdNumber);
            var personId = await db.People.Where(p => EF.Property<string>(p, IdNumberLookup.HashColumn) == hash).Select(p => p.Id).SingleAsync();
            return await db.Users.Where(u => u.PersonId == personId).Select(u => u.Id).SingleAsync();
        });
        await _factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < FilingSendLimit.SendsPerPersonPerDay; i++)
            {
                db.AuditEvents.Add(new AuditEvent(Guid.NewGuid(), _clock.GetUtcNow().AddMinutes(-i), ActorKind.Citizen, accountId, "周*",
                    FilingSendLimit.SendAction, "Contract", contractId.ToString(), "向2位当事人发送验证码和确认链接", null, null));
            }

            return await db.SaveChangesAsync();
        });

        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);

        Assert.Contains("已达每日上限", page.QuerySelector("#filing-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, DemoData.Citizen("buyer-1").Phone));
        Assert.Contains("contract.filing-codes-limited", await _factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task ASeller_ReachesAtMostTenDistinctPhonesADay_WithFilingCodes()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await _factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < FilingSendLimit.PhonesPerPersonPerDay - 1; i++)
            {
                db.VerificationCodes.Add(new VerificationCode(Guid.NewGuid(), CodePurpose.Filing, $"{contractId:N}:earlier:{i}",
                    db.LookupHash($"1390000{i:D4}"), "x", _clock.GetUtcNow().AddHours(-1)));
            }

            return await db.SaveChangesAsync();
        });

        var refused = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        _clock.Advance(TimeSpan.FromDays(1));
        var again = await SellerJourney.SignInAsync(_factory, "seller-clean");
        var nextDay = await FilingJourney.SendCodesAsync(again.Client, contractId);

        Assert.Contains("手机号码已超过10个", refused.QuerySelector("#filing-error")?.TextContent, StringComparison.Ordinal);
        Assert.Null(nextDay.QuerySelector("#filing-error"));
        Assert.Equal(1, await CitizenLogin.SmsCountAsync(_factory, DemoData.Citizen("buyer-1").Phone));
    }

    private async Task<IHtmlDocument> SendLoginCodeAsync(Wuhan.Resale.Web.Data.Seed.DemoCitizen citizen, string? clientAddress = null)
    {
        var login = new CitizenLogin(_factory);
        if (clientAddress is not null)
        {
            login.Phone.DefaultRequestHeaders.Add(ClientAddressFromHeader.HeaderName, clientAddress);
        }

        await login.OpenLoginPageAsync();
        var (_, page) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));
        return page;
    }

    private Task<int> SeedCodesAsync(string phone, CodePurpose purpose, int count, string subject) => _factory.WithDbAsync(async db =>
    {
        for (var i = 0; i < count; i++)
        {
            db.VerificationCodes.Add(new VerificationCode(Guid.NewGuid(), purpose, $"{subject}:{i}", db.LookupHash(phone), "x",
                _clock.GetUtcNow().AddMinutes(-30 - i)));
        }

        return await db.SaveChangesAsync();
    });
}
