using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Features.RealNameAuth;

namespace Wuhan.Resale.IntegrationTests.RealNameAuth;

/// <summary>
/// The phone page must not tell a stranger which of name, ID number and phone is wrong, and must stop answering
/// after a few tries per client address and per ID number — counted in the database, so a restart does not reset it.
/// </summary>
public sealed class RegistryOracleTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public RegistryOracleTests() => _factory = new PortalFactory
    {
        Clock = _clock,
        ConfigureServices = services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>(),
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AWrongName_ASomeoneElsesPhone_AndAnUnknownIdNumber_GetTheSameAnswer()
    {
        var citizen = DemoData.Citizen("seller-clean");
        var wrongName = CitizenLogin.Identity(citizen);
        wrongName["Name"] = "王小明";
        var wrongPhone = CitizenLogin.Identity(citizen);
        wrongPhone["Phone"] = "13912345678";
        var unknownId = CitizenLogin.Identity(citizen);
        unknownId["IdNumber"] = "11010519491231002X";

        var answers = new List<(string? IdNumber, string? Name, string? Phone)>();
        foreach (var fields in new[] { wrongName, wrongPhone, unknownId })
        {
            var page = await SendAsync(fields, "10.0.0.1");
            answers.Add((Forms.FieldError(page, "IdNumber"), Forms.FieldError(page, "Name"), Forms.FieldError(page, "Phone")));
        }

        Assert.All(answers, a => Assert.Equal((LoginIdentityCheck.MismatchMessage, (string?)null, (string?)null), a));
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
    }

    [Fact]
    public async Task AfterTenFailuresForOneIdNumberInADay_TheRegistryIsNoLongerAsked_UntilTheNextDay()
    {
        var victim = DemoData.Citizen("seller-two-homes");
        var guess = CitizenLogin.Identity(victim);
        guess["Name"] = "王小明";
        for (var i = 0; i < LoginIdentityCheck.FailuresPerIdPerDay; i++)
        {
            var refused = await SendAsync(guess, $"10.0.1.{i}");
            Assert.Equal(LoginIdentityCheck.MismatchMessage, Forms.FieldError(refused, "IdNumber"));
        }

        var limited = await SendAsync(CitizenLogin.Identity(victim), "10.0.2.1");
        var checksBefore = await RegistryChecksAsync();
        _clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await SendAsync(CitizenLogin.Identity(victim), "10.0.2.1");

        Assert.Equal(LoginIdentityCheck.LimitedMessage, Forms.FieldError(limited, "IdNumber"));
        Assert.Equal(LoginIdentityCheck.FailuresPerIdPerDay, checksBefore);
        Assert.Null(Forms.FieldError(nextDay, "IdNumber"));
        Assert.Equal(1, await CitizenLogin.SmsCountAsync(_factory, victim.Phone));
    }

    [Fact]
    public async Task AfterThirtyChecksFromOneAddressInAnHour_ThatAddressIsRefused_OthersAreNot()
    {
        // Thirty earlier checks from one address, as the audit trail holds them.
        await _factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < LoginIdentityCheck.ChecksPerAddressPerHour; i++)
            {
                db.AuditEvents.Add(new Wuhan.Resale.Domain.Auditing.AuditEvent(Guid.NewGuid(), _clock.GetUtcNow().AddMinutes(-30),
                    Wuhan.Resale.Domain.Auditing.ActorKind.Anonymous, null, "匿名", "login.registry-check", "Identity", $"key{i}", "NameMismatch",
                    "10.9.9.9", null));
            }

            return await db.SaveChangesAsync();
        });
        var citizen = DemoData.Citizen("buyer-3");

        var busy = await SendAsync(CitizenLogin.Identity(citizen), "10.9.9.9");
        var other = await SendAsync(CitizenLogin.Identity(citizen), "10.9.9.10");
        _clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(LoginIdentityCheck.LimitedMessage, Forms.FieldError(busy, "IdNumber"));
        Assert.Null(Forms.FieldError(other, "IdNumber"));
        Assert.Contains("login.registry-check-limited", await _factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()));
    }

    private async Task<IHtmlDocument> SendAsync(Dictionary<string, string?> fields, string clientAddress)
    {
        var login = new CitizenLogin(_factory);
        login.Phone.DefaultRequestHeaders.Add(ClientAddressFromHeader.HeaderName, clientAddress);
        await login.OpenLoginPageAsync();
        var (response, page) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private Task<int> RegistryChecksAsync() =>
        _factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "login.registry-check"));
}
