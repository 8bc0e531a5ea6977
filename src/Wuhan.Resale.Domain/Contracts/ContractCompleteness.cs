using System.Globalization;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Domain.Contracts;

/// <summary>
/// Whether the terms of a contract are complete enough to file (申报网签): every rule of the model contract, article by
/// article. A draft may break any of them; <see cref="Contract.File"/> refuses while one is broken.
/// </summary>
public static partial class ContractCompleteness
{
    public const int MaxCopies = 10;

    public const int MinCopies = 2;

    public const int MaxDays = 365;

    public const int MaxAgentIdLength = 64;

    public const int MaxCommissionLength = 100;

    public const int MaxAddressLength = 200;

    /// <summary>The highest floor number a supplied 所在层次 or 地上总层数 may have.</summary>
    public const int MaxFloors = 200;

    /// <summary>No 不动产权证 or 房屋所有权证 of a resale home predates this.</summary>
    public static readonly DateOnly EarliestCertificate = new(1949, 10, 1);

    /// <summary>定金 may not exceed this share of the price.</summary>
    public const decimal MaxDepositShare = 0.20m;

    /// <summary>Daily breach rates are in 万分之 of the amount; above 万分之十 a court would likely cut them down anyway.</summary>
    public const decimal MaxDailyRate = 10m;

    private static readonly PaymentMethod[] MethodsNeedingSchedule =
        [PaymentMethod.Installments, PaymentMethod.CommercialLoan, PaymentMethod.HousingFundLoan, PaymentMethod.CombinedLoan];

    /// <summary>Every rule of the model contract, without the registry's record of the home (no 卖方填报 rules).</summary>
    public static IReadOnlyList<ContractProblem> FindProblems(ContractTerms terms, IReadOnlyList<PaymentInstallment> schedule) =>
        FindProblems(terms, schedule, null);

    /// <param name="terms">The terms as saved or typed.</param>
    /// <param name="schedule">The payment schedule in order.</param>
    /// <param name="home">
    /// The registry's record of the home: a 第一条 fact it lacks must be supplied by the seller, one it has must not be.
    /// Null when the caller has no home (the supplied facts are then only checked for shape).
    /// </param>
    public static IReadOnlyList<ContractProblem> FindProblems(ContractTerms terms, IReadOnlyList<PaymentInstallment> schedule, PropertyRecord? home)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(schedule);
        var problems = new Problems();
        if (terms.HasCoOwners is null)
        {
            problems.Add(ContractField.HasCoOwners, "当事人：请确认甲方是否有共有人。");
        }

        Agent(problems, "甲方", terms.SellerAgentName, ContractField.SellerAgentName, terms.SellerAgentIdNumber, ContractField.SellerAgentIdNumber);
        Agent(problems, "乙方", terms.BuyerAgentName, ContractField.BuyerAgentName, terms.BuyerAgentIdNumber, ContractField.BuyerAgentIdNumber);
        ServiceAddress(problems, terms.SellerServiceAddress, ContractField.SellerServiceAddress, "甲方");
        ServiceAddress(problems, terms.BuyerServiceAddress, ContractField.BuyerServiceAddress, "乙方");
        SuppliedFacts.Check(problems, terms.Supplied, home);
        Lease(problems, terms);
        problems.Length(terms.AttachedFacilities, ContractField.AttachedFacilities, "第一条：附属设施说明", ContractTerms.MaxFreeTextLength);
        var price = Price(problems, terms);
        Decoration(problems, terms, price);
        Payment(problems, terms, schedule, price);
        Deposit(problems, terms, price);
        DatesInOrder(problems, terms, schedule);

