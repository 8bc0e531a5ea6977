using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Bookings;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// 窗口预约: the visits booked at an office from today on, and the number of visits the office accepts per half-day.
/// A clerk sees and sets only their own district; an administrator any district.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Staff)]
public sealed class StaffBookingsController(
    ResaleDbContext db, UserManager<ApplicationUser> users, AuditTrail audit, TimeProvider clock) : Controller
{
    [HttpGet("/staff/bookings")]
    public async Task<IActionResult> Index(string? district, string? message, CancellationToken cancellationToken)
    {
        var (code, districts) = await DistrictAsync(district, cancellationToken);
        return View("Bookings", await ModelAsync(code, districts, null, message == "saved" ? "名额已保存。" : null, cancellationToken));
    }

    [HttpPost("/staff/bookings/capacity")]
    public async Task<IActionResult> SetCapacity(string? district, int? perHalfDay, CancellationToken cancellationToken)
    {
        var (code, districts) = await DistrictAsync(district, cancellationToken);
        if (code is null)
        {
            return NotFound();
        }

        var row = await db.OfficeVisitCapacities.FirstOrDefaultAsync(c => c.DistrictCode == code, cancellationToken);
        if (row is null)
        {
            row = new OfficeVisitCapacity(code);
            db.OfficeVisitCapacities.Add(row);
        }

        try
        {
            row.Set(perHalfDay ?? -1, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return View("Bookings", await ModelAsync(code, districts, ex.Message, null, cancellationToken));
        }

        audit.Record("visit.capacity-set", "District", code, $"每个时段 {row.PerHalfDay} 个名额");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Index), new { district = code, message = "saved" });
    }

    /// <summary>The district shown: the clerk's own (whatever was asked); for an administrator the one asked, else the first.</summary>
    private async Task<(string? Code, IReadOnlyList<Domain.Districts.District> Districts)> DistrictAsync(string? asked, CancellationToken cancellationToken)
    {
        var scope = await StaffScope.OfAsync(users, User);
        var all = await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        if (!scope.CityWide)
        {
            return (all.Exists(d => d.Code == scope.DistrictCode) ? scope.DistrictCode : null, [.. all.Where(d => d.Code == scope.DistrictCode)]);
        }

        return (all.Find(d => d.Code == asked)?.Code ?? all.FirstOrDefault()?.Code, all);
    }

    private async Task<StaffBookingsViewModel> ModelAsync(
        string? code, IReadOnlyList<Domain.Districts.District> districts, string? error, string? message, CancellationToken cancellationToken)
    {
        var today = ShanghaiTime.Today(clock);
        var visits = code is null ? [] : await db.OfficeVisits.AsNoTracking()
            .Where(v => v.DistrictCode == code && v.Date >= today)
            .Join(db.Listings.AsNoTracking(), v => v.ListingId, l => l.Id, (v, l) => new { Visit = v, l.ListingCode, l.Home!.Location })
            .Join(db.People.AsNoTracking(), x => x.Visit.PersonId, p => p.Id, (x, p) => new { x.Visit, x.ListingCode, x.Location, p.Name, p.Phone })
            .ToListAsync(cancellationToken);
        var capacity = code is null ? OfficeVisitCapacity.Default
            : (await db.OfficeVisitCapacities.AsNoTracking().FirstOrDefaultAsync(c => c.DistrictCode == code, cancellationToken))?.PerHalfDay
              ?? OfficeVisitCapacity.Default;
        return new StaffBookingsViewModel(code, districts.Select(d => (d.Code, d.Name)).ToList(), capacity,
            [.. visits.OrderBy(x => x.Visit.Date).ThenBy(x => x.Visit.HalfDay).ThenBy(x => x.Visit.CreatedAt).Select(x => new StaffBookingRow(
                x.Visit.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), x.Visit.HalfDay.DisplayName(), x.ListingCode, x.Location,
                Domain.ValueObjects.Masking.MaskName(x.Name), Domain.ValueObjects.Masking.MaskPhone(x.Phone), x.Visit.Status.DisplayName()))],
            error, message);
    }
}

public sealed record StaffBookingRow(string Date, string HalfDay, string ListingCode, string Location, string Name, string Phone, string Status);

public sealed record StaffBookingsViewModel(
    string? DistrictCode, IReadOnlyList<(string Code, string Name)> Districts, int PerHalfDay, IReadOnlyList<StaffBookingRow> Rows,
    string? Error, string? Message);
