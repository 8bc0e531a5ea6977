using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>One party as the page shows them: never a full ID or phone number.</summary>
public sealed record PartyRow(string Name, string IdTypeName, string MaskedIdNumber, string? Share, string? MaskedPhone);

public sealed record PageNotice(string Kind, string Text);

/// <summary>The contract page: the read-only parts from the registry and the buyers list, and the form.</summary>
/// <param name="Home">第一条 as the property registry records the home; shown, never edited.</param>
public sealed record ContractFormPage(
    Guid ContractId, string ListingCode, ContractStatus Status, string? ContractNumber,
    IReadOnlyList<PartyRow> Sellers, IReadOnlyList<PartyRow> Buyers, ContractHome Home,
    ContractForm Form, string? Version, PageNotice? Notice)
{
    public bool IsEditable => Status == ContractStatus.Draft;

    public bool HasCoOwners => Sellers.Count > 1;

    /// <summary>大写, always worked out here from the price; a value posted for it is never read.</summary>
    public string? PriceInCapitals => ContractForm.CapitalsOf(Form.Price);

    /// <summary>What a blank holds on this page: a registry fact, the worked-out 大写, or what was typed (as typed).</summary>
    public string? ValueOf(ContractSlot slot, FormBlank blank)
    {
        ArgumentNullException.ThrowIfNull(blank);
        return blank.Kind switch
        {
            BlankKind.Fact => ContractValues.Of(Home, slot),
            BlankKind.Capitals => PriceInCapitals,
            _ => (typeof(ContractForm).GetProperty(blank.Name) ?? throw new InvalidOperationException($"ContractForm has no {blank.Name}."))
                .GetValue(Form) as string,
        };
    }

    public static ContractFormPage Build(Contract contract, Listing listing, string? districtName, ContractForm form, string? version, PageNotice? notice)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(listing);
        var home = listing.Home ?? throw new InvalidOperationException("The listing's home must be loaded.");
        return new ContractFormPage(
            contract.Id, listing.ListingCode, contract.Status, contract.ContractNumber,
            [.. home.Owners.Select(o => new PartyRow(o.Name, o.IdType.DisplayName(), Masking.MaskIdNumber(o.IdNumber), o.Share, null))],
            [.. listing.Buyers.OrderBy(b => b.Order).Select(b => new PartyRow(
                b.Name, b.IdType.DisplayName(), Masking.MaskIdNumber(b.IdNumber), null, Masking.MaskPhone(b.Phone)))],
            ContractDocumentFactory.HomeOf(home, districtName, null),
            form, version, notice);
    }
}
