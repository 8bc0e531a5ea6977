using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// 统计 for administrators, for a chosen Asia/Shanghai date range: filings, revocations and registrations per day and per
/// district; the share of verification refusals by reason; the median time from a property query to filing.
/// Shown as tables (the numbers of record) and as charts drawn from the same numbers.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.Administrator)]
public sealed class StatisticsController(ResaleDbContext db, TimeProvider clock) : Controller
{
    public const int MaxDays = 366;

    [HttpGet("/staff/statistics")]
    public async Task<IActionResult> Index(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = ShanghaiTime.Today(clock);
        var end = to ?? today;
        var start = from ?? (end.DayNumber >= 29 ? end.AddDays(-29) : DateOnly.MinValue);
        string? error = null;
        if (start > end || end.DayNumber - start.DayNumber >= MaxDays)
        {
            error = $"请选择不超过{MaxDays}天、且起始日期不晚于截止日期的范围。";
            end = today;
            start = end.AddDays(-29);
        }

        var startUtc = ShanghaiTime.StartOfDay(start);
        var endUtc = ShanghaiTime.EndOfDay(end);

        // Each event is counted on the Shanghai day it happened; the contract's listing gives the district.
        var events = await db.Contracts.AsNoTracking()
            .Where(c => (c.FiledAt >= startUtc && c.FiledAt < endUtc) || (c.RevokedAt >= startUtc && c.RevokedAt < endUtc)
                || (c.RegisteredAt >= startUtc && c.RegisteredAt < endUtc))
            .Join(db.Listings, c => c.ListingId, l => l.Id, (c, l) => new { c.FiledAt, c.RevokedAt, c.RegisteredAt, l.DistrictCode, l.PropertyRecordId })
            .Join(db.Set<Domain.Properties.PropertyRecord>(), x => x.PropertyRecordId, r => r.Id, (x, r) => new { x, r.QueryId })
            .Join(db.PropertyQueries, y => y.QueryId, q => q.Id, (y, q) => new
            {
                y.x.FiledAt,
                y.x.RevokedAt,
                y.x.RegisteredAt,
                y.x.DistrictCode,
                QueriedAt = q.RequestedAt,
            })
            .ToListAsync(cancellationToken);
        var districtNames = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, cancellationToken);

        bool InRange(DateTimeOffset? at) => at is { } value && value >= startUtc && value < endUtc;

        // One pass over the events, counted by Shanghai day: a city's month is tens of thousands of contracts.
        var filedByDay = events.Where(e => InRange(e.FiledAt)).CountBy(e => ShanghaiTime.DateOf(e.FiledAt!.Value)).ToDictionary();
        var revokedByDay = events.Where(e => InRange(e.RevokedAt)).CountBy(e => ShanghaiTime.DateOf(e.RevokedAt!.Value)).ToDictionary();
        var registeredByDay = events.Where(e => InRange(e.RegisteredAt)).CountBy(e => ShanghaiTime.DateOf(e.RegisteredAt!.Value)).ToDictionary();
        var days = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(i => start.AddDays(i)).ToList();
        var perDay = days.Select(day => new DayCounts(day,
            filedByDay.GetValueOrDefault(day), revokedByDay.GetValueOrDefault(day), registeredByDay.GetValueOrDefault(day))).ToList();
        var perDistrict = events.GroupBy(e => e.DistrictCode ?? string.Empty)
            .Select(g => new DistrictCounts(g.Key.Length == 0 ? "未知" : districtNames.GetValueOrDefault(g.Key, g.Key),
                g.Count(e => InRange(e.FiledAt)), g.Count(e => InRange(e.RevokedAt)), g.Count(e => InRange(e.RegisteredAt))))
            .OrderByDescending(d => d.Filings).ThenBy(d => d.District, StringComparer.Ordinal).ToList();

        // Verification outcomes: each listing made is a success; each refusal is recorded in the audit log with its reason.
        var verified = await db.Listings.CountAsync(l => l.CreatedAt >= startUtc && l.CreatedAt < endUtc, cancellationToken);
        var refusals = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "listing.refused" && e.OccurredAt >= startUtc && e.OccurredAt < endUtc)
            .GroupBy(e => e.Detail)
            .Select(g => new { Reason = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var attempts = verified + refusals.Sum(r => r.Count);
        var refusalRows = refusals
            .Select(r => new RefusalShare(ReasonName(r.Reason), r.Count, attempts == 0 ? 0 : Math.Round(100m * r.Count / attempts, 1)))
            .OrderByDescending(r => r.Count).ToList();

        // Median time from the query whose home was listed to the filing, for contracts filed in the range.
        var durations = events.Where(e => InRange(e.FiledAt)).Select(e => e.FiledAt!.Value - e.QueriedAt).Order().ToList();
        TimeSpan? median = durations.Count == 0 ? null
            : durations.Count % 2 == 1 ? durations[durations.Count / 2]
            : (durations[(durations.Count / 2) - 1] + durations[durations.Count / 2]) / 2;

        return View("Statistics", new StatisticsViewModel(start, end, perDay, perDistrict, refusalRows, attempts, median, durations.Count, error));
    }

    private static string ReasonName(string? code) =>
        Enum.TryParse<ListingRefusal>(code, out var reason) ? reason switch
        {
            ListingRefusal.NotOwner => "非本人名下",
            ListingRefusal.NotInWuhan => "不在武汉市",
            ListingRefusal.Seized => "查封",
            ListingRefusal.Mortgaged => "抵押",
            ListingRefusal.UnderObjection => "异议登记",
            ListingRefusal.UnderAdvanceNotice => "预告登记",
            ListingRefusal.AlreadyListed => "已有在办房源或合同",
            _ => code!,
        } : "其他";

    public static string Describe(TimeSpan? span) => span is not { } value ? "—"
        : value.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalDays}天{value.Hours}小时")
        : value.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}小时{value.Minutes}分钟")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes}分钟");
}

public sealed record DayCounts(DateOnly Day, int Filings, int Revocations, int Registrations);

public sealed record DistrictCounts(string District, int Filings, int Revocations, int Registrations);

public sealed record RefusalShare(string Reason, int Count, decimal Percent);

public sealed record StatisticsViewModel(
    DateOnly From, DateOnly To, IReadOnlyList<DayCounts> PerDay, IReadOnlyList<DistrictCounts> PerDistrict,
    IReadOnlyList<RefusalShare> Refusals, int VerificationAttempts, TimeSpan? MedianQueryToFiling, int FiledWithQuery, string? Error);
