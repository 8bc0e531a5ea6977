using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>
/// What the seller types into the 武汉市存量房买卖合同. Every typed value is a string so that nothing is lost when
/// it cannot be read; registry facts, buyers and the 大写 amount are not here and cannot be posted.
/// </summary>
public sealed class ContractForm
{
    /// <summary>Rows of the payment schedule a person can reach without adding more.</summary>
    public const int MinimumRows = 3;

    /// <summary>More rows than any real schedule needs; also bounds what a crafted post can make us render.</summary>
    public const int MaxRows = 36;

    /// <summary>save | check | add-installment.</summary>
    public string? Intent { get; set; }

    /// <summary>The concurrency token the page was rendered with: a save from a stale tab is refused.</summary>
    public string? Version { get; set; }

    /// <summary>是否有共有人: derived from the registry's owners by the server, never bound from a post.</summary>
    [BindNever]
    public bool? HasCoOwners { get; set; }

    public string? SellerAgentName { get; set; }

    public string? SellerAgentIdNumber { get; set; }

    public string? BuyerAgentName { get; set; }

    public string? BuyerAgentIdNumber { get; set; }

    public string? AttachedFacilities { get; set; }

    public string? Price { get; set; }

    public string? DecorationAmount { get; set; }

    public string? PaymentMethod { get; set; }

    /// <summary>"true" or "false".</summary>
    public string? FundsThroughEscrow { get; set; }

    public IList<InstallmentRow> Installments { get; } = new List<InstallmentRow>();

    public string? Deposit { get; set; }

    public string? DepositDueOn { get; set; }

    public string? DeliveryDate { get; set; }

    public string? DeliveryConditions { get; set; }

    public string? TaxBearer { get; set; }

    public string? HukouMoveOutDays { get; set; }

    public string? HukouDailyPenalty { get; set; }

    public string? LatePaymentDailyRate { get; set; }

    public string? LateDeliveryDailyRate { get; set; }

    public string? TerminationAfterDays { get; set; }

    public string? DisputeResolution { get; set; }

    public string? ArbitrationCommission { get; set; }

    public string? Copies { get; set; }

    public string? OtherTerms { get; set; }

    /// <summary>The form as the saved contract fills it in, with blank schedule rows to type into.</summary>
    public static ContractForm From(ContractTerms terms, IReadOnlyList<PaymentInstallment> schedule, bool hasCoOwners)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(schedule);
        var form = new ContractForm
        {
            HasCoOwners = hasCoOwners,
            SellerAgentName = terms.SellerAgentName,
            SellerAgentIdNumber = terms.SellerAgentIdNumber,
            BuyerAgentName = terms.BuyerAgentName,
            BuyerAgentIdNumber = terms.BuyerAgentIdNumber,
            AttachedFacilities = terms.AttachedFacilities,
            Price = FormValue.Money(terms.Price),
            DecorationAmount = FormValue.Money(terms.DecorationAndFacilitiesAmount),
            PaymentMethod = terms.PaymentMethod?.ToString(),
            FundsThroughEscrow = FormValue.Bool(terms.FundsThroughEscrow),
            Deposit = FormValue.Money(terms.Deposit),
            DepositDueOn = FormValue.Date(terms.DepositDueOn),
            DeliveryDate = FormValue.Date(terms.DeliveryDate),
            DeliveryConditions = terms.DeliveryConditions,
            TaxBearer = terms.TaxBearer?.ToString(),
            HukouMoveOutDays = FormValue.Int(terms.HukouMoveOutDays),
            HukouDailyPenalty = FormValue.Money(terms.HukouDailyPenalty),
            LatePaymentDailyRate = FormValue.Rate(terms.LatePaymentDailyRate),
            LateDeliveryDailyRate = FormValue.Rate(terms.LateDeliveryDailyRate),
            TerminationAfterDays = FormValue.Int(terms.TerminationAfterDays),
            DisputeResolution = terms.DisputeResolution?.ToString(),
            ArbitrationCommission = terms.ArbitrationCommission,
            Copies = FormValue.Int(terms.Copies),
            OtherTerms = terms.OtherTerms,
        };
        foreach (var installment in schedule.OrderBy(i => i.Order))
        {
            form.Installments.Add(new InstallmentRow
            {
                DueOn = FormValue.Date(installment.DueOn),
                Amount = FormValue.Money(installment.Amount),
                Description = installment.Description,
            });
        }

