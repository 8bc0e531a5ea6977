using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Features.Shared;

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
    public const int MaxRows = PaymentInstallment.MaxSchedule;

    /// <summary>save | check | add-installment.</summary>
    public string? Intent { get; set; }

    /// <summary>The concurrency token the page was rendered with: a save from a stale tab is refused.</summary>
    public string? Version { get; set; }

    /// <summary>The section (<see cref="ContractFormSections"/>) the seller was on; after a save the page opens it again.</summary>
    public string? Section { get; set; }

    /// <summary>下一步 / 上一步: the section to open after a successful save.</summary>
    public string? GoTo { get; set; }

    /// <summary>是否有共有人: derived from the registry's owners by the server, never bound from a post.</summary>
    [BindNever]
    public bool? HasCoOwners { get; set; }

    /// <summary>The registry's record of the home, set by the server: which 第一条 facts the seller must supply.</summary>
    [BindNever]
    public Domain.Properties.PropertyRecord? RegistryHome { get; set; }

    public string? SellerAgentName { get; set; }

    public string? SellerAgentIdNumber { get; set; }

    public string? BuyerAgentName { get; set; }

    public string? BuyerAgentIdNumber { get; set; }

    public string? SellerServiceAddress { get; set; }

    public string? BuyerServiceAddress { get; set; }

    public string? SuppliedStructure { get; set; }

    public string? SuppliedLandArea { get; set; }

    public string? SuppliedCertificateIssuedOn { get; set; }

    public string? SuppliedFloor { get; set; }

    public string? SuppliedTotalFloors { get; set; }

    public string? SuppliedRoomType { get; set; }

    public string? AttachedFacilities { get; set; }

    /// <summary>"true" or "false".</summary>
    public string? IsLet { get; set; }

    public string? LeaseEndsOn { get; set; }

    public string? LeaseHandling { get; set; }

    public string? Price { get; set; }

    public string? DecorationAmount { get; set; }

    public string? PaymentMethod { get; set; }

    /// <summary>"true" or "false".</summary>
    public string? FundsThroughEscrow { get; set; }

    public string? LoanRefusal { get; set; }

    public IList<InstallmentRow> Installments { get; } = new List<InstallmentRow>();

    public string? Deposit { get; set; }

    public string? DepositDueOn { get; set; }

    /// <summary>"true" or "false".</summary>
    public string? DepositCountsTowardPrice { get; set; }

    public string? DeliveryDate { get; set; }

    public string? DeliveryConditions { get; set; }

    public string? UtilitiesTransferDays { get; set; }

    public string? MaintenanceFund { get; set; }

    public string? TransferRegistrationWithinDays { get; set; }

    public string? TaxBearer { get; set; }

    /// <summary>"true" or "false": 买方是否首套住房 (for the tax estimate).</summary>
    public string? BuyerFirstHome { get; set; }

    /// <summary>"true" or "false": 卖方是否家庭唯一住房 (for the tax estimate).</summary>
    public string? SellerOnlyHome { get; set; }

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
            SellerServiceAddress = terms.SellerServiceAddress,
            BuyerServiceAddress = terms.BuyerServiceAddress,
            SuppliedStructure = terms.Supplied.Structure,
            SuppliedLandArea = FormValue.Rate(terms.Supplied.LandArea),
            SuppliedCertificateIssuedOn = FormValue.Date(terms.Supplied.CertificateIssuedOn),
            SuppliedFloor = FormValue.Int(terms.Supplied.Floor),
            SuppliedTotalFloors = FormValue.Int(terms.Supplied.TotalFloors),
            SuppliedRoomType = terms.Supplied.RoomType,
            AttachedFacilities = terms.AttachedFacilities,
            IsLet = FormValue.Bool(terms.IsLet),
            LeaseEndsOn = FormValue.Date(terms.LeaseEndsOn),
            LeaseHandling = terms.LeaseHandling?.ToString(),
            LoanRefusal = terms.LoanRefusal?.ToString(),
            DepositCountsTowardPrice = FormValue.Bool(terms.DepositCountsTowardPrice),
            UtilitiesTransferDays = FormValue.Int(terms.UtilitiesTransferDays),
            MaintenanceFund = terms.MaintenanceFund?.ToString(),
            TransferRegistrationWithinDays = FormValue.Int(terms.TransferRegistrationWithinDays),
            Price = FormValue.Money(terms.Price),
            DecorationAmount = FormValue.Money(terms.DecorationAndFacilitiesAmount),
            PaymentMethod = terms.PaymentMethod?.ToString(),
            FundsThroughEscrow = FormValue.Bool(terms.FundsThroughEscrow),
            Deposit = FormValue.Money(terms.Deposit),
            DepositDueOn = FormValue.Date(terms.DepositDueOn),
            DeliveryDate = FormValue.Date(terms.DeliveryDate),
            DeliveryConditions = terms.DeliveryConditions,
            TaxBearer = terms.TaxBearer?.ToString(),
            BuyerFirstHome = FormValue.Bool(terms.BuyerFirstHome),
            SellerOnlyHome = FormValue.Bool(terms.SellerOnlyHome),
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
        SellerServiceAddress = FormValue.Text(SellerServiceAddress),
        BuyerServiceAddress = FormValue.Text(BuyerServiceAddress),
        Supplied = new SuppliedHomeFacts
        {
            Structure = FormValue.Text(SuppliedStructure),
            LandArea = FormValue.ParseDecimal(SuppliedLandArea),
            CertificateIssuedOn = FormValue.ParseDate(SuppliedCertificateIssuedOn),
            Floor = FormValue.ParseInt(SuppliedFloor),
            TotalFloors = FormValue.ParseInt(SuppliedTotalFloors),
            RoomType = FormValue.Text(SuppliedRoomType),
        },
        AttachedFacilities = FormValue.Text(AttachedFacilities),
        IsLet = FormValue.ParseBool(IsLet),
        LeaseEndsOn = FormValue.ParseDate(LeaseEndsOn),
        LeaseHandling = FormValue.ParseEnum<LeaseHandling>(LeaseHandling),
        LoanRefusal = FormValue.ParseEnum<LoanRefusalRemedy>(LoanRefusal),
        DepositCountsTowardPrice = FormValue.ParseBool(DepositCountsTowardPrice),
        UtilitiesTransferDays = FormValue.ParseInt(UtilitiesTransferDays),
        MaintenanceFund = FormValue.ParseEnum<MaintenanceFundHandling>(MaintenanceFund),
        TransferRegistrationWithinDays = FormValue.ParseInt(TransferRegistrationWithinDays),
        Price = FormValue.ParseDecimal(Price),
        DecorationAndFacilitiesAmount = FormValue.ParseDecimal(DecorationAmount),
        PaymentMethod = FormValue.ParseEnum<PaymentMethod>(PaymentMethod),
        FundsThroughEscrow = FormValue.ParseBool(FundsThroughEscrow),
        Deposit = FormValue.ParseDecimal(Deposit),
        DepositDueOn = FormValue.ParseDate(DepositDueOn),
        DeliveryDate = FormValue.ParseDate(DeliveryDate),
        DeliveryConditions = FormValue.Text(DeliveryConditions),
        TaxBearer = FormValue.ParseEnum<TaxBearer>(TaxBearer),
        BuyerFirstHome = FormValue.ParseBool(BuyerFirstHome),
        SellerOnlyHome = FormValue.ParseBool(SellerOnlyHome),
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

    /// <summary>
    /// A fact the registry records is never supplied: whatever was posted for it is dropped, so the registry's value
    /// stays the only one (a crafted post cannot restate it).
    /// </summary>
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

    /// <summary>大写 of the price as typed, or null when it is not a valid amount. Never taken from the post.</summary>
    public static string? CapitalsOf(string? price) =>
        FormValue.ParseDecimal(price) is { } value && Money.TryCreate(value, out var money, out _) ? money.ToChineseCapitals() : null;
}

/// <summary>One row of the 第三条 payment schedule: 日期 / 金额 / 说明.</summary>
public sealed class InstallmentRow
{
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
