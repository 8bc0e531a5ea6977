using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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
public sealed class StatisticsController(ResaleDbContext db, TimeProvider clock, IMemoryCache cache) : Controller
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
        var figures = await new StatisticsDays(db, cache, clock).ForAsync(start, end, cancellationToken);
        var districtNames = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, cancellationToken);
        var perDay = figures.Select(f => new DayCounts(f.Day, f.Filings, f.Revocations, f.Registrations)).ToList();
        var perDistrict = figures.SelectMany(f => f.Districts)
            .GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(g => new DistrictCounts(g.Key.Length == 0 ? "未知" : districtNames.GetValueOrDefault(g.Key, g.Key),
                g.Sum(d => d.Value.Filings), g.Sum(d => d.Value.Revocations), g.Sum(d => d.Value.Registrations)))
            .OrderByDescending(d => d.Filings).ThenBy(d => d.District, StringComparer.Ordinal).ToList();

        // Verification outcomes: each listing made is a success; each refusal is recorded in the audit log with its reason.
        var verified = figures.Sum(f => f.ListingsVerified);
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
        var durations = figures.Select(f => f.QueryToFilingTicks).ToList();
        var count = durations.Sum(d => d.Length);
        TimeSpan? median = count == 0 ? null
            : count % 2 == 1 ? TimeSpan.FromTicks(KthSmallest(durations, count / 2))
            : (TimeSpan.FromTicks(KthSmallest(durations, (count / 2) - 1)) + TimeSpan.FromTicks(KthSmallest(durations, count / 2))) / 2;

        return View("Statistics", new StatisticsViewModel(start, end, perDay, perDistrict, refusalRows, attempts, median, count, error));
    }

    /// <summary>
    /// The <paramref name="k"/>-th smallest value (from 0) of several sorted arrays, without merging them: a binary search
    /// over the values, counting at each step with a binary search per array — a year's figures cost milliseconds.
    /// </summary>
    internal static long KthSmallest(IReadOnlyList<long[]> sorted, int k)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var low = sorted.Where(a => a.Length > 0).Min(a => a[0]);
        var high = sorted.Where(a => a.Length > 0).Max(a => a[^1]);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            long atMost = 0;
            foreach (var values in sorted)
            {
                var i = Array.BinarySearch(values, middle);
                if (i >= 0)
                {
                    while (i + 1 < values.Length && values[i + 1] == middle)
                    {
                        i++;
                    }

                    atMost += i + 1;
                }
                else
                {
                    atMost += ~i;
                }
            }

            if (atMost > k)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
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
