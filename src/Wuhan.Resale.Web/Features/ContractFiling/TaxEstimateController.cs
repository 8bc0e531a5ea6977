using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Data.Seed;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>
/// The figures of the 税费估算 panel for what is typed on the contract form now, so the page can follow the price and
/// the answers as they change without saving. Reads only; the same people as the form may ask, anyone else gets a 404.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class TaxEstimateController(ResaleDbContext db, TaxPolicyFile taxes, TimeProvider clock) : Controller
{
    [HttpGet("/contracts/{id:guid}/tax-estimate")]
    public async Task<IActionResult> Estimate(
        Guid id, string? price, string? buyerFirstHome, string? sellerOnlyHome, string? taxBearer, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonKeyAsync(User, cancellationToken);
        var contract = await db.Contracts.AsNoTracking().OfSeller(db, person).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return NotFound();
        }

        var listing = await db.Listings.AsNoTracking().Include(l => l.Home)
            .SingleAsync(l => l.Id == contract.ListingId, cancellationToken);

        // Only the inputs the estimate reads are taken from the query; a filed contract is estimated as it was filed.
        var saved = ContractForm.From(contract.Terms, contract.Schedule, hasCoOwners: false);
        if (contract.Status == Domain.Contracts.ContractStatus.Draft)
        {
            saved.Price = price;
            saved.BuyerFirstHome = buyerFirstHome;
            saved.SellerOnlyHome = sellerOnlyHome;
            saved.TaxBearer = taxBearer;
        }

        Response.Headers.CacheControl = "no-store";
        return PartialView("_TaxEstimateTable", TaxEstimatePanel.Build(contract, listing, saved, taxes, clock.GetUtcNow()));
    }
}