        form.PadRows(Math.Max(MinimumRows, form.Installments.Count + 1));
        return form;
    }

    /// <summary>Adds blank schedule rows until there are <paramref name="count"/> (never more than <see cref="MaxRows"/>).</summary>
    public void PadRows(int count)
    {
        while (Installments.Count < Math.Min(count, MaxRows))
        {
            Installments.Add(new InstallmentRow());
        }
    }

    /// <summary>A crafted post may carry any number of rows: blank ones beyond what the page offers are dropped.</summary>
    public void DropExtraBlankRows()
    {
        for (var i = Installments.Count - 1; i >= MaxRows; i--)
        {
            if (Installments[i] is null || Installments[i].IsBlank)
            {
                Installments.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// The terms as far as they can be read: a value that does not parse becomes "not filled in". Call
    /// <see cref="ContractFormValidator"/> first when nothing may be dropped.
    /// </summary>
    public ContractTerms ToTerms() => new()
    {
        HasCoOwners = HasCoOwners,
        SellerAgentName = FormValue.Text(SellerAgentName),
        SellerAgentIdNumber = FormValue.Text(SellerAgentIdNumber)?.ToUpperInvariant(),
        BuyerAgentName = FormValue.Text(BuyerAgentName),
        BuyerAgentIdNumber = FormValue.Text(BuyerAgentIdNumber)?.ToUpperInvariant(),
        AttachedFacilities = FormValue.Text(AttachedFacilities),
        Price = FormValue.ParseDecimal(Price),
        DecorationAndFacilitiesAmount = FormValue.ParseDecimal(DecorationAmount),
        PaymentMethod = FormValue.ParseEnum<PaymentMethod>(PaymentMethod),
        FundsThroughEscrow = FormValue.ParseBool(FundsThroughEscrow),
        Deposit = FormValue.ParseDecimal(Deposit),
        DepositDueOn = FormValue.ParseDate(DepositDueOn),
        DeliveryDate = FormValue.ParseDate(DeliveryDate),
        DeliveryConditions = FormValue.Text(DeliveryConditions),
        TaxBearer = FormValue.ParseEnum<TaxBearer>(TaxBearer),
        HukouMoveOutDays = FormValue.ParseInt(HukouMoveOutDays),
        HukouDailyPenalty = FormValue.ParseDecimal(HukouDailyPenalty),
        LatePaymentDailyRate = FormValue.ParseDecimal(LatePaymentDailyRate),
        LateDeliveryDailyRate = FormValue.ParseDecimal(LateDeliveryDailyRate),
        TerminationAfterDays = FormValue.ParseInt(TerminationAfterDays),
        DisputeResolution = FormValue.ParseEnum<DisputeResolution>(DisputeResolution),
        ArbitrationCommission = FormValue.Text(ArbitrationCommission),
        Copies = FormValue.ParseInt(Copies),
        OtherTerms = FormValue.Text(OtherTerms),
    };

    /// <summary>
    /// The schedule rows that can be stored (a date and an amount that parse), numbered from 1, each with the index of
    /// the row it was typed in. Blank rows are skipped.
    /// </summary>
    public IReadOnlyList<(int RowIndex, PaymentInstallment Installment)> ToSchedule()
    {
        var result = new List<(int, PaymentInstallment)>();
        for (var i = 0; i < Installments.Count; i++)
        {
            var row = Installments[i];
            if (row.IsBlank || FormValue.ParseDate(row.DueOn) is not { } dueOn || FormValue.ParseDecimal(row.Amount) is not { } amount)
            {
                continue;
            }

            result.Add((i, new PaymentInstallment(result.Count + 1, dueOn, amount, FormValue.Text(row.Description) ?? string.Empty)));
        }

        return result;
    }

    /// <summary>大写 of the price as typed, or null when it is not a valid amount. Never taken from the post.</summary>
    public static string? CapitalsOf(string? price) =>
        FormValue.ParseDecimal(price) is { } value && Money.TryCreate(value, out var money, out _) ? money.ToChineseCapitals() : null;
}

/// <summary>One row of the 第三条 payment schedule: 日期 / 金额 / 说明.</summary>
public sealed class InstallmentRow
{
    public const int MaxDescriptionLength = 200;

    public string? DueOn { get; set; }

    public string? Amount { get; set; }

    public string? Description { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(DueOn) && string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(Description);
}

public static class ContractFormIntents
{
    public const string Save = "save";
    public const string Check = "check";
    public const string AddInstallment = "add-installment";
}

/// <summary>Reading and writing the strings of the form; tolerant (unreadable → null), the validators say why.</summary>
internal static class FormValue
{
    public const decimal MaxYuan = 999_999_999_999.99m;

    /// <summary>The rate columns hold 9 digits with 4 decimals.</summary>
    public const decimal MaxRate = 99_999.9999m;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);

    public static string? Rate(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    public static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Bool(bool? value) => value switch { true => "true", false => "false", null => null };

    /// <summary>Accepts full-width digits and thousands separators, as people type them on a phone.</summary>
    public static decimal? ParseDecimal(string? value)
    {
        var text = Normalise(value);
        return text is not null && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    public static int? ParseInt(string? value)
    {
        var text = Normalise(value);
        return text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number : null;
    }

    public static DateOnly? ParseDate(string? value)
    {
        var text = Text(value)?.Normalize(NormalizationForm.FormKC);
        return text is not null && DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;
    }

    public static bool? ParseBool(string? value) => Text(value) switch { "true" => true, "false" => false, _ => null };

    /// <summary>Only the names of the values: a number or a combination of flags is not a choice on the page.</summary>
    public static TEnum? ParseEnum<TEnum>(string? value) where TEnum : struct, Enum
    {
        var text = Text(value);
        return text is not null && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<TEnum>(text) : null;
    }

    public static int DecimalPlaces(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    private static string? Normalise(string? value)
    {
        var text = Text(value)?.Normalize(NormalizationForm.FormKC);
        return text?.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
    }
}

/// <summary>
/// 保存合同信息: only what would make a value impossible to store — a number or date that cannot be read, text that
/// is too long, a schedule row without its date or amount. A draft may be incomplete.
/// </summary>
public sealed class ContractFormValidator : AbstractValidator<ContractForm>
{
    public ContractFormValidator()
    {
        Text(f => f.SellerAgentName, nameof(ContractForm.SellerAgentName), "当事人：甲方委托代理人姓名", PersonName.MaxLength);
        Text(f => f.SellerAgentIdNumber, nameof(ContractForm.SellerAgentIdNumber), "当事人：甲方委托代理人证件号码", 64);
        Text(f => f.BuyerAgentName, nameof(ContractForm.BuyerAgentName), "当事人：乙方委托代理人姓名", PersonName.MaxLength);
        Text(f => f.BuyerAgentIdNumber, nameof(ContractForm.BuyerAgentIdNumber), "当事人：乙方委托代理人证件号码", 64);
        Text(f => f.AttachedFacilities, nameof(ContractForm.AttachedFacilities), "第一条：附属设施说明", ContractTerms.MaxFreeTextLength);
        Amount(f => f.Price, nameof(ContractForm.Price), "第二条：成交价格");
        Amount(f => f.DecorationAmount, nameof(ContractForm.DecorationAmount), "第二条：装修及附属设施作价");
        Choice<PaymentMethod>(f => f.PaymentMethod, nameof(ContractForm.PaymentMethod), "第三条：付款方式");
        RuleFor(f => f.FundsThroughEscrow).Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && FormValue.ParseBool(value) is null)
            {
                context.AddFailure(nameof(ContractForm.FundsThroughEscrow), "第三条：请选择房价款是否存入资金监管账户。");
            }
        });
        RuleFor(f => f.Installments).Custom(CheckRows);
        Amount(f => f.Deposit, nameof(ContractForm.Deposit), "第四条：定金");
        Date(f => f.DepositDueOn, nameof(ContractForm.DepositDueOn), "第四条：定金支付日期");
        Date(f => f.DeliveryDate, nameof(ContractForm.DeliveryDate), "第五条：交付日期");
        Text(f => f.DeliveryConditions, nameof(ContractForm.DeliveryConditions), "第五条：交付条件", ContractTerms.MaxFreeTextLength);
        Choice<TaxBearer>(f => f.TaxBearer, nameof(ContractForm.TaxBearer), "第六条：税费承担方式");
        Whole(f => f.HukouMoveOutDays, nameof(ContractForm.HukouMoveOutDays), "第七条：户口迁出期限");
        Amount(f => f.HukouDailyPenalty, nameof(ContractForm.HukouDailyPenalty), "第七条：逾期迁出户口的每日违约金");
        Rate(f => f.LatePaymentDailyRate, nameof(ContractForm.LatePaymentDailyRate), "第八条：逾期付款违约金比例");
        Rate(f => f.LateDeliveryDailyRate, nameof(ContractForm.LateDeliveryDailyRate), "第八条：逾期交房违约金比例");
        Whole(f => f.TerminationAfterDays, nameof(ContractForm.TerminationAfterDays), "第八条：可解除合同的逾期天数");
        Choice<DisputeResolution>(f => f.DisputeResolution, nameof(ContractForm.DisputeResolution), "第九条：争议解决方式");
        Text(f => f.ArbitrationCommission, nameof(ContractForm.ArbitrationCommission), "第九条：仲裁委员会名称", 100);
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

            if ((row.Description?.Trim().Length ?? 0) > InstallmentRow.MaxDescriptionLength)
            {
                context.AddFailure(key + nameof(InstallmentRow.Description), $"{what}说明不能超过{InstallmentRow.MaxDescriptionLength}个字。");
            }
        }
    }

    private void Text(System.Linq.Expressions.Expression<Func<ContractForm, string?>> field, string key, string what, int maxLength) =>
        RuleFor(field).Custom((value, context) =>
        {
            if ((value?.Trim().Length ?? 0) > maxLength)
            {
                context.AddFailure(key, $"{what}不能超过{maxLength}个字，现在是{value!.Trim().Length}个字。");
            }
        });

    private void Amount(System.Linq.Expressions.Expression<Func<ContractForm, string?>> field, string key, string what) =>
        RuleFor(field).Custom((value, context) =>
        {
            if (AmountProblem(value, what) is { } problem)
            {
                context.AddFailure(key, problem);
            }
        });

    private void Date(System.Linq.Expressions.Expression<Func<ContractForm, string?>> field, string key, string what) =>
        RuleFor(field).Custom((value, context) =>
        {
            if (DateProblem(value, what) is { } problem)
            {
                context.AddFailure(key, problem);
            }
        });

    private void Whole(System.Linq.Expressions.Expression<Func<ContractForm, string?>> field, string key, string what) =>
        RuleFor(field).Custom((value, context) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && FormValue.ParseInt(value) is null)
            {
                context.AddFailure(key, $"{what}请填写整数，例如 30。");
            }
        });

    private void Rate(System.Linq.Expressions.Expression<Func<ContractForm, string?>> field, string key, string what) =>
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

    private void Choice<TEnum>(System.Linq.Expressions.Expression<Func<ContractForm, string?>> field, string key, string what)
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
/// 检查合同是否完整: the format rules and every completeness rule of <see cref="ContractCompleteness"/>, with each message
/// keyed by the input it belongs to. The server sets <see cref="ContractForm.HasCoOwners"/> before calling it.
/// </summary>
public sealed class ContractFilingValidator : AbstractValidator<ContractForm>
{
    public ContractFilingValidator()
    {
        Include(new ContractFormValidator());
        RuleFor(f => f).Custom((form, context) =>
        {
            var schedule = form.ToSchedule();
            foreach (var (field, message) in ContractCompleteness.FindProblems(form.ToTerms(), [.. schedule.Select(s => s.Installment)]))
            {
                context.AddFailure(RowKey(field, schedule), message);
            }
        });
    }

