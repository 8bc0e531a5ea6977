using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>A named counter, e.g. the contract numbers of one year.</summary>
public sealed class NumberSequence
{
    public NumberSequence(string name, long next)
    {
        Name = name;
        Next = next;
    }

    public string Name { get; private set; }

    public long Next { get; private set; }
}

/// <summary>
/// 合同编号: "武房" + the Asia/Shanghai year + a six-digit sequence. Each number is taken with a conditional update of
/// the year's counter, so two filings at the same moment can never get the same one (the unique index on
/// Contracts.ContractNumber is the second guard).
/// </summary>
public sealed class ContractNumbers(ResaleDbContext db, TimeProvider clock)
{
    public async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        var year = ShanghaiTime.DateOf(clock.GetUtcNow()).Year;
        var name = "contract-" + year.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var current = await db.NumberSequences.AsNoTracking().Where(s => s.Name == name).Select(s => (long?)s.Next).FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                try
                {
                    db.NumberSequences.Add(new NumberSequence(name, 2));
                    await db.SaveChangesAsync(cancellationToken);
                    return Format(year, 1);
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
                return Format(year, taken);
            }
        }

        throw new InvalidOperationException("Could not take a contract number after repeated contention.");
    }

    private static string Format(int year, long sequence) =>
        "武房" + year.ToString(CultureInfo.InvariantCulture) + sequence.ToString("D6", CultureInfo.InvariantCulture);
}
