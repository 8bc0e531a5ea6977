using System.Globalization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Testing;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// Every rule of <see cref="ContractCompleteness"/>, article by article. Each case breaks one thing in the complete
/// sample (<see cref="ContractSamples"/>) and expects exactly the one problem that names it; each limit case sits on
/// the edge of a rule and expects none.
/// </summary>
public class ContractCompletenessTests
{
    private const string Max = "999,999,999,999.99";

    [Fact]
    public void FindProblems_FindsNothingToFix_InTheCompleteSample()
    {
        Assert.Empty(ContractCompleteness.FindProblems(ContractSamples.CompleteTerms(), ContractSamples.CompleteSchedule()));
    }

    [Fact]
    public void FindProblems_NamesTheArticleOfEveryProblem_OfEmptyTerms()
    {
        var problems = ContractCompleteness.FindProblems(ContractTerms.Empty, []);

        Assert.Contains(new ContractProblem(ContractField.Price, "第二条：请填写成交价格。"), problems);
        Assert.All(problems, p => Assert.Matches("^(当事人|第[一二三四五六七八九十]+条)：", p.Message));
        Assert.All(problems, p => Assert.Null(p.Installment));
        Assert.Equal(
            [
                ContractField.HasCoOwners, ContractField.SellerServiceAddress, ContractField.BuyerServiceAddress, ContractField.IsLet,
                ContractField.Price, ContractField.PaymentMethod, ContractField.FundsThroughEscrow,
                ContractField.DeliveryDate, ContractField.UtilitiesTransferDays, ContractField.MaintenanceFund,
                ContractField.TransferRegistrationWithinDays, ContractField.TaxBearer, ContractField.HukouMoveOutDays, ContractField.HukouDailyPenalty,
                ContractField.LatePaymentDailyRate, ContractField.LateDeliveryDailyRate, ContractField.TerminationAfterDays,
                ContractField.DisputeResolution, ContractField.Copies,
            ],
            problems.Select(p => p.Field));
    }

