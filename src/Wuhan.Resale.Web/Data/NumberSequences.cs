using Microsoft.EntityFrameworkCore;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Takes numbers from named counters (<see cref="NumberSequence"/>). Each number is taken with a conditional update,
/// so two requests at the same moment, on one instance or several, never get the same one.
/// </summary>
public sealed class NumberSequences(ResaleDbContext db)
{
    private const int MaxAttempts = 20;

    /// <summary>The next number of <paramref name="name"/>, starting at 1.</summary>
    public async Task<long> TakeAsync(string name, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await db.NumberSequences.AsNoTracking().Where(s => s.Name == name).Select(s => (long?)s.Next).FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                try
                {
                    db.NumberSequences.Add(new NumberSequence(name, 2));
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
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, taken + 1), cancellationToken);
            if (updated == 1)
            {
                return taken;
            }
        }

        throw new InvalidOperationException($"Could not take a number of '{name}' after repeated contention.");
    }
}
