using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.IntegrationTests.Integrations;

/// <summary>
/// What a person meets when an outside system is down: the citizen registry, the SMS gateway, the property registry.
/// Each double wraps the embedded system and fails while <see cref="Outage.Down"/> is set.
/// </summary>
public sealed class OutageTests : IDisposable
{
    private readonly Outage _citizens = new();
    private readonly Outage _sms = new();
    private readonly Outage _homes = new();
    private readonly PortalFactory _factory;

    public OutageTests()
    {
        _factory = new PortalFactory
        {
            Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)),
            ConfigureServices = services =>
            {
                services.AddScoped<ICitizenRegistry>(sp => new FailingCitizenRegistry(_citizens, ActivatorUtilities.CreateInstance<EmbeddedCitizenRegistry>(sp)));
                services.AddScoped<ISmsGateway>(sp => new FailingSmsGateway(_sms, ActivatorUtilities.CreateInstance<EmbeddedSmsGateway>(sp)));
                services.AddScoped<IPropertyRegistry>(sp => new FailingPropertyRegistry(_homes, ActivatorUtilities.CreateInstance<EmbeddedPropertyRegistry>(sp)));
            },
        };
        _factory.Settings["PropertyQueries:MaxAttempts"] = "1";
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheCitizenRegistryDown_SaysSoNextToTheIdNumber_KeepsWhatWasTyped_AndSendsNoCode()
    {
        var citizen = DemoData.Citizen("seller-clean");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        _citizens.Down = true;

        var (response, page) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("身份核验服务暂时不可用，请稍后再试。您填写的信息已保留。", Forms.FieldError(page, "IdNumber"));
        Assert.Equal(citizen.Name, page.QuerySelector("#Name")?.GetAttribute("value"));
        Assert.Equal(0, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));

        // Back up: the same page sends the code.
        _citizens.Down = false;
        var (_, sent) = await login.SendCodeAsync(page, CitizenLogin.Identity(citizen));
        Assert.Null(Forms.FieldError(sent, "IdNumber"));
        Assert.Equal(1, await CitizenLogin.SmsCountAsync(_factory, citizen.Phone));
    }

    [Fact]
    public async Task TheSmsGatewayDown_SaysTheTextWasNotSent_AndTheFailedSendDoesNotCountAgainstTheResendWait()
    {
        var citizen = DemoData.Citizen("seller-two-homes");
        var login = new CitizenLogin(_factory);
        await login.OpenLoginPageAsync();
        _sms.Down = true;

        var (_, failed) = await login.SendCodeAsync(await login.OpenPhonePageAsync(), CitizenLogin.Identity(citizen));

        Assert.Equal("短信发送失败，请稍后再试。", Forms.FieldError(failed, "Code"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.VerificationCodes.CountAsync()));
        Assert.DoesNotContain("login.code-sent", await _factory.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()));

        _sms.Down = false;
        var (_, sent) = await login.SendCodeAsync(failed, CitizenLogin.Identity(citizen));

        Assert.Null(Forms.FieldError(sent, "Code"));
        Assert.NotNull(await CitizenLogin.LatestCodeAsync(_factory, citizen.Phone));
    }

    [Fact]
    public async Task ThePropertyRegistryDown_EndsTheQueryAsFailed_WithAReasonTheSellerReads_AndTheSystemAsActor()
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-clean");
        _homes.Down = true;

        var queryId = await seller.QueryHomesAsync();
        var listing = await Forms.GetDocumentAsync(seller.Client, "/listing");

        var query = await _factory.WithDbAsync(db => db.PropertyQueries.AsNoTracking().SingleAsync(q => q.Id == queryId));
        Assert.Equal(PropertyQueryStatus.Failed, query.Status);
        Assert.Contains("不动产登记系统暂时无法完成查询，请稍后重新发起查询。", listing.Body!.TextContent, StringComparison.Ordinal);
        var failed = await AuditLog.AssertAsync(_factory, "query.failed", ActorKind.System, "PropertyQuery", queryId.ToString(), nameof(HttpRequestException));
        Assert.Equal(_factory.Clock!.GetUtcNow(), failed.OccurredAt);

        // Up again, a new query completes.
        _homes.Down = false;
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await seller.QueryHomesAsync();
        Assert.Equal(PropertyQueryStatus.Completed, await _factory.WithDbAsync(db => db.PropertyQueries.Where(q => q.Id == again).Select(q => q.Status).SingleAsync()));
    }

    [Fact]
    public async Task TheSmsGatewayDown_AfterABookingIsSaved_KeepsTheBooking_AndSaysTheTextDidNotGo()
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-undetermined");
        using var verified = await seller.VerifyHomeAsync("home-scenic-zone");
        var listingId = verified.Headers.Location!.OriginalString.Split('/')[^1];
        var page = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/booking");
        _sms.Down = true;

        using var booked = await Forms.SubmitAsync(seller.Client, page, $"form[action='/listings/{listingId}/booking']",
            new Dictionary<string, string?> { ["slot"] = "2026-11-27|Afternoon" });
        var after = await Forms.GetDocumentAsync(seller.Client, booked.Headers.Location!.OriginalString);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Contains("确认短信暂时未能发出", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Domain.Bookings.OfficeVisitStatus.Booked, await _factory.WithDbAsync(db => db.OfficeVisits.Select(v => v.Status).SingleAsync()));

        using var cancelled = await Forms.SubmitAsync(seller.Client, after, "form[action$='/cancel']");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(Domain.Bookings.OfficeVisitStatus.Cancelled, await _factory.WithDbAsync(db => db.OfficeVisits.Select(v => v.Status).SingleAsync()));
    }

    public sealed class Outage
    {
        private volatile bool _down;

        public bool Down { get => _down; set => _down = value; }

        public void ThrowIfDown()
        {
            if (_down)
            {
                throw new HttpRequestException("simulated outage");
            }
        }
    }

    private sealed class FailingCitizenRegistry(Outage outage, ICitizenRegistry inner) : ICitizenRegistry
    {
        public Task<CitizenCheck> CheckAsync(string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken)
        {
            outage.ThrowIfDown();
            return inner.CheckAsync(name, idNumber, phone, cancellationToken);
        }
    }

    private sealed class FailingSmsGateway(Outage outage, ISmsGateway inner) : ISmsGateway
    {
        public Task SendAsync(PhoneNumber recipient, string text, string purpose, CancellationToken cancellationToken)
        {
            outage.ThrowIfDown();
            return inner.SendAsync(recipient, text, purpose, cancellationToken);
        }
    }

    private sealed class FailingPropertyRegistry(Outage outage, IPropertyRegistry inner) : IPropertyRegistry
    {
        public Task<IReadOnlyList<PropertyFacts>> FindHomesOfAsync(IdNumber owner, CancellationToken cancellationToken)
        {
            outage.ThrowIfDown();
            return inner.FindHomesOfAsync(owner, cancellationToken);
        }

        public Task<PropertyFacts?> FindByCertificateAsync(string certificateNumber, CancellationToken cancellationToken)
        {
            outage.ThrowIfDown();
            return inner.FindByCertificateAsync(certificateNumber, cancellationToken);
        }
    }
}
