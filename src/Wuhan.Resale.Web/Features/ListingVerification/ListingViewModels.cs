using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Web.Features.Shared;

namespace Wuhan.Resale.Web.Features.ListingVerification;

public sealed record QueryRow(
    int Order, Guid Id, string ApplicantName, string QueryNumber, DateTimeOffset RequestedAt, PropertyQueryStatus Status,
    string? FailureReason, bool UsableToday, int HomeCount);

public sealed record ListingRow(
    Guid Id, string ListingCode, string Location, ListingStatus Status, RestrictionClass RestrictionClass, string? DistrictName);

public sealed record VerificationHomeViewModel(
    IReadOnlyList<QueryRow> Queries, IReadOnlyList<ListingRow> Listings, bool HasUsableQueryToday, bool HasPendingQuery, string? Message);

public sealed record HomeRow(
    Guid RecordId, string BusinessType, string ResultType, string CertificateNumber, decimal BuildingArea,
    DateOnly? RegisteredOn, string BusinessStatus, bool FromCertificateLookup)
{
    /// <summary>坐落, the card's title: what tells a seller's homes apart.</summary>
    public string Location { get; init; } = string.Empty;

    /// <summary>Why this home cannot go online (the domain's words), or null when it can.</summary>
    public string? Refusal { get; init; }

    /// <summary>The mortgagee bank's name when this mortgaged home may go online as 带押过户 (the seller ticks it); else null.</summary>
    public string? MortgageeName { get; init; }
}

public sealed record HomesViewModel(
    Guid QueryId, string ApplicantName, string MaskedIdNumber, DateTimeOffset QueriedAt, IReadOnlyList<HomeRow> Homes,
    Guid? SelectedRecordId, string? CertificateNumber, string? Message, string? Refusal);

public sealed record OfficeInfo(string DistrictName, string Name, string Address, string Phone, string Hours);

/// <param name="DeterminationNote">Staff's reason when they decided the 限购 class by hand; null otherwise.</param>
/// <param name="CanChangeDistrict">Whether the listing offers 更新房屋所属区 (the domain's answer).</param>
public sealed record ListingResultViewModel(
    Guid Id, string ListingCode, string Location, string CertificateNumber, string? DesignPurpose, string? DistrictName,
    ListingStatus Status, RestrictionClass RestrictionClass, string? DeterminationNote, bool CanChangeDistrict,
    OfficeInfo? Office, IReadOnlyList<OfficeInfo> AllOffices, string? Message)
{
    /// <summary>Whether the page offers 撤回房源 (the listing's answer).</summary>
    public bool CanWithdraw { get; init; }

    public string? WithdrawalReason { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>带押过户: where the mortgagee bank's consent stands; null for a home sold without a mortgage.</summary>
    public MortgageTransferView? Mortgage { get; init; }
}

/// <summary>带押过户 as the seller sees it: the bank, its answer, the loan, and why buyers must wait.</summary>
public sealed record MortgageTransferView(string MortgageeName, MortgageConsentStatus Consent, decimal? OutstandingLoan, string? RefusalReason, string? Wait)
{
    public static MortgageTransferView? Of(Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return listing.MortgageTransfer
            ? new MortgageTransferView(listing.MortgageeName ?? string.Empty, listing.MortgageConsent!.Value, listing.OutstandingLoan,
                listing.MortgageRefusalReason, listing.MortgageConsentWait)
            : null;
    }
}

/// <param name="Refusal">Why the home cannot be withdrawn now; the page shows it instead of the form.</param>
/// <param name="HasDraft">Buyers were saved, so a draft contract exists and will be discarded.</param>
/// <param name="Reason">The reason chosen (one of <see cref="WithdrawalReasons.Choices"/> or <see cref="WithdrawalReasons.Other"/>).</param>
public sealed record WithdrawFormViewModel(
    Guid ListingId, string ListingCode, string Location, ListingStatus Status, string? Refusal, bool HasDraft, string? Reason,
    string? OtherReason, string? Error);

/// <summary>The reasons a seller picks from when withdrawing a home, or types their own.</summary>
public static class WithdrawalReasons
{
    public const string Other = "其他";

    public static IReadOnlyList<string> Choices { get; } =
    [
        "不再出售该房屋",
        "买卖双方协商不再交易",
        "房屋信息有误，需要更正后重新核验",
        "改为通过房地产经纪机构出售",
    ];

    /// <summary>The reason to record, or null with <paramref name="problem"/> saying what to fix next to the field.</summary>
    public static string? Compose(string? reason, string? otherReason, out string? problem)
    {
        problem = null;
        if (reason is not null && Choices.Contains(reason, StringComparer.Ordinal))
        {
            return reason;
        }

        if (reason != Other)
        {
            problem = "请选择撤回原因。";
            return null;
        }

        var typed = otherReason?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            problem = "请填写撤回原因。";
            return null;
        }

        if (typed.Length > Listing.MaxWithdrawalReasonLength - Other.Length - 1)
        {
            problem = $"撤回原因请控制在{Listing.MaxWithdrawalReasonLength - Other.Length - 1}字以内。";
            return null;
        }

        return $"{Other}：{typed}";
    }
}

/// <param name="Error">A problem with the chosen district, shown next to the field.</param>
/// <param name="Refusal">Why the seller cannot change the district at all; the page shows it instead of the form.</param>
/// <param name="DistrictName">The listing's district as recorded now, when it is one of the city's.</param>
/// <param name="Office">That district's office, where a wrong district is corrected.</param>
public sealed record DistrictFormViewModel(
    Guid ListingId, string ListingCode, string Location, string? CurrentCode, IReadOnlyList<DistrictOption> Districts, string? Error,
    string? Refusal, string? DistrictName, OfficeInfo? Office);

public sealed record NoticeViewModel(Guid QueryId, string? Error);
