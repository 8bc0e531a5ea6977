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
using CityDistrict = Wuhan.Resale.Domain.Districts.District;

namespace Wuhan.Resale.Web.Features.ListingVerification;

/// <summary>
/// A verified listing: its 房源编码 and 限购 class, or the offline path with the district offices; 更新房屋所属区 fills in a
/// district the registry did not give and classifies it again (the listing decides when that is allowed). Only the person
/// who verified it and the home's owners see it (<see cref="ListingAccess"/>).
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
        var offices = districts.Select(Office).ToList();
        var district = districts.Find(d => d.Code == listing.DistrictCode);
        return View(new ListingResultViewModel(
            listing.Id, listing.ListingCode, listing.Home!.Location, listing.CertificateNumber, listing.Home.DesignPurpose,
            district?.Name, listing.Status, listing.RestrictionClass, listing.DeterminationNote,
            listing.FindDistrictChangeRefusal(Codes(districts)) is null,
            district is null ? null : Office(district), offices, message == DistrictChanged ? "房屋所属区已更新，系统已按新的所属区重新判断限购类型。" : null));
    }

    /// <summary>更新房屋所属区: a form when the seller may fill the district in, otherwise why not and where to go.</summary>
    [HttpGet("/listings/{id:guid}/district")]
    public async Task<IActionResult> District(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var listing = await db.Listings.VisibleTo(db, person).AsNoTracking().Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null)
        {
            return NotFound();
        }

        var districts = await CityDistrictsAsync(cancellationToken);
        return View(DistrictForm(listing, districts, listing.DistrictCode, null));
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

        var districts = await CityDistrictsAsync(cancellationToken);
        var codes = Codes(districts);
        var before = listing.DistrictCode ?? "未知";
        if (listing.FindDistrictChangeRefusal(codes) is { } refusal)
        {
            // Only codes from the district table go into the detail: the field is free text to anyone posting by hand.
            var attempted = codes.Contains(districtCode ?? string.Empty, StringComparer.Ordinal) ? districtCode : "列表外";
            await audit.RecordNowAsync("listing.district-change-refused", "Listing", listing.Id.ToString(),
                $"所属区 {before} → {attempted}：{refusal}");
            return View("District", DistrictForm(listing, districts, listing.DistrictCode, null));
        }

        try
        {
            var policies = await db.RestrictionPolicies.AsNoTracking().ToListAsync(cancellationToken);
            listing.ChangeDistrict(districtCode, codes, policies, clock.GetUtcNow());
            audit.Record("listing.district-changed", "Listing", listing.Id.ToString(),
                $"所属区 {before} → {listing.DistrictCode}，{listing.RestrictionClass.DisplayName()}");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return View("District", DistrictForm(listing, districts, districtCode, ex.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return View("District", DistrictForm(listing, districts, districtCode, "房源信息刚被修改过，请重新选择后提交。"));
        }

        return RedirectToAction(nameof(Result), new { id, message = DistrictChanged });
    }

    private Task<List<CityDistrict>> CityDistrictsAsync(CancellationToken cancellationToken) =>
        db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);

    private static List<string> Codes(List<CityDistrict> districts) => districts.ConvertAll(d => d.Code);

    private static OfficeInfo Office(CityDistrict district) =>
        new(district.Name, district.Office.Name, district.Office.Address, district.Office.Phone, district.Office.Hours);

    private static DistrictFormViewModel DistrictForm(Listing listing, List<CityDistrict> districts, string? selected, string? error)
    {
        var current = districts.Find(d => d.Code == listing.DistrictCode);
        return new DistrictFormViewModel(
            listing.Id, listing.ListingCode, listing.Home!.Location, selected,
            districts.ConvertAll(d => new DistrictOption(d.Code, d.Name)), error,
            listing.FindDistrictChangeRefusal(Codes(districts)), current?.Name, current is null ? null : Office(current));
    }
}