    [Theory]
    // 当事人
    [InlineData("no-co-owner-answer", ContractField.HasCoOwners, null, "当事人：请确认甲方是否有共有人。")]
    [InlineData("seller-agent-name-without-id", ContractField.SellerAgentIdNumber, null, "当事人：填写了甲方委托代理人姓名，请同时填写其证件号码。")]
    [InlineData("seller-agent-id-without-name", ContractField.SellerAgentName, null, "当事人：填写了甲方委托代理人证件号码，请同时填写其姓名。")]
    [InlineData("buyer-agent-name-without-id", ContractField.BuyerAgentIdNumber, null, "当事人：填写了乙方委托代理人姓名，请同时填写其证件号码。")]
    [InlineData("buyer-agent-id-without-name", ContractField.BuyerAgentName, null, "当事人：填写了乙方委托代理人证件号码，请同时填写其姓名。")]
    [InlineData("buyer-agent-id-with-blank-name", ContractField.BuyerAgentName, null, "当事人：填写了乙方委托代理人证件号码，请同时填写其姓名。")]
    [InlineData("agent-name-too-long", ContractField.SellerAgentName, null, "当事人：甲方委托代理人姓名不能超过50个字。")]
    [InlineData("agent-id-too-long", ContractField.BuyerAgentIdNumber, null, "当事人：乙方委托代理人证件号码不能超过64个字。")]
    // 第一条、第二条
    [InlineData("facilities-too-long", ContractField.AttachedFacilities, null, "第一条：附属设施说明不能超过2000个字。")]
    [InlineData("no-price", ContractField.Price, null, "第二条：请填写成交价格。")]
    [InlineData("zero-price", ContractField.Price, null, "第二条：成交价格必须大于零。")]
    [InlineData("negative-price", ContractField.Price, null, "第二条：成交价格必须大于零。")]
    [InlineData("price-with-three-decimals", ContractField.Price, null, "第二条：成交价格最多保留两位小数（到分）。")]
    [InlineData("price-above-max", ContractField.Price, null, "第二条：成交价格不能超过" + Max + "元。")]
    [InlineData("negative-decoration", ContractField.DecorationAmount, null, "第二条：装修及附属设施作价不能为负数。")]
    [InlineData("decoration-with-three-decimals", ContractField.DecorationAmount, null, "第二条：装修及附属设施作价最多保留两位小数（到分）。")]
    [InlineData("decoration-above-price", ContractField.DecorationAmount, null, "第二条：装修及附属设施作价包含在成交价格内，不能超过成交价格。")]
    // 第三条
    [InlineData("no-payment-method", ContractField.PaymentMethod, null, "第三条：请选择付款方式。")]
    [InlineData("no-escrow-answer", ContractField.FundsThroughEscrow, null, "第三条：请选择房价款是否存入资金监管账户。")]
    [InlineData("installment-without-date", ContractField.InstallmentDueOn, 1, "第三条：请填写第2期的付款日期。")]
    [InlineData("zero-installment", ContractField.InstallmentAmount, 1, "第三条：第2期的金额必须大于零。")]
    [InlineData("negative-installment", ContractField.InstallmentAmount, 1, "第三条：第2期的金额必须大于零。")]
    [InlineData("installment-description-too-long", ContractField.InstallmentDescription, 0, "第三条：第1期的说明不能超过200个字。")]
    [InlineData("schedule-one-fen-short", ContractField.Installments, null, "第三条：付款计划各期金额合计1,279,999.99元，与成交价格1,280,000.00元不一致，请调整到两者相等。")]
    [InlineData("schedule-one-fen-over", ContractField.Installments, null, "第三条：付款计划各期金额合计1,280,000.01元，与成交价格1,280,000.00元不一致，请调整到两者相等。")]
    // 第四条
    [InlineData("negative-deposit", ContractField.Deposit, null, "第四条：定金不能为负数。")]
    [InlineData("deposit-with-three-decimals", ContractField.Deposit, null, "第四条：定金最多保留两位小数（到分）。")]
    [InlineData("deposit-one-fen-above-twenty-percent", ContractField.Deposit, null, "第四条：定金不能超过成交价格的20%，本合同的定金最多为256,000.00元。")]
    [InlineData("deposit-without-date", ContractField.DepositDueOn, null, "第四条：请填写定金的支付日期。")]
    // 第五条至第七条
    [InlineData("no-delivery-date", ContractField.DeliveryDate, null, "第五条：请填写房屋交付日期。")]
    [InlineData("delivery-conditions-too-long", ContractField.DeliveryConditions, null, "第五条：交付条件不能超过2000个字。")]
    [InlineData("no-tax-bearer", ContractField.TaxBearer, null, "第六条：请选择税费由谁承担。")]
    [InlineData("no-hukou-days", ContractField.HukouMoveOutDays, null, "第七条：请填写甲方迁出户口的期限（天数）。")]
    [InlineData("negative-hukou-days", ContractField.HukouMoveOutDays, null, "第七条：户口迁出期限应在0至365天之间。")]
    [InlineData("hukou-days-over-a-year", ContractField.HukouMoveOutDays, null, "第七条：户口迁出期限应在0至365天之间。")]
    [InlineData("no-hukou-penalty", ContractField.HukouDailyPenalty, null, "第七条：请填写逾期迁出户口的每日违约金（不约定违约金请填0）。")]
    [InlineData("negative-hukou-penalty", ContractField.HukouDailyPenalty, null, "第七条：逾期迁出户口的每日违约金不能为负数。")]
    [InlineData("hukou-penalty-with-three-decimals", ContractField.HukouDailyPenalty, null, "第七条：每日违约金最多保留两位小数（到分）。")]
    // 第八条
    [InlineData("no-late-payment-rate", ContractField.LatePaymentDailyRate, null, "第八条：请填写乙方逾期付款的每日违约金比例（万分之几）。")]
    [InlineData("zero-late-payment-rate", ContractField.LatePaymentDailyRate, null, "第八条：乙方逾期付款的每日违约金比例应大于0，且不超过万分之10。")]
    [InlineData("late-payment-rate-above-ten", ContractField.LatePaymentDailyRate, null, "第八条：乙方逾期付款的每日违约金比例应大于0，且不超过万分之10。")]
    [InlineData("no-late-delivery-rate", ContractField.LateDeliveryDailyRate, null, "第八条：请填写甲方逾期交付房屋的每日违约金比例（万分之几）。")]
    [InlineData("negative-late-delivery-rate", ContractField.LateDeliveryDailyRate, null, "第八条：甲方逾期交付房屋的每日违约金比例应大于0，且不超过万分之10。")]
    [InlineData("late-delivery-rate-above-ten", ContractField.LateDeliveryDailyRate, null, "第八条：甲方逾期交付房屋的每日违约金比例应大于0，且不超过万分之10。")]
    [InlineData("no-termination-days", ContractField.TerminationAfterDays, null, "第八条：请填写逾期超过多少天守约方可以解除合同。")]
    [InlineData("zero-termination-days", ContractField.TerminationAfterDays, null, "第八条：解除合同的逾期天数应在1至365天之间。")]
    [InlineData("termination-days-over-a-year", ContractField.TerminationAfterDays, null, "第八条：解除合同的逾期天数应在1至365天之间。")]
    // 第九条至第十一条
    [InlineData("no-dispute-resolution", ContractField.DisputeResolution, null, "第九条：请选择争议解决方式。")]
    [InlineData("arbitration-without-commission", ContractField.ArbitrationCommission, null, "第九条：选择仲裁时，请填写仲裁委员会的名称，例如“武汉仲裁委员会”。")]
    [InlineData("arbitration-with-blank-commission", ContractField.ArbitrationCommission, null, "第九条：选择仲裁时，请填写仲裁委员会的名称，例如“武汉仲裁委员会”。")]
    [InlineData("commission-too-long", ContractField.ArbitrationCommission, null, "第九条：仲裁委员会名称不能超过100个字。")]
    [InlineData("no-copies", ContractField.Copies, null, "第十条：请填写合同一式几份。")]
    [InlineData("one-copy", ContractField.Copies, null, "第十条：合同份数应在2至10份之间。")]
    [InlineData("eleven-copies", ContractField.Copies, null, "第十条：合同份数应在2至10份之间。")]
    [InlineData("other-terms-too-long", ContractField.OtherTerms, null, "第十一条：其他约定不能超过2000个字。")]
    public void FindProblems_RefusesEachBrokenRule_OnItsField(string rule, ContractField field, int? installment, string message)
    {
        var (terms, schedule) = Broken(rule);

        var problems = ContractCompleteness.FindProblems(terms, schedule);

        Assert.Equal([new ContractProblem(field, message, installment)], problems);
    }

