using System.Globalization;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Domain.Contracts;

/// <summary>
/// Whether the terms of a contract are complete enough to file (申报网签): every rule of the model contract, article by
/// article. A draft may break any of them; <see cref="Contract.File"/> refuses while one is broken.
/// </summary>
public static class ContractCompleteness
{
    public const int MaxCopies = 10;

    public const int MinCopies = 2;

    public const int MaxDays = 365;

    public const int MaxAgentIdLength = 64;

    public const int MaxCommissionLength = 100;

    /// <summary>定金 may not exceed this share of the price.</summary>
    public const decimal MaxDepositShare = 0.20m;

    /// <summary>Daily breach rates are in 万分之 of the amount; above 万分之十 a court would likely cut them down anyway.</summary>
    public const decimal MaxDailyRate = 10m;

    private static readonly PaymentMethod[] MethodsNeedingSchedule =
        [PaymentMethod.Installments, PaymentMethod.CommercialLoan, PaymentMethod.HousingFundLoan, PaymentMethod.CombinedLoan];

    public static IReadOnlyList<ContractProblem> FindProblems(ContractTerms terms, IReadOnlyList<PaymentInstallment> schedule)
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
        problems.Length(terms.AttachedFacilities, ContractField.AttachedFacilities, "第一条：附属设施说明", ContractTerms.MaxFreeTextLength);
        var price = Price(problems, terms);
        Decoration(problems, terms, price);
        Payment(problems, terms, schedule, price);
        Deposit(problems, terms, price);

        // 第五条、第六条
        problems.Required(terms.DeliveryDate, ContractField.DeliveryDate, "第五条：请填写房屋交付日期。");
        problems.Length(terms.DeliveryConditions, ContractField.DeliveryConditions, "第五条：交付条件", ContractTerms.MaxFreeTextLength);
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

        if (schedule.Count > 0 && price is { } total && schedule.Sum(s => s.Amount) is var sum && sum != total)
        {
            problems.Add(ContractField.Installments,
                $"第三条：付款计划各期金额合计{Yuan(sum)}元，与成交价格{Yuan(total)}元不一致，请调整到两者相等。");
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
    }

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

    private static string? Shape(decimal amount, string what)
    {
        if (amount > Money.MaxYuan)
        {
            return $"{what}不能超过{Yuan(Money.MaxYuan)}元。";
        }

        return decimal.Round(amount, 2) != amount ? $"{what}最多保留两位小数（到分）。" : null;
    }

    private sealed class Problems
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