    /// <summary>Completeness numbers the stored installments; the page numbers the rows as typed, blanks included.</summary>
    private static string RowKey(string field, IReadOnlyList<(int RowIndex, PaymentInstallment Installment)> schedule)
    {
        const string prefix = nameof(ContractForm.Installments) + "[";
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return field;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        var position = int.Parse(field.AsSpan(prefix.Length, close - prefix.Length), CultureInfo.InvariantCulture);
        return position < schedule.Count ? $"{prefix}{schedule[position].RowIndex}{field[close..]}" : field;
    }
}

/// <summary>
/// Whether a contract may be filed (申报网签): every rule of the model contract, usable without a form. Each problem names
/// the input of the contract form it belongs to (<see cref="ContractForm"/> property names; schedule rows as
/// <c>Installments[i].DueOn</c> / <c>.Amount</c> / <c>.Description</c> with i the position in <paramref name="schedule"/>)
/// and a plain Chinese message naming the article.
/// </summary>
public static class ContractCompleteness
{
    public const int MaxCopies = 10;

    public const int MinCopies = 2;

    public const int MaxDays = 365;

    /// <summary>Daily breach rates are in 万分之 of the amount; above 万分之十 a court would likely cut them down anyway.</summary>
    public const decimal MaxDailyRate = 10m;

