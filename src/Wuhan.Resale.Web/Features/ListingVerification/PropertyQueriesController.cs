using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Telemetry;

namespace Wuhan.Resale.Web.Features.ListingVerification;

/// <summary>
/// 房源核验, the start page: the person's property queries (个人房产信息查询, answered in the background by
/// <see cref="PropertyQueryWorker"/>) and the listings they verified or co-own.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Citizen)]
public sealed class PropertyQueriesController(
    ResaleDbContext db,
    DistrictNames districts,
    PropertyQuerySignal signal,
    AuditTrail audit,
    PortalMetrics metrics,
    TimeProvider clock) : Controller
{
    private const string AlreadyPending = "pending";

    [HttpGet("/listing")]
    public async Task<IActionResult> Index(string? message, CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonKeyAsync(User, cancellationToken);
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

        var listings = await db.Listings.VisibleTo(person)
            .OrderByDescending(l => l.CreatedAt)
            .Select(l => new { l.Id, l.ListingCode, l.Home!.Location, l.Status, l.RestrictionClass, l.DistrictCode })
            .ToListAsync(cancellationToken);
        var districtNames = await districts.AllAsync(cancellationToken);

        return View(new VerificationHomeViewModel(
            rows,
            [.. listings.Select(l => new ListingRow(l.Id, l.ListingCode, l.Location, l.Status, l.RestrictionClass,
                l.DistrictCode is null ? null : districtNames.GetValueOrDefault(l.DistrictCode)))],
            rows.Exists(r => r.UsableToday),
            rows.Exists(r => r.Status == PropertyQueryStatus.Pending),
            message == AlreadyPending ? "您已有一个正在进行的查询，请等待其完成。" : null));
    }

    /// <summary>个人房产信息查询: recorded at once as 查询中; the background worker asks the registry.</summary>
    [HttpPost("/listing/queries")]
    public async Task<IActionResult> StartQuery(CancellationToken cancellationToken)
    {
        var person = await db.CurrentPersonAsync(User, cancellationToken);
        if (await db.PropertyQueries.AnyAsync(q => q.PersonId == person.Id && q.Status == PropertyQueryStatus.Pending, cancellationToken))
        {
            return RedirectToAction(nameof(Index), new { message = AlreadyPending });
        }

        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var query = new PropertyQuery(Guid.CreateVersion7(now), NewQueryNumber(now), person.Id, person.Name, now);
            db.PropertyQueries.Add(query);
            audit.Record("query.requested", "PropertyQuery", query.Id.ToString(), query.QueryNumber);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two queries in the same second drew the same number (the unique index says so): draw again.
                db.ChangeTracker.Clear();
            }
        }

        metrics.PropertyQueryRequested();
        signal.Notify();
        return RedirectToAction(nameof(Index));
    }

    /// <summary>CX, the Shanghai time to the second and six random digits; a clash is drawn again (unique index).</summary>
    public static string NewQueryNumber(DateTimeOffset now) =>
        "CX" + ShanghaiTime.ToShanghai(now).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}
