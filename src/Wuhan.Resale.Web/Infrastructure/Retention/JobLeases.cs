using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure.Retention;

/// <summary>Takes or renews a <see cref="JobLease"/> with one conditional update, so two instances never both hold it.</summary>
public static class JobLeases
{
    /// <summary>True when <paramref name="holder"/> holds the job's lease until <c>now + duration</c>.</summary>
    public static async Task<bool> TryAcquireAsync(
        ResaleDbContext db, string job, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = now + duration;
        var taken = await db.JobLeases
            .Where(l => l.Name == job && (l.Holder == holder || l.LeasedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntil, until), cancellationToken);
        if (taken > 0)
        {
            return true;
        }

        if (await db.JobLeases.AsNoTracking().AnyAsync(l => l.Name == job, cancellationToken))
        {
            return false; // another instance holds it
        }

        var lease = db.JobLeases.Add(new JobLease(job, holder, until));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance created it first
        }
        finally
        {
            lease.State = EntityState.Detached;
        }
    }
}
