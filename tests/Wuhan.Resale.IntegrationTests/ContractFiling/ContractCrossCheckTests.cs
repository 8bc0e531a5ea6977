using AngleSharp.Html.Dom;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using static Wuhan.Resale.IntegrationTests.ContractFiling.DraftContract;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>
/// 检查合同是否完整 cross-checks one article against another and says so next to the field, in plain words: the schedule
/// and a 定金 that counts toward the price, the copies and their holders, the order of the dates, the arbitration name,
/// and the new clauses that apply only to some contracts.
/// </summary>
public sealed class ContractCrossCheckTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public ContractCrossCheckTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheCompleteForm_PassesEveryCrossCheck()
    {
        var page = await CheckAsync(CompleteForm());

        Assert.Empty(page.QuerySelectorAll(".field-error"));
        Assert.Contains("已填写完整", page.GetElementById("form-notice")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADepositCountedTowardThePrice_AndAScheduleOfTheWholePrice_IsCaughtAsCountedTwice()
    {
        var page = await CheckAsync(CompleteFormWith(("Installments[0].Amount", "380000")));

        var message = Forms.FieldError(page, "Installments");
        Assert.Contains("定金50,000.00元约定抵作房价款", message, StringComparison.Ordinal);
        Assert.Contains("算了两次", message, StringComparison.Ordinal);
        Assert.Contains("1,230,000.00元", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADepositCountedTowardThePrice_AndAScheduleThatMissesTheRest_NamesWhatTheScheduleShouldAddUpTo()
    {
        var page = await CheckAsync(CompleteFormWith(("Installments[0].Amount", "300000")));

        Assert.Equal(
            "第三条：付款计划各期合计1,200,000.00元，加上抵作房价款的定金50,000.00元，共1,250,000.00元，与成交价格1,280,000.00元不一致；付款计划合计应为1,230,000.00元。",
            Forms.FieldError(page, "Installments"));
    }

    [Fact]
    public async Task ADepositThatDoesNotCountTowardThePrice_LeavesTheWholePriceToTheSchedule()
    {
        var counted = await CheckAsync(CompleteFormWith(("DepositCountsTowardPrice", "false")));
        var whole = await CheckAsync(CompleteFormWith(("DepositCountsTowardPrice", "false"), ("Installments[0].Amount", "380000")));
        var unanswered = await CheckAsync(CompleteFormWith(("DepositCountsTowardPrice", "")));

        Assert.Contains("与成交价格1,280,000.00元不一致", Forms.FieldError(counted, "Installments"), StringComparison.Ordinal);
        Assert.Empty(whole.QuerySelectorAll(".field-error"));
        Assert.Equal("第四条：请选择定金是否抵作房价款。", Forms.FieldError(unanswered, "DepositCountsTowardPrice"));
    }

    [Fact]
    public async Task TheNumberOfCopies_MustMatchTheHoldersTheClauseNames()
    {
        var tooFew = await CheckAsync(CompleteFormWith(("Copies", "4")));
        var plain = await CheckAsync(CompleteFormWith(("Copies", "3"), ("FundsThroughEscrow", "false"), ("PaymentMethod", "Installments"), ("LoanRefusal", "")));
        var tooMany = await CheckAsync(CompleteFormWith(("Copies", "4"), ("FundsThroughEscrow", "false"), ("PaymentMethod", "Installments"), ("LoanRefusal", "")));

        Assert.Equal("第十条：本条写明由甲方、乙方、不动产登记机构、资金监管机构、贷款银行各执一份，共5份；现在填写的是4份，请改为5份。",
            Forms.FieldError(tooFew, "Copies"));
        Assert.Equal("甲方、乙方、不动产登记机构、资金监管机构、贷款银行", tooFew.GetElementById("CopyHolders")?.TextContent.Trim());
        Assert.Empty(plain.QuerySelectorAll(".field-error"));
        Assert.Equal("甲方、乙方、不动产登记机构", plain.GetElementById("CopyHolders")?.TextContent.Trim());
        Assert.Contains("共3份；现在填写的是4份", Forms.FieldError(tooMany, "Copies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADepositDueAfterTheFirstPayment_IsNamedAtTheDeposit()
    {
        var page = await CheckAsync(CompleteFormWith(("DepositDueOn", "2026-12-20")));

        Assert.Equal("第四条：定金支付日期（2026年12月20日）晚于第1期付款日期（2026年12月15日），请核对：定金应在第一期房价款之前或同日支付。",
            Forms.FieldError(page, "DepositDueOn"));
    }

    [Fact]
    public async Task APaymentDueAfterDelivery_IsNamedAtTheDeliveryDate()
    {
        var page = await CheckAsync(CompleteFormWith(("DeliveryDate", "2027-01-10")));

        Assert.Equal("第五条：交付日期（2027年1月10日）早于第2期付款日期（2027年1月15日）。本合同约定房价款在交付前付清，请推后交付日期或提前付款日期。",
            Forms.FieldError(page, "DeliveryDate"));
    }

    [Fact]
    public async Task InstallmentsOutOfOrder_AreNamedAtTheLaterRow()
    {
        var page = await CheckAsync(CompleteFormWith(("Installments[1].DueOn", "2026-12-10")));

        Assert.Contains("第2期的付款日期（2026年12月10日）早于第1期", Forms.FieldError(page, "Installments[1].DueOn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArbitrationName_WithTheCourtChosen_IsRefused_AndTheFieldStaysInSight()
    {
        var page = await CheckAsync(CompleteFormWith(("DisputeResolution", "Court")));

        Assert.Equal("第九条：已选择向人民法院起诉，不需要仲裁委员会名称。请清空这一栏，或把争议解决方式改为仲裁。",
            Forms.FieldError(page, "ArbitrationCommission"));
        Assert.False(page.GetElementById("ArbitrationCommission")!.Closest(".cf-cond-field")!.HasAttribute("hidden"));
        Assert.True(page.GetElementById("section-breach")!.HasAttribute("open"));

        var cleared = await CheckAsync(CompleteFormWith(("DisputeResolution", "Court"), ("ArbitrationCommission", "")));
        Assert.Empty(cleared.QuerySelectorAll(".field-error"));
    }

    [Fact]
    public async Task TheNewClauses_AreRequired_WhereTheyApply()
    {
        var page = await CheckAsync(CompleteFormWith(
            ("SellerServiceAddress", ""), ("LoanRefusal", ""), ("IsLet", "true"), ("UtilitiesTransferDays", ""), ("MaintenanceFund", ""),
            ("TransferRegistrationWithinDays", "0")));
        var notALoan = await CheckAsync(CompleteFormWith(("PaymentMethod", "Installments"), ("LoanRefusal", ""), ("Copies", "4")));

        Assert.Equal("当事人：请填写甲方的送达地址（接收合同通知和文书的地址）。", Forms.FieldError(page, "SellerServiceAddress"));
        Assert.Equal("第三条：以贷款付款的，请选择贷款未获批准或批准金额不足时如何处理。", Forms.FieldError(page, "LoanRefusal"));
        Assert.Equal("第一条：房屋已出租的，请填写租赁期限的届满日期。", Forms.FieldError(page, "LeaseEndsOn"));
        Assert.Equal("第一条：房屋已出租的，请选择租赁如何处理。", Forms.FieldError(page, "LeaseHandling"));
        Assert.StartsWith("第五条：请填写交付后多少日内", Forms.FieldError(page, "UtilitiesTransferDays"), StringComparison.Ordinal);
        Assert.Equal("第五条：请选择专项维修资金的处理方式。", Forms.FieldError(page, "MaintenanceFund"));
        Assert.Equal("第六条：申请转移登记的期限应在1至365日之间。", Forms.FieldError(page, "TransferRegistrationWithinDays"));
        Assert.Empty(notALoan.QuerySelectorAll(".field-error"));
    }

    private (HttpClient Seller, Guid Id)? _draft;

    /// <summary>Presses 检查合同是否完整 with these values on the one draft of the test (opened on first use).</summary>
    private async Task<IHtmlDocument> CheckAsync(Dictionary<string, string?> values)
    {
        _draft ??= await OpenAsync(_factory, _clock.GetUtcNow());
        var (seller, id) = _draft.Value;
        var page = await PageAsync(seller, id);
        using var response = await SubmitAsync(seller, page, values, ("Intent", Check));
        return await Forms.ParseAsync(response);
    }
}
