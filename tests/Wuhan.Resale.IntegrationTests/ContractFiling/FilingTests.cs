using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Web.Features.ContractFiling;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>The filing page's rules, on SQLite (with <see cref="FilingContract"/>'s journey and race).</summary>
public sealed class FilingTests() : FilingContract(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task OneWrongCode_RefusesTheFiling_NextToThatParty_AndTheRightCodesStayUsable()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(Factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var codes = await FilingJourney.CodesForAsync(Factory, "buyer-2", "seller-two-homes");
        var wrong = codes[0] == "000000" ? "111111" : "000000";

        using var refused = await FilingJourney.ConfirmAsync(seller.Client, page, [wrong, codes[1]]);
        var refusedPage = await Forms.ParseAsync(refused);
        using var fixedUp = await FilingJourney.ConfirmAsync(seller.Client, refusedPage, codes);

        Assert.Equal("短信验证码不正确，请重新输入。", Forms.FieldError(refusedPage, "Codes[0]"));
        Assert.Null(Forms.FieldError(refusedPage, "Codes[1]"));
        Assert.Equal("/contracts?message=filed", fixedUp.Headers.Location?.OriginalString);
        await AuditLog.AssertAsync(Factory, "contract.filing-refused", ActorKind.Citizen, "Contract", contractId.ToString());
        await AuditLog.AssertAsync(Factory, "contract.filed", ActorKind.Citizen, "Contract", contractId.ToString());
        var sent = await AuditLog.AssertAsync(Factory, FilingSendLimit.SendAction, ActorKind.Citizen, "Contract", contractId.ToString(), "2位当事人");
        Assert.Equal(Clock.GetUtcNow(), sent.OccurredAt);
    }

    [Fact]
    public async Task AnExpiredCode_IsRefused()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(Factory, "seller-optics-valley", "home-optics-valley", "buyer-4");
        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var codes = await FilingJourney.CodesForAsync(Factory, "buyer-4", "seller-optics-valley");
        Clock.Advance(TimeSpan.FromMinutes(5));

        using var response = await FilingJourney.ConfirmAsync(seller.Client, page, codes);
        var refused = await Forms.ParseAsync(response);

        Assert.Equal("短信验证码已过期，请重新获取。", Forms.FieldError(refused, "Codes[0]"));
        Assert.Equal(ContractStatus.Draft, await Factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task ACoOwnedHome_NeedsEveryOwnersCode()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(Factory, "co-owner-a", "home-co-owned", "buyer-1");

        var blocked = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        Assert.Contains("手机号码尚未登记", blocked.QuerySelector("#filing-blockers")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(blocked.QuerySelector("#send-codes[disabled]"));

        await new CitizenLogin(Factory).SignInAsync(DemoData.Citizen("co-owner-b"));
        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        Assert.Equal(3, page.QuerySelectorAll("#parties tbody tr").Length);
        var codes = await FilingJourney.CodesForAsync(Factory, "buyer-1", "co-owner-a", "co-owner-b");

        using var withoutB = await FilingJourney.ConfirmAsync(seller.Client, page, [codes[0], codes[1], null]);
        var withoutBPage = await Forms.ParseAsync(withoutB);
        using var withAll = await FilingJourney.ConfirmAsync(seller.Client, withoutBPage, codes);

        Assert.Equal("短信验证码不正确，请重新输入。", Forms.FieldError(withoutBPage, "Codes[2]"));
        Assert.Equal("/contracts?message=filed", withAll.Headers.Location?.OriginalString);
        var sellers = await Factory.WithDbAsync(db => db.Contracts.AsNoTracking().Where(c => c.Id == contractId)
            .SelectMany(c => c.Parties).Where(p => p.Role == PartyRole.Seller).Select(p => p.Share).ToListAsync());
        Assert.Equal(["50%", "50%"], sellers);
    }

    [Fact]
    public async Task AnIncompleteContract_CannotBeFiled()
    {
        var (seller, listingId, contractId) = await FilingJourney.ReadyToFileAsync(Factory, "seller-hidden", "home-hidden-visible", "buyer-1");
        await Factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.ListingId == listingId);
            contract.UpdateTerms(ContractSamples.CompleteTerms() with { Price = null }, [], Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var page = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/file");
        using var forced = await FilingJourney.ConfirmAsync(seller.Client, page, ["123456", "123456"]);

        Assert.Contains("价格", page.QuerySelector("#filing-blockers")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(ContractStatus.Draft, await Factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.VerificationCodes.CountAsync(c => c.Purpose == Domain.Messaging.CodePurpose.Filing)));
    }

    [Fact]
    public async Task AnotherPersonsContract_IsNotFound_AndABuyerSeesOnlyTheirOwnFiledContract()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(Factory, "seller-commercial", "home-commercial", "buyer-3");
        var stranger = await new CitizenLogin(Factory).SignInAsync(DemoData.Citizen("buyer-4"));
        using var get = await stranger.GetAsync(new Uri($"/contracts/{contractId}/file", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);

        var buyerBeforeFiling = await new CitizenLogin(Factory).SignInAsync(DemoData.Citizen("buyer-3"));
        Assert.Empty((await Forms.GetDocumentAsync(buyerBeforeFiling, "/contracts")).QuerySelectorAll("#contracts tbody tr .contract-status"));

        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        using var filed = await FilingJourney.ConfirmAsync(seller.Client, page, await FilingJourney.CodesForAsync(Factory, "buyer-3", "seller-commercial"));
        var buyer = await new CitizenLogin(Factory).SignInAsync(DemoData.Citizen("buyer-3"));
        var buyerList = await Forms.GetDocumentAsync(buyer, "/contracts");
        var strangerList = await Forms.GetDocumentAsync(stranger, "/contracts");
        using var buyerTriesFiling = await buyer.GetAsync(new Uri($"/contracts/{contractId}/file", UriKind.Relative));

        var row = Assert.Single(buyerList.QuerySelectorAll("#contracts tbody tr"));
        Assert.Contains("您是买方", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("已生成合同", row.QuerySelector(".contract-status")?.TextContent.Trim());
        Assert.Empty(strangerList.QuerySelectorAll("#contracts tbody tr .contract-status"));
        Assert.Equal(HttpStatusCode.NotFound, buyerTriesFiling.StatusCode);
    }
}

/// <summary>The whole filing journey on PostgreSQL: sign-in and buyer look-ups by keyed hash, contract numbers, the race.</summary>
public sealed class FilingOnPostgreSqlTests() : FilingContract(DatabaseProvider.PostgreSql);

/// <summary>What each provider must do: a whole filing that mints a number, and three confirmations at once that file once.</summary>
public abstract class FilingContract : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly RequestGate _requests = new();
    private readonly PortalFactory _factory;

    protected PortalFactory Factory => _factory;

    protected FakeTimeProvider Clock => _clock;

    protected FilingContract(DatabaseProvider provider) => _factory = new PortalFactory { Clock = _clock, Provider = provider, ConfigureServices = _requests.AddTo };

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task FilingWithEveryPartysCode_MintsAContractNumber_AndTellsEveryParty()
    {
        var (seller, listingId, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1", "buyer-3");

        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var codes = await FilingJourney.CodesForAsync(_factory, "buyer-1", "buyer-3", "seller-clean");
        using var response = await FilingJourney.ConfirmAsync(seller.Client, page, codes);

        var after = await Forms.ParseAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", after.QuerySelectorAll(".alert, .field-error").Select(e => e.TextContent.Trim())));
        Assert.Equal("/contracts?message=filed", response.Headers.Location?.OriginalString);
        var contract = await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId));
        Assert.Equal(ContractStatus.Filed, contract.Status);
        Assert.Matches(@"^武房2026\d{6}$", contract.ContractNumber);
        Assert.Equal([PartyRole.Buyer, PartyRole.Buyer, PartyRole.Seller], contract.Parties.OrderBy(p => p.Order).Select(p => p.Role));
        Assert.False(string.IsNullOrEmpty(contract.VerificationToken));
        var listing = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId));
        Assert.Equal(ListingStatus.Filed, listing.Status);
        foreach (var key in new[] { "buyer-1", "buyer-3", "seller-clean" })
        {
            var texts = await SmsTextsAsync(DemoData.Citizen(key).Phone);
            Assert.Contains(texts, t => t.Contains(contract.ContractNumber!, StringComparison.Ordinal));
        }

        var list = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        var row = Assert.Single(list.QuerySelectorAll("#contracts tbody tr"));
        Assert.Equal("已生成合同", row.QuerySelector(".contract-status")?.TextContent.Trim());
        Assert.Contains(contract.ContractNumber!, row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "下载合同"));
        Assert.Null(row.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "申报网签"));
    }

    [Fact]
    public async Task TwoConfirmationsAtOnce_FileOnce_WithOneNumber()
    {
        var (seller, _, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-wedz", "home-wedz", "buyer-2");
        var page = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        var codes = await FilingJourney.CodesForAsync(_factory, "buyer-2", "seller-wedz");

        // The gate at the host's door holds each confirmation until all three are inside the portal.
        _requests.Arm(3, path => path == $"/contracts/{contractId}/file");
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => FilingJourney.ConfirmAsync(seller.Client, page, codes)));

        Assert.Equal(3, _requests.Gate.Arrived);
        Assert.Single(responses, r => r.Headers.Location?.OriginalString == "/contracts?message=filed");
        var numbers = await _factory.WithDbAsync(db => db.Contracts.Where(c => c.ContractNumber != null).Select(c => c.ContractNumber).ToListAsync());
        Assert.Single(numbers);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    protected Task<List<string>> SmsTextsAsync(string phone) => CitizenLogin.SmsTextsAsync(_factory, phone);
}
