using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Web.Features.Shared;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>
/// 保存合同信息: only what would make a value impossible to store — a number or date that cannot be read, text that
/// is too long, a schedule row without its date or amount. A draft may be incomplete.
/// </summary>
public sealed class ContractFormValidator : AbstractValidator<ContractForm>
{
    public ContractFormValidator()
    {
        Text(f => f.SellerAgentName, nameof(ContractForm.SellerAgentName), "当事人：甲方委托代理人姓名", PersonName.MaxLength);
        Text(f => f.SellerAgentIdNumber, nameof(ContractForm.SellerAgentIdNumber), "当事人：甲方委托代理人证件号码", ContractCompleteness.MaxAgentIdLength);
        Text(f => f.BuyerAgentName, nameof(ContractForm.BuyerAgentName), "当事人：乙方委托代理人姓名", PersonName.MaxLength);
        Text(f => f.BuyerAgentIdNumber, nameof(ContractForm.BuyerAgentIdNumber), "当事人：乙方委托代理人证件号码", ContractCompleteness.MaxAgentIdLength);
        Text(f => f.SellerServiceAddress, nameof(ContractForm.SellerServiceAddress), "当事人：甲方送达地址", ContractCompleteness.MaxAddressLength);
        Text(f => f.BuyerServiceAddress, nameof(ContractForm.BuyerServiceAddress), "当事人：乙方送达地址", ContractCompleteness.MaxAddressLength);
        Text(f => f.SuppliedStructure, nameof(ContractForm.SuppliedStructure), "第一条：房屋结构", SuppliedHomeFacts.MaxTextLength);
        Text(f => f.SuppliedRoomType, nameof(ContractForm.SuppliedRoomType), "第一条：房型", SuppliedHomeFacts.MaxTextLength);
        RuleFor(f => f.SuppliedLandArea).Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && FormValue.ParseDecimal(value) is null)
            {
                context.AddFailure(nameof(ContractForm.SuppliedLandArea), "第一条：分摊土地面积请填写数字（单位平方米），例如 12.34。");
            }
            else if (FormValue.ParseDecimal(value) is { } a && (Math.Abs(a) > 100_000m || decimal.Round(a, 2) != a))
            {
                context.AddFailure(nameof(ContractForm.SuppliedLandArea), "第一条：分摊土地面积最多保留两位小数，请按房产证核对。");
            }
        });
        Date(f => f.SuppliedCertificateIssuedOn, nameof(ContractForm.SuppliedCertificateIssuedOn), "第一条：证书填发日期");
        Whole(f => f.SuppliedFloor, nameof(ContractForm.SuppliedFloor), "第一条：所在层次");
        Whole(f => f.SuppliedTotalFloors, nameof(ContractForm.SuppliedTotalFloors), "第一条：地上总层数");
        Text(f => f.AttachedFacilities, nameof(ContractForm.AttachedFacilities), "第一条：附属设施说明", ContractTerms.MaxFreeTextLength);
        YesNo(f => f.IsLet, nameof(ContractForm.IsLet), "第一条：请选择房屋目前是否已出租。");
        Date(f => f.LeaseEndsOn, nameof(ContractForm.LeaseEndsOn), "第一条：租赁期限届满日期");
        Choice<LeaseHandling>(f => f.LeaseHandling, nameof(ContractForm.LeaseHandling), "第一条：租赁的处理方式");
        Choice<LoanRefusalRemedy>(f => f.LoanRefusal, nameof(ContractForm.LoanRefusal), "第三条：贷款未获批准时的处理");
        YesNo(f => f.DepositCountsTowardPrice, nameof(ContractForm.DepositCountsTowardPrice), "第四条：请选择定金是否抵作房价款。");
        Whole(f => f.UtilitiesTransferDays, nameof(ContractForm.UtilitiesTransferDays), "第五条：物业、水电气户名变更的期限");
        Choice<MaintenanceFundHandling>(f => f.MaintenanceFund, nameof(ContractForm.MaintenanceFund), "第五条：专项维修资金的处理");
        Whole(f => f.TransferRegistrationWithinDays, nameof(ContractForm.TransferRegistrationWithinDays), "第六条：申请转移登记的期限");
        Amount(f => f.Price, nameof(ContractForm.Price), "第二条：成交价格");
        Amount(f => f.DecorationAmount, nameof(ContractForm.DecorationAmount), "第二条：装修及附属设施作价");
        Choice<PaymentMethod>(f => f.PaymentMethod, nameof(ContractForm.PaymentMethod), "第三条：付款方式");
        YesNo(f => f.FundsThroughEscrow, nameof(ContractForm.FundsThroughEscrow), "第三条：请选择房价款是否存入资金监管账户。");
        RuleFor(f => f.Installments).Custom(CheckRows);
        Amount(f => f.Deposit, nameof(ContractForm.Deposit), "第四条：定金");
        Date(f => f.DepositDueOn, nameof(ContractForm.DepositDueOn), "第四条：定金支付日期");
        Date(f => f.DeliveryDate, nameof(ContractForm.DeliveryDate), "第五条：交付日期");
        Text(f => f.DeliveryConditions, nameof(ContractForm.DeliveryConditions), "第五条：交付条件", ContractTerms.MaxFreeTextLength);
        Choice<TaxBearer>(f => f.TaxBearer, nameof(ContractForm.TaxBearer), "第六条：税费承担方式");
        YesNo(f => f.BuyerFirstHome, nameof(ContractForm.BuyerFirstHome), "税费估算：请选择买方是否首套住房。");
        YesNo(f => f.SellerOnlyHome, nameof(ContractForm.SellerOnlyHome), "税费估算：请选择卖方是否家庭唯一住房。");
        Whole(f => f.HukouMoveOutDays, nameof(ContractForm.HukouMoveOutDays), "第七条：户口迁出期限");
        Amount(f => f.HukouDailyPenalty, nameof(ContractForm.HukouDailyPenalty), "第七条：逾期迁出户口的每日违约金");
        Rate(f => f.LatePaymentDailyRate, nameof(ContractForm.LatePaymentDailyRate), "第八条：逾期付款违约金比例");
        Rate(f => f.LateDeliveryDailyRate, nameof(ContractForm.LateDeliveryDailyRate), "第八条：逾期交房违约金比例");
        Whole(f => f.TerminationAfterDays, nameof(ContractForm.TerminationAfterDays), "第八条：可解除合同的逾期天数");
        Choice<DisputeResolution>(f => f.DisputeResolution, nameof(ContractForm.DisputeResolution), "第九条：争议解决方式");
        Text(f => f.ArbitrationCommission, nameof(ContractForm.ArbitrationCommission), "第九条：仲裁委员会名称", ContractCompleteness.MaxCommissionLength);
        Whole(f => f.Copies, nameof(ContractForm.Copies), "第十条：合同份数");
        Text(f => f.OtherTerms, nameof(ContractForm.OtherTerms), "第十一条：其他约定", ContractTerms.MaxFreeTextLength);
    }

    internal static string? AmountProblem(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (FormValue.ParseDecimal(value) is not { } number)
        {
            return $"{what}请填写数字（单位：元），例如 1280000 或 1280000.50。";
        }

        if (FormValue.DecimalPlaces(number) > 2 && decimal.Round(number, 2) != number)
        {
            return $"{what}最多保留两位小数（到分）。";
        }

        return Math.Abs(number) > FormValue.MaxYuan ? $"{what}超出可以填写的范围，请核对。" : null;
    }

    internal static string? DateProblem(string? value, string what) =>
        !string.IsNullOrWhiteSpace(value) && FormValue.ParseDate(value) is null
            ? $"{what}请按“年-月-日”填写，例如 2027-01-31。"
            : null;

    private static void CheckRows(IList<InstallmentRow> rows, ValidationContext<ContractForm> context)
    {
        if (rows.Count(r => !r.IsBlank) > ContractForm.MaxRows)
        {
            context.AddFailure(nameof(ContractForm.Installments), $"第三条：付款计划最多{ContractForm.MaxRows}期。");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                continue;
            }

            var what = $"第三条：第{i + 1}期";
            var key = $"{nameof(ContractForm.Installments)}[{i}].";
            var dateProblem = string.IsNullOrWhiteSpace(row.DueOn)
                ? $"{what}请填写付款日期，或清空这一行。"
                : DateProblem(row.DueOn, what + "付款日期");
            if (dateProblem is not null)
            {
                context.AddFailure(key + nameof(InstallmentRow.DueOn), dateProblem);
            }

            var amountProblem = string.IsNullOrWhiteSpace(row.Amount)
                ? $"{what}请填写付款金额，或清空这一行。"
                : AmountProblem(row.Amount, what + "金额");
            if (amountProblem is not null)
            {
                context.AddFailure(key + nameof(InstallmentRow.Amount), amountProblem);
            }

            if ((row.Description?.Trim().Length ?? 0) > PaymentInstallment.MaxDescriptionLength)
            {
                context.AddFailure(key + nameof(InstallmentRow.Description), $"{what}说明不能超过{PaymentInstallment.MaxDescriptionLength}个字。");
            }
        }
    }

    private void YesNo(Expression<Func<ContractForm, string?>> field, string key, string message) =>
        RuleFor(field).Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && FormValue.ParseBool(value) is null)
            {
                context.AddFailure(key, message);
            }
        });

    private void Text(Expression<Func<ContractForm, string?>> field, string key, string what, int maxLength) =>
        RuleFor(field).Custom((value, context) =>
        {
            if ((value?.Trim().Length ?? 0) > maxLength)
            {
                context.AddFailure(key, $"{what}不能超过{maxLength}个字，现在是{value!.Trim().Length}个字。");
            }
        });

    private void Amount(Expression<Func<ContractForm, string?>> field, string key, string what) =>
        RuleFor(field).Custom((value, context) =>
        {
            if (AmountProblem(value, what) is { } problem)
            {
                context.AddFailure(key, problem);
            }
        });

    private void Date(Expression<Func<ContractForm, string?>> field, string key, string what) =>
        RuleFor(field).Custom((value, context) =>
        {
            if (DateProblem(value, what) is { } problem)
            {
                context.AddFailure(key, problem);
            }
        });

    private void Whole(Expression<Func<ContractForm, string?>> field, string key, string what) =>
        RuleFor(field).Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && FormValue.ParseInt(value) is null)
            {
                context.AddFailure(key, $"{what}请填写整数，例如 30。");
            }
        });

    private void Rate(Expression<Func<ContractForm, string?>> field, string key, string what) =>
        RuleFor(field).Custom((value, context) =>
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            if (FormValue.ParseDecimal(value) is not { } rate)
            {
                context.AddFailure(key, $"{what}请填写数字，例如 5 表示每日万分之五。");
            }
            else if (Math.Abs(rate) > FormValue.MaxRate || decimal.Round(rate, 4) != rate)
            {
                context.AddFailure(key, $"{what}最多保留四位小数，且不超过{FormValue.MaxRate.ToString("0.####", CultureInfo.InvariantCulture)}。");
            }
        });

    private void Choice<TEnum>(Expression<Func<ContractForm, string?>> field, string key, string what)
        where TEnum : struct, Enum =>
        RuleFor(field).Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && FormValue.ParseEnum<TEnum>(value) is null)
            {
                context.AddFailure(key, $"{what}请从列表中选择。");
            }
        });
}

