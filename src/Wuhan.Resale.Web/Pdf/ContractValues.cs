using Wuhan.Resale.Domain.Contracts;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// What each blank of <see cref="ModelContract"/> reads for one <see cref="ContractDocument"/>, in the words the contract
/// prints. The PDF and the read-only contract page both fill the blanks from here; null means not filled in (printed 无).
/// </summary>
public static class ContractValues
{
    /// <summary>What an unfilled optional value prints as.</summary>
    public const string Blank = "无";

    /// <summary>What a clause that does not concern this contract prints (a loan clause without a loan, a lease of a home not let).</summary>
    public const string NotApplicable = "不适用";

    public static string? Of(ContractDocument document, ContractSlot slot)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (IsHomeFact(slot))
        {
            return Of(document.Home, slot);
        }

        var payment = document.Payment;
        var obligations = document.Obligations;
        return slot switch
        {
            ContractSlot.SellerAgentName => document.SellerAgent?.Name,
            ContractSlot.SellerAgentIdNumber => document.SellerAgent?.IdNumber,
            ContractSlot.BuyerAgentName => document.BuyerAgent?.Name,
            ContractSlot.BuyerAgentIdNumber => document.BuyerAgent?.IdNumber,
            ContractSlot.SellerServiceAddress => document.SellerServiceAddress,
            ContractSlot.BuyerServiceAddress => document.BuyerServiceAddress,
            ContractSlot.IsLet => YesNo(document.Lease.IsLet),
            ContractSlot.LeaseEndsOn => document.Lease.IsLet == false ? NotApplicable : Date(document.Lease.EndsOn),
            ContractSlot.LeaseHandling => document.Lease.IsLet == false ? NotApplicable : document.Lease.HandlingName,
            ContractSlot.LoanRefusal => payment.LoanRefusalName,
            ContractSlot.DepositCountsTowardPrice => payment.DepositHandlingName,
            ContractSlot.UtilitiesTransferDays => Number(document.Delivery.UtilitiesTransferDays),
            ContractSlot.MaintenanceFund => document.Delivery.MaintenanceFundName,
            ContractSlot.TransferRegistrationWithinDays => Number(obligations.TransferRegistrationWithinDays),
            ContractSlot.CopyHolders => document.CopyHolders,
            ContractSlot.AttachedFacilities => document.Home.AttachedFacilities,
            ContractSlot.Price => document.Price.Figures,
            ContractSlot.PriceInCapitals => document.Price.Capitals,
            ContractSlot.DecorationAmount => document.Price.DecorationAmount,
            ContractSlot.PaymentMethod => payment.MethodName,
            ContractSlot.FundsThroughEscrow => YesNo(payment.ThroughEscrow),
            ContractSlot.DepositDueOn => Date(payment.DepositDueOn),
            ContractSlot.Deposit => payment.Deposit,
            ContractSlot.DeliveryDate => Date(document.Delivery.Date),
            ContractSlot.DeliveryConditions => document.Delivery.Conditions,
            ContractSlot.TaxBearer => obligations.TaxBearerName,
            ContractSlot.HukouMoveOutDays => Number(obligations.HukouMoveOutDays),
            ContractSlot.HukouDailyPenalty => obligations.HukouDailyPenalty,
            ContractSlot.LatePaymentDailyRate => obligations.LatePaymentDailyRate,
            ContractSlot.LateDeliveryDailyRate => obligations.LateDeliveryDailyRate,
            ContractSlot.TerminationAfterDays => Number(obligations.TerminationAfterDays),
            ContractSlot.DisputeResolution => obligations.ToCourt switch
            {
                true => DisputeResolution.Court.DisplayName(),
                false => DisputeResolution.Arbitration.DisplayName(),
                null => null,
            },
            ContractSlot.ArbitrationCommission => obligations.ToCourt == true ? null : obligations.ArbitrationCommission,
            ContractSlot.Copies => Number(document.Copies),
            ContractSlot.MortgageTransfer or ContractSlot.MortgageeName or ContractSlot.OutstandingLoan => OfMortgageTransfer(document.MortgageTransfer, slot),
            _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Every blank of the model contract has a value."),
        };
    }

    /// <summary>第三条's 带押过户 blanks, the same on the form, the contract page and the PDF.</summary>
    public static string? OfMortgageTransfer(ContractMortgageTransfer? mortgage, ContractSlot slot) => slot switch
    {
        ContractSlot.MortgageTransfer => mortgage is null ? "否" : "是",
        ContractSlot.MortgageeName => mortgage?.MortgageeName ?? NotApplicable,
        ContractSlot.OutstandingLoan => mortgage is null ? NotApplicable : mortgage.OutstandingLoan + "元",
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Not a 带押过户 blank."),
    };

    /// <summary>Blanks the registry fills (第一条's home facts): shown, never typed in.</summary>
    public static bool IsHomeFact(ContractSlot slot) => slot is >= ContractSlot.Location and <= ContractSlot.CertificateIssuedOn;

    /// <summary>A home fact as the contract prints it; null when the registry does not record it.</summary>
    public static string? Of(ContractHome home, ContractSlot slot)
    {
        ArgumentNullException.ThrowIfNull(home);
        return slot switch
        {
            ContractSlot.Location => home.Location,
            ContractSlot.DistrictName => home.DistrictName,
            ContractSlot.Structure => home.Structure,
            ContractSlot.BuildingArea => home.BuildingArea,
            ContractSlot.LandArea => home.LandArea,
            ContractSlot.Floor => Number(home.Floor),
            ContractSlot.TotalFloors => Number(home.TotalFloors),
            ContractSlot.DesignPurpose => home.DesignPurpose,
            ContractSlot.RoomType => home.RoomType,
            ContractSlot.CertificateNumber => home.CertificateNumber,
            ContractSlot.LandCertificateNumber => home.LandCertificateNumber,
            ContractSlot.CertificateIssuedOn => Date(home.CertificateIssuedOn),
            _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Not a home fact."),
        };
    }

    /// <summary>"（卖方填报）" after a 第一条 fact the seller supplied (printed after its unit), else empty.</summary>
    public static string MarkOf(ContractHome home, ContractSlot slot)
    {
        ArgumentNullException.ThrowIfNull(home);
        return home.SuppliedSlots.Contains(slot) ? $"（{ModelContract.SuppliedMark}）" : string.Empty;
    }

    /// <summary>A filled value as one line: tabs and stray line breaks become spaces; empty prints as <see cref="Blank"/>.</summary>
    public static string Printed(string? value) =>
        string.IsNullOrWhiteSpace(value) ? Blank : value.Trim().Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>A paragraph with its blanks filled in, as plain text.</summary>
    public static string TextOf(ContractDocument document, ContractParagraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        return string.Concat(paragraph.Parts.Select(part => part switch
        {
            ContractText text => text.Text,
            ContractBlank blank => blank.Prefix + Printed(Of(document, blank.Slot)) + blank.Unit + MarkOf(document.Home, blank.Slot),
            _ => string.Empty,
        }));
    }

    /// <summary>第十一条, one paragraph per non-empty line.</summary>
    public static IReadOnlyList<string> OtherTermsParagraphs(ContractDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. (document.OtherTerms ?? string.Empty).Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)];
    }

    /// <summary>One row of the schedule table, in <see cref="ModelContract.ScheduleColumns"/> order.</summary>
    public static IReadOnlyList<string> ScheduleCells(ContractScheduleRow row, int index)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [$"第{index + 1}期", DateText(row.DueOn), row.Amount, row.Description];
    }

    /// <summary>One row of the parties table, in <see cref="ModelContract.PartyColumns"/> order, with the numbers as given.</summary>
    public static IReadOnlyList<string> PartyCells(ContractDocumentParty party, Func<string, string>? maskId = null, Func<string, string>? maskPhone = null)
    {
        ArgumentNullException.ThrowIfNull(party);
        var phone = string.IsNullOrEmpty(party.Phone) ? "—" : (maskPhone ?? (p => p))(party.Phone);
        return [party.Role, party.Name, party.IdTypeName, (maskId ?? (i => i))(party.IdNumber), phone, party.Share ?? "—"];
    }

    public static string DateText(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string? Date(DateOnly? date) => date is { } value ? DateText(value) : null;

    private static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? YesNo(bool? value) => value switch { true => "是", false => "否", null => null };
}
