using System.Globalization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Features.Shared;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>One buyer row a clerk types at the counter: 姓名, 证件类型, 证件号码, 手机号码, as the online buyers page has them.</summary>
public sealed class CounterBuyerRow
{
    public string? Name { get; set; }

    /// <summary>The <see cref="Domain.ValueObjects.IdType"/> name as posted; a string, so a value from no list is reported in Chinese, not by model binding.</summary>
    public string? IdType { get; set; } = nameof(Domain.ValueObjects.IdType.ResidentIdCard);

    /// <summary>The document type, when <see cref="IdType"/> names one.</summary>
    public IdType? ParsedIdType =>
        Enum.TryParse<IdType>(IdType, ignoreCase: false, out var type) && Enum.IsDefined(type) && !int.TryParse(IdType, out _) ? type : null;

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdNumber) && string.IsNullOrWhiteSpace(Phone);
}

/// <summary>
/// The contract terms a clerk types at the counter. Every input has the name the seller's contract form posts (the
/// model contract's terms, <see cref="ContractTerms"/>), so a problem the domain finds (<see cref="ContractField"/>) is
/// shown next to the same input. Every value is kept as typed, so nothing is lost on an error.
/// </summary>
public sealed class CounterTermsForm
{
    public const int Rows = 4;

    public string? SellerAgentName { get; set; }

    public string? SellerAgentIdNumber { get; set; }

    public string? BuyerAgentName { get; set; }

    public string? BuyerAgentIdNumber { get; set; }

    public string? AttachedFacilities { get; set; }

    public string? Price { get; set; }

    public string? DecorationAmount { get; set; }

    public string? PaymentMethod { get; set; }

    public string? FundsThroughEscrow { get; set; }

    public IList<CounterInstallmentRow> Installments { get; set; } = [];

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

    public string? SellerServiceAddress { get; set; }

    public string? BuyerServiceAddress { get; set; }

    /// <summary>第一条 facts the registry lacks (卖方填报), filled in from the documents the seller shows at the counter.</summary>
    public string? SuppliedStructure { get; set; }

    public string? SuppliedLandArea { get; set; }

    public string? SuppliedCertificateIssuedOn { get; set; }

    public string? SuppliedFloor { get; set; }

    public string? SuppliedTotalFloors { get; set; }

    public string? SuppliedRoomType { get; set; }

    public string? IsLet { get; set; }

    public string? LeaseEndsOn { get; set; }

    public string? LeaseHandling { get; set; }

    public string? LoanRefusal { get; set; }

    public string? DepositCountsTowardPrice { get; set; }

    public string? UtilitiesTransferDays { get; set; }

    public string? MaintenanceFund { get; set; }

    public string? TransferRegistrationWithinDays { get; set; }

