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

    private const string Withdrawn = "withdrawn";

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
            district is null ? null : Office(district), offices, message switch
            {
                DistrictChanged => "房屋所属区已更新，系统已按新的所属区重新判断限购类型。",
                Withdrawn => "房源已撤回，该房屋不再占用。如以后要出售，可以重新查询并核验，届时会生成新的房源编码。",
                _ => null,
            })
        {
            CanWithdraw = listing.WithdrawalRefusal is null,
            WithdrawalReason = listing.WithdrawalReason,
            WithdrawnAt = listing.WithdrawnAt,
            Mortgage = MortgageTransferView.Of(listing),
        });
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

    /// <summary>撤回房源: the reasons offered, a box for another, and what withdrawing does; or why it cannot be done.</summary>
    [HttpGet("/listings/{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var listing = await db.Listings.VisibleTo(db, person).AsNoTracking().Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return listing is null ? NotFound() : View(WithdrawForm(listing, null, null, null));
    }

    /// <summary>
    /// Withdraws the home for any of its owners (the rule of <see cref="ListingAccess"/>, as for every other step): the
    /// listing stops holding the home and its draft contract is discarded, both in one save. A filing saved a moment
    /// earlier changes the same rows, so only one of the two can win.
    /// </summary>
    [HttpPost("/listings/{id:guid}/withdraw")]
    public async Task<IActionResult> ConfirmWithdraw(Guid id, string? reason, string? otherReason, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var listing = await db.Listings.VisibleTo(db, person).Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null)
        {
            return NotFound();
        }

        var text = WithdrawalReasons.Compose(reason, otherReason, out var problem);
        if (problem is not null)
        {
            ModelState.AddModelError(reason == WithdrawalReasons.Other ? "otherReason" : "reason", problem);
            return View("Withdraw", WithdrawForm(listing, reason, otherReason, null));
        }

        var draft = await db.Contracts.FirstOrDefaultAsync(c => c.ListingId == listing.Id, cancellationToken);
        try
        {
            listing.Withdraw(text, draft, clock.GetUtcNow());
            audit.Record("listing.withdrawn", "Listing", listing.Id.ToString(),
                $"房源编码 {listing.ListingCode} 撤回{(draft is null ? "" : "，合同草稿作废")}；原因：{listing.WithdrawalReason}");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            await audit.RecordNowAsync("listing.withdrawal-refused", "Listing", listing.Id.ToString(), ex.Message);
            return View("Withdraw", WithdrawForm(listing, reason, otherReason, ex.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            // A filing or a change of buyers or terms was saved since the page was loaded: decide again on what is stored now.
            db.ChangeTracker.Clear();
            var fresh = await db.Listings.AsNoTracking().Include(l => l.Home).SingleAsync(l => l.Id == id, cancellationToken);
            return View("Withdraw", WithdrawForm(fresh, reason, otherReason, fresh.WithdrawalRefusal ?? "房源信息刚被修改过，请核对后重新提交。"));
        }

        return RedirectToAction(nameof(Result), new { id, message = Withdrawn });
    }

    private static WithdrawFormViewModel WithdrawForm(Listing listing, string? reason, string? otherReason, string? error) =>
        new(listing.Id, listing.ListingCode, listing.Home!.Location, listing.Status, listing.WithdrawalRefusal,
            listing.Status == ListingStatus.BuyersConfirmed, reason, otherReason, error);

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
