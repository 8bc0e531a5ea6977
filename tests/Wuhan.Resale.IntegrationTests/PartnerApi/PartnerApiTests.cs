using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Partners;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.PartnerApi;

public sealed class PartnerApiTests : IDisposable
{
    private const string RegistrationKey = "demo-registration-2026-key";
    private const string TaxKey = "demo-tax-2026-key";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public PartnerApiTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    private HttpClient Partner(string? key)
    {
        var client = _factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    private static Uri Contract(string number, string suffix = "") => new($"/api/partner/contracts/{Uri.EscapeDataString(number)}{suffix}", UriKind.Relative);

    [Fact]
    public async Task Keys_AreRequired_AndOnlyTheRegistrationDepartmentMayRegister()
    {
        var (_, _, _, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        using var none = await Partner(null).GetAsync(Contract(number));
        using var wrong = await Partner("not-a-key").GetAsync(Contract(number));
        using var otherCase = await Partner(TaxKey.ToUpperInvariant()).GetAsync(Contract(number));
        using var taxRead = await Partner(TaxKey).GetAsync(Contract(number));
        using var taxRegister = await Partner(TaxKey).PostAsync(Contract(number, "/registration"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherCase.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taxRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, taxRegister.StatusCode);
        Assert.Contains("无权", await taxRegister.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADemoKeyStoredUnderTheOldCaseFoldingHash_IsUpgradedAtStart_AndWorksOnlyAsSpelled()
    {
        var directory = PortalFactory.NewDataDirectory();
        try
        {
            using (var before = new PortalFactory(directory))
            {
                await before.WithDbAsync(async db =>
                {
                    var tax = await db.Partners.SingleAsync(p => p.Department == Wuhan.Resale.Domain.Partners.PartnerDepartment.Tax);
                    tax.ReplaceKeyHash(Wuhan.Resale.Web.Data.PartnerKeys.LegacyHash(db, TaxKey));
                    return await db.SaveChangesAsync();
                });
            }

            using var after = new PortalFactory(directory);
            using var exact = after.CreateClient();
            exact.DefaultRequestHeaders.Add("X-Api-Key", TaxKey);
            using var shouted = after.CreateClient();
            shouted.DefaultRequestHeaders.Add("X-Api-Key", TaxKey.ToUpperInvariant());

            using var ok = await exact.GetAsync(Contract("武房2026000001"));
            using var refused = await shouted.GetAsync(Contract("武房2026000001"));

            Assert.Equal(HttpStatusCode.NotFound, ok.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AFiledContract_IsReadWithItsPartiesHomeAndPrice_AndTheReadIsAudited()
    {
        var (_, _, _, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        var json = await Partner(TaxKey).GetFromJsonAsync<JsonElement>(Contract(number));

        Assert.Equal(number, json.GetProperty("contractNumber").GetString());
        Assert.Equal("Filed", json.GetProperty("status").GetString());
        Assert.Equal(1_280_000m, json.GetProperty("price").GetDecimal());
        Assert.Equal(DemoData.Property("home-clean").Location, json.GetProperty("home").GetProperty("location").GetString());
        var parties = json.GetProperty("parties").EnumerateArray().Select(p => (p.GetProperty("role").GetString(), p.GetProperty("idNumber").GetString())).ToList();
        Assert.Contains(("Buyer", DemoData.Citizen("buyer-1").IdNumber), parties);
        Assert.Contains(("Seller", DemoData.Citizen("seller-clean").IdNumber), parties);
        var audit = await _factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "partner.contract-read").Select(e => e.ActorName).ToListAsync());
        Assert.Equal(["税务局（演示）"], audit);
    }

    [Fact]
    public async Task Registration_MarksTheContractRegistered_AndIsIdempotent()
    {
        var (_, listingId, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        var registry = Partner(RegistrationKey);

        using var first = await registry.PostAsync(Contract(number, "/registration"), null);
        using var second = await registry.PostAsync(Contract(number, "/registration"), null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyRegistered").GetBoolean());
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyRegistered").GetBoolean());
        Assert.Equal(ContractStatus.Registered, await _factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(ListingStatus.Completed, await _factory.WithDbAsync(db => db.Listings.Where(l => l.Id == listingId).Select(l => l.Status).SingleAsync()));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "contract.registered")));
        var repeated = await AuditLog.AssertAsync(_factory, "registration.repeated", ActorKind.Partner, "Contract", contractId.ToString(), number);
        Assert.Equal("不动产登记中心（演示）", repeated.ActorName);
    }

    [Fact]
    public async Task AKeyMarkedInactive_IsRefused_WhileOtherKeysStillWork()
    {
        var (_, _, _, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await _factory.WithDbAsync(db => db.Partners.Where(p => p.Department == PartnerDepartment.Tax)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Active, false)));

        using var inactive = await Partner(TaxKey).GetAsync(Contract(number));
        using var active = await Partner(RegistrationKey).GetAsync(Contract(number));

        Assert.Equal(HttpStatusCode.Unauthorized, inactive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.DoesNotContain(await AuditLog.OfAsync(_factory, "partner.contract-read"), e => e.ActorName == "税务局（演示）");
    }

    [Fact]
    public async Task RegistrationOfARevokedContract_IsAConflict_WithAClearBody()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-wedz", "home-wedz", "buyer-3");
        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.Revoke(await db.Listings.SingleAsync(l => l.Id == contract.ListingId), "买方测试", _clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        using var response = await Partner(RegistrationKey).PostAsync(Contract(number, "/registration"), null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("该合同已撤销，不能备案。", body.GetProperty("error").GetString());
        Assert.Equal("Revoked", body.GetProperty("status").GetString());
        await AuditLog.AssertAsync(_factory, "registration.refused", ActorKind.Partner, "Contract", contractId.ToString(), "已撤销");
    }

    [Fact]
    public async Task AnUnknownContract_IsNotFound()
    {
        using var response = await Partner(RegistrationKey).GetAsync(Contract("武房2026999999"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiIsDescribedByOpenApi()
    {
        var json = await _factory.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/partner/contracts/{contractNumber}", paths);
        Assert.Contains("/api/partner/contracts/{contractNumber}/registration", paths);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ARevocationAndARegistrationAtOnce_EndInExactlyOneOfTheTwo(DatabaseProvider provider)
    {
        // Three rounds try three interleavings; on PostgreSQL one round (the same code, the database's row locks and
        // concurrency token deciding) keeps the added test time small.
        var rounds = provider == DatabaseProvider.PostgreSql ? 1 : 3;
        for (var round = 0; round < rounds; round++)
        {
            var requests = new RequestGate();
            using var factory = new PortalFactory { Clock = _clock, Provider = provider, ConfigureServices = requests.AddTo };
            var (_, _, contractId, number) = await FiledContract.CreateAsync(factory, "seller-clean", "home-clean", "buyer-1");
            using var anonymous = factory.CreateClient();
            var (sentPage, code) = await RevocationForms.CodeSentAsync(factory, anonymous, number, "buyer-1");
            using var registry = factory.CreateClient();
            registry.DefaultRequestHeaders.Add("X-Api-Key", RegistrationKey);

            // Both requests are held at the host's door until both are inside the portal.
            requests.Arm(2, path => path == "/revocation" || path.Value?.EndsWith("/registration", StringComparison.Ordinal) == true);
            var revoke = Forms.SubmitAsync(anonymous, sentPage, "form", new Dictionary<string, string?> { ["Code"] = code }, ("Intent", "revoke"));
            var register = registry.PostAsync(Contract(number, "/registration"), null);
            await Task.WhenAll(revoke, register);
            Assert.Equal(2, requests.Gate.Arrived);
            using var revokeResponse = await revoke;
            using var registerResponse = await register;

            var status = await factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync());
            var revoked = (await Forms.ParseAsync(revokeResponse)).QuerySelector("h1")?.TextContent.Trim() == "撤销成功";
            var registered = registerResponse.StatusCode == HttpStatusCode.OK;
            Assert.True(revoked ^ registered, $"exactly one must win (revoked={revoked}, registered={registered})");
            Assert.Equal(revoked ? ContractStatus.Revoked : ContractStatus.Registered, status);
            if (!registered)
            {
                Assert.Equal(HttpStatusCode.Conflict, registerResponse.StatusCode);
            }
        }
    }
}