    /// <summary>The form as the saved draft fills it in.</summary>
    public static CounterTermsForm From(ContractTerms terms, IReadOnlyList<PaymentInstallment> schedule)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(schedule);
        var form = new CounterTermsForm
        {
            SellerAgentName = terms.SellerAgentName,
            SellerAgentIdNumber = terms.SellerAgentIdNumber,
            BuyerAgentName = terms.BuyerAgentName,
            BuyerAgentIdNumber = terms.BuyerAgentIdNumber,
            AttachedFacilities = terms.AttachedFacilities,
            Price = Amount(terms.Price),
            DecorationAmount = Amount(terms.DecorationAndFacilitiesAmount),
            PaymentMethod = terms.PaymentMethod?.ToString(),
            FundsThroughEscrow = terms.FundsThroughEscrow is { } escrow ? (escrow ? "true" : "false") : null,
            Deposit = Amount(terms.Deposit),
            DepositDueOn = FormValue.Date(terms.DepositDueOn),
            DeliveryDate = FormValue.Date(terms.DeliveryDate),
            DeliveryConditions = terms.DeliveryConditions,
            TaxBearer = terms.TaxBearer?.ToString(),
            HukouMoveOutDays = terms.HukouMoveOutDays?.ToString(CultureInfo.InvariantCulture),
            HukouDailyPenalty = Amount(terms.HukouDailyPenalty),
            LatePaymentDailyRate = terms.LatePaymentDailyRate?.ToString("0.####", CultureInfo.InvariantCulture),
            LateDeliveryDailyRate = terms.LateDeliveryDailyRate?.ToString("0.####", CultureInfo.InvariantCulture),
            TerminationAfterDays = terms.TerminationAfterDays?.ToString(CultureInfo.InvariantCulture),
            DisputeResolution = terms.DisputeResolution?.ToString(),
            ArbitrationCommission = terms.ArbitrationCommission,
            Copies = terms.Copies?.ToString(CultureInfo.InvariantCulture),
            OtherTerms = terms.OtherTerms,
            SellerServiceAddress = terms.SellerServiceAddress,
            BuyerServiceAddress = terms.BuyerServiceAddress,
            SuppliedStructure = terms.Supplied.Structure,
            SuppliedLandArea = FormValue.Rate(terms.Supplied.LandArea),
            SuppliedCertificateIssuedOn = FormValue.Date(terms.Supplied.CertificateIssuedOn),
            SuppliedFloor = FormValue.Int(terms.Supplied.Floor),
            SuppliedTotalFloors = FormValue.Int(terms.Supplied.TotalFloors),
            SuppliedRoomType = terms.Supplied.RoomType,
            IsLet = FormValue.Bool(terms.IsLet),
            LeaseEndsOn = FormValue.Date(terms.LeaseEndsOn),
            LeaseHandling = terms.LeaseHandling?.ToString(),
            LoanRefusal = terms.LoanRefusal?.ToString(),
            DepositCountsTowardPrice = FormValue.Bool(terms.DepositCountsTowardPrice),
            UtilitiesTransferDays = FormValue.Int(terms.UtilitiesTransferDays),
            MaintenanceFund = terms.MaintenanceFund?.ToString(),
            TransferRegistrationWithinDays = FormValue.Int(terms.TransferRegistrationWithinDays),
            Installments = [.. schedule.OrderBy(i => i.Order).Select(i => new CounterInstallmentRow
            {
                DueOn = FormValue.Date(i.DueOn), Amount = Amount(i.Amount), Description = i.Description,
            })],
        };
        form.Pad();
        return form;
    }

    /// <summary>A fact the registry has is the registry's: whatever was typed for it is not read (as on the seller's form).</summary>
    public void DropSuppliedFactsTheRegistryHas(Domain.Properties.PropertyRecord home)
    {
        ArgumentNullException.ThrowIfNull(home);
        SuppliedStructure = home.Structure is null ? SuppliedStructure : null;
        SuppliedLandArea = home.LandArea is null ? SuppliedLandArea : null;
        SuppliedCertificateIssuedOn = home.CertificateIssuedOn is null ? SuppliedCertificateIssuedOn : null;
        SuppliedFloor = home.Floor is null ? SuppliedFloor : null;
        SuppliedTotalFloors = home.TotalFloors is null ? SuppliedTotalFloors : null;
        SuppliedRoomType = home.RoomType is null ? SuppliedRoomType : null;
    }

    /// <summary>Blank schedule rows up to <see cref="Rows"/> (one more when all are used), so the clerk can always add one.</summary>
    public void Pad()
    {
        Installments = [.. Installments.Where(r => r is not null).Take(PaymentInstallment.MaxSchedule)];
        var wanted = Math.Min(Math.Max(Rows, Installments.Count(r => !r.IsBlank) + 1), PaymentInstallment.MaxSchedule);
        while (Installments.Count < wanted)
        {
            Installments.Add(new CounterInstallmentRow());
        }
    }

    /// <summary>
    /// Reads the terms; a value that does not parse is reported under its input's name and left out. The schedule keeps
    /// the rows with a date and an amount, numbered from 1.
    /// </summary>
    public (ContractTerms Terms, IReadOnlyList<PaymentInstallment> Schedule, IReadOnlyList<(string Field, string Message)> Errors) Read(bool hasCoOwners)
    {
        var errors = new List<(string, string)>();
        var terms = new ContractTerms
        {
            HasCoOwners = hasCoOwners,
            SellerAgentName = Text(SellerAgentName),
            SellerAgentIdNumber = Text(SellerAgentIdNumber)?.ToUpperInvariant(),
            BuyerAgentName = Text(BuyerAgentName),
            BuyerAgentIdNumber = Text(BuyerAgentIdNumber)?.ToUpperInvariant(),
            AttachedFacilities = Text(AttachedFacilities),
            Price = Decimal(nameof(Price), Price, errors),
            DecorationAndFacilitiesAmount = Decimal(nameof(DecorationAmount), DecorationAmount, errors),
            PaymentMethod = Choice<PaymentMethod>(nameof(PaymentMethod), PaymentMethod, errors),
            FundsThroughEscrow = YesNo(FundsThroughEscrow),
            Deposit = Decimal(nameof(Deposit), Deposit, errors),
            DepositDueOn = DateValue(nameof(DepositDueOn), DepositDueOn, errors),
            DeliveryDate = DateValue(nameof(DeliveryDate), DeliveryDate, errors),
            DeliveryConditions = Text(DeliveryConditions),
            TaxBearer = Choice<TaxBearer>(nameof(TaxBearer), TaxBearer, errors),
            HukouMoveOutDays = Whole(nameof(HukouMoveOutDays), HukouMoveOutDays, errors),
            HukouDailyPenalty = Decimal(nameof(HukouDailyPenalty), HukouDailyPenalty, errors),
            LatePaymentDailyRate = Decimal(nameof(LatePaymentDailyRate), LatePaymentDailyRate, errors),
            LateDeliveryDailyRate = Decimal(nameof(LateDeliveryDailyRate), LateDeliveryDailyRate, errors),
            TerminationAfterDays = Whole(nameof(TerminationAfterDays), TerminationAfterDays, errors),
            DisputeResolution = Choice<DisputeResolution>(nameof(DisputeResolution), DisputeResolution, errors),
            ArbitrationCommission = Text(ArbitrationCommission),
            Copies = Whole(nameof(Copies), Copies, errors),
            OtherTerms = Text(OtherTerms),
            SellerServiceAddress = Text(SellerServiceAddress),
            BuyerServiceAddress = Text(BuyerServiceAddress),
            Supplied = new SuppliedHomeFacts
            {
                Structure = Text(SuppliedStructure),
                LandArea = Decimal(nameof(SuppliedLandArea), SuppliedLandArea, errors),
                CertificateIssuedOn = DateValue(nameof(SuppliedCertificateIssuedOn), SuppliedCertificateIssuedOn, errors),
                Floor = Whole(nameof(SuppliedFloor), SuppliedFloor, errors),
                TotalFloors = Whole(nameof(SuppliedTotalFloors), SuppliedTotalFloors, errors),
                RoomType = Text(SuppliedRoomType),
            },
            IsLet = YesNo(IsLet),
            LeaseEndsOn = DateValue(nameof(LeaseEndsOn), LeaseEndsOn, errors),
            LeaseHandling = Choice<LeaseHandling>(nameof(LeaseHandling), LeaseHandling, errors),
            LoanRefusal = Choice<LoanRefusalRemedy>(nameof(LoanRefusal), LoanRefusal, errors),
            DepositCountsTowardPrice = YesNo(DepositCountsTowardPrice),
            UtilitiesTransferDays = Whole(nameof(UtilitiesTransferDays), UtilitiesTransferDays, errors),
            MaintenanceFund = Choice<MaintenanceFundHandling>(nameof(MaintenanceFund), MaintenanceFund, errors),
            TransferRegistrationWithinDays = Whole(nameof(TransferRegistrationWithinDays), TransferRegistrationWithinDays, errors),
        };

        var schedule = new List<PaymentInstallment>();
        for (var i = 0; i < Installments.Count; i++)
        {
            var row = Installments[i];
            if (row is null || row.IsBlank)
            {
                continue;
            }

            var dueOn = DateValue($"Installments[{i}].DueOn", row.DueOn, errors);
            var amount = Decimal($"Installments[{i}].Amount", row.Amount, errors);
            if (dueOn is null && string.IsNullOrWhiteSpace(row.DueOn))
            {
                errors.Add(($"Installments[{i}].DueOn", "请填写付款日期。"));
            }

            if (amount is null && string.IsNullOrWhiteSpace(row.Amount))
            {
                errors.Add(($"Installments[{i}].Amount", "请填写付款金额。"));
            }

            if (dueOn is { } d && amount is { } a)
            {
                schedule.Add(new PaymentInstallment(schedule.Count + 1, d, a, Text(row.Description) ?? string.Empty));
            }
        }

        return (terms, schedule, errors);
    }

    /// <summary>The input a domain problem belongs next to; null for a problem about the whole contract.</summary>
    public static string? InputOf(ContractProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Field switch
        {
            ContractField.Contract or ContractField.Parties or ContractField.HasCoOwners => null,
            ContractField.InstallmentDueOn => $"Installments[{problem.Installment}].DueOn",
            ContractField.InstallmentAmount => $"Installments[{problem.Installment}].Amount",
            ContractField.InstallmentDescription => $"Installments[{problem.Installment}].Description",
            var field => field.ToString(),
        };
    }

    private static bool? YesNo(string? value) => FormValue.ParseBool(value);

    private static string? Text(string? value) => FormValue.Text(value);

    private static string? Amount(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    // Values are read as the seller's form reads them (FormValue: full-width digits, separators, the usual date
    // spellings); what cannot be read is reported next to its input instead of silently left out.
    private static decimal? Decimal(string field, string? value, List<(string, string)> errors) =>
        Report<decimal>(field, value, FormValue.ParseDecimal(value) is { } n && n >= 0 ? n : null, "请填写数字，例如 1280000 或 5.5。", errors);

    private static int? Whole(string field, string? value, List<(string, string)> errors) =>
        Report<int>(field, value, FormValue.ParseInt(value) is { } n && n >= 0 ? n : null, "请填写整数。", errors);

    private static DateOnly? DateValue(string field, string? value, List<(string, string)> errors) =>
        Report(field, value, FormValue.ParseDate(value), "请按“年-月-日”填写日期，例如 2027-03-01。", errors);

    private static T? Choice<T>(string field, string? value, List<(string, string)> errors)
        where T : struct, Enum =>
        Report(field, value, FormValue.ParseEnum<T>(value), "请从列表中选择。", errors);

    private static T? Report<T>(string field, string? typed, T? read, string message, List<(string, string)> errors)
        where T : struct
    {
        if (read is null && Text(typed) is not null)
        {
            errors.Add((field, message));
        }

        return read;
    }
}

