using Wuhan.Resale.Domain.Contracts;

namespace Wuhan.Resale.Web.Features.ContractFiling;

public sealed record ContractRow(
    int Order, Guid ContractId, Guid ListingId, string ListingCode, string? ContractNumber, string OwnerNames, string OwnerIdNumbers,
    string Location, ContractStatus Status, bool IsSeller, bool HasTerms, string StatusName, bool MayBeRevokedOnline);

public sealed record ContractsViewModel(IReadOnlyList<ContractRow> Rows, string? Message)
{
    /// <summary>资金监管 of the listed contracts that have a supervision account (<see cref="EscrowPanel"/>).</summary>
    public IReadOnlyList<EscrowPanel> Escrows { get; init; } = [];
}

/// <param name="TypedOwnerPhone">What the seller typed for a co-owner without a phone, shown again after a refusal.</param>
/// <param name="ConfirmedOnOwnPhone">The party pressed 同意签署 on their own phone for the contract as it is now.</param>
/// <param name="MustConfirmOnOwnPhone">Their ID cannot be checked against the registry: a code typed here does not count.</param>
public sealed record FilingPartyView(
    int Index, string RoleName, string Name, string MaskedIdNumber, string? MaskedPhone, string? Code, string? TypedOwnerPhone,
    bool ConfirmedOnOwnPhone, bool MustConfirmOnOwnPhone);

public sealed record FilingViewModel(
    Guid ContractId, string Location, decimal BuildingArea, string Price, string PriceInCapitals, IReadOnlyList<FilingPartyView> Parties,
    IReadOnlyList<string> Blockers, bool CodesSent, string? Notice, string? Error);
