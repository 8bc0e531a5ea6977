using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.ListingVerification;

/// <summary>
/// 房源核验: the person's property queries, the user notice, the list of homes for sale, verification into a
/// listing with its 房源编码, and the 限购 classification with the offline path and 更新房屋所属区.
/// Every id in a URL is looked up together with the signed-in person: someone else's id is a 404.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class ListingVerificationController(
    ResaleDbContext db,
    IPropertyRegistry registry,
    PropertyQuerySignal signal,
    AuditTrail audit,
    TimeProvider clock) : Controller
{
    [HttpGet("/listing")]
    public async Task<IActionResult> Index(string? message, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var today = ShanghaiTime.Today(clock);
        var queries = await db.PropertyQueries.AsNoTracking()
            .Where(q => q.PersonId == person.Id)
            .OrderByDescending(q => q.RequestedAt)
            .Take(20)
            .Select(q => new { Query = q, Homes = q.Records.Count })
            .ToListAsync(cancellationToken);
        var rows = queries.Select((q, i) => new QueryRow(
            i + 1, q.Query.Id, q.Query.ApplicantName, q.Query.QueryNumber, q.Query.RequestedAt.ToOffset(ShanghaiTime.Offset),
            q.Query.Status, q.Query.FailureReason, q.Query.IsUsableOn(today), q.Homes)).ToList();

        var listings = await VisibleListings(person)
            .OrderByDescending(l => l.CreatedAt)
            .Select(l => new { l.Id, l.ListingCode, l.Home!.Location, l.Status, l.RestrictionClass, l.DistrictCode })
            .ToListAsync(cancellationToken);
        var districtNames = await DistrictNamesAsync(cancellationToken);

        return View(new VerificationHomeViewModel(
            rows,
            [.. listings.Select(l => new ListingRow(l.Id, l.ListingCode, l.Location, l.Status, l.RestrictionClass,
                l.DistrictCode is null ? null : districtNames.GetValueOrDefault(l.DistrictCode)))],
            rows.Exists(r => r.UsableToday),
            rows.Exists(r => r.Status == PropertyQueryStatus.Pending),
            Messages.For(message)));
    }

    /// <summary>个人房产信息查询: recorded at once as 查询中; the background worker asks the registry.</summary>
    [HttpPost("/listing/queries")]
    public async Task<IActionResult> StartQuery(CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        if (await db.PropertyQueries.AnyAsync(q => q.PersonId == person.Id && q.Status == PropertyQueryStatus.Pending, cancellationToken))
        {
            return RedirectToAction(nameof(Index), new { message = Messages.AlreadyPending });
        }

        var now = clock.GetUtcNow();
        var query = new PropertyQuery(Guid.CreateVersion7(now), NewQueryNumber(now), person.Id, person.Name, now);
        db.PropertyQueries.Add(query);
        audit.Record("query.requested", "PropertyQuery", query.Id.ToString(), query.QueryNumber);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return RedirectToAction(nameof(Index));
    }

    /// <summary>生成房源编码, first step: the user notice.</summary>
    [HttpGet("/listing/queries/{id:guid}/notice")]
    public async Task<IActionResult> Notice(Guid id, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var query = await UsableQueryAsync(person, id, cancellationToken);
        return query is null ? QueryNotUsable() : View(new NoticeViewModel(id, Error: null));
    }

    [HttpPost("/listing/queries/{id:guid}/notice")]
    public async Task<IActionResult> Consent(Guid id, bool agree, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var query = await UsableQueryAsync(person, id, cancellationToken);
        if (query is null)
        {
            return QueryNotUsable();
        }

        if (!agree)
        {
            return View("Notice", new NoticeViewModel(id, "请阅读用户须知，勾选“本人已阅读并同意”后再点击确定。"));
        }

        var now = clock.GetUtcNow();
        var consent = new NoticeConsentRecord(Guid.CreateVersion7(now), person.Id, query.Id, UserNotice.Version, now,
            HttpContext.Connection.RemoteIpAddress?.ToString());
        db.NoticeConsents.Add(consent);
        audit.Record("notice.consented", "PropertyQuery", query.Id.ToString(), "用户须知版本 " + UserNotice.Version);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Homes), new { id });
    }

    /// <summary>可售房屋列表.</summary>
    [HttpGet("/listing/queries/{id:guid}/homes")]
    public async Task<IActionResult> Homes(Guid id, string? message, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var query = await UsableQueryAsync(person, id, cancellationToken);
        if (query is null)
        {
            return QueryNotUsable();
        }

        if (await ConsentOfAsync(person, query, cancellationToken) is null)
        {
            return RedirectToAction(nameof(Notice), new { id });
        }

        return View(HomesModel(person, query, null, null, Messages.For(message), null));
    }

    /// <summary>个人名下不动产信息查询: a home the query did not return, found by its certificate number.</summary>
    [HttpPost("/listing/queries/{id:guid}/certificate")]
    public async Task<IActionResult> AddCertificate(Guid id, string? certificateNumber, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var query = await UsableQueryAsync(person, id, cancellationToken);
        if (query is null)
        {
            return QueryNotUsable();
        }

        if (await ConsentOfAsync(person, query, cancellationToken) is null)
        {
            return RedirectToAction(nameof(Notice), new { id });
        }

        var number = (certificateNumber ?? string.Empty).Trim();
        if (number.Length is 0 or > 80)
        {
            ModelState.AddModelError("CertificateNumber", number.Length == 0 ? "请输入不动产权证号。" : "证号过长，请核对后重新输入。");
            return View("Homes", HomesModel(person, query, null, number, null, null));
        }

        var facts = await registry.FindByCertificateAsync(number, cancellationToken);
        if (facts is null || !facts.Owners.Any(o => o.IdType == person.IdType && o.IdNumber == person.IdNumber))
        {
            // The same words whether the certificate is unknown or someone else's: never say whose it is.
            audit.Record("query.certificate-not-found", "PropertyQuery", query.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            ModelState.AddModelError("CertificateNumber", "未查询到您名下该证号的不动产，请核对证号后重试。");
            return View("Homes", HomesModel(person, query, null, number, null, null));
        }

        var record = query.AddFromCertificateLookup(facts, clock.GetUtcNow());
        audit.Record("query.certificate-added", "PropertyQuery", query.Id.ToString(), "按证号添加房屋");
        await db.SaveChangesAsync(cancellationToken);
        return View("Homes", HomesModel(person, query, record.Id, null, "已将该证号对应的房屋添加到可售房屋列表。", null));
    }

    /// <summary>确认提交: verify the chosen home; a refusal names its reason.</summary>
    [HttpPost("/listing/queries/{id:guid}/verify")]
    public async Task<IActionResult> Verify(Guid id, Guid? recordId, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var query = await UsableQueryAsync(person, id, cancellationToken);
        if (query is null)
        {
            return QueryNotUsable();
        }

        var consent = await ConsentOfAsync(person, query, cancellationToken);
        if (consent is null)
        {
            return RedirectToAction(nameof(Notice), new { id });
        }

        var home = query.Records.FirstOrDefault(r => r.Id == recordId);
        if (home is null)
        {
            return View("Homes", HomesModel(person, query, null, null, null, "请先在列表中选择要出售的房屋。"));
        }

        var policies = await db.RestrictionPolicies.AsNoTracking().ToListAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var hasLive = await db.Listings.AnyAsync(l => l.LiveCertificateNumber == home.CertificateNumber, cancellationToken);
            Listing listing;
            try
            {
                var now = clock.GetUtcNow();
                listing = Listing.Verify(Guid.CreateVersion7(now), NewListingCode(now), person, home,
                    new Domain.Listings.NoticeConsent(person.Id, consent.NoticeVersion, consent.ConsentedAt), hasLive, policies, now);
            }
            catch (ListingRefusedException ex)
            {
                audit.Record("listing.refused", "PropertyRecord", home.Id.ToString(), ex.Reason.ToString());
                await db.SaveChangesAsync(cancellationToken);
                return View("Homes", HomesModel(person, query, home.Id, null, null, ex.Message));
            }

            db.Listings.Add(listing);
            audit.Record("listing.verified", "Listing", listing.Id.ToString(),
                $"房源编码 {listing.ListingCode}，{listing.RestrictionClass.DisplayName()}，{listing.Status.DisplayName()}");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return RedirectToAction(nameof(Result), new { id = listing.Id });
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Lost a race: either the same home was verified a moment ago (the next round refuses it)
                // or the random 房源编码 collided (the next round draws another).
                db.ChangeTracker.Clear();
                query = (await UsableQueryAsync(person, id, cancellationToken))!;
                home = query.Records.First(r => r.Id == recordId);
            }
        }
    }

    /// <summary>The outcome of verification: 房源编码 and 限购 class, or the offline path.</summary>
    [HttpGet("/listings/{id:guid}")]
    public async Task<IActionResult> Result(Guid id, string? message, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var listing = await VisibleListings(person).AsNoTracking().Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
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
            district is null ? null : offices[districts.IndexOf(district)], offices, Messages.For(message)));
    }

    /// <summary>更新房屋所属区.</summary>
    [HttpGet("/listings/{id:guid}/district")]
    public async Task<IActionResult> District(Guid id, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var listing = await VisibleListings(person).AsNoTracking().Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return listing is null ? NotFound() : View(await DistrictFormAsync(listing, listing.DistrictCode, null, cancellationToken));
    }

    [HttpPost("/listings/{id:guid}/district")]
    public async Task<IActionResult> ChangeDistrict(Guid id, string? districtCode, CancellationToken cancellationToken)
    {
        var person = await CurrentPersonAsync(cancellationToken);
        var listing = await VisibleListings(person).Include(l => l.Home).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
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

        return RedirectToAction(nameof(Result), new { id, message = Messages.DistrictChanged });
    }

    private async Task<DistrictFormViewModel> DistrictFormAsync(Listing listing, string? selected, string? error, CancellationToken cancellationToken)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DistrictOption(d.Code, d.Name)).ToListAsync(cancellationToken);
        return new DistrictFormViewModel(listing.Id, listing.ListingCode, listing.Home!.Location, selected, districts, error);
    }

    private static HomesViewModel HomesModel(Person person, PropertyQuery query, Guid? selected, string? certificate, string? message, string? refusal) =>
        new(query.Id, person.Name, Masking.MaskIdNumber(person.IdNumber), query.RequestedAt.ToOffset(ShanghaiTime.Offset),
            [.. query.Records.OrderBy(r => r.Source).ThenBy(r => r.CertificateNumber, StringComparer.Ordinal).Select(r => new HomeRow(
                r.Id, r.BusinessType, r.ResultType, r.CertificateNumber, r.BuildingArea, r.RegisteredOn, r.BusinessStatus,
                r.Source == Domain.Properties.PropertyRecordSource.CertificateLookup))],
            selected, certificate, message, refusal);

    private async Task<Person> CurrentPersonAsync(CancellationToken cancellationToken)
    {
        var personId = User.PersonId();
        return await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
    }

    /// <summary>The person's own query, completed and made today (Asia/Shanghai), with its homes; else null.</summary>
    private async Task<PropertyQuery?> UsableQueryAsync(Person person, Guid id, CancellationToken cancellationToken)
    {
        var query = await db.PropertyQueries.Include(q => q.Records).ThenInclude(r => r.Owners)
            .FirstOrDefaultAsync(q => q.Id == id && q.PersonId == person.Id, cancellationToken);
        return query is not null && query.IsUsableOn(ShanghaiTime.Today(clock)) ? query : null;
    }

    private Task<NoticeConsentRecord?> ConsentOfAsync(Person person, PropertyQuery query, CancellationToken cancellationToken) =>
        db.NoticeConsents.AsNoTracking()
            .Where(c => c.QueryId == query.Id && c.PersonId == person.Id && c.NoticeVersion == UserNotice.Version)
            .OrderByDescending(c => c.ConsentedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Listings the person verified, or of homes they co-own.</summary>
    private IQueryable<Listing> VisibleListings(Person person) => db.Listings.VisibleTo(db, person);

    private async Task<Dictionary<string, string>> DistrictNamesAsync(CancellationToken cancellationToken) =>
        await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// A query that is someone else's, unknown, pending, failed or not from today cannot be used: one answer for all,
    /// so nobody learns whether another person's query id exists.
    /// </summary>
    private NotFoundResult QueryNotUsable() => NotFound();

    private static string NewQueryNumber(DateTimeOffset now) =>
        "CX" + ShanghaiTime.ToShanghai(now).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>房源编码: "FY", the Shanghai date, six random digits; the unique index settles the rare collision.</summary>
    private static string NewListingCode(DateTimeOffset now) =>
        "FY" + ShanghaiTime.DateOf(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private static class Messages
    {
        public const string AlreadyPending = "pending";
        public const string DistrictChanged = "district-changed";

        public static string? For(string? key) => key switch
        {
            AlreadyPending => "您已有一个正在进行的查询，请等待其完成。",
            DistrictChanged => "房屋所属区已更新，系统已按新的所属区重新判断限购类型。",
            _ => null,
        };
    }
}

public sealed record NoticeViewModel(Guid QueryId, string? Error);
