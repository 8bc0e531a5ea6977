using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Features.Staff;

/// <summary>
/// The statistics page's figures for each Asia/Shanghai day: filings, revocations and registrations per district, the
/// listings verified, and the times from property query to filing. A day that has ended no longer changes — every
/// filing, revocation, registration and verification is stamped with the moment it happens — so its figures are
/// computed once and kept in memory for an hour (one range query per kind of event over its own date index, however
/// many days are missing); today's are always read afresh. A city's three years are about a million contracts:
/// without this, every view of a month read tens of thousands of rows.
/// </summary>
public sealed class StatisticsDays(ResaleDbContext db, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan ClosedDayLifetime = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<DayFigures>> ForAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var today = ShanghaiTime.Today(clock);
        var days = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(i => start.AddDays(i)).ToList();
        var found = new Dictionary<DateOnly, DayFigures>();
        foreach (var day in days)
        {
            if (day < today && cache.TryGetValue(Key(day), out DayFigures? figures) && figures is not null)
            {
                found[day] = figures;
            }
        }

        var missing = days.Where(d => !found.ContainsKey(d)).ToList();
        if (missing.Count > 0)
        {
            foreach (var figures in await ComputeAsync(missing[0], missing[^1], cancellationToken))
            {
                if (!found.TryAdd(figures.Day, figures))
                {
                    continue;
                }

                if (figures.Day < today)
                {
                    cache.Set(Key(figures.Day), figures, ClosedDayLifetime);
                }
            }
        }

        return [.. days.Select(d => found[d])];
    }

    private static (string, DateOnly) Key(DateOnly day) => ("statistics-day", day);

    private async Task<IEnumerable<DayFigures>> ComputeAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var from = ShanghaiTime.StartOfDay(first);
        var to = ShanghaiTime.EndOfDay(last);

        // The contract's listing gives the district; like the journey itself, only contracts whose home came from a
        // property query count. Each query ranges over one date column's index.
        var contracts = db.Contracts.AsNoTracking()
            .Join(db.Listings, c => c.ListingId, l => l.Id, (c, l) => new { c.FiledAt, c.RevokedAt, c.RegisteredAt, l.DistrictCode, l.PropertyRecordId })
            .Join(db.Set<PropertyRecord>(), x => x.PropertyRecordId, r => r.Id, (x, r) => new { x, r.QueryId })
            .Join(db.PropertyQueries, y => y.QueryId, q => q.Id, (y, q) => new
            {
                y.x.FiledAt,
                y.x.RevokedAt,
                y.x.RegisteredAt,
                y.x.DistrictCode,
                q.RequestedAt,
            });
        var filed = await contracts.Where(c => c.FiledAt >= from && c.FiledAt < to)
            .Select(c => new { At = c.FiledAt!.Value, c.DistrictCode, c.RequestedAt }).ToListAsync(cancellationToken);
        var revoked = await contracts.Where(c => c.RevokedAt >= from && c.RevokedAt < to)
            .Select(c => new { At = c.RevokedAt!.Value, c.DistrictCode }).ToListAsync(cancellationToken);
        var registered = await contracts.Where(c => c.RegisteredAt >= from && c.RegisteredAt < to)
            .Select(c => new { At = c.RegisteredAt!.Value, c.DistrictCode }).ToListAsync(cancellationToken);
        var verified = await db.Listings.AsNoTracking().Where(l => l.CreatedAt >= from && l.CreatedAt < to)
            .Select(l => l.CreatedAt).ToListAsync(cancellationToken);

        var filedByDay = filed.ToLookup(e => ShanghaiTime.DateOf(e.At));
        var revokedByDay = revoked.ToLookup(e => ShanghaiTime.DateOf(e.At));
        var registeredByDay = registered.ToLookup(e => ShanghaiTime.DateOf(e.At));
        var verifiedByDay = verified.CountBy(ShanghaiTime.DateOf).ToDictionary();
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i => first.AddDays(i)).Select(day =>
        {
            var districts = new Dictionary<string, DistrictDay>(StringComparer.Ordinal);
            void Add(string? code, int filings, int revocations, int registrations)
            {
                var current = districts.GetValueOrDefault(code ?? string.Empty);
                districts[code ?? string.Empty] = new DistrictDay(
                    current.Filings + filings, current.Revocations + revocations, current.Registrations + registrations);
            }

            foreach (var e in filedByDay[day])
            {
                Add(e.DistrictCode, 1, 0, 0);
            }

            foreach (var e in revokedByDay[day])
            {
                Add(e.DistrictCode, 0, 1, 0);
            }

            foreach (var e in registeredByDay[day])
            {
                Add(e.DistrictCode, 0, 0, 1);
            }

            var durations = filedByDay[day].Select(e => (e.At - e.RequestedAt).Ticks).Order().ToArray();
            return new DayFigures(day, districts, verifiedByDay.GetValueOrDefault(day), durations);
        }).ToList();
    }
}

/// <summary>One Shanghai day's figures; districts keyed by code ("" when the registry gave none).</summary>
public sealed record DayFigures(DateOnly Day, IReadOnlyDictionary<string, DistrictDay> Districts, int ListingsVerified, long[] QueryToFilingTicks)
{
    public int Filings => Districts.Values.Sum(d => d.Filings);

    public int Revocations => Districts.Values.Sum(d => d.Revocations);

    public int Registrations => Districts.Values.Sum(d => d.Registrations);
}

public readonly record struct DistrictDay(int Filings, int Revocations, int Registrations);
