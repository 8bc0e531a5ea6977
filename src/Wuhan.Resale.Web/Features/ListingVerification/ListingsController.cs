using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.ListingVerification;

/// <summary>
/// A verified listing: its 房源编码 and 限购 class, or the offline path with the district offices; 更新房屋所属区 classifies
/// it again. Only the person who verified it and the home's owners see it (<see cref="ListingAccess"/>).
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class ListingsController(ResaleDbContext db, AuditTrail audit, TimeProvider clock) : Controller
{
    private const string DistrictChanged = "district-changed";

    /// <summary>The outcome of verification: 房源编码 and 限购 class, or the offline path.</summary>
    [HttpGet("/listings/{id:guid}")]
    public async Task<IActionResult> Result(Guid id, string? message, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var listing = await db.Listings.VisibleTo(db, person).AsNoTracking().Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null)
        {
            return NotFound();
        }

        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var offices = districts.Select(d => new OfficeInfo(d.Name, d.Office.Name, d.Office.Address, d.Office.Phone, d.Office.Hours)).ToList();
        var district = districts.Find(d => d.Code == listing.DistrictCode);
        return View(new ListingResultViewModel(
            listing.Id, listing.ListingCode, listing.Home!.Location, listing.CertificateNumber, listing.Home.DesignPurpose,
            district?.Name, listing.Status, listing.RestrictionClass,
            district is null ? null : offices[districts.IndexOf(district)], offices, message == DistrictChanged ? "房屋所属区已更新，系统已按新的所属区重新判断限购类型。" : null));
    }

    /// <summary>更新房屋所属区.</summary>
    [HttpGet("/listings/{id:guid}/district")]
    public async Task<IActionResult> District(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var listing = await db.Listings.VisibleTo(db, person).AsNoTracking().Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return listing is null ? NotFound() : View(await DistrictFormAsync(listing, listing.DistrictCode, null, cancellationToken));
    }

    [HttpPost("/listings/{id:guid}/district")]
    public async Task<IActionResult> ChangeDistrict(Guid id, string? districtCode, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var listing = await db.Listings.VisibleTo(db, person).Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(districtCode) || !await db.Districts.AnyAsync(d => d.Code == districtCode, cancellationToken))
        {
            return View("District", await DistrictFormAsync(listing, districtCode, "请从列表中选择房屋所属区。", cancellationToken));
        }

        var before = listing.DistrictCode ?? "未知";
        try
        {
            var policies = await db.RestrictionPolicies.AsNoTracking().ToListAsync(cancellationToken);
            listing.ChangeDistrict(districtCode, policies, clock.GetUtcNow());
            audit.Record("listing.district-changed", "Listing", listing.Id.ToString(),
                $"所属区 {before} → {districtCode}，{listing.RestrictionClass.DisplayName()}");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return View("District", await DistrictFormAsync(listing, districtCode, ex.Message, cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            return View("District", await DistrictFormAsync(listing, districtCode, "房源信息刚被修改过，请重新选择后提交。", cancellationToken));
        }

        return RedirectToAction(nameof(Result), new { id, message = DistrictChanged });
    }

    private async Task<DistrictFormViewModel> DistrictFormAsync(Listing listing, string? selected, string? error, CancellationToken cancellationToken)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DistrictOption(d.Code, d.Name)).ToListAsync(cancellationToken);
        return new DistrictFormViewModel(listing.Id, listing.ListingCode, listing.Home!.Location, selected, districts, error);
    }
}
