using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Features.ContractFiling;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

public sealed class ContractFormTests : IDisposable
{
    private const string Save = "save";
    private const string Check = "check";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public ContractFormTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SavingAnIncompleteDraft_KeepsWhatWasTyped_AndShowsItAgainAfterReload()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var page = await OpenAsync(seller, id);

        using var response = await SubmitAsync(seller, page, Save, new()
        {
            ["Price"] = "1,280,000",
            ["PaymentMethod"] = "Installments",
            ["DeliveryDate"] = "2027-01-15",
            ["Installments[0].DueOn"] = "2026-12-01",
            ["Installments[0].Amount"] = "380000",
            ["Installments[0].Description"] = "首付款",
            ["OtherTerms"] = "钥匙三把，交房时一并交付。",
        });
        var reloaded = await Forms.GetDocumentAsync(seller, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/contracts/{id}/edit?saved=1", response.Headers.Location.OriginalString);
        Assert.Contains("已保存", reloaded.QuerySelector("#form-notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("1,280,000.00", Value(reloaded, "Price"));
        Assert.Equal("Installments", (reloaded.GetElementById("PaymentMethod") as IHtmlSelectElement)?.Value);
        Assert.Equal("2027-01-15", Value(reloaded, "DeliveryDate"));
        Assert.Equal("380,000.00", Value(reloaded, "Installments[0].Amount"));
        Assert.Equal("首付款", Value(reloaded, "Installments[0].Description"));
        Assert.Equal("钥匙三把，交房时一并交付。", reloaded.GetElementById("OtherTerms")?.TextContent);
        var contract = await LoadContractAsync(id);
        Assert.Equal(1_280_000m, contract.Terms.Price);
        Assert.Null(contract.Terms.Copies);
        var installment = Assert.Single(contract.Schedule);
        Assert.Equal((1, new DateOnly(2026, 12, 1), 380_000m, "首付款"), (installment.Order, installment.DueOn, installment.Amount, installment.Description));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "contract.saved" && e.EntityId == id.ToString())));
    }

    [Fact]
    public async Task TheCapitals_AreWorkedOutByTheServer_AndAPostedValueIsIgnored()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var page = await OpenAsync(seller, id);

        using var response = await SubmitAsync(seller, page, Save, new()
        {
            ["Price"] = "1000000.05",
            ["PriceInCapitals"] = "壹元整",
        });
        var reloaded = await Forms.GetDocumentAsync(seller, response.Headers.Location!.OriginalString);

        Assert.Null(page.QuerySelector("[name=PriceInCapitals]"));
        Assert.Equal("壹佰万元零伍分", reloaded.GetElementById("PriceInCapitals")?.TextContent.Trim());
        Assert.DoesNotContain("壹元整", reloaded.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ShowsEveryMissingFieldNextToIt_AndSavesNothing()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var page = await OpenAsync(seller, id);

        using var response = await SubmitAsync(seller, page, Check, new() { ["OtherTerms"] = "未保存的约定", ["Copies"] = "3" });
        var checkedPage = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("第二条：请填写成交价格。", Forms.FieldError(checkedPage, "Price"));
        Assert.Equal("第三条：请选择付款方式。", Forms.FieldError(checkedPage, "PaymentMethod"));
        Assert.Equal("第三条：请选择房价款是否存入资金监管账户。", Forms.FieldError(checkedPage, "FundsThroughEscrow"));
        Assert.Equal("第五条：请填写房屋交付日期。", Forms.FieldError(checkedPage, "DeliveryDate"));
        Assert.Equal("第六条：请选择税费由谁承担。", Forms.FieldError(checkedPage, "TaxBearer"));
        Assert.StartsWith("第七条：", Forms.FieldError(checkedPage, "HukouMoveOutDays"), StringComparison.Ordinal);
        Assert.StartsWith("第八条：", Forms.FieldError(checkedPage, "LatePaymentDailyRate"), StringComparison.Ordinal);
        Assert.StartsWith("第九条：", Forms.FieldError(checkedPage, "DisputeResolution"), StringComparison.Ordinal);
        Assert.Null(Forms.FieldError(checkedPage, "Copies"));
        Assert.Equal("Price-error", checkedPage.GetElementById("Price")?.GetAttribute("aria-describedby"));
        Assert.Contains("处需要", checkedPage.QuerySelector("#form-notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("未保存的约定", checkedPage.GetElementById("OtherTerms")?.TextContent);
        var contract = await LoadContractAsync(id);
        Assert.Equal(ContractTerms.Empty, contract.Terms);
    }

    [Fact]
    public async Task ACompleteForm_PassesTheCheck()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var page = await OpenAsync(seller, id);

        using var response = await SubmitAsync(seller, page, Check, CompleteForm());
        var checkedPage = await Forms.ParseAsync(response);

        Assert.Empty(checkedPage.QuerySelectorAll(".field-error"));
        Assert.Contains("已填写完整", checkedPage.QuerySelector("#form-notice")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScheduleThatDoesNotAddUpToThePrice_NamesBothSums()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var page = await OpenAsync(seller, id);
        var form = CompleteForm();
        form["Installments[1].Amount"] = "600000";

        using var response = await SubmitAsync(seller, page, Check, form);
        var message = Forms.FieldError(await Forms.ParseAsync(response), "Installments");

        Assert.Contains("980,000.00", message, StringComparison.Ordinal);
        Assert.Contains("1,280,000.00", message, StringComparison.Ordinal);
        Assert.StartsWith("第三条：", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADepositAboveTwentyPercent_NamesTheMostItMayBe()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var page = await OpenAsync(seller, id);
        var form = CompleteForm();
        form["Deposit"] = "300000";

        using var response = await SubmitAsync(seller, page, Check, form);
        var message = Forms.FieldError(await Forms.ParseAsync(response), "Deposit");

        Assert.Contains("256,000.00元", message, StringComparison.Ordinal);
        Assert.StartsWith("第四条：", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadablePrice_KeepsTheTypedText_ShowsWhy_AndSavesNothing()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var page = await OpenAsync(seller, id);

        using var response = await SubmitAsync(seller, page, Save, new()
        {
            ["Price"] = "一百二十八万",
            ["DeliveryDate"] = "明年春节",
            ["OtherTerms"] = "已经写好的约定",
            ["Installments[2].Amount"] = "5000",
        });
        var refused = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写数字", Forms.FieldError(refused, "Price"), StringComparison.Ordinal);
        Assert.Contains("年-月-日", Forms.FieldError(refused, "DeliveryDate"), StringComparison.Ordinal);
        Assert.Contains("付款日期", Forms.FieldError(refused, "Installments[2].DueOn"), StringComparison.Ordinal);
        Assert.Equal("一百二十八万", Value(refused, "Price"));
        Assert.Equal("已经写好的约定", refused.GetElementById("OtherTerms")?.TextContent);
        Assert.Equal("5000", Value(refused, "Installments[2].Amount"));
        Assert.Contains("没有保存", refused.QuerySelector("#form-notice")?.TextContent, StringComparison.Ordinal);
        var contract = await LoadContractAsync(id);
        Assert.Equal(ContractTerms.Empty, contract.Terms);
    }

    [Fact]
    public async Task AddingAnInstallment_RendersOneMoreRow_KeepingEverythingTyped()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var page = await OpenAsync(seller, id);
        Assert.Equal(3, page.QuerySelectorAll("#schedule tbody tr").Length);

        using var response = await SubmitAsync(seller, page, "add-installment", new() { ["Price"] = "800000", ["Installments[0].Amount"] = "100000" });
        var more = await Forms.ParseAsync(response);

        Assert.Equal(4, more.QuerySelectorAll("#schedule tbody tr").Length);
        Assert.Equal("800000", Value(more, "Price"));
        Assert.Equal("100000", Value(more, "Installments[0].Amount"));
        Assert.Empty(more.QuerySelectorAll(".field-error"));
        Assert.Equal(ContractTerms.Empty, (await LoadContractAsync(id)).Terms);
    }

    [Fact]
    public async Task ASaveFromAStaleTab_IsRefused_KeepingTheTypedValues_AndASecondSaveWins()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var firstTab = await OpenAsync(seller, id);
        var secondTab = await OpenAsync(seller, id);

        using var first = await SubmitAsync(seller, firstTab, Save, new() { ["Price"] = "1000000" });
        using var second = await SubmitAsync(seller, secondTab, Save, new() { ["Price"] = "2000000" });
        var conflict = await Forms.ParseAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("另一个页面或窗口", conflict.QuerySelector("#form-notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("2000000", Value(conflict, "Price"));
        Assert.Equal(1_000_000m, (await LoadContractAsync(id)).Terms.Price);

        using var again = await SubmitAsync(seller, conflict, Save, new());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2_000_000m, (await LoadContractAsync(id)).Terms.Price);
    }

    [Fact]
    public async Task SomeoneWhoIsNeitherTheSellerNorAnOwner_GetsNotFound_ForGetAndPost()
    {
        var (_, id) = await SellerWithDraftAsync();
        var buyer = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-1"));
        var ownPage = await Forms.GetDocumentAsync(buyer, "/listing");
        var token = ownPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var get = await buyer.GetAsync(new Uri($"/contracts/{id}/edit", UriKind.Relative));
        using var post = await buyer.PostAsync(new Uri($"/contracts/{id}/edit", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Intent", Save), new("Price", "1")]));
        using var unknown = await buyer.GetAsync(new Uri($"/contracts/{Guid.CreateVersion7()}/edit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ContractTerms.Empty, (await LoadContractAsync(id)).Terms);
    }

    [Fact]
    public async Task RegistryFactsAndBuyers_AreShownButCannotBeChangedByPosting()
    {
        var (seller, id) = await SellerWithDraftAsync();
        var page = await OpenAsync(seller, id);
        var home = DemoData.Property("home-clean");
        var buyer = DemoData.Citizen("buyer-1");

        using var response = await SubmitAsync(seller, page, Save, new()
        {
            ["Price"] = "900000",
            ["Location"] = "伪造的坐落",
            ["Home.Location"] = "伪造的坐落",
            ["BuildingArea"] = "999",
            ["CertificateNumber"] = "伪造证号",
            ["BuyerName"] = "冒名顶替",
            ["Buyers[0].Name"] = "冒名顶替",
            ["HasCoOwners"] = "true",
            ["SellerPersonId"] = Guid.CreateVersion7().ToString(),
            ["Status"] = "Filed",
        });
        var reloaded = await Forms.GetDocumentAsync(seller, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(page.QuerySelector("#home-facts input"));
        Assert.Null(page.QuerySelector("#buyers input"));
        var facts = reloaded.GetElementById("home-facts")!.TextContent;
        Assert.Contains(home.Location, facts, StringComparison.Ordinal);
        Assert.Contains(home.CertificateNumber, facts, StringComparison.Ordinal);
        Assert.Contains("89.56", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("伪造", reloaded.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("冒名顶替", reloaded.Body.TextContent, StringComparison.Ordinal);
        var buyersTable = reloaded.GetElementById("buyers")!.TextContent;
        Assert.Contains(buyer.Name, buyersTable, StringComparison.Ordinal);
        Assert.Contains(Masking.MaskIdNumber(buyer.IdNumber), buyersTable, StringComparison.Ordinal);
        Assert.DoesNotContain(buyer.IdNumber, reloaded.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal("否", reloaded.GetElementById("HasCoOwners")?.TextContent);

        var contract = await LoadContractAsync(id);
        Assert.Equal(900_000m, contract.Terms.Price);
        Assert.False(contract.Terms.HasCoOwners);
        Assert.Equal(ContractStatus.Draft, contract.Status);
        var listing = await _factory.WithDbAsync(db => db.Listings.AsNoTracking().Include(l => l.Home).SingleAsync(l => l.Id == contract.ListingId));
        Assert.Equal(buyer.Name, Assert.Single(listing.Buyers).Name);
        Assert.Equal(home.Location, listing.Home!.Location);
        Assert.Equal(89.56m, listing.Home.BuildingArea);
    }

    [Fact]
    public async Task AFiledContract_IsShownReadOnly_AndAPostChangesNothing()
    {
        var (seller, id) = await SellerWithDraftAsync();
        await _factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == id);
            var listing = await db.Listings.Include(l => l.Home).SingleAsync(l => l.Id == contract.ListingId);
            var owner = DemoData.Citizen("seller-clean");
            var buyer = DemoData.Citizen("buyer-1");
            var now = _clock.GetUtcNow();
            contract.UpdateTerms(ContractSamples.CompleteTerms(), ContractSamples.CompleteSchedule(), now);
            ContractPartyDetails[] parties =
            [
                new(PartyRole.Seller, owner.Name, owner.IdType, owner.IdNumber, owner.Phone, "100%"),
                new(PartyRole.Buyer, buyer.Name, buyer.IdType, buyer.IdNumber, buyer.Phone, null),
            ];
            contract.File(listing, ContractNumber.Create(2026, 112_600_001), parties, ContractContent.Hash(contract, listing, parties), now);
            return await db.SaveChangesAsync();
        });

        var page = await OpenAsync(seller, id);
        using var post = await SubmitAsync(seller, page, Save, new() { ["Price"] = "1" });

        Assert.Contains("不能修改", page.QuerySelector("#form-notice")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("武房2026112600001", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name=Price]"));
        Assert.Null(page.QuerySelector("button[value=save]"));
        Assert.Contains("1,280,000.00", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal("壹佰贰拾捌万元整", page.GetElementById("PriceInCapitals")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal($"/contracts/{id}/edit", post.Headers.Location?.OriginalString);
        Assert.Equal(1_280_000m, (await LoadContractAsync(id)).Terms.Price);
    }

    /// <summary>Every field of the page filled in as a careful seller would.</summary>
    private static Dictionary<string, string?> CompleteForm() => new()
    {
        ["SellerServiceAddress"] = "武汉市江汉区新华路100号3栋2单元501室",
        ["BuyerServiceAddress"] = "武汉市洪山区珞喻路20号8栋1203室",
        ["IsLet"] = "false",
        ["Price"] = "1280000",
        ["DecorationAmount"] = "80000",
        ["PaymentMethod"] = "CombinedLoan",
        ["FundsThroughEscrow"] = "true",
        ["Installments[0].DueOn"] = "2026-12-15",
        ["Installments[0].Amount"] = "380000",
        ["Installments[0].Description"] = "首付款",
        ["Installments[1].DueOn"] = "2027-01-15",
        ["Installments[1].Amount"] = "900000",
        ["Installments[1].Description"] = "组合贷款",
        ["LoanRefusal"] = "TerminateAndRefund",
        ["Deposit"] = "50000",
        ["DepositDueOn"] = "2026-12-01",
        ["DepositCountsTowardPrice"] = "false",
        ["DeliveryDate"] = "2027-02-01",
        ["UtilitiesTransferDays"] = "15",
        ["MaintenanceFund"] = "IncludedInPrice",
        ["TransferRegistrationWithinDays"] = "60",
        ["TaxBearer"] = "EachAsLawProvides",
        ["HukouMoveOutDays"] = "30",
        ["HukouDailyPenalty"] = "100",
        ["LatePaymentDailyRate"] = "5",
        ["LateDeliveryDailyRate"] = "5",
        ["TerminationAfterDays"] = "60",
        ["DisputeResolution"] = "Arbitration",
        ["ArbitrationCommission"] = "武汉仲裁委员会",
        ["Copies"] = "5",
    };

    /// <summary>
    /// seller-clean signs in (the login creates the person), then verifies home-clean through the domain, names
    /// buyer-1 as the buyer and starts a draft contract.
    /// </summary>
    private async Task<(HttpClient Seller, Guid ContractId)> SellerWithDraftAsync()
    {
        var seller = await SignedIn.CitizenAsync(_factory, DemoData.Citizen("seller-clean"));
        var id = await _factory.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync();
            await using var scope = _factory.Services.CreateAsyncScope();
            var query = await Scenario.SaveCompletedQueryAsync(db, scope.ServiceProvider.GetRequiredService<IPropertyRegistry>(), person);
            var listing = await Scenario.VerifyAsync(db, person, query, DemoData.Property("home-clean").CertificateNumber);
            var buyer = DemoData.Citizen("buyer-1");
            var now = _clock.GetUtcNow();
            var contract = listing.ConfirmBuyers(
                [new BuyerDetails(buyer.Name, IdNumber.Parse(buyer.IdType, buyer.IdNumber), PhoneNumber.Parse(buyer.Phone))], null, person.Id, now);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            return contract.Id;
        });
        return (seller, id);
    }

    private static Task<IHtmlDocument> OpenAsync(HttpClient client, Guid id) => Forms.GetDocumentAsync(client, $"/contracts/{id}/edit");

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, string intent, Dictionary<string, string?> values) =>
        Forms.SubmitAsync(client, page, "#contract-form", values, ("Intent", intent));

    private static string? Value(IHtmlDocument page, string name) =>
        (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value;

    private Task<Contract> LoadContractAsync(Guid id) =>
        _factory.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id));
}
