using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.Account;

/// <summary>
/// The signed-in citizen's home (办理中心), by role: as a seller, each of their homes with its next step; as a buyer, the
/// filed contracts that name them; a person who is both sees both. Reads only what <see cref="ListingAccess"/> and
/// <see cref="ContractAccess"/> let them see.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class AccountController(ResaleDbContext db) : Controller
{
    [HttpGet("/me")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var listings = await db.Listings.AsNoTracking().VisibleTo(db, person).Include(l => l.Home)
            .ToListAsync(cancellationToken);
        var listingIds = listings.Select(l => l.Id).ToList();
        var sellerContracts = await db.Contracts.AsNoTracking()
            .Where(c => listingIds.Contains(c.ListingId) && c.Status != ContractStatus.Revoked)
            .ToListAsync(cancellationToken);
        var homes = listings
            .OrderByDescending(l => l.CreatedAt)
            .Where(l => l.Status != ListingStatus.Released)
            .Select(l => HomeStep(l, sellerContracts.FirstOrDefault(c => c.ListingId == l.Id)))
            .ToList();

        var bought = await db.Contracts.AsNoTracking().NamingParty(db, person, PartyRole.Buyer)
            .Where(c => c.Status != ContractStatus.Revoked)
            .ToListAsync(cancellationToken);
        var boughtListingIds = bought.Select(c => c.ListingId).ToList();
        var locations = await db.Listings.AsNoTracking().Where(l => boughtListingIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Home!.Location })
            .ToDictionaryAsync(x => x.Id, x => x.Location, cancellationToken);
        var purchases = bought
            .OrderByDescending(c => c.FiledAt)
            .Select(c => new PurchaseCard(c.Id, c.ContractNumber ?? string.Empty, locations.GetValueOrDefault(c.ListingId, string.Empty),
                c.Status, string.Join("、", c.Parties.Where(p => p.Role == PartyRole.Seller).Select(p => Masking.MaskName(p.Name)))))
            .ToList();

        return View(new AccountViewModel(
            person.Name, person.IdType.DisplayName(), Masking.MaskIdNumber(person.IdNumber), Masking.MaskPhone(person.Phone),
            homes, purchases));
    }

    /// <summary>What the seller does next with one home, and where.</summary>
    private static HomeCard HomeStep(Listing listing, Contract? contract)
    {
        var location = listing.Home?.Location ?? listing.ListingCode;
        var (next, label, href) = listing.Status switch
        {
            ListingStatus.Verified => ("下一步：填写买方信息", "确认买方", $"/listings/{listing.Id}/buyers"),
            ListingStatus.PendingOffline => ("需要到区房管窗口办理", "查看办理地点", $"/listings/{listing.Id}"),
            ListingStatus.BuyersConfirmed when contract is { Status: ContractStatus.Draft } && contract.Terms.Price is null =>
                ("下一步：填写合同", "填写合同", $"/contracts/{contract.Id}/edit"),
            ListingStatus.BuyersConfirmed when contract is { Status: ContractStatus.Draft } =>
                ("下一步：申报网签，买卖双方用短信验证码确认", "申报网签", $"/contracts/{contract.Id}/file"),
            ListingStatus.Filed when contract is not null =>
                ("已网签：打印合同签字，再到不动产登记中心办理转移登记", "下一步怎么办", $"/help/next/{contract.Id}"),
            _ => (listing.Status.DisplayName(), "查看", $"/listings/{listing.Id}"),
        };
        return new HomeCard(listing.Id, location, listing.Status, next, label, href);
    }
}

public sealed record HomeCard(Guid ListingId, string Location, ListingStatus Status, string NextStep, string ActionLabel, string ActionHref);

public sealed record PurchaseCard(Guid ContractId, string ContractNumber, string Location, ContractStatus Status, string SellerNames);

public sealed record AccountViewModel(
    string Name, string IdTypeName, string MaskedIdNumber, string MaskedPhone, IReadOnlyList<HomeCard> Homes, IReadOnlyList<PurchaseCard> Purchases)
{
    public bool IsSeller => Homes.Count > 0;

    public bool IsBuyer => Purchases.Count > 0;
}