/// <summary>One row of the 第三条 payment schedule at the counter.</summary>
public sealed class CounterInstallmentRow
{
    public string? DueOn { get; set; }

    public string? Amount { get; set; }

    public string? Description { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(DueOn) && string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(Description);
}

/// <summary>Reads the buyer rows a clerk typed; each problem is reported under its input's name.</summary>
public static class CounterBuyers
{
    public static (List<BuyerDetails> Buyers, List<(string Field, string Message)> Errors) Read(IReadOnlyList<CounterBuyerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var buyers = new List<BuyerDetails>();
        var errors = new List<(string, string)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row is null || row.IsBlank)
            {
                continue;
            }

            string? name = null;
            try
            {
                name = PersonName.Normalize(row.Name);
            }
            catch (Domain.DomainException ex)
            {
                errors.Add(($"Buyers[{i}].Name", ex.Message));
            }

            if (row.ParsedIdType is not { } idType)
            {
                errors.Add(($"Buyers[{i}].IdType", "请选择证件类型。"));
                continue;
            }

            var idOk = IdNumber.TryParse(idType, row.IdNumber, out var idNumber, out var idError);
            if (!idOk)
            {
                errors.Add(($"Buyers[{i}].IdNumber", idError));
            }

            var phoneOk = PhoneNumber.TryParse(row.Phone, out var phone, out var phoneError);
            if (!phoneOk)
            {
                errors.Add(($"Buyers[{i}].Phone", phoneError));
            }

            if (name is not null && idNumber is not null && phone is not null)
            {
                buyers.Add(new BuyerDetails(name, idNumber, phone));
            }
        }

        return (buyers, errors);
    }
}