/// <summary>
/// 检查合同是否完整: the format rules, then every completeness rule of the domain (<see cref="ContractCompleteness"/>),
/// each message keyed by the input it belongs to. The server sets <see cref="ContractForm.HasCoOwners"/> and
/// <see cref="ContractForm.RegistryHome"/> before calling it.
/// </summary>
public sealed class ContractFilingValidator : AbstractValidator<ContractForm>
{
    public ContractFilingValidator()
    {
        Include(new ContractFormValidator());
        RuleFor(f => f).Custom((form, context) =>
        {
            var schedule = form.ToSchedule();
            foreach (var problem in ContractCompleteness.FindProblems(form.ToTerms(), [.. schedule.Select(s => s.Installment)], form.RegistryHome))
            {
                context.AddFailure(InputFor(problem, schedule), problem.Message);
            }
        });
    }

    /// <summary>
    /// The form input a problem belongs to. Most fields carry the same name as the form's property; an installment is
    /// numbered as the stored schedule counts it, and the page as the rows were typed, blanks included.
    /// </summary>
    public static string InputFor(ContractProblem problem, IReadOnlyList<(int RowIndex, PaymentInstallment Installment)> schedule)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(schedule);
        var row = problem.Installment is { } i && i < schedule.Count ? schedule[i].RowIndex : problem.Installment;
        return problem.Field switch
        {
            ContractField.InstallmentDueOn => $"{nameof(ContractForm.Installments)}[{row}].{nameof(InstallmentRow.DueOn)}",
            ContractField.InstallmentAmount => $"{nameof(ContractForm.Installments)}[{row}].{nameof(InstallmentRow.Amount)}",
            ContractField.InstallmentDescription => $"{nameof(ContractForm.Installments)}[{row}].{nameof(InstallmentRow.Description)}",
            _ => problem.Field.ToString(),
        };
    }
}