        // 第五条、第六条
        problems.Required(terms.DeliveryDate, ContractField.DeliveryDate, "第五条：请填写房屋交付日期。");
        problems.Length(terms.DeliveryConditions, ContractField.DeliveryConditions, "第五条：交付条件", ContractTerms.MaxFreeTextLength);
        problems.Days(terms.UtilitiesTransferDays, ContractField.UtilitiesTransferDays, 0,
            "第五条：请填写交付后多少日内办理物业、水、电、燃气等户名变更。", $"第五条：物业、水电气交割的期限应在0至{MaxDays}日之间。");
        problems.Required(terms.MaintenanceFund, ContractField.MaintenanceFund, "第五条：请选择专项维修资金的处理方式。");
        problems.Days(terms.TransferRegistrationWithinDays, ContractField.TransferRegistrationWithinDays, 1,
            "第六条：请填写网签后多少日内共同申请办理转移登记。", $"第六条：申请转移登记的期限应在1至{MaxDays}日之间。");
        problems.Required(terms.TaxBearer, ContractField.TaxBearer, "第六条：请选择税费由谁承担。");

        // 第七条
        problems.Days(terms.HukouMoveOutDays, ContractField.HukouMoveOutDays, 0,
            "第七条：请填写甲方迁出户口的期限（天数）。", $"第七条：户口迁出期限应在0至{MaxDays}天之间。");
        if (terms.HukouDailyPenalty is not { } penalty)
        {
            problems.Add(ContractField.HukouDailyPenalty, "第七条：请填写逾期迁出户口的每日违约金（不约定违约金请填0）。");
        }
        else
        {
            problems.Amount(penalty, ContractField.HukouDailyPenalty, "第七条：逾期迁出户口的每日违约金", "第七条：每日违约金");
        }

        // 第八条
        problems.Rate(terms.LatePaymentDailyRate, ContractField.LatePaymentDailyRate, "乙方逾期付款");
        problems.Rate(terms.LateDeliveryDailyRate, ContractField.LateDeliveryDailyRate, "甲方逾期交付房屋");
        problems.Days(terms.TerminationAfterDays, ContractField.TerminationAfterDays, 1,
            "第八条：请填写逾期超过多少天守约方可以解除合同。", $"第八条：解除合同的逾期天数应在1至{MaxDays}天之间。");

        // 第九条
        if (terms.DisputeResolution is null)
        {
            problems.Add(ContractField.DisputeResolution, "第九条：请选择争议解决方式。");
        }
        else if (terms.DisputeResolution == DisputeResolution.Arbitration && string.IsNullOrWhiteSpace(terms.ArbitrationCommission))
        {
            problems.Add(ContractField.ArbitrationCommission, "第九条：选择仲裁时，请填写仲裁委员会的名称，例如“武汉仲裁委员会”。");
        }
        else if (terms.DisputeResolution == DisputeResolution.Court && !string.IsNullOrWhiteSpace(terms.ArbitrationCommission))
        {
            problems.Add(ContractField.ArbitrationCommission,
                "第九条：已选择向人民法院起诉，不需要仲裁委员会名称。请清空这一栏，或把争议解决方式改为仲裁。");
        }

        problems.Length(terms.ArbitrationCommission, ContractField.ArbitrationCommission, "第九条：仲裁委员会名称", MaxCommissionLength);

        // 第十条、第十一条
        if (terms.Copies is not { } copies)
        {
            problems.Add(ContractField.Copies, "第十条：请填写合同一式几份。");
        }
        else if (copies is < MinCopies or > MaxCopies)
        {
            problems.Add(ContractField.Copies, $"第十条：合同份数应在{MinCopies}至{MaxCopies}份之间。");
        }
        else if (terms.FundsThroughEscrow is not null && terms.PaymentMethod is not null // the holders are known
                 && terms.CopyHolders() is var holders && holders.Count != copies)
        {
            problems.Add(ContractField.Copies,
                $"第十条：本条写明由{string.Join("、", holders)}各执一份，共{holders.Count}份；现在填写的是{copies}份，请改为{holders.Count}份。");
        }

