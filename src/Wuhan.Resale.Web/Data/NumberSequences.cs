using Microsoft.EntityFrameworkCore;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Takes numbers from named counters (<see cref="NumberSequence"/>) with one statement that inserts or increments the
/// counter and returns what it took (an upsert with RETURNING on SQLite and PostgreSQL, MERGE with OUTPUT on SQL Server).
/// The statement locks the counter's row until the surrounding transaction ends, so two requests at the same moment, on
/// one instance or several, never get the same number; called inside a transaction (see <see cref="ContractNumbering"/>)
/// the number is given back when that transaction rolls back, so a failed filing leaves no gap.
/// </summary>
public class NumberSequences(ResaleDbContext db)
{
    /// <summary>The next number of <paramref name="name"/>, starting at 1.</summary>
    public virtual Task<long> TakeAsync(string name, CancellationToken cancellationToken) => TakeBlockAsync(name, 1, cancellationToken);

    /// <summary>Takes <paramref name="count"/> consecutive numbers of <paramref name="name"/>; returns the first.</summary>
    public async Task<long> TakeBlockAsync(string name, long count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var next = count + 1;
        var taken = db.Database.IsSqlServer()
            ? db.Database.SqlQuery<long>($"""
                MERGE [NumberSequences] WITH (HOLDLOCK) AS s
                USING (SELECT {name} AS [Name]) AS n ON s.[Name] = n.[Name]
                WHEN MATCHED THEN UPDATE SET [Next] = s.[Next] + {count}
                WHEN NOT MATCHED THEN INSERT ([Name], [Next]) VALUES ({name}, {next})
                OUTPUT inserted.[Next] - {count} AS [Value];
                """)
            : db.Database.SqlQuery<long>($"""
                INSERT INTO "NumberSequences" ("Name", "Next") VALUES ({name}, {next})
                ON CONFLICT ("Name") DO UPDATE SET "Next" = "NumberSequences"."Next" + {count}
                RETURNING "Next" - {count} AS "Value"
                """);
        return (await taken.ToListAsync(cancellationToken)).Single();
    }
}