    private static readonly PaymentMethod[] MethodsNeedingSchedule =
        [Domain.Contracts.PaymentMethod.Installments, Domain.Contracts.PaymentMethod.CommercialLoan,
         Domain.Contracts.PaymentMethod.HousingFundLoan, Domain.Contracts.PaymentMethod.CombinedLoan];

    public static IReadOnlyList<(string Field, string Message)> FindProblems(ContractTerms terms, IReadOnlyList<PaymentInstallment> schedule)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(schedule);
        var problems = new List<(string Field, string Message)>();
        void Add(string field, string message) => problems.Add((field, message));

        if (terms.HasCoOwners is null)
        {
            Add(nameof(ContractForm.HasCoOwners), "当事人：请确认甲方是否有共有人。");
        }

        Agent(problems, "甲方", terms.SellerAgentName, nameof(ContractForm.SellerAgentName), terms.SellerAgentIdNumber, nameof(ContractForm.SellerAgentIdNumber));
        Agent(problems, "乙方", terms.BuyerAgentName, nameof(ContractForm.BuyerAgentName), terms.BuyerAgentIdNumber, nameof(ContractForm.BuyerAgentIdNumber));
        Length(problems, terms.AttachedFacilities, nameof(ContractForm.AttachedFacilities), "第一条：附属设施说明", ContractTerms.MaxFreeTextLength);

