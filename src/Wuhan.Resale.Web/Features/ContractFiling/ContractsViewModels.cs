using Wuhan.Resale.Domain.Contracts;

namespace Wuhan.Resale.Web.Features.ContractFiling;

public sealed record ContractRow(
    int Order, Guid ContractId, Guid ListingId, string ListingCode, string? ContractNumber, string OwnerNames, string OwnerIdNumbers,
    string Location, ContractStatus Status, bool IsSeller, bool HasTerms);

public sealed record ContractsViewModel(IReadOnlyList<ContractRow> Rows, string? Message);

/// <param name="TypedOwnerPhone">What the seller typed for a co-owner without a phone, shown again after a refusal.</param>
public sealed record FilingPartyView(
    int Index, string RoleName, string Name, string MaskedIdNumber, string? MaskedPhone, string? Code, string? TypedOwnerPhone = null);

public sealed record FilingViewModel(
    Guid ContractId, string Location, decimal BuildingArea, string Price, string PriceInCapitals, IReadOnlyList<FilingPartyView> Parties,
    IReadOnlyList<string> Blockers, bool CodesSent, string? Notice, string? Error);
