using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Web.Features.ContractFiling;

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