        // 第二条
        decimal? price = null;
        if (terms.Price is not { } typedPrice)
        {
            Add(nameof(ContractForm.Price), "第二条：请填写成交价格。");
        }
        else if (typedPrice <= 0)
        {
            Add(nameof(ContractForm.Price), "第二条：成交价格必须大于零。");
        }
        else if (AmountShape(typedPrice, "第二条：成交价格") is { } shape)
        {
            Add(nameof(ContractForm.Price), shape);
        }
        else
        {
            price = typedPrice;
        }

        if (terms.DecorationAndFacilitiesAmount is { } decoration)
        {
            if (decoration < 0)
            {
                Add(nameof(ContractForm.DecorationAmount), "第二条：装修及附属设施作价不能为负数。");
            }
            else if (AmountShape(decoration, "第二条：装修及附属设施作价") is { } shape)
            {
                Add(nameof(ContractForm.DecorationAmount), shape);
            }
            else if (price is { } p && decoration > p)
            {
                Add(nameof(ContractForm.DecorationAmount), "第二条：装修及附属设施作价包含在成交价格内，不能超过成交价格。");
            }
        }

        // 第三条
        if (terms.PaymentMethod is not { } method)
        {
            Add(nameof(ContractForm.PaymentMethod), "第三条：请选择付款方式。");
        }
        else if (schedule.Count == 0 && MethodsNeedingSchedule.Contains(method))
        {
            Add(nameof(ContractForm.Installments), $"第三条：付款方式为“{method.DisplayName()}”时，请填写付款计划（每一期的日期和金额）。");
        }

