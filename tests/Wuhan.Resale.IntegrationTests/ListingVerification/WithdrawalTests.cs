using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.ListingVerification;

/// <summary>撤回房源: an owner takes back a verified home that will not be sold, before any contract is filed.</summary>
public sealed class WithdrawalTests : IDisposable
{
    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> WithdrawAsync(HttpClient client, Guid listingId, string reason, string? otherReason = null)
    {
        var page = await Forms.GetDocumentAsync(client, $"/listings/{listingId}/withdraw");
        return await Forms.SubmitAsync(client, page, "form[action$='/withdraw']",
            new Dictionary<string, string?> { ["reason"] = reason, ["otherReason"] = otherReason });
    }

    private Task<(ListingStatus Status, string? Live, string? Reason, ContractStatus? Contract)> StateAsync(Guid listingId) =>
        _factory.WithDbAsync(async db =>
        {
            var listing = await db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId);
            var contract = await db.Contracts.AsNoTracking().Where(c => c.ListingId == listingId).Select(c => (ContractStatus?)c.Status).SingleOrDefaultAsync();
            return (listing.Status, listing.LiveCertificateNumber, listing.WithdrawalReason, contract);
        });

    [Fact]
    public async Task AnOwner_WithdrawsAHomeWithBuyersAndADraft_TheDraftCanNoLongerBeFiled_AndTheHomeIsVerifiedAgainUnderANewCode()
    {
        var (seller, listingId, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var result = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}");
        var oldCode = result.QuerySelector("#listing-code")!.TextContent.Trim();
        Assert.Equal($"/listings/{listingId}/withdraw", result.QuerySelector("#withdraw-link")?.GetAttribute("href"));
        var form = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/withdraw");
        Assert.Contains("合同草稿一并作废", form.QuerySelector("#withdraw-effect")?.TextContent, StringComparison.Ordinal);

        using var withdrawn = await Forms.SubmitAsync(seller.Client, form, "form[action$='/withdraw']",
            new Dictionary<string, string?> { ["reason"] = "买卖双方协商不再交易" });

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var shown = await Forms.GetDocumentAsync(seller.Client, withdrawn.Headers.Location!.OriginalString);
        Assert.Equal("已撤回", shown.QuerySelector("#listing-status")?.TextContent.Trim());
        Assert.Equal("买卖双方协商不再交易", shown.QuerySelector("#withdrawal-reason")?.TextContent.Trim());
        Assert.Null(shown.QuerySelector("#withdraw-link"));
        Assert.Equal((ListingStatus.Withdrawn, null, "买卖双方协商不再交易", ContractStatus.Discarded), await StateAsync(listingId));
        await AuditLog.AssertAsync(_factory, "listing.withdrawn", ActorKind.Citizen, "Listing", listingId.ToString(), "合同草稿作废；原因：买卖双方协商不再交易");

        // The discarded draft: the contracts list says so and offers nothing; filing it is not possible.
        var contracts = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        Assert.Equal("已作废", contracts.QuerySelector("#contracts .contract-status")?.TextContent.Trim());
        Assert.Null(contracts.QuerySelector("#contracts .main-action"));
        using var file = await seller.Client.GetAsync(new Uri($"/contracts/{contractId}/file", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);
        Assert.Equal(ContractStatus.Discarded, (await StateAsync(listingId)).Contract);

        // The home is free: verifying it again gives a new listing with a new 房源编码.
        using var again = await seller.VerifyHomeAsync("home-clean");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var newId = Guid.Parse(again.Headers.Location!.OriginalString.Split('/')[^1]);
        var newPage = await Forms.GetDocumentAsync(seller.Client, $"/listings/{newId}");
        Assert.NotEqual(listingId, newId);
        Assert.NotEqual(oldCode, newPage.QuerySelector("#listing-code")?.TextContent.Trim());
        Assert.Equal("已核验", newPage.QuerySelector("#listing-status")?.TextContent.Trim());
    }

    [Fact]
    public async Task ACoOwnerWhoDidNotVerifyTheHome_MayWithdrawIt_WithAReasonOfTheirOwn()
    {
        var verifier = await SellerJourney.SignInAsync(_factory, "co-owner-a");
        using var verified = await verifier.VerifyHomeAsync("home-co-owned");
        var listingId = Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]);
        var coOwner = await SellerJourney.SignInAsync(_factory, "co-owner-b");

        using var withdrawn = await WithdrawAsync(coOwner.Client, listingId, "其他", "  共有人尚未商定出售  ");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal((ListingStatus.Withdrawn, null, "其他：共有人尚未商定出售", null), await StateAsync(listingId));
        var audit = await AuditLog.AssertAsync(_factory, "listing.withdrawn", ActorKind.Citizen, "Listing", listingId.ToString(), "共有人尚未商定出售");
        Assert.Equal("熊**", audit.ActorName);
    }

    [Fact]
    public async Task AMissingReason_IsShownNextToItsField_AndWhatWasTypedIsKept()
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-two-homes");
        using var verified = await seller.VerifyHomeAsync("home-dxh-clean");
        var listingId = Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]);

        using var noChoice = await WithdrawAsync(seller.Client, listingId, "");
        using var emptyOther = await WithdrawAsync(seller.Client, listingId, "其他", "   ");
        using var tooLong = await WithdrawAsync(seller.Client, listingId, "其他", new string('长', 300));
        var noChoicePage = await Forms.ParseAsync(noChoice);
        var emptyOtherPage = await Forms.ParseAsync(emptyOther);
        var tooLongPage = await Forms.ParseAsync(tooLong);

        Assert.Equal("请选择撤回原因。", Forms.FieldError(noChoicePage, "reason"));
        Assert.Equal("请填写撤回原因。", Forms.FieldError(emptyOtherPage, "otherReason"));
        Assert.Contains("以内", Forms.FieldError(tooLongPage, "otherReason"), StringComparison.Ordinal);
        Assert.Equal(new string('长', 300), tooLongPage.QuerySelector("#otherReason")?.TextContent);
        Assert.NotNull(tooLongPage.QuerySelector("#reason-other[checked]"));
        Assert.Equal(ListingStatus.Verified, (await StateAsync(listingId)).Status);
        Assert.Empty(await AuditLog.OfAsync(_factory, "listing.withdrawn"));
    }

    [Fact]
    public async Task OnceTheContractIsFiled_WithdrawalIsRefusedWithAPlainMessage_EvenFromAPageOpenedBefore()
    {
        var (seller, listingId, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-wedz", "home-wedz", "buyer-3");
        var openedBefore = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/withdraw");
        var filingPage = await FilingJourney.SendCodesAsync(seller.Client, contractId);
        using var filed = await FilingJourney.ConfirmAsync(seller.Client, filingPage, await FilingJourney.CodesForAsync(_factory, "buyer-3", "seller-wedz"));
        Assert.Equal("/contracts?message=filed", filed.Headers.Location?.OriginalString);

        using var late = await Forms.SubmitAsync(seller.Client, openedBefore, "form[action$='/withdraw']",
            new Dictionary<string, string?> { ["reason"] = "不再出售该房屋" });
        var latePage = await Forms.ParseAsync(late);
        var now = await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/withdraw");

        Assert.Contains("已生成网签合同，不能撤回", latePage.QuerySelector("#withdraw-refusal, #withdraw-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("合同网签撤销", now.QuerySelector("#withdraw-refusal")?.TextContent, StringComparison.Ordinal);
        Assert.Null(now.QuerySelector("form[action$='/withdraw']"));
        Assert.Null((await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}")).QuerySelector("#withdraw-link"));
        Assert.Equal((ListingStatus.Filed, DemoData.Property("home-wedz").CertificateNumber, null, ContractStatus.Filed), await StateAsync(listingId));
        await AuditLog.AssertAsync(_factory, "listing.withdrawal-refused", ActorKind.Citizen, "Listing", listingId.ToString(), "不能撤回");
    }

    [Fact]
    public async Task SomeoneWhoDoesNotOwnTheHome_CannotSeeOrWithdrawIt()
    {
        var (seller, listingId, _) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var buyer = await SellerJourney.SignInAsync(_factory, "buyer-1");
        var ownPage = await Forms.GetDocumentAsync(buyer.Client, "/listing");
        var sellersForm = Forms.WithTokenOf(await Forms.GetDocumentAsync(seller.Client, $"/listings/{listingId}/withdraw"), ownPage);

        using var view = await buyer.Client.GetAsync(new Uri($"/listings/{listingId}/withdraw", UriKind.Relative));
        using var post = await Forms.SubmitAsync(buyer.Client, sellersForm, "form[action$='/withdraw']",
            new Dictionary<string, string?> { ["reason"] = "不再出售该房屋" });

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { view.StatusCode, post.StatusCode });
        Assert.Equal(ListingStatus.BuyersConfirmed, (await StateAsync(listingId)).Status);
        Assert.Empty(await AuditLog.OfAsync(_factory, "listing.withdrawn"));
    }

    [Fact]
    public async Task AFilingAndAWithdrawalLoadingTheSameVersion_CannotBothBeSaved()
    {
        var (_, listingId, contractId) = await FilingJourney.ReadyToFileAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        await using var fileScope = _factory.Services.CreateAsyncScope();
        await using var withdrawScope = _factory.Services.CreateAsyncScope();
        var filingDb = fileScope.ServiceProvider.GetRequiredService<Wuhan.Resale.Web.Data.ResaleDbContext>();
        var withdrawDb = withdrawScope.ServiceProvider.GetRequiredService<Wuhan.Resale.Web.Data.ResaleDbContext>();
        var filingContract = await filingDb.Contracts.SingleAsync(c => c.Id == contractId);
        var filingListing = await filingDb.Listings.Include(l => l.Home).ThenInclude(h => h!.Owners).SingleAsync(l => l.Id == listingId);
        var withdrawContract = await withdrawDb.Contracts.SingleAsync(c => c.Id == contractId);
        var withdrawListing = await withdrawDb.Listings.SingleAsync(l => l.Id == listingId);
        var parties = await fileScope.ServiceProvider.GetRequiredService<Wuhan.Resale.Web.Features.Shared.FilingParties>().OfAsync(filingListing, default);
        var now = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

        filingContract.File(filingListing, ContractNumber.Create(2026, 9001), parties, ContractContent.Hash(filingContract, filingListing, parties), now);
        withdrawListing.Withdraw("不再出售该房屋", withdrawContract, now);
        await filingDb.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => withdrawDb.SaveChangesAsync());
        Assert.Equal((ListingStatus.Filed, DemoData.Property("home-clean").CertificateNumber, null, ContractStatus.Filed), await StateAsync(listingId));
    }

    [Fact]
    public async Task AReasonFromNoList_IsRefused_AndAnUnknownListing_IsNotFound()
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-two-homes");
        using var verified = await seller.VerifyHomeAsync("home-dxh-clean");
        var listingId = Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]);

        using var crafted = await WithdrawAsync(seller.Client, listingId, "<script>alert(1)</script>");
        using var unknown = await seller.Client.GetAsync(new Uri($"/listings/{Guid.NewGuid()}/withdraw", UriKind.Relative));

        Assert.Equal("请选择撤回原因。", Forms.FieldError(await Forms.ParseAsync(crafted), "reason"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ListingStatus.Verified, (await StateAsync(listingId)).Status);
    }
}
