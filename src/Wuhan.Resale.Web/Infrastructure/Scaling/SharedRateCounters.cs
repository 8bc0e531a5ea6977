using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure.Scaling;

/// <summary>
/// Fixed-window request counts in the database (<see cref="RateCounter"/>), so that a limit holds for the whole portal
/// and not for each instance: two instances behind a load balancer each seeing half of a client's requests still
/// refuse the request over the limit.
/// </summary>
public static class SharedRateCounters
{
    /// <summary>The counter's key: the limit's name and a hash of the client, never the client's address or key.</summary>
    public static string KeyFor(string limit, string client)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(client);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(client)))[..40];
        var key = limit + ":" + hash;
        return key.Length <= RateCounter.KeyLength ? key : key[..RateCounter.KeyLength];
    }

    /// <summary>Counts one request in the window that holds <paramref name="now"/> and returns the window's count.</summary>
    public static async Task<int> IncrementAsync(
        ResaleDbContext db, string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var seconds = Math.Max(1, (long)window.TotalSeconds);
        var start = now.ToUnixTimeSeconds() / seconds * seconds;
        if (db.Database.IsNpgsql() || db.Database.IsSqlite())
        {
            // One round trip: insert the window's row or add one to it, and read the count this request made.
            var counted = await db.Database.SqlQuery<int>($"""
                INSERT INTO "RateCounters" ("Key", "WindowStart", "ExpiresAt", "Count") VALUES ({key}, {start}, {start + seconds}, 1)
                ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "RateCounters"."Count" + 1
                RETURNING "Count" AS "Value"
                """).ToListAsync(cancellationToken);
            return counted.Single();
        }

        // SQL Server: an atomic update, then the first request of a window inserts.
        for (var attempt = 0; ; attempt++)
        {
            // One statement that every provider makes atomic: concurrent requests on any instance each add one.
            var updated = await db.RateCounters
                .Where(c => c.Key == key && c.WindowStart == start)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken);
            if (updated > 0)
            {
                return await db.RateCounters.AsNoTracking()
                    .Where(c => c.Key == key && c.WindowStart == start)
                    .Select(c => c.Count)
                    .FirstOrDefaultAsync(cancellationToken);
            }

            // First request of the window (rows of windows that are over are deleted by the hourly RetentionJob).
            var counter = new RateCounter(key, start, start + seconds, 1);
            db.RateCounters.Add(counter);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return 1;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another instance inserted the same window first: count this request in its row.
                db.Entry(counter).State = EntityState.Detached;
            }
        }
    }
}
