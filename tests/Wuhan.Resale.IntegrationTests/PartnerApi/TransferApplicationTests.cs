using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.IntegrationTests.PartnerApi;

/// <summary>
/// 已受理转移登记: the registration centre reports, through the partner API, that it accepted the parties' application for
/// transfer registration; from then the contract cannot be revoked online (SPEC: revocation only 在申请办理不动产转移登记前).
/// </summary>
public sealed class TransferApplicationTests : IDisposable
{
    private const string RegistrationKey = "demo-registration-2026-key";
    private const string TaxKey = "demo-tax-2026-key";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public TransferApplicationTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    private static HttpClient Partner(PortalFactory factory, string? key)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    private static Uri Application(string number) =>
        new($"/api/partner/contracts/{Uri.EscapeDataString(number)}/transfer-application", UriKind.Relative);

    private Task<Contract> ContractAsync(Guid id) => _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task AfterTheReport_RevocationIsRefusedOnline_OnTheAnonymousAndTheSignedInPage_PointingToTheRegistrationCentre()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var anonymous = _factory.CreateClient();
        var lookupBefore = await Forms.GetDocumentAsync(anonymous, "/revocation");

        using var reported = await Partner(_factory, RegistrationKey).PostAsync(Application(number), null);
        var body = await reported.Content.ReadFromJsonAsync<JsonElement>();
        using var found = await Forms.SubmitAsync(anonymous, lookupBefore, "form", new Dictionary<string, string?>
        {
            ["ContractNumber"] = number, ["IdNumber"] = DemoData.Citizen("buyer-1").IdNumber, ["CaptchaAnswer"] = PortalFactory.CaptchaAnswer,
        }, ("Intent", "lookup"));
        var anonymousPage = await Forms.ParseAsync(found);
        var signedInPage = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/revoke");

        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        Assert.Equal(("Filed", "已受理转移登记", false), (body.GetProperty("status").GetString(), body.GetProperty("statusName").GetString(), body.GetProperty("alreadyApplied").GetBoolean()));
        Assert.Contains("不动产登记中心", anonymousPage.QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
        Assert.Null(anonymousPage.QuerySelector("#MaskedPhone"));
        Assert.Contains("不动产登记中心", signedInPage.QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("已受理转移登记", signedInPage.QuerySelector("#revoke-status")?.TextContent.Trim());
        Assert.Null(signedInPage.QuerySelector("form[action$='/revoke']"));

        // The seller's contracts list says so too, and offers no 撤销网签 that would only lead to the refusal.
        var list = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        Assert.Equal("已受理转移登记", list.QuerySelector(".contract-status")?.TextContent.Trim());
        Assert.Null(list.QuerySelector($"a[href='/contracts/{contractId}/revoke']"));
        var contract = await ContractAsync(contractId);
        Assert.Equal((ContractStatus.Filed, _clock.GetUtcNow()), (contract.Status, contract.TransferAppliedAt));
        var audit = await AuditLog.AssertAsync(_factory, "contract.transfer-applied", ActorKind.Partner, "Contract", contractId.ToString(), number);
        Assert.Equal("不动产登记中心（演示）", audit.ActorName);

        // 合同验真 and the staff look-up say where the contract stands; the transfer can still be registered afterwards.
        var verification = await Forms.GetDocumentAsync(anonymous, $"/verify/{contract.VerificationToken}");
        Assert.Equal("有效（已受理转移登记）", verification.QuerySelector("#contract-status")?.TextContent.Trim());
        var staff = await StaffLogin.SignInAsync(_factory, "admin");
        var search = await Forms.GetDocumentAsync(staff, $"/staff/contracts?q={Uri.EscapeDataString(number)}");
        Assert.Contains("已受理转移登记", search.QuerySelector("#results tbody")?.TextContent, StringComparison.Ordinal);
        var detail = await Forms.GetDocumentAsync(staff, $"/staff/contracts/{contractId}");
        Assert.Contains("不动产登记中心", detail.QuerySelector("#staff-revocation-refusal")?.TextContent, StringComparison.Ordinal);
        using var registered = await Partner(_factory, RegistrationKey).PostAsync(new Uri($"/api/partner/contracts/{Uri.EscapeDataString(number)}/registration", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(ContractStatus.Registered, (await ContractAsync(contractId)).Status);
    }

    [Fact]
    public async Task ARepeatedReport_AnswersOkAgain_AndKeepsTheFirstTime()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        var registry = Partner(_factory, RegistrationKey);
        var first = _clock.GetUtcNow();

        using var once = await registry.PostAsync(Application(number), null);
        _clock.Advance(TimeSpan.FromMinutes(10));
        using var twice = await registry.PostAsync(Application(number), null);
        var replay = await twice.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], new[] { once.StatusCode, twice.StatusCode });
        Assert.True(replay.GetProperty("alreadyApplied").GetBoolean());
        Assert.Equal(first, replay.GetProperty("transferAppliedAt").GetDateTimeOffset());
        Assert.Equal(first, (await ContractAsync(contractId)).TransferAppliedAt);
        Assert.Single(await AuditLog.OfAsync(_factory, "contract.transfer-applied"));
        await AuditLog.AssertAsync(_factory, "transfer-application.repeated", ActorKind.Partner, "Contract", contractId.ToString(), "已受理转移登记");
    }