    [Theory]
    [InlineData("deposit-exactly-twenty-percent")]
    [InlineData("zero-deposit-without-date")]
    [InlineData("no-deposit")]
    [InlineData("decoration-equal-to-price")]
    [InlineData("no-decoration")]
    [InlineData("lump-sum-without-schedule")]
    [InlineData("agent-with-name-and-id")]
    [InlineData("texts-at-their-longest")]
    [InlineData("hukou-days-zero")]
    [InlineData("hukou-days-a-year")]
    [InlineData("zero-hukou-penalty")]
    [InlineData("rates-at-ten")]
    [InlineData("rates-just-above-zero")]
    [InlineData("termination-after-one-day")]
    [InlineData("termination-after-a-year")]
    [InlineData("three-copies-for-three-holders")]
    [InlineData("five-copies-for-five-holders")]
    [InlineData("arbitration-with-commission")]
    [InlineData("price-at-max")]
    public void FindProblems_AcceptsAValueOnTheEdgeOfARule(string edge)
    {
        var (terms, schedule) = Edge(edge);

        Assert.Empty(ContractCompleteness.FindProblems(terms, schedule));
    }

    [Theory]
    [InlineData(PaymentMethod.Installments, "分期付款")]
    [InlineData(PaymentMethod.CommercialLoan, "商业贷款")]
    [InlineData(PaymentMethod.HousingFundLoan, "公积金贷款")]
    [InlineData(PaymentMethod.CombinedLoan, "组合贷款")]
    public void FindProblems_AsksForASchedule_WhenThePaymentMethodNeedsOne(PaymentMethod method, string name)
    {
        var terms = ContractSamples.CompleteTerms() with { PaymentMethod = method, LoanRefusal = LoanRefusalRemedy.BuyerPaysOtherwise, Copies = method.IsLoan() ? 5 : 4 };

        var problems = ContractCompleteness.FindProblems(terms, []);

        Assert.Equal([new ContractProblem(ContractField.Installments, $"第三条：付款方式为“{name}”时，请填写付款计划（每一期的日期和金额）。")], problems);
    }

