using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Escrow;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using static Wuhan.Resale.IntegrationTests.PartnerApi.BankApi;

namespace Wuhan.Resale.IntegrationTests.PartnerApi;

/// <summary>
/// 资金监管 through the bank partner API: the bank opens the supervision account of a filed contract, reports deposits
/// and, after 已备案, the release; the parties see it on their contracts page and get an SMS at each change; money held
/// stops online revocation.
/// </summary>
public sealed class BankEscrowTests : IDisposable
{
    private const string AccountNumber = "6222020200112233";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public BankEscrowTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    private Task<EscrowAccount?> AccountAsync(Guid contractId) =>
        _factory.WithDbAsync(db => db.EscrowAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.ContractId == contractId));

    [Fact]
    public async Task TheBank_OpensReportsDepositsAndReleasesAfterRegistration_AndThePartiesSeeAndHearOfEachStep()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var bank = Client(_factory, ChuTianKey);
        var buyerPhone = DemoData.Citizen("buyer-1").Phone;

        using var opened = await PostAsync(bank, Escrow(number, "account"), new { accountNumber = AccountNumber }, "open-1");
        var openedBody = await JsonAsync(opened);
        using var deposited = await PostAsync(bank, Escrow(number, "deposits"),
            new { amount = 500_000m, depositedAt = _clock.GetUtcNow().AddMinutes(-30) }, "deposit-1");
        var depositBody = await JsonAsync(deposited);
        using var early = await PostAsync(bank, Escrow(number, "release"), null, "release-early");
        var earlyBody = await JsonAsync(early);

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(("Opened", ChuTianName, AccountNumber), (openedBody.GetProperty("status").GetString(), openedBody.GetProperty("bankName").GetString(), openedBody.GetProperty("accountNumber").GetString()));
        Assert.Equal(HttpStatusCode.OK, deposited.StatusCode);
        Assert.Equal(("Holding", 500_000m), (depositBody.GetProperty("status").GetString(), depositBody.GetProperty("held").GetDecimal()));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("尚未备案", Error(earlyBody), StringComparison.Ordinal);

        // Seller and buyer see the masked account and the deposit on their contracts page.
        var sellerPage = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        var panel = sellerPage.QuerySelector("#escrow .escrow-panel");
        Assert.Equal("6222********2233", panel?.QuerySelector(".escrow-account")?.TextContent.Trim());
        Assert.Equal("资金监管中", panel?.QuerySelector(".escrow-status")?.TextContent.Trim());
        Assert.Contains("500,000.00", panel?.QuerySelector(".escrow-deposits tbody")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountNumber, sellerPage.Body!.TextContent, StringComparison.Ordinal);
        var buyer = await SellerJourney.SignInAsync(_factory, "buyer-1");
        var buyerPage = await Forms.GetDocumentAsync(buyer.Client, "/contracts");
        Assert.Equal("资金监管中", buyerPage.QuerySelector("#escrow .escrow-status")?.TextContent.Trim());

        using (var registered = await RegisterAsync(_factory, number))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        using var released = await PostAsync(bank, Escrow(number, "release"), null, "release-1");
        var releasedBody = await JsonAsync(released);

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(("Released", 0m, 500_000m), (releasedBody.GetProperty("status").GetString(), releasedBody.GetProperty("held").GetDecimal(), releasedBody.GetProperty("releasedToSeller").GetDecimal()));
        var account = await AccountAsync(contractId);
        Assert.Equal((EscrowStatus.Released, 500_000m), (account!.Status, account.Deposited));
        var texts = await CitizenLogin.SmsTextsAsync(_factory, buyerPhone);
        Assert.Contains(texts, t => t.Contains("开立资金监管账户（账号6222********2233）", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("存入500000.00元", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("已解除监管并划转", StringComparison.Ordinal));
        Assert.Equal(3, (await CitizenLogin.SmsTextsAsync(_factory, seller.Citizen.Phone)).Count(t => t.Contains("监管", StringComparison.Ordinal)));
        foreach (var action in new[] { "escrow.opened", "escrow.deposited", "escrow.released" })
        {
            var audit = await AuditLog.AssertAsync(_factory, action, ActorKind.Partner, "Contract", contractId.ToString(), number);
            Assert.Equal(ChuTianName, audit.ActorName);
        }

        var afterRelease = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        Assert.Equal("已解除监管，资金已划转", afterRelease.QuerySelector("#escrow .escrow-status")?.TextContent.Trim());
    }

    [Fact]
    public async Task WhileMoneyIsHeld_RevocationIsRefusedOnline_AndSendsThePartiesToTheCounter()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var bank = Client(_factory, ChuTianKey);
        using (var opened = await PostAsync(bank, Escrow(number, "account"), new { accountNumber = AccountNumber }, "open-1"))
        using (var deposited = await PostAsync(bank, Escrow(number, "deposits"), new { amount = 100_000m }, "deposit-1"))
        {
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (opened.StatusCode, deposited.StatusCode));
        }

        var page = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/revoke");
        var list = await Forms.GetDocumentAsync(seller.Client, "/contracts");

        var refusal = page.QuerySelector("#revocation-error")?.TextContent;
        Assert.Contains("资金监管账户", refusal, StringComparison.Ordinal);
        Assert.Contains("退还买方", refusal, StringComparison.Ordinal);
        Assert.Contains("窗口", refusal, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action$='/revoke']"));
        Assert.Null(list.QuerySelector($"a[href='/contracts/{contractId}/revoke']"));
        Assert.Equal(ContractStatus.Filed, (await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId))).Status);
    }

    [Fact]
    public async Task ARefundToTheBuyer_EndsTheSupervision_AndRevocationIsPossibleOnlineAgain()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var bank = Client(_factory, ChuTianKey);
        using (var opened = await PostAsync(bank, Escrow(number, "account"), new { accountNumber = AccountNumber }, "open-1"))
        using (var deposited = await PostAsync(bank, Escrow(number, "deposits"), new { amount = 100_000m }, "deposit-1"))
        {
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (opened.StatusCode, deposited.StatusCode));
        }

        using var refunded = await PostAsync(bank, Escrow(number, "refund"), null, "refund-1");
        var body = await JsonAsync(refunded);
        var page = await Forms.GetDocumentAsync(seller.Client, $"/contracts/{contractId}/revoke");

        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        Assert.Equal(("Refunded", 0m), (body.GetProperty("status").GetString(), body.GetProperty("held").GetDecimal()));
        Assert.Null(page.QuerySelector("#revocation-error"));
        Assert.NotNull(page.QuerySelector("form[action$='/revoke']"));
        Assert.Contains(await CitizenLogin.SmsTextsAsync(_factory, DemoData.Citizen("buyer-1").Phone), t => t.Contains("已退还买方", StringComparison.Ordinal));
        await AuditLog.AssertAsync(_factory, "escrow.refunded", ActorKind.Partner, "Contract", contractId.ToString(), number);
        var list = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        Assert.Equal("监管资金已退还买方", list.QuerySelector("#escrow .escrow-status")?.TextContent.Trim());
    }

    [Fact]
    public async Task ForARevokedContract_DepositAndRelease_AreConflictsWithAClearBody()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-wedz", "home-wedz", "buyer-3");
        using var bank = Client(_factory, ChuTianKey);
        using (var opened = await PostAsync(bank, Escrow(number, "account"), new { accountNumber = AccountNumber }, "open-1"))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            contract.Revoke(await db.Listings.SingleAsync(l => l.Id == contract.ListingId), "买方柯**", _clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        using var deposit = await PostAsync(bank, Escrow(number, "deposits"), new { amount = 1_000m }, "deposit-1");
        using var release = await PostAsync(bank, Escrow(number, "release"), null, "release-1");
        var depositBody = await JsonAsync(deposit);
        var releaseBody = await JsonAsync(release);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (deposit.StatusCode, release.StatusCode));
        Assert.Equal(("该合同已撤销，不能再存入监管资金。", "Revoked"), (Error(depositBody), depositBody.GetProperty("status").GetString()));
        Assert.Contains("已撤销", Error(releaseBody), StringComparison.Ordinal);
        Assert.Empty((await AccountAsync(contractId))!.Deposits);
        Assert.Equal(2, (await AuditLog.OfAsync(_factory, "escrow.refused")).Count);
    }

    [Fact]
    public async Task OnlyBanks_MayCallTheEscrowApi_OnlyTheOpeningBankSeesTheAccount_AndBanksCannotReadContracts()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var chuTian = Client(_factory, ChuTianKey);
        using var jiangCheng = Client(_factory, JiangChengKey);
        using var tax = Client(_factory, TaxKey);
        using var nobody = Client(_factory, null);
        using (var opened = await PostAsync(chuTian, Escrow(number, "account"), new { accountNumber = AccountNumber }, "open-1"))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        using var taxOpen = await PostAsync(tax, Escrow(number, "deposits"), new { amount = 1_000m }, "tax-1");
        using var anonymous = await PostAsync(nobody, Escrow(number, "deposits"), new { amount = 1_000m }, "anon-1");
        using var otherBank = await PostAsync(jiangCheng, Escrow(number, "deposits"), new { amount = 1_000m }, "other-1");
        using var otherBankRead = await jiangCheng.GetAsync(new Uri(Escrow(number), UriKind.Relative));
        using var bankReadsContract = await chuTian.GetAsync(new Uri($"/api/partner/contracts/{Uri.EscapeDataString(number)}", UriKind.Relative));
        using var secondAccount = await PostAsync(jiangCheng, Escrow(number, "account"), new { accountNumber = "6217000011112222" }, "open-2");
        using var ownRead = await chuTian.GetAsync(new Uri(Escrow(number), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, taxOpen.StatusCode);
        Assert.Contains("无权", Error(await JsonAsync(taxOpen)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherBank.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherBankRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bankReadsContract.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondAccount.StatusCode);
        Assert.Contains("不能重复开立", Error(await JsonAsync(secondAccount)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
        Assert.Empty((await AccountAsync(contractId))!.Deposits);
    }

    [Fact]
    public async Task ARetryWithTheSameKey_ReplaysTheFirstAnswer_AndChangesNothing_ButTheSameKeyForAnotherBody_IsRefused()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var bank = Client(_factory, ChuTianKey);
        using (var opened = await PostAsync(bank, Escrow(number, "account"), new { accountNumber = AccountNumber }, "open-1"))
        using (var openedAgain = await PostAsync(bank, Escrow(number, "account"), new { accountNumber = AccountNumber }, "open-1"))
        {
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (opened.StatusCode, openedAgain.StatusCode));
            Assert.Equal(await opened.Content.ReadAsStringAsync(), await openedAgain.Content.ReadAsStringAsync());
        }

        var body = new { amount = 200_000m, depositedAt = _clock.GetUtcNow() };
        using var first = await PostAsync(bank, Escrow(number, "deposits"), body, "deposit-7f3a");
        _clock.Advance(TimeSpan.FromMinutes(2));
        using var replay = await PostAsync(bank, Escrow(number, "deposits"), body, "deposit-7f3a");
        using var reused = await PostAsync(bank, Escrow(number, "deposits"), new { amount = 300_000m, depositedAt = _clock.GetUtcNow() }, "deposit-7f3a");
        using var missing = await PostAsync(bank, Escrow(number, "deposits"), body);
        var reusedBody = await JsonAsync(reused);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.True(replay.Headers.TryGetValues("Idempotent-Replayed", out var flag) && flag.Single() == "true");
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("IdempotencyKeyReused", reusedBody.GetProperty("status").GetString());
        Assert.Contains("deposit-7f3a", Error(reusedBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Idempotency-Key", Error(await JsonAsync(missing)), StringComparison.Ordinal);
        var account = await AccountAsync(contractId);
        Assert.Equal(200_000m, Assert.Single(account!.Deposits).Amount);
        Assert.Single(await AuditLog.OfAsync(_factory, "escrow.deposited"));
        Assert.Single(await AuditLog.OfAsync(_factory, "escrow.opened"));
        Assert.Single(await CitizenLogin.SmsTextsAsync(_factory, DemoData.Citizen("buyer-1").Phone), t => t.Contains("累计监管", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADepositAboveThePrice_IsUnprocessable()
    {
        var (_, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        using var bank = Client(_factory, ChuTianKey);
        using (var opened = await PostAsync(bank, Escrow(number, "account"), new { accountNumber = AccountNumber }, "open-1"))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        using var tooMuch = await PostAsync(bank, Escrow(number, "deposits"), new { amount = 99_000_000m }, "deposit-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Contains("超过合同成交价格", Error(await JsonAsync(tooMuch)), StringComparison.Ordinal);
        Assert.Empty((await AccountAsync(contractId))!.Deposits);
    }
}