    [Fact]
    public async Task OnlyTheRegistrationDepartment_MayReport()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        using var tax = await Partner(_factory, TaxKey).PostAsync(Application(number), null);
        using var nobody = await Partner(_factory, null).PostAsync(Application(number), null);

        Assert.Equal(HttpStatusCode.Forbidden, tax.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Null((await ContractAsync(contractId)).TransferAppliedAt);
        Assert.Empty(await AuditLog.OfAsync(_factory, "contract.transfer-applied"));
    }

    [Fact]
    public async Task ARevokedContract_IsAConflict_AndAnUnknownNumber_IsNotFound()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-wedz", "home-wedz", "buyer-3");
        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.Revoke(await db.Listings.SingleAsync(l => l.Id == contract.ListingId), "买方柯**", _clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var registry = Partner(_factory, RegistrationKey);

        using var revoked = await registry.PostAsync(Application(number), null);
        using var unknown = await registry.PostAsync(Application("武房2026999999"), null);
        var body = await revoked.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, revoked.StatusCode);
        Assert.Equal(("该合同已撤销，不能受理转移登记。", "Revoked"), (body.GetProperty("error").GetString(), body.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null((await ContractAsync(contractId)).TransferAppliedAt);
        await AuditLog.AssertAsync(_factory, "transfer-application.refused", ActorKind.Partner, "Contract", contractId.ToString(), "已撤销");
    }

    [Fact]
    public async Task TheReport_IsInTheOpenApiDocument()
    {
        var json = await _factory.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var path = json.GetProperty("paths").GetProperty("/api/partner/contracts/{contractNumber}/transfer-application");
        var responses = path.GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Contains("200", responses);
        Assert.Contains("409", responses);
    }

    /// <summary>
    /// The two requests are held until both have read the contract (a barrier in the clock, which each calls right after
    /// reading it), so both act on the same version: one save must fail on the version and its request must lose.
    /// </summary>
    [Fact]
    public async Task TheReportAndARevocation_ReadingTheSameVersion_EndInExactlyOneOfTheTwo()
    {
        var clock = new BarrierClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)));
        using var factory = new PortalFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(clock) };
        var (_, listingId, contractId, number) = await FiledContract.CreateAsync(factory, "seller-clean", "home-clean", "buyer-1");
        var buyerParty = await factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId)
            .SelectMany(c => c.Parties).Where(p => p.Role == PartyRole.Buyer).Select(p => p.Id).SingleAsync());
        using var barrier = new Barrier(2);

        var revoke = Task.Run(async () =>
        {
            clock.HoldNextReading(barrier);
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RevocationService>()
                .RevokeAsync(contractId, buyerParty, new AuditActor(ActorKind.Anonymous, null, "聂**（未登录撤销）"), default);
        });
        var report = Task.Run(async () =>
        {
            clock.HoldNextReading(barrier);
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RegistrationService>()
                .RecordTransferAppliedAsync(number, new AuditActor(ActorKind.Partner, null, "不动产登记中心（演示）"), default);
        });
        var (revocation, application) = (await revoke, await report);

        var applied = application.Status == TransferApplicationStatus.Recorded;
        Assert.True(revocation.Revoked ^ applied, $"exactly one must win (revoked={revocation.Revoked}, applied={application.Status})");
        var contract = await factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId));
        var listing = await factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        if (applied)
        {
            Assert.Equal(Contract.TransferAppliedRevocationRefusal, revocation.Error);
            Assert.Equal((ContractStatus.Filed, ListingStatus.Filed), (contract.Status, listing.Status));
            Assert.NotNull(contract.TransferAppliedAt);
            Assert.Empty(await AuditLog.OfAsync(factory, "contract.revoked"));
        }
        else
        {
            Assert.Equal(TransferApplicationStatus.Refused, application.Status);
            Assert.Equal((ContractStatus.Revoked, ListingStatus.Released), (contract.Status, listing.Status));
            Assert.Null(contract.TransferAppliedAt);
            Assert.Empty(await AuditLog.OfAsync(factory, "contract.transfer-applied"));
        }
    }

    /// <summary>
    /// The portal's clock, with a gate: a flow that called <see cref="HoldNextReading"/> waits at the barrier on its next
    /// reading of the time until the other flow reaches it too. Every other reading passes straight through.
    /// </summary>
    private sealed class BarrierClock(FakeTimeProvider inner) : TimeProvider
    {
        private readonly AsyncLocal<Barrier?> _hold = new();

        public void HoldNextReading(Barrier barrier) => _hold.Value = barrier;

        public override DateTimeOffset GetUtcNow()
        {
            if (_hold.Value is { } barrier)
            {
                _hold.Value = null;
                if (!barrier.SignalAndWait(TimeSpan.FromSeconds(30)))
                {
                    throw new TimeoutException("The other request never read the contract.");
                }
            }

            return inner.GetUtcNow();
        }

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