        if (terms.FundsThroughEscrow is null)
        {
            Add(nameof(ContractForm.FundsThroughEscrow), "第三条：请选择房价款是否存入资金监管账户。");
        }

        for (var i = 0; i < schedule.Count; i++)
        {
            var installment = schedule[i];
            var key = $"{nameof(ContractForm.Installments)}[{i}].";
            if (installment.DueOn == default)
            {
                Add(key + nameof(InstallmentRow.DueOn), $"第三条：请填写第{i + 1}期的付款日期。");
            }

            if (installment.Amount <= 0)
            {
                Add(key + nameof(InstallmentRow.Amount), $"第三条：第{i + 1}期的金额必须大于零。");
            }
            else if (AmountShape(installment.Amount, $"第三条：第{i + 1}期的金额") is { } shape)
            {
                Add(key + nameof(InstallmentRow.Amount), shape);
            }

            Length(problems, installment.Description, key + nameof(InstallmentRow.Description), $"第三条：第{i + 1}期的说明", InstallmentRow.MaxDescriptionLength);
        }

        if (schedule.Count > 0 && price is { } total && schedule.Sum(s => s.Amount) is var sum && sum != total)
        {
            Add(nameof(ContractForm.Installments),
                $"第三条：付款计划各期金额合计{Yuan(sum)}元，与成交价格{Yuan(total)}元不一致，请调整到两者相等。");
        }

        // 第四条
        if (terms.Deposit is { } deposit)
        {
            if (deposit < 0)
            {
                Add(nameof(ContractForm.Deposit), "第四条：定金不能为负数。");
            }
            else if (AmountShape(deposit, "第四条：定金") is { } shape)
            {
                Add(nameof(ContractForm.Deposit), shape);
            }
            else if (price is { } p && deposit > p * Contract.MaxDepositShare)
            {
                Add(nameof(ContractForm.Deposit),
                    $"第四条：定金不能超过成交价格的20%，本合同的定金最多为{Yuan(decimal.Round(p * Contract.MaxDepositShare, 2, MidpointRounding.ToZero))}元。");
            }
            else if (deposit > 0 && terms.DepositDueOn is null)
            {
                Add(nameof(ContractForm.DepositDueOn), "第四条：请填写定金的支付日期。");
            }
        }

        // 第五条、第六条
        if (terms.DeliveryDate is null)
        {
            Add(nameof(ContractForm.DeliveryDate), "第五条：请填写房屋交付日期。");
        }

        Length(problems, terms.DeliveryConditions, nameof(ContractForm.DeliveryConditions), "第五条：交付条件", ContractTerms.MaxFreeTextLength);
        if (terms.TaxBearer is null)
        {
            Add(nameof(ContractForm.TaxBearer), "第六条：请选择税费由谁承担。");
        }

        // 第七条
        Days(problems, terms.HukouMoveOutDays, nameof(ContractForm.HukouMoveOutDays), 0,
            "第七条：请填写甲方迁出户口的期限（天数）。", $"第七条：户口迁出期限应在0至{MaxDays}天之间。");
        if (terms.HukouDailyPenalty is not { } penalty)
        {
            Add(nameof(ContractForm.HukouDailyPenalty), "第七条：请填写逾期迁出户口的每日违约金（不约定违约金请填0）。");
        }
        else if (penalty < 0)
        {
            Add(nameof(ContractForm.HukouDailyPenalty), "第七条：逾期迁出户口的每日违约金不能为负数。");
        }
        else if (AmountShape(penalty, "第七条：每日违约金") is { } shape)
        {
            Add(nameof(ContractForm.HukouDailyPenalty), shape);
        }

