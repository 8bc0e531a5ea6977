using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Bookings;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.Booking;

/// <summary>
/// 预约到窗口办理: a seller whose home is 待线下办理 books a half-day at their district office, sees the booking and can
/// cancel it; an SMS confirms each. Only for the person's own listing (<see cref="ListingAccess"/>), else a 404.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class BookingController(ResaleDbContext db, ISmsGateway sms, AuditTrail audit, TimeProvider clock) : Controller
{
    /// <summary>Bookings one person may make a day: each sends an SMS, so cancel-and-book cannot flood a phone.</summary>
    public const int BookingsPerPersonPerDay = 5;

    [HttpGet("/listings/{id:guid}/booking")]
    public async Task<IActionResult> Index(Guid id, string? message, CancellationToken cancellationToken)
    {
        var found = await BookableAsync(id, cancellationToken);
        return found is null ? NotFound() : View(await ModelAsync(found.Value, null, null, Messages(message), cancellationToken));
    }

    [HttpPost("/listings/{id:guid}/booking")]
    public async Task<IActionResult> Book(Guid id, string? slot, CancellationToken cancellationToken)
    {
        // One radio group: "yyyy-MM-dd|Morning" — the date and the half-day chosen together.
        var parts = (slot ?? string.Empty).Split('|', 2);
        var date = parts[0];
        var halfDay = parts.Length == 2 ? parts[1] : null;
        var found = await BookableAsync(id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var (person, listing, district) = found.Value;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return View("Index", await ModelAsync(found.Value, slot, "请选择预约的日期和时段。", null, cancellationToken));
        }

        if (!Enum.TryParse<HalfDay>(halfDay, out var half) || !Enum.IsDefined(half))
        {
            return View("Index", await ModelAsync(found.Value, slot, "请选择上午或下午。", null, cancellationToken));
        }

        var now = clock.GetUtcNow();
        var today = ShanghaiTime.Today(clock);
        if (await db.OfficeVisits.AnyAsync(v => v.ListingId == listing.Id && v.Status == OfficeVisitStatus.Booked && v.Date >= today, cancellationToken))
        {
            return View("Index", await ModelAsync(found.Value, slot, "这套房屋已有预约。如需改期，请先取消原预约。", null, cancellationToken));
        }

        var dayStart = ShanghaiTime.StartOfDay(today);
        if (await db.OfficeVisits.CountAsync(v => v.PersonId == person.Id && v.CreatedAt >= dayStart, cancellationToken) >= BookingsPerPersonPerDay)
        {
            return View("Index", await ModelAsync(found.Value, slot, "您今天预约的次数已达上限，请明天再试或拨打窗口电话。", null, cancellationToken));
        }

        var capacity = await CapacityAsync(district.Code, cancellationToken);
        var booked = await db.OfficeVisits.CountAsync(
            v => v.DistrictCode == district.Code && v.Date == day && v.HalfDay == half && v.Status == OfficeVisitStatus.Booked, cancellationToken);
        OfficeVisit visit;
        try
        {
            visit = OfficeVisit.Book(Guid.CreateVersion7(now), listing.Id, person.Id, district.Code, day, half, booked, capacity, today, now);
        }
        catch (DomainException ex)
        {
            return View("Index", await ModelAsync(found.Value, slot, ex.Message, null, cancellationToken));
        }

        db.OfficeVisits.Add(visit);
        audit.Record("visit.booked", "OfficeVisit", visit.Id.ToString(), $"{district.Name} {Describe(visit)}");
        await db.SaveChangesAsync(cancellationToken);

        // Two people may have taken the last place at the same moment: the later bookings beyond the capacity give way.
        var inSlot = await db.OfficeVisits.AsNoTracking()
            .Where(v => v.DistrictCode == district.Code && v.Date == day && v.HalfDay == half && v.Status == OfficeVisitStatus.Booked)
            .Select(v => v.Id)
            .ToListAsync(cancellationToken);
        if (inSlot.Order().Take(capacity).All(i => i != visit.Id))
        {
            visit.Cancel(today, now);
            audit.Record("visit.cancelled", "OfficeVisit", visit.Id.ToString(), "同一时段名额已被他人先约满");
            await db.SaveChangesAsync(cancellationToken);
            return View("Index", await ModelAsync(found.Value, slot, "该时段已约满，请选择其他日期或时段。", null, cancellationToken));
        }

        var texted = await TryTextAsync(person.Phone,
            $"【武汉房产网签】您已预约{Describe(visit)}到{district.Office.Name}办理存量房网签，地址：{district.Office.Address}，电话{district.Office.Phone}。请携带身份证件和不动产权证书。如需取消，请登录平台取消预约。",
            "VisitBooked", cancellationToken);
        return RedirectToAction(nameof(Index), new { id, message = texted ? "booked" : "booked-no-sms" });
    }

    [HttpPost("/bookings/{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var visit = await db.OfficeVisits.FirstOrDefaultAsync(v => v.Id == id && v.PersonId == person.Id, cancellationToken);
        var found = visit is null ? null : await BookableAsync(visit.ListingId, cancellationToken, requirePendingOffline: false);
        if (visit is null || found is null)
        {
            return NotFound();
        }

        try
        {
            visit.Cancel(ShanghaiTime.Today(clock), clock.GetUtcNow());
            audit.Record("visit.cancelled", "OfficeVisit", visit.Id.ToString(), Describe(visit));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
        {
            return View("Index", await ModelAsync(found.Value, null, ex is DomainException ? ex.Message : "该预约刚刚被修改过，请刷新后再试。", null, cancellationToken));
        }

        await TryTextAsync(person.Phone,
            $"【武汉房产网签】您{Describe(visit)}到{found.Value.District.Office.Name}的预约已取消。", "VisitCancelled", cancellationToken);
        return RedirectToAction(nameof(Index), new { id = visit.ListingId, message = "cancelled" });
    }

    /// <summary>
    /// The confirmation text follows a booking or cancellation that is already saved: a gateway outage must not turn
    /// that into an error page, so it is only reported on the page.
    /// </summary>
    private async Task<bool> TryTextAsync(string phone, string text, string purpose, CancellationToken cancellationToken)
    {
        try
        {
            await sms.SendAsync(PhoneNumber.Parse(phone), text, purpose, cancellationToken);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public static string Describe(OfficeVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return $"{visit.Date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}（{Weekday(visit.Date)}）{visit.HalfDay.DisplayName()}";
    }

    public static string Weekday(DateOnly date) => "周" + "日一二三四五六"[(int)date.DayOfWeek];

    private static string? Messages(string? key) => key switch
    {
        "booked" => "预约成功，已发送短信确认。请按预约时间携带材料前往。",
        "booked-no-sms" => "预约成功。确认短信暂时未能发出，预约以本页显示为准，请按预约时间携带材料前往。",
        "cancelled" => "预约已取消。",
        _ => null,
    };

    private async Task<int> CapacityAsync(string districtCode, CancellationToken cancellationToken) =>
        (await db.OfficeVisitCapacities.AsNoTracking().FirstOrDefaultAsync(c => c.DistrictCode == districtCode, cancellationToken))?.PerHalfDay
        ?? OfficeVisitCapacity.Default;

    /// <summary>The person's own listing that must be filed at the counter, with its district; else null.</summary>
    private async Task<(Person Person, Listing Listing, Domain.Districts.District District)?> BookableAsync(
        Guid id, CancellationToken cancellationToken, bool requirePendingOffline = true)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var listing = await db.Listings.AsNoTracking().VisibleTo(db, person).Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || listing.DistrictCode is null || (requirePendingOffline && listing.Status != ListingStatus.PendingOffline))
        {
            return null;
        }

        var district = await db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Code == listing.DistrictCode, cancellationToken);
        return district is null ? null : (person, listing, district);
    }

    private async Task<BookingViewModel> ModelAsync(
        (Person Person, Listing Listing, Domain.Districts.District District) found, string? chosen, string? error, string? message,
        CancellationToken cancellationToken)
    {
        var (person, listing, district) = found;
        var today = ShanghaiTime.Today(clock);
        var dates = OfficeVisit.BookableDates(today);
        var last = dates.Count == 0 ? today : dates[^1];
        var capacity = await CapacityAsync(district.Code, cancellationToken);
        var taken = await db.OfficeVisits.AsNoTracking()
            .Where(v => v.DistrictCode == district.Code && v.Status == OfficeVisitStatus.Booked && v.Date > today && v.Date <= last)
            .GroupBy(v => new { v.Date, v.HalfDay })
            .Select(g => new { g.Key.Date, g.Key.HalfDay, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var slots = dates.SelectMany(d => new[] { HalfDay.Morning, HalfDay.Afternoon }.Select(h => new BookingSlot(
                d, h, Math.Max(0, capacity - (taken.FirstOrDefault(t => t.Date == d && t.HalfDay == h)?.Count ?? 0)))))
            .ToList();
        var visits = await db.OfficeVisits.AsNoTracking()
            .Where(v => v.ListingId == listing.Id && v.PersonId == person.Id)
            .ToListAsync(cancellationToken);
        return new BookingViewModel(
            listing.Id, listing.Home!.Location, district.Name, district.Office.Name, district.Office.Address, district.Office.Phone, district.Office.Hours,
            listing.Status == ListingStatus.PendingOffline, slots,
            [.. visits.OrderByDescending(v => v.CreatedAt).Select(v => new BookedVisit(v.Id, Describe(v), v.Status, v.Status == OfficeVisitStatus.Booked && v.Date >= today))],
            chosen, error, message);
    }
}

public sealed record BookingSlot(DateOnly Date, HalfDay HalfDay, int Remaining)
{
    public string Value => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + HalfDay;
}

public sealed record BookedVisit(Guid Id, string When, OfficeVisitStatus Status, bool CanCancel);

public sealed record BookingViewModel(
    Guid ListingId, string Location, string DistrictName, string OfficeName, string OfficeAddress, string OfficePhone, string OfficeHours,
    bool CanBook, IReadOnlyList<BookingSlot> Slots, IReadOnlyList<BookedVisit> Visits, string? Chosen, string? Error, string? Message);