    [Fact]
    public void FindProblems_NamesEveryInstallmentWithTooManyDecimals()
    {
        var problems = ContractCompleteness.FindProblems(
            ContractSamples.CompleteTerms(), [Installment(1, 380_000.005m), Installment(2, 899_999.995m)]);

        Assert.Equal(
            [
                new ContractProblem(ContractField.InstallmentAmount, "第三条：第1期的金额最多保留两位小数（到分）。", 0),
                new ContractProblem(ContractField.InstallmentAmount, "第三条：第2期的金额最多保留两位小数（到分）。", 1),
            ],
            problems);
    }

    [Fact]
    public void FindProblems_RefusesAnInstallmentAboveTheLargestAmount()
    {
        var problems = ContractCompleteness.FindProblems(ContractSamples.CompleteTerms(), [Installment(1, 1_000_000_000_000m)]);

        Assert.Contains(new ContractProblem(ContractField.InstallmentAmount, "第三条：第1期的金额不能超过" + Max + "元。", 0), problems);
    }

    [Fact]
    public void FindProblems_ReportsEveryProblemOfOneInstallment()
    {
        var problems = ContractCompleteness.FindProblems(
            ContractSamples.CompleteTerms(), [Installment(1, 380_000m), new PaymentInstallment(2, default, 0m, new string('说', 201))]);

        Assert.Equal(
            [ContractField.InstallmentDueOn, ContractField.InstallmentAmount, ContractField.InstallmentDescription, ContractField.Installments],
            problems.Select(p => p.Field));
        Assert.Equal([1, 1, 1, null], problems.Select(p => p.Installment));
    }

    /// <summary>
    /// The deposit rule at prices whose fifth is not a whole fen: the largest deposit accepted is the one the message
    /// names, and one fen more is refused.
    /// </summary>
    [Theory]
    [InlineData("1000000", "200000.00", "200,000.00")]
    [InlineData("1280000", "256000.00", "256,000.00")]
    [InlineData("1000000.03", "200000.00", "200,000.00")]
    [InlineData("999.99", "199.99", "199.99")]
    [InlineData("0.04", "0.00", "0.00")]
    public void FindProblems_AcceptsTheLargestDeposit_AndRefusesOneFenMore(string price, string largest, string named)
    {
        var terms = ContractSamples.CompleteTerms() with
        {
            Price = Yuan(price), PaymentMethod = PaymentMethod.LumpSum, DecorationAndFacilitiesAmount = null,
        };

        Assert.Equal(Yuan(largest), ContractCompleteness.MaxDeposit(Yuan(price)));
        Assert.Empty(ContractCompleteness.FindProblems(terms with { Deposit = Yuan(largest) }, []));
        Assert.Equal(
            [new ContractProblem(ContractField.Deposit, $"第四条：定金不能超过成交价格的20%，本合同的定金最多为{named}元。")],
            ContractCompleteness.FindProblems(terms with { Deposit = Yuan(largest) + 0.01m }, []));
    }

