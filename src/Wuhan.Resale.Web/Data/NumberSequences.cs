using Microsoft.EntityFrameworkCore;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Takes numbers from named counters (<see cref="NumberSequence"/>). Each number is taken with a conditional update,
/// so two requests at the same moment, on one instance or several, never get the same one. On PostgreSQL one
/// statement takes it (an upsert that returns the number), so contention costs a short row lock instead of a retry.
/// </summary>
public sealed class NumberSequences(ResaleDbContext db)
{
    private const int MaxAttempts = 20;

    /// <summary>The next number of <paramref name="name"/>, starting at 1.</summary>
    public Task<long> TakeAsync(string name, CancellationToken cancellationToken) => TakeBlockAsync(name, 1, cancellationToken);

    /// <summary>Takes <paramref name="count"/> consecutive numbers of <paramref name="name"/>; returns the first.</summary>
    public async Task<long> TakeBlockAsync(string name, long count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (db.Database.IsNpgsql())
        {
            // Row-locked read-increment-return in one round trip; the first number of a new counter is 1.
            var taken = await db.Database.SqlQuery<long>($"""
                INSERT INTO "NumberSequences" ("Name", "Next") VALUES ({name}, {count + 1})
                ON CONFLICT ("Name") DO UPDATE SET "Next" = "NumberSequences"."Next" + {count}
                RETURNING "Next" - {count} AS "Value"
                """).ToListAsync(cancellationToken);
            return taken.Single();
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await db.NumberSequences.AsNoTracking().Where(s => s.Name == name).Select(s => (long?)s.Next).FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                try
                {
                    db.NumberSequences.Add(new NumberSequence(name, 1 + count));
                    await db.SaveChangesAsync(cancellationToken);
                    return 1;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Entries<NumberSequence>().ToList().ForEach(e => e.State = EntityState.Detached);
                    continue;
                }
            }

            var taken = current.Value;
            var updated = await db.NumberSequences
                .Where(s => s.Name == name && s.Next == taken)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, taken + count), cancellationToken);
            if (updated == 1)
            {
                return taken;
            }
        }

        throw new InvalidOperationException($"Could not take a number of '{name}' after repeated contention.");
    }
}
