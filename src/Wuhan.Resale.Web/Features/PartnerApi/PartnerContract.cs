using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;

namespace Wuhan.Resale.Web.Features.PartnerApi;

/// <summary>What the registration, tax and housing-fund departments need of a filed contract.</summary>
public sealed record PartnerContract(
    string ContractNumber,
    string Status,
    DateTimeOffset? FiledAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? RegisteredAt,
    PartnerHome Home,
    decimal? Price,
    decimal? DecorationAndFacilitiesAmount,
    string? PaymentMethod,
    bool? FundsThroughEscrow,
    decimal? Deposit,
    IReadOnlyList<PartnerParty> Parties)
{
    /// <summary>When the registration centre reported 已受理转移登记; null until then.</summary>
    public DateTimeOffset? TransferAppliedAt { get; init; }

    /// <summary>带押过户: the mortgagee bank whose mortgage is cancelled with the transfer; null for a home sold without one.</summary>
    public string? MortgageeName { get; init; }

    /// <summary>带押过户: the loan the bank said is outstanding, repaid first out of the escrowed price.</summary>
    public decimal? OutstandingLoan { get; init; }

    public static PartnerContract From(Contract contract, Listing listing, string? districtName)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(listing);
        var home = listing.Home!;
        return new PartnerContract(
            contract.ContractNumber!,
            contract.Status.ToString(),
            contract.FiledAt,
            contract.RevokedAt,
            contract.RegisteredAt,
            new PartnerHome(home.Location, listing.DistrictCode, districtName, home.CertificateNumber, home.LandCertificateNumber,
                home.BuildingArea, home.LandArea, home.DesignPurpose, home.Structure, home.Floor, home.TotalFloors, listing.ListingCode),
            contract.Terms.Price,
            contract.Terms.DecorationAndFacilitiesAmount,
            contract.Terms.PaymentMethod?.ToString(),
            contract.Terms.FundsThroughEscrow,
            contract.Terms.Deposit,
            [.. contract.Parties.OrderBy(p => p.Order).Select(p => new PartnerParty(p.Role.ToString(), p.Name, p.IdType.ToString(), p.IdNumber, p.Share))])
        {
            TransferAppliedAt = contract.TransferAppliedAt,
            MortgageeName = contract.MortgageeName,
            OutstandingLoan = contract.OutstandingLoan,
        };
    }
}

public sealed record PartnerHome(
    string Location, string? DistrictCode, string? DistrictName, string CertificateNumber, string? LandCertificateNumber,
    decimal BuildingArea, decimal? LandArea, string? DesignPurpose, string? Structure, int? Floor, int? TotalFloors, string ListingCode);

public sealed record PartnerParty(string Role, string Name, string IdType, string IdNumber, string? Share);
