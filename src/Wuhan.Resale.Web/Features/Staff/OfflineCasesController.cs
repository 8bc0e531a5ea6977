using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// 待线下办理 cases: listings whose 限购 class the rules could not decide, oldest first, by district office. Staff record
/// the determination (the seller continues online and is told by SMS) or close the case as handled at the counter.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Staff)]
public sealed class OfflineCasesController(
    ResaleDbContext db, UserManager<ApplicationUser> users, ISmsGateway sms, AuditTrail audit, TimeProvider clock) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/staff/cases")]
    public async Task<IActionResult> Index(string? district, int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, 10_000);
        var scope = await StaffScope.OfAsync(users, User);
        var query = scope.Filter(db.Listings.AsNoTracking()).Where(l => l.Status == ListingStatus.PendingOffline);
        if (district == "unknown")
        {
            query = query.Where(l => l.DistrictCode == null);
        }
        else if (!string.IsNullOrEmpty(district))
        {
            query = query.Where(l => l.DistrictCode == district);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(l => l.CreatedAt).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(l => new { l.Id, l.ListingCode, l.Home!.Location, l.Home.DesignPurpose, l.Home.CertificateNumber, l.DistrictCode, l.CreatedAt })
            .ToListAsync(cancellationToken);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new DistrictOption(d.Code, d.Name)).ToListAsync(cancellationToken);
        var names = districts.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
        return View("Cases", new OfflineCasesViewModel(
            [.. rows.Select(r => new OfflineCaseRow(r.Id, r.ListingCode, r.Location, r.DesignPurpose ?? "未登记", r.CertificateNumber,
                r.DistrictCode is null ? "未知" : names.GetValueOrDefault(r.DistrictCode, r.DistrictCode),
                r.CreatedAt.ToOffset(Domain.Common.ShanghaiTime.Offset)))],
            districts, district, page, (total + PageSize - 1) / PageSize, total));
    }

    [HttpGet("/staff/cases/{id:guid}")]
    public async Task<IActionResult> Case(Guid id, string? message, CancellationToken cancellationToken)
    {
        var model = await CaseModelAsync(id, message, null, cancellationToken);
        return model is null ? NotFound() : View("Case", model);
    }

    /// <summary>Records 限购 / 非限购 with a reason; the seller continues at 确认买方 and gets an SMS.</summary>
    [HttpPost("/staff/cases/{id:guid}/determination")]
    public async Task<IActionResult> Determine(Guid id, RestrictionClass? restrictionClass, string? reason, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || !(await StaffScope.OfAsync(users, User)).Covers(listing))
        {
            return NotFound();
        }

        if (restrictionClass is not (RestrictionClass.Restricted or RestrictionClass.NotRestricted) || string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return View("Case", await CaseModelAsync(id, null, restrictionClass is null ? "请选择认定结果（限购或非限购）。" : "请填写认定理由（500字以内）。", cancellationToken));
        }

        try
        {
            listing.RecordDetermination(restrictionClass.Value, reason, clock.GetUtcNow());
            audit.Record("listing.determined", "Listing", listing.Id.ToString(), $"认定为{restrictionClass.Value.DisplayName()}：{reason.Trim()}");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
        {
            return View("Case", await CaseModelAsync(id, null, ex is DomainException ? ex.Message : "该案件刚被其他工作人员处理过，请刷新后查看。", cancellationToken));
        }

        var seller = await db.People.AsNoTracking().SingleAsync(p => p.Id == listing.SellerPersonId, cancellationToken);
        await sms.SendAsync(PhoneNumber.Parse(seller.Phone),
            $"【武汉房产网签】您的房源{listing.ListingCode}已由房管部门认定为{restrictionClass.Value.DisplayName()}，请登录平台继续办理确认买方和网签申报。",
            "OfflineDetermined", cancellationToken);
        return RedirectToAction(nameof(Case), new { id, message = "determined" });
    }

    /// <summary>The case was handled at the counter: the listing is closed and the home released.</summary>
    [HttpPost("/staff/cases/{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || !(await StaffScope.OfAsync(users, User)).Covers(listing))
        {
            return NotFound();
        }

        try
        {
            listing.CloseOffline(clock.GetUtcNow());
            audit.Record("listing.closed-offline", "Listing", listing.Id.ToString(), "已在窗口线下办结");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
        {
            return View("Case", await CaseModelAsync(id, null, ex is DomainException ? ex.Message : "该案件刚被其他工作人员处理过，请刷新后查看。", cancellationToken));
        }

        return RedirectToAction(nameof(Case), new { id, message = "closed" });
    }

    private async Task<OfflineCaseViewModel?> CaseModelAsync(Guid id, string? message, string? error, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking().Include(l => l.Home).ThenInclude(h => h!.Owners).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || !(await StaffScope.OfAsync(users, User)).Covers(listing))
        {
            return null;
        }

        var seller = await db.People.AsNoTracking().SingleAsync(p => p.Id == listing.SellerPersonId, cancellationToken);
        var district = listing.DistrictCode is null ? null
            : await db.Districts.AsNoTracking().Where(d => d.Code == listing.DistrictCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var home = listing.Home!;
        return new OfflineCaseViewModel(
            listing.Id, listing.ListingCode, listing.Status, listing.RestrictionClass, listing.DeterminationNote,
            home.Location, home.CertificateNumber, home.DesignPurpose ?? "未登记", home.BuildingArea, district ?? "未知",
            Masking.MaskName(seller.Name), Masking.MaskPhone(seller.Phone),
            message switch { "determined" => "已记录认定结果，并已短信通知卖方继续在线办理。", "closed" => "已按线下办结关闭该案件。", _ => null },
            error);
    }
}

public sealed record OfflineCaseRow(Guid Id, string ListingCode, string Location, string DesignPurpose, string CertificateNumber, string DistrictName, DateTimeOffset CreatedAt);

public sealed record OfflineCasesViewModel(
    IReadOnlyList<OfflineCaseRow> Rows, IReadOnlyList<DistrictOption> Districts, string? District, int Page, int Pages, int Total);

public sealed record OfflineCaseViewModel(
    Guid Id, string ListingCode, ListingStatus Status, RestrictionClass RestrictionClass, string? DeterminationNote,
    string Location, string CertificateNumber, string DesignPurpose, decimal BuildingArea, string DistrictName,
    string MaskedSellerName, string MaskedSellerPhone, string? Message, string? Error);
