using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// District names by code for the step pages. Districts are reference data written only when the portal starts (the
/// seeder), so each instance reads them once every <see cref="KeepFor"/> instead of once per page.
/// </summary>
public sealed class DistrictNames(ResaleDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    private const string CacheKey = "district-names";

    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
            entry.Size = 1;
            return (IReadOnlyDictionary<string, string>)await db.Districts.AsNoTracking()
                .ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, cancellationToken);
        }) ?? new Dictionary<string, string>();

    public async Task<string?> NameOfAsync(string? code, CancellationToken cancellationToken) =>
        code is null ? null : (await AllAsync(cancellationToken)).GetValueOrDefault(code);
}
