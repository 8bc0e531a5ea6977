using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Web.Data.Seed;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>
/// The 税费估算 panel of the contract form (in 交付与税费): the two questions it asks and the estimate of what is on the
/// page now. A draft is estimated for today, a filed contract for its filing date, as its PDF annex is.
/// </summary>
/// <param name="BuyerFirstHome">The answer as typed: "true", "false" or blank.</param>
public sealed record TaxEstimatePanel(Guid ContractId, bool Editable, TaxAnnex Annex, string? BuyerFirstHome, string? SellerOnlyHome)
{
    /// <summary>Where the contract page finds the panel in its ViewData.</summary>
    public const string ViewDataKey = "TaxEstimatePanel";

    public static TaxEstimatePanel Build(Contract contract, Listing listing, ContractForm form, TaxPolicyFile taxes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(form);
        var home = listing.Home ?? throw new InvalidOperationException("The listing's home must be loaded.");
        var on = ShanghaiTime.DateOf(contract.FiledAt ?? now);
        return new TaxEstimatePanel(
            contract.Id, contract.Status == ContractStatus.Draft, TaxAnnex.Of(taxes, form.ToTerms(), home, on), form.BuyerFirstHome, form.SellerOnlyHome);
    }
}