    [Fact]
    public void FindProblems_DoesNotCompareWithThePrice_WhenThePriceIsUnusable()
    {
        var terms = ContractSamples.CompleteTerms() with { Price = null, Deposit = 900_000m, DecorationAndFacilitiesAmount = 2_000_000m };

        var problems = ContractCompleteness.FindProblems(terms, [Installment(1, 1m)]);

        Assert.Equal([ContractField.Price], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("1280000", "1,280,000.00")]
    [InlineData("1234567.5", "1,234,567.50")]
    public void Yuan_WritesAmountsWithThousandsSeparatorsAndFen(string amount, string expected)
    {
        Assert.Equal(expected, ContractCompleteness.Yuan(Yuan(amount)));
    }

    [Theory]
    [InlineData(PaymentMethod.LumpSum, "一次性付款")]
    [InlineData(PaymentMethod.Installments, "分期付款")]
    [InlineData(PaymentMethod.CommercialLoan, "商业贷款")]
    [InlineData(PaymentMethod.HousingFundLoan, "公积金贷款")]
    [InlineData(PaymentMethod.CombinedLoan, "组合贷款")]
    public void PaymentMethod_HasTheModelContractsName(PaymentMethod method, string name)
    {
        Assert.Equal(name, method.DisplayName());
    }

    [Theory]
    [InlineData(TaxBearer.EachAsLawProvides, "按国家有关规定由甲、乙双方各自承担")]
    [InlineData(TaxBearer.Buyer, "全部由乙方（买方）承担")]
    [InlineData(TaxBearer.Seller, "全部由甲方（卖方）承担")]
    public void TaxBearer_HasTheModelContractsWords(TaxBearer bearer, string words)
    {
        Assert.Equal(words, bearer.DisplayName());
    }

    [Theory]
    [InlineData(DisputeResolution.Arbitration, "提交仲裁委员会仲裁")]
    [InlineData(DisputeResolution.Court, "依法向房屋所在地人民法院起诉")]
    public void DisputeResolution_HasTheModelContractsWords(DisputeResolution resolution, string words)
    {
        Assert.Equal(words, resolution.DisplayName());
    }

    private static (ContractTerms Terms, IReadOnlyList<PaymentInstallment> Schedule) Broken(string rule)
    {
        var t = ContractSamples.CompleteTerms();
        IReadOnlyList<PaymentInstallment> s = ContractSamples.CompleteSchedule();
        return rule switch
        {
            "no-co-owner-answer" => (t with { HasCoOwners = null }, s),
            "seller-agent-name-without-id" => (t with { SellerAgentName = "赵代理" }, s),
            "seller-agent-id-without-name" => (t with { SellerAgentIdNumber = "420102199001011234" }, s),
            "buyer-agent-name-without-id" => (t with { BuyerAgentName = "钱代理", BuyerAgentIdNumber = " " }, s),
            "buyer-agent-id-without-name" => (t with { BuyerAgentIdNumber = "420102199001011234" }, s),
            "buyer-agent-id-with-blank-name" => (t with { BuyerAgentName = "  ", BuyerAgentIdNumber = "E12345678" }, s),
            "agent-name-too-long" => (t with { SellerAgentName = new string('代', 51), SellerAgentIdNumber = "E12345678" }, s),
            "agent-id-too-long" => (t with { BuyerAgentName = "钱代理", BuyerAgentIdNumber = new string('9', 65) }, s),
            "facilities-too-long" => (t with { AttachedFacilities = TooLong(ContractTerms.MaxFreeTextLength) }, s),
            "no-price" => (t with { Price = null }, s),
            "zero-price" => (t with { Price = 0m }, s),
            "negative-price" => (t with { Price = -1_280_000m }, s),
            "price-with-three-decimals" => (t with { Price = 1_280_000.001m }, s),
            "price-above-max" => (t with { Price = 1_000_000_000_000m }, s),
            "negative-decoration" => (t with { DecorationAndFacilitiesAmount = -1m }, s),
            "decoration-with-three-decimals" => (t with { DecorationAndFacilitiesAmount = 80_000.001m }, s),
            "decoration-above-price" => (t with { DecorationAndFacilitiesAmount = 1_280_000.01m }, s),
            "no-payment-method" => (t with { PaymentMethod = null }, s),
            "no-escrow-answer" => (t with { FundsThroughEscrow = null }, s),
            "installment-without-date" => (t, [Installment(1, 380_000m), new PaymentInstallment(2, default, 900_000m, "银行贷款")]),
            "zero-installment" => (t, [Installment(1, 1_280_000m), Installment(2, 0m)]),
            "negative-installment" => (t, [Installment(1, 1_280_001m), Installment(2, -1m)]),
            "installment-description-too-long" => (t, [new PaymentInstallment(1, new DateOnly(2026, 12, 15), 1_280_000m, TooLong(PaymentInstallment.MaxDescriptionLength))]),
            "schedule-one-fen-short" => (t, [Installment(1, 380_000m), Installment(2, 899_999.99m)]),
            "schedule-one-fen-over" => (t, [Installment(1, 380_000m), Installment(2, 900_000.01m)]),
            "negative-deposit" => (t with { Deposit = -1m }, s),
            "deposit-with-three-decimals" => (t with { Deposit = 100_000.001m }, s),
            "deposit-one-fen-above-twenty-percent" => (t with { Deposit = 256_000.01m }, s),
            "deposit-without-date" => (t with { DepositDueOn = null }, s),
            "no-delivery-date" => (t with { DeliveryDate = null }, s),
            "delivery-conditions-too-long" => (t with { DeliveryConditions = TooLong(ContractTerms.MaxFreeTextLength) }, s),
            "no-tax-bearer" => (t with { TaxBearer = null }, s),
            "no-hukou-days" => (t with { HukouMoveOutDays = null }, s),
            "negative-hukou-days" => (t with { HukouMoveOutDays = -1 }, s),
            "hukou-days-over-a-year" => (t with { HukouMoveOutDays = 366 }, s),
            "no-hukou-penalty" => (t with { HukouDailyPenalty = null }, s),
            "negative-hukou-penalty" => (t with { HukouDailyPenalty = -0.01m }, s),
            "hukou-penalty-with-three-decimals" => (t with { HukouDailyPenalty = 100.001m }, s),
            "no-late-payment-rate" => (t with { LatePaymentDailyRate = null }, s),
            "zero-late-payment-rate" => (t with { LatePaymentDailyRate = 0m }, s),
            "late-payment-rate-above-ten" => (t with { LatePaymentDailyRate = 10.01m }, s),
            "no-late-delivery-rate" => (t with { LateDeliveryDailyRate = null }, s),
            "negative-late-delivery-rate" => (t with { LateDeliveryDailyRate = -5m }, s),
            "late-delivery-rate-above-ten" => (t with { LateDeliveryDailyRate = 10.5m }, s),
            "no-termination-days" => (t with { TerminationAfterDays = null }, s),
            "zero-termination-days" => (t with { TerminationAfterDays = 0 }, s),
            "termination-days-over-a-year" => (t with { TerminationAfterDays = 366 }, s),
            "no-dispute-resolution" => (t with { DisputeResolution = null }, s),
            "arbitration-without-commission" => (t with { DisputeResolution = DisputeResolution.Arbitration }, s),
            "arbitration-with-blank-commission" => (t with { DisputeResolution = DisputeResolution.Arbitration, ArbitrationCommission = "　" }, s),
            "commission-too-long" => (t with { DisputeResolution = DisputeResolution.Arbitration, ArbitrationCommission = TooLong(ContractCompleteness.MaxCommissionLength) }, s),
            "no-copies" => (t with { Copies = null }, s),
            "one-copy" => (t with { Copies = 1 }, s),
            "eleven-copies" => (t with { Copies = 11 }, s),
            "other-terms-too-long" => (t with { OtherTerms = TooLong(ContractTerms.MaxFreeTextLength) }, s),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No such broken rule."),
        };
    }

    private static (ContractTerms Terms, IReadOnlyList<PaymentInstallment> Schedule) Edge(string edge)
    {
        var t = ContractSamples.CompleteTerms();
        IReadOnlyList<PaymentInstallment> s = ContractSamples.CompleteSchedule();
        var longest = new string('约', ContractTerms.MaxFreeTextLength);
        return edge switch
        {
            "deposit-exactly-twenty-percent" => (t with { Deposit = 256_000m }, s),
            "zero-deposit-without-date" => (t with { Deposit = 0m, DepositDueOn = null }, s),
            "no-deposit" => (t with { Deposit = null, DepositDueOn = null }, s),
            "decoration-equal-to-price" => (t with { DecorationAndFacilitiesAmount = ContractSamples.Price }, s),
            "no-decoration" => (t with { DecorationAndFacilitiesAmount = null }, s),
            "lump-sum-without-schedule" => (t with { PaymentMethod = PaymentMethod.LumpSum }, []),
            "agent-with-name-and-id" => (t with { SellerAgentName = new string('代', 50), SellerAgentIdNumber = new string('9', 64) }, s),
            "texts-at-their-longest" => (t with { AttachedFacilities = longest, DeliveryConditions = longest, OtherTerms = longest },
                [Installment(1, 380_000m), new PaymentInstallment(2, new DateOnly(2027, 1, 15), 900_000m, new string('说', PaymentInstallment.MaxDescriptionLength))]),
            "hukou-days-zero" => (t with { HukouMoveOutDays = 0 }, s),
            "hukou-days-a-year" => (t with { HukouMoveOutDays = 365 }, s),
            "zero-hukou-penalty" => (t with { HukouDailyPenalty = 0m }, s),
            "rates-at-ten" => (t with { LatePaymentDailyRate = 10m, LateDeliveryDailyRate = 10m }, s),
            "rates-just-above-zero" => (t with { LatePaymentDailyRate = 0.01m, LateDeliveryDailyRate = 0.5m }, s),
            "termination-after-one-day" => (t with { TerminationAfterDays = 1 }, s),
            "termination-after-a-year" => (t with { TerminationAfterDays = 365 }, s),
            "three-copies-for-three-holders" => (t with { Copies = 3, FundsThroughEscrow = false }, s),
            "five-copies-for-five-holders" => (t with { Copies = 5, PaymentMethod = PaymentMethod.CombinedLoan, LoanRefusal = LoanRefusalRemedy.TerminateAndRefund }, s),
            "arbitration-with-commission" => (t with { DisputeResolution = DisputeResolution.Arbitration, ArbitrationCommission = new string('仲', ContractCompleteness.MaxCommissionLength) }, s),
            "price-at-max" => (t with { Price = 999_999_999_999.99m, PaymentMethod = PaymentMethod.LumpSum }, []),
            _ => throw new ArgumentOutOfRangeException(nameof(edge), edge, "No such edge."),
        };
    }

    /// <summary>An installment of the sample schedule's dates: the 15th of each month from December 2026.</summary>
    private static PaymentInstallment Installment(int order, decimal amount) =>
        new(order, new DateOnly(2026, 12, 15).AddMonths(order - 1), amount, $"第{order}期");

    private static string TooLong(int maxLength) => new('字', maxLength + 1);

    private static decimal Yuan(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);
}