        problems.Length(terms.OtherTerms, ContractField.OtherTerms, "第十一条：其他约定", ContractTerms.MaxFreeTextLength);
        return problems.List;
    }

    /// <summary>The most 定金 a contract at <paramref name="price"/> may agree, rounded down to the fen.</summary>
    public static decimal MaxDeposit(decimal price) => decimal.Round(price * MaxDepositShare, 2, MidpointRounding.ToZero);

    /// <summary>An amount with thousands separators, as the messages name it: 1,280,000.00.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>第二条: the price when it is usable for the rules that depend on it, else null.</summary>
    private static decimal? Price(Problems problems, ContractTerms terms)
    {
        if (terms.Price is not { } price)
        {
            problems.Add(ContractField.Price, "第二条：请填写成交价格。");
            return null;
        }

        if (price <= 0)
        {
            problems.Add(ContractField.Price, "第二条：成交价格必须大于零。");
            return null;
        }

        return problems.Amount(price, ContractField.Price, null, "第二条：成交价格") ? price : null;
    }

    /// <summary>第二条: 装修及附属设施作价 is part of the price, so never more than it.</summary>
    private static void Decoration(Problems problems, ContractTerms terms, decimal? price)
    {
        if (terms.DecorationAndFacilitiesAmount is { } decoration
            && problems.Amount(decoration, ContractField.DecorationAmount, "第二条：装修及附属设施作价", "第二条：装修及附属设施作价")
            && price is { } p && decoration > p)
        {
            problems.Add(ContractField.DecorationAmount, "第二条：装修及附属设施作价包含在成交价格内，不能超过成交价格。");
        }
    }

    /// <summary>第三条: the method, escrow and the schedule, whose installments must add up to the price.</summary>
    private static void Payment(Problems problems, ContractTerms terms, IReadOnlyList<PaymentInstallment> schedule, decimal? price)
    {
        if (terms.PaymentMethod is not { } method)
        {
            problems.Add(ContractField.PaymentMethod, "第三条：请选择付款方式。");
        }
        else if (schedule.Count == 0 && MethodsNeedingSchedule.Contains(method))
        {
            problems.Add(ContractField.Installments, $"第三条：付款方式为“{method.DisplayName()}”时，请填写付款计划（每一期的日期和金额）。");
        }

        problems.Required(terms.FundsThroughEscrow, ContractField.FundsThroughEscrow, "第三条：请选择房价款是否存入资金监管账户。");
        if (terms.PaymentMethod is { } loan && loan.IsLoan() && terms.LoanRefusal is null)
        {
            problems.Add(ContractField.LoanRefusal, "第三条：以贷款付款的，请选择贷款未获批准或批准金额不足时如何处理。");
        }

        for (var i = 0; i < schedule.Count; i++)
        {
            var installment = schedule[i];
            if (installment.DueOn == default)
            {
                problems.Add(ContractField.InstallmentDueOn, $"第三条：请填写第{i + 1}期的付款日期。", i);
            }

            if (installment.Amount <= 0)
            {
                problems.Add(ContractField.InstallmentAmount, $"第三条：第{i + 1}期的金额必须大于零。", i);
            }
            else if (Shape(installment.Amount, $"第三条：第{i + 1}期的金额") is { } shape)
            {
                problems.Add(ContractField.InstallmentAmount, shape, i);
            }

            if (installment.Description.Length > PaymentInstallment.MaxDescriptionLength)
            {
                problems.Add(ContractField.InstallmentDescription,
                    $"第三条：第{i + 1}期的说明不能超过{PaymentInstallment.MaxDescriptionLength}个字。", i);
            }
        }

        if (schedule.Count == 0 || price is not { } total)
        {
            return;
        }

        var sum = schedule.Sum(s => s.Amount);
        var deposit = terms.DepositCountsTowardPrice == true && terms.Deposit is { } d && d > 0 ? d : 0m;
        if (deposit == 0m && sum != total)
        {
            problems.Add(ContractField.Installments,
                $"第三条：付款计划各期金额合计{Yuan(sum)}元，与成交价格{Yuan(total)}元不一致，请调整到两者相等。");
        }
        else if (deposit > 0m && sum == total)
        {
            problems.Add(ContractField.Installments,
                $"第三条：定金{Yuan(deposit)}元约定抵作房价款，但付款计划已按全部成交价格{Yuan(total)}元安排，定金被算了两次。"
                + $"请把付款计划合计调整为{Yuan(total - deposit)}元（成交价格减去定金），或在第四条选择定金不抵作房价款。");
        }
        else if (deposit > 0m && sum + deposit != total)
        {
            problems.Add(ContractField.Installments,
                $"第三条：付款计划各期合计{Yuan(sum)}元，加上抵作房价款的定金{Yuan(deposit)}元，共{Yuan(sum + deposit)}元，"
                + $"与成交价格{Yuan(total)}元不一致；付款计划合计应为{Yuan(total - deposit)}元。");
        }
    }

    /// <summary>第四条: at most 20 % of the price, with a date when there is one.</summary>
    private static void Deposit(Problems problems, ContractTerms terms, decimal? price)
    {
        if (terms.Deposit is not { } deposit || !problems.Amount(deposit, ContractField.Deposit, "第四条：定金", "第四条：定金"))
        {
            return;
        }

        if (price is { } p && deposit > p * MaxDepositShare)
        {
            problems.Add(ContractField.Deposit, $"第四条：定金不能超过成交价格的20%，本合同的定金最多为{Yuan(MaxDeposit(p))}元。");
        }
        else if (deposit > 0 && terms.DepositDueOn is null)
        {
            problems.Add(ContractField.DepositDueOn, "第四条：请填写定金的支付日期。");
        }

        if (deposit > 0 && terms.DepositCountsTowardPrice is null)
        {
            problems.Add(ContractField.DepositCountsTowardPrice, "第四条：请选择定金是否抵作房价款。");
        }
    }

    /// <summary>定金 first, then the installments in their order, then delivery: a date out of that order is named.</summary>
    private static void DatesInOrder(Problems problems, ContractTerms terms, IReadOnlyList<PaymentInstallment> schedule)
    {
        var dated = schedule.Select((s, i) => (s.DueOn, Index: i)).Where(s => s.DueOn != default).ToList();
        if (terms.Deposit is > 0 && terms.DepositDueOn is { } depositOn)
        {
            if (dated.Count > 0 && dated[0].DueOn < depositOn)
            {
                problems.Add(ContractField.DepositDueOn,
                    $"第四条：定金支付日期（{Date(depositOn)}）晚于第{dated[0].Index + 1}期付款日期（{Date(dated[0].DueOn)}），请核对：定金应在第一期房价款之前或同日支付。");
            }
            else if (terms.DeliveryDate is { } delivery && delivery < depositOn)
            {
                problems.Add(ContractField.DepositDueOn, $"第四条：定金支付日期（{Date(depositOn)}）晚于房屋交付日期（{Date(delivery)}），请核对。");
            }
        }

        for (var i = 1; i < dated.Count; i++)
        {
            if (dated[i].DueOn < dated[i - 1].DueOn)
            {
                problems.Add(ContractField.InstallmentDueOn,
                    $"第三条：第{dated[i].Index + 1}期的付款日期（{Date(dated[i].DueOn)}）早于第{dated[i - 1].Index + 1}期（{Date(dated[i - 1].DueOn)}），请按付款先后填写。",
                    dated[i].Index);
            }
        }

        if (terms.DeliveryDate is { } deliveryOn && dated.Count > 0 && dated.MaxBy(d => d.DueOn) is var last && last.DueOn > deliveryOn)
        {
            problems.Add(ContractField.DeliveryDate,
                $"第五条：交付日期（{Date(deliveryOn)}）早于第{last.Index + 1}期付款日期（{Date(last.DueOn)}）。本合同约定房价款在交付前付清，请推后交付日期或提前付款日期。");
        }
    }

    private static void ServiceAddress(Problems problems, string? address, ContractField field, string party)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            problems.Add(field, $"当事人：请填写{party}的送达地址（接收合同通知和文书的地址）。");
        }
        else
        {
            problems.Length(address, field, $"当事人：{party}送达地址", MaxAddressLength);
        }
    }

    /// <summary>第一条: whether the home is let; when it is, when the lease ends and what becomes of it.</summary>
    private static void Lease(Problems problems, ContractTerms terms)
    {
        if (terms.IsLet is null)
        {
            problems.Add(ContractField.IsLet, "第一条：请选择该房屋目前是否已出租。");
            return;
        }

        if (terms.IsLet == true)
        {
            problems.Required(terms.LeaseEndsOn, ContractField.LeaseEndsOn, "第一条：房屋已出租的，请填写租赁期限的届满日期。");
            problems.Required(terms.LeaseHandling, ContractField.LeaseHandling, "第一条：房屋已出租的，请选择租赁如何处理。");
        }
    }

    private static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static void Agent(Problems problems, string party, string? name, ContractField nameField, string? idNumber, ContractField idField)
    {
        var hasName = !string.IsNullOrWhiteSpace(name);
        var hasId = !string.IsNullOrWhiteSpace(idNumber);
        if (hasName && !hasId)
        {
            problems.Add(idField, $"当事人：填写了{party}委托代理人姓名，请同时填写其证件号码。");
        }
        else if (hasId && !hasName)
        {
            problems.Add(nameField, $"当事人：填写了{party}委托代理人证件号码，请同时填写其姓名。");
        }

        problems.Length(name, nameField, $"当事人：{party}委托代理人姓名", PersonName.MaxLength);
        problems.Length(idNumber, idField, $"当事人：{party}委托代理人证件号码", MaxAgentIdLength);
    }

    internal static string? Shape(decimal amount, string what)
    {
        if (amount > Money.MaxYuan)
        {
            return $"{what}不能超过{Yuan(Money.MaxYuan)}元。";
        }

        return decimal.Round(amount, 2) != amount ? $"{what}最多保留两位小数（到分）。" : null;
    }

    internal sealed class Problems
    {
        public List<ContractProblem> List { get; } = [];

        public void Add(ContractField field, string message, int? installment = null) => List.Add(new ContractProblem(field, message, installment));

        public void Required<T>(T? value, ContractField field, string message) where T : struct
        {
            if (value is null)
            {
                Add(field, message);
            }
        }

        /// <summary>
        /// A non-negative amount in fen within range; true when it is. <paramref name="negativeWhat"/> null means the
        /// caller already refused amounts ≤ 0.
        /// </summary>
        public bool Amount(decimal amount, ContractField field, string? negativeWhat, string shapeWhat)
        {
            if (negativeWhat is not null && amount < 0)
            {
                Add(field, $"{negativeWhat}不能为负数。");
                return false;
            }

            if (Shape(amount, shapeWhat) is { } shape)
            {
                Add(field, shape);
                return false;
            }

            return true;
        }

        public void Length(string? text, ContractField field, string what, int maxLength)
        {
            if ((text?.Length ?? 0) > maxLength)
            {
                Add(field, $"{what}不能超过{maxLength}个字。");
            }
        }

        public void Days(int? days, ContractField field, int min, string missing, string outOfRange)
        {
            if (days is not { } value)
            {
                Add(field, missing);
            }
            else if (value < min || value > MaxDays)
            {
                Add(field, outOfRange);
            }
        }

        public void Rate(decimal? rate, ContractField field, string who)
        {
            if (rate is not { } value)
            {
                Add(field, $"第八条：请填写{who}的每日违约金比例（万分之几）。");
            }
            else if (value <= 0 || value > MaxDailyRate)
            {
                Add(field, $"第八条：{who}的每日违约金比例应大于0，且不超过万分之{MaxDailyRate.ToString("0", CultureInfo.InvariantCulture)}。");
            }
        }
    }
}