        // 第八条
        Rate(problems, terms.LatePaymentDailyRate, nameof(ContractForm.LatePaymentDailyRate), "乙方逾期付款");
        Rate(problems, terms.LateDeliveryDailyRate, nameof(ContractForm.LateDeliveryDailyRate), "甲方逾期交付房屋");
        Days(problems, terms.TerminationAfterDays, nameof(ContractForm.TerminationAfterDays), 1,
            "第八条：请填写逾期超过多少天守约方可以解除合同。", $"第八条：解除合同的逾期天数应在1至{MaxDays}天之间。");

        // 第九条
        if (terms.DisputeResolution is null)
        {
            Add(nameof(ContractForm.DisputeResolution), "第九条：请选择争议解决方式。");
        }
        else if (terms.DisputeResolution == Domain.Contracts.DisputeResolution.Arbitration && string.IsNullOrWhiteSpace(terms.ArbitrationCommission))
        {
            Add(nameof(ContractForm.ArbitrationCommission), "第九条：选择仲裁时，请填写仲裁委员会的名称，例如“武汉仲裁委员会”。");
        }

        Length(problems, terms.ArbitrationCommission, nameof(ContractForm.ArbitrationCommission), "第九条：仲裁委员会名称", 100);

        // 第十条、第十一条
        if (terms.Copies is not { } copies)
        {
            Add(nameof(ContractForm.Copies), "第十条：请填写合同一式几份。");
        }
        else if (copies is < MinCopies or > MaxCopies)
        {
            Add(nameof(ContractForm.Copies), $"第十条：合同份数应在{MinCopies}至{MaxCopies}份之间。");
        }

        Length(problems, terms.OtherTerms, nameof(ContractForm.OtherTerms), "第十一条：其他约定", ContractTerms.MaxFreeTextLength);
        return problems;
    }

    /// <summary>An amount with thousands separators, as the messages name it: 1,280,000.00.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string? AmountShape(decimal amount, string what)
    {
        if (amount > FormValue.MaxYuan)
        {
            return $"{what}不能超过{Yuan(FormValue.MaxYuan)}元。";
        }

        return decimal.Round(amount, 2) != amount ? $"{what}最多保留两位小数（到分）。" : null;
    }

    private static void Agent(List<(string, string)> problems, string party, string? name, string nameField, string? idNumber, string idField)
    {
        var hasName = !string.IsNullOrWhiteSpace(name);
        var hasId = !string.IsNullOrWhiteSpace(idNumber);
        if (hasName && !hasId)
        {
            problems.Add((idField, $"当事人：填写了{party}委托代理人姓名，请同时填写其证件号码。"));
        }
        else if (hasId && !hasName)
        {
            problems.Add((nameField, $"当事人：填写了{party}委托代理人证件号码，请同时填写其姓名。"));
        }

        Length(problems, name, nameField, $"当事人：{party}委托代理人姓名", PersonName.MaxLength);
        Length(problems, idNumber, idField, $"当事人：{party}委托代理人证件号码", 64);
    }

    private static void Length(List<(string, string)> problems, string? text, string field, string what, int maxLength)
    {
        if ((text?.Length ?? 0) > maxLength)
        {
            problems.Add((field, $"{what}不能超过{maxLength}个字。"));
        }
    }

    private static void Days(List<(string, string)> problems, int? days, string field, int min, string missing, string outOfRange)
    {
        if (days is not { } value)
        {
            problems.Add((field, missing));
        }
        else if (value < min || value > MaxDays)
        {
            problems.Add((field, outOfRange));
        }
    }

    private static void Rate(List<(string, string)> problems, decimal? rate, string field, string who)
    {
        if (rate is not { } value)
        {
            problems.Add((field, $"第八条：请填写{who}的每日违约金比例（万分之几）。"));
        }
        else if (value <= 0 || value > MaxDailyRate)
        {
            problems.Add((field, $"第八条：{who}的每日违约金比例应大于0，且不超过万分之{MaxDailyRate.ToString("0", CultureInfo.InvariantCulture)}。"));
        }
    }
}

