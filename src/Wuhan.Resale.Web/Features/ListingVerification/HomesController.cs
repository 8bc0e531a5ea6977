using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Districts;
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
/// 生成房源编码 from one of today's queries: the user notice (用户须知) and consent, the list of homes for sale, a home
/// found by its certificate number (个人名下不动产信息查询), and verification into a listing with its 房源编码 — or a
/// refusal naming its reason. A query that is not the person's own, or not usable today, is a 404.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class HomesController(
    ResaleDbContext db,
    IPropertyRegistry registry,
    AuditTrail audit,
    TimeProvider clock) : Controller
{
    /// <summary>生成房源编码, first step: the user notice.</summary>
    [HttpGet("/listing/queries/{id:guid}/notice")]
    public async Task<IActionResult> Notice(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var query = await UsableQueryAsync(person, id, cancellationToken);
        return query is null ? QueryNotUsable() : View(new NoticeViewModel(id, Error: null));
    }

    [HttpPost("/listing/queries/{id:guid}/notice")]
    public async Task<IActionResult> Consent(Guid id, bool agree, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
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
        var consent = new NoticeConsent(Guid.CreateVersion7(now), person.Id, query.Id, UserNotice.Version, now,
            HttpContext.Connection.RemoteIpAddress?.ToString());
        db.NoticeConsents.Add(consent);
        audit.Record("notice.consented", "PropertyQuery", query.Id.ToString(), "用户须知版本 " + UserNotice.Version);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Homes), new { id });
    }

    /// <summary>可售房屋列表.</summary>
    [HttpGet("/listing/queries/{id:guid}/homes")]
    public async Task<IActionResult> Homes(Guid id, CancellationToken cancellationToken)
    {
        var (found, refusal) = await ConsentedQueryAsync(id, cancellationToken);
        return found is var (person, query, _) ? View(await HomesModelAsync(person, query, null, null, null, null)) : refusal!;
    }

    /// <summary>个人名下不动产信息查询: a home the query did not return, found by its certificate number.</summary>
    [HttpPost("/listing/queries/{id:guid}/certificate")]
    public async Task<IActionResult> AddCertificate(Guid id, string? certificateNumber, CancellationToken cancellationToken)
    {
        var (found, refusal) = await ConsentedQueryAsync(id, cancellationToken);
        if (found is not var (person, query, _))
        {
            return refusal!;
        }

        var number = (certificateNumber ?? string.Empty).Trim();
        if (number.Length is 0 or > 80)
        {
            ModelState.AddModelError("CertificateNumber", number.Length == 0 ? "请输入不动产权证号。" : "证号过长，请核对后重新输入。");
            return View("Homes", await HomesModelAsync(person, query, null, number, null, null));
        }

        var facts = await registry.FindByCertificateAsync(number, cancellationToken);
        if (facts is null || !facts.Owners.Any(o => o.IdType == person.IdType && o.IdNumber == person.IdNumber))
        {
            // The same words whether the certificate is unknown or someone else's: never say whose it is.
            audit.Record("query.certificate-not-found", "PropertyQuery", query.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            ModelState.AddModelError("CertificateNumber", "未查询到您名下该证号的不动产，请核对证号后重试。");
            return View("Homes", await HomesModelAsync(person, query, null, number, null, null));
        }

        var record = query.AddFromCertificateLookup(facts, clock.GetUtcNow());
        audit.Record("query.certificate-added", "PropertyQuery", query.Id.ToString(), "按证号添加房屋");
        await db.SaveChangesAsync(cancellationToken);
        return View("Homes", await HomesModelAsync(person, query, record.Id, null, "已将该证号对应的房屋添加到可售房屋列表。", null));
    }

    /// <summary>确认提交: verify the chosen home; a refusal names its reason.</summary>
    [HttpPost("/listing/queries/{id:guid}/verify")]
    /// <param name="mortgageRecordId">The homes whose 带押过户 box the seller ticked; counts only for the chosen home.</param>
    public async Task<IActionResult> Verify(Guid id, Guid? recordId, Guid[]? mortgageRecordId, CancellationToken cancellationToken)
    {
        var (found, refusal) = await ConsentedQueryAsync(id, cancellationToken);
        if (found is not var (person, query, consent))
        {
            return refusal!;
        }

        var home = query.Records.FirstOrDefault(r => r.Id == recordId);
        if (home is null)
        {
            return View("Homes", await HomesModelAsync(person, query, null, null, null, "请先在列表中选择要出售的房屋。"));
        }

        var policies = await db.RestrictionPolicies.AsNoTracking().ToListAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var hasLive = await db.Listings.AnyAsync(l => l.LiveCertificateNumber == home.CertificateNumber, cancellationToken);
            Listing listing;
            try
            {
                var now = clock.GetUtcNow();
                var withMortgage = mortgageRecordId?.Contains(home.Id) == true;
                listing = Listing.Verify(Guid.CreateVersion7(now), ListingCode.New(now), person, home, consent, hasLive, policies, now, withMortgage);
            }
            catch (ListingRefusedException ex)
            {
                audit.Record("listing.refused", "PropertyRecord", home.Id.ToString(), ex.Reason.ToString());
                await db.SaveChangesAsync(cancellationToken);
                // Named by its address, so a seller with several homes knows which one was refused.
                return View("Homes", await HomesModelAsync(person, query, home.Id, null, null, $"{home.Location}：{ex.Message}"));
            }

            db.Listings.Add(listing);
            audit.Record("listing.verified", "Listing", listing.Id.ToString(),
                $"房源编码 {listing.ListingCode}，{listing.RestrictionClass.DisplayName()}，{listing.Status.DisplayName()}"
                + (listing.MortgageTransfer ? $"，带押过户，待抵押权人（{listing.MortgageeName}）同意" : string.Empty));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return RedirectToAction(nameof(ListingsController.Result), "Listings", new { id = listing.Id });
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

    /// <summary>
    /// The homes list; each home carries the domain's answer whether it can go online (and why not), so a seller sees
    /// the reason on the home itself before choosing, not only after submitting.
    /// </summary>
    private async Task<HomesViewModel> HomesModelAsync(
        Person person, PropertyQuery query, Guid? selected, string? certificate, string? message, string? refusal)
    {
        var certificates = query.Records.Select(r => r.CertificateNumber).ToList();
        var live = (await db.Listings.AsNoTracking()
            .Where(l => l.LiveCertificateNumber != null && certificates.Contains(l.LiveCertificateNumber))
            .Select(l => l.LiveCertificateNumber!)
            .ToListAsync(HttpContext.RequestAborted)).ToHashSet(StringComparer.Ordinal);
        return new(query.Id, person.Name, Masking.MaskIdNumber(person.IdNumber), query.RequestedAt.ToOffset(ShanghaiTime.Offset),
            [.. query.Records.OrderBy(r => r.Source).ThenBy(r => r.CertificateNumber, StringComparer.Ordinal).Select(r => new HomeRow(
                r.Id, r.BusinessType, r.ResultType, r.CertificateNumber, r.BuildingArea, r.RegisteredOn, r.BusinessStatus,
                r.Source == Domain.Properties.PropertyRecordSource.CertificateLookup)
            {
                Location = r.Location,
                Refusal = Listing.FindRefusal(person, r, live.Contains(r.CertificateNumber))?.Message(),
                MortgageeName = r.IsMortgaged && Listing.FindRefusal(person, r, live.Contains(r.CertificateNumber), withMortgage: true) is null
                    ? r.MortgageeName : null,
            })],
            selected, certificate, message, refusal);
    }

    /// <summary>The person's own query, completed and made today (Asia/Shanghai), with its homes; else null.</summary>
    private async Task<PropertyQuery?> UsableQueryAsync(Person person, Guid id, CancellationToken cancellationToken)
    {
        var query = await db.PropertyQueries.Include(q => q.Records).ThenInclude(r => r.Owners)
            .FirstOrDefaultAsync(q => q.Id == id && q.PersonId == person.Id, cancellationToken);
        return query is not null && query.IsUsableOn(ShanghaiTime.Today(clock)) ? query : null;
    }

    /// <summary>
    /// The person's usable query with their consent to the current notice — or what to answer instead: a 404 for a
    /// query that is not usable, the notice when they have not agreed to it yet.
    /// </summary>
    private async Task<(ConsentedQuery? Found, IActionResult? Refusal)> ConsentedQueryAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        var query = await UsableQueryAsync(person, id, cancellationToken);
        if (query is null)
        {
            return (null, QueryNotUsable());
        }

        var consent = await ConsentOfAsync(person, query, cancellationToken);
        return consent is null
            ? (null, RedirectToAction(nameof(Notice), new { id }))
            : (new ConsentedQuery(person, query, consent), null);
    }

    private Task<NoticeConsent?> ConsentOfAsync(Person person, PropertyQuery query, CancellationToken cancellationToken) =>
        db.NoticeConsents.AsNoTracking()
            .Where(c => c.QueryId == query.Id && c.PersonId == person.Id && c.NoticeVersion == UserNotice.Version)
            .OrderByDescending(c => c.ConsentedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A query that is someone else's, unknown, pending, failed or not from today cannot be used: one answer for all,
    /// so nobody learns whether another person's query id exists.
    /// </summary>
    private NotFoundResult QueryNotUsable() => NotFound();
}

/// <summary>A query the person may generate a 房源编码 from: theirs, usable today, the notice agreed.</summary>
internal sealed record ConsentedQuery(Person Person, PropertyQuery Query, NoticeConsent Consent);
