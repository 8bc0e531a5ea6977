using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>
/// 网签申报, the contracts list with the actions each state allows: the contracts of homes the person owns and, once
/// filed, the contracts in which they are a buyer (<see cref="ContractAccess"/>).
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class ContractsController(ResaleDbContext db) : Controller
{
    [HttpGet("/contracts")]
    public async Task<IActionResult> Index(string? message, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonKeyAsync(User, cancellationToken);
        var listings = db.Listings.Include(l => l.Home).ThenInclude(h => h!.Owners);
        var asOwner = await db.Contracts.AsNoTracking().OfSeller(db, person)
            .Join(listings, c => c.ListingId, l => l.Id, (c, l) => new { Contract = c, Listing = l })
            .ToListAsync(cancellationToken);
        var asBuyer = await db.Contracts.AsNoTracking().NamingParty(person, PartyRole.Buyer)
            .Join(listings, c => c.ListingId, l => l.Id, (c, l) => new { Contract = c, Listing = l })
            .ToListAsync(cancellationToken);

        var ownerIds = asOwner.Select(x => x.Contract.Id).ToHashSet();
        var rows = asOwner.Select(x => (x.Contract, x.Listing, IsSeller: true))
            .Concat(asBuyer.Where(x => !ownerIds.Contains(x.Contract.Id)).Select(x => (x.Contract, x.Listing, IsSeller: false)))
            .OrderByDescending(x => x.Contract.CreatedAt)
            .Select((x, i) => new ContractRow(
                i + 1, x.Contract.Id, x.Listing.Id, x.Listing.ListingCode, x.Contract.ContractNumber,
                string.Join("、", x.Listing.Home!.Owners.Select(o => o.Name)),
                string.Join("、", x.Listing.Home.Owners.Select(o => Masking.MaskIdNumber(o.IdNumber))),
                x.Listing.Home.Location, x.Contract.Status, x.IsSeller, x.Contract.Terms.Price is not null,
                x.Contract.StatusName, x.Contract.RevocationRefusal is null))
            .ToList();
        // Only a filed contract can have a supervision account: a list of drafts asks nothing more.
        var filedIds = rows.Where(r => r.Status is not (ContractStatus.Draft or ContractStatus.Discarded)).Select(r => r.ContractId).ToList();
        var escrows = filedIds.Count == 0
            ? []
            : await db.EscrowAccounts.AsNoTracking().Where(a => filedIds.Contains(a.ContractId)).ToListAsync(cancellationToken);
        return View(new ContractsViewModel(rows, message switch
        {
            "buyers-saved" => "购房人信息已保存。下一步请填写合同。",
            "filed" => "网签申报成功，已向全部当事人发送短信。请下载合同，打印后由双方签字。",
            "already-filed" => "该合同已经申报网签，无需重复提交。",
            _ => null,
        })
        {
            Escrows = [.. escrows.Join(rows, a => a.ContractId, r => r.ContractId, (a, r) => EscrowPanel.From(a, r))],
        });
    }
}