public static class ContractTermNames
{
    public static string DisplayName(this PaymentMethod method) => method switch
    {
        PaymentMethod.LumpSum => "一次性付款",
        PaymentMethod.Installments => "分期付款",
        PaymentMethod.CommercialLoan => "商业贷款",
        PaymentMethod.HousingFundLoan => "公积金贷款",
        PaymentMethod.CombinedLoan => "组合贷款",
        _ => method.ToString(),
    };

    public static string DisplayName(this TaxBearer bearer) => bearer switch
    {
        TaxBearer.EachAsLawProvides => "按国家有关规定由甲、乙双方各自承担",
        TaxBearer.Buyer => "全部由乙方（买方）承担",
        TaxBearer.Seller => "全部由甲方（卖方）承担",
        _ => bearer.ToString(),
    };

    public static string DisplayName(this DisputeResolution resolution) => resolution switch
    {
        DisputeResolution.Arbitration => "提交仲裁委员会仲裁",
        DisputeResolution.Court => "依法向房屋所在地人民法院起诉",
        _ => resolution.ToString(),
    };
}

/// <summary>One party as the page shows them: never a full ID or phone number.</summary>
public sealed record PartyRow(string Name, string IdTypeName, string MaskedIdNumber, string? Share, string? MaskedPhone);

/// <summary>第一条 as the property registry records the home; shown, never edited.</summary>
public sealed record HomeFacts(
    string Location, string? Structure, decimal BuildingArea, decimal? LandArea, string CertificateNumber, string? LandCertificateNumber,
    DateOnly? CertificateIssuedOn, int? Floor, int? TotalFloors, string? DesignPurpose, string? RoomType);

public sealed record PageNotice(string Kind, string Text);

/// <summary>The contract page: the read-only parts from the registry and the buyers list, and the form.</summary>
public sealed record ContractFormPage(
    Guid ContractId, string ListingCode, ContractStatus Status, string? ContractNumber,
    IReadOnlyList<PartyRow> Sellers, IReadOnlyList<PartyRow> Buyers, HomeFacts Home,
    ContractForm Form, string? Version, PageNotice? Notice)
{
    public bool IsEditable => Status == ContractStatus.Draft;

    public bool HasCoOwners => Sellers.Count > 1;

    /// <summary>大写, always worked out here from the price; a value posted for it is never read.</summary>
    public string? PriceInCapitals => ContractForm.CapitalsOf(Form.Price);

    public static ContractFormPage Build(Contract contract, Listing listing, ContractForm form, string? version, PageNotice? notice)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(listing);
        var home = listing.Home ?? throw new InvalidOperationException("The listing's home must be loaded.");
        return new ContractFormPage(
            contract.Id, listing.ListingCode, contract.Status, contract.ContractNumber,
            [.. home.Owners.Select(o => new PartyRow(o.Name, o.IdType.DisplayName(), Masking.MaskIdNumber(o.IdNumber), o.Share, null))],
            [.. listing.Buyers.OrderBy(b => b.Order).Select(b => new PartyRow(
                b.Name, b.IdType.DisplayName(), Masking.MaskIdNumber(b.IdNumber), null, Masking.MaskPhone(b.Phone)))],
            new HomeFacts(home.Location, home.Structure, home.BuildingArea, home.LandArea, home.CertificateNumber, home.LandCertificateNumber,
                home.CertificateIssuedOn, home.Floor, home.TotalFloors, home.DesignPurpose, home.RoomType),
            form, version, notice);
    }
}
