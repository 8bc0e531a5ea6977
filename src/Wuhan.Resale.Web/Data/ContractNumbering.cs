using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Files a contract under a 合同编号 taken inside the same transaction as the filing itself. The year's counter row stays
/// locked from the number to the commit, so filings are numbered one after another; a filing that fails after taking
/// its number (a conflict with another save, a refusal by the domain, a crash) rolls the counter back with it, and
/// the official sequence has no gap. Runs under the provider's execution strategy, which retries the whole unit.
/// </summary>
public sealed class ContractNumbering(ResaleDbContext db, NumberSequences numbers, AuditChain chain)
{
    /// <summary>
    /// Takes the next number of the Asia/Shanghai year of <paramref name="now"/>, calls <paramref name="file"/> with it
    /// (which changes the tracked contract, its listing and the audit trail) and saves, all in one transaction.
    /// </summary>
    /// <exception cref="DbUpdateConcurrencyException">The contract was saved by someone else meanwhile (nothing is filed).</exception>
    public async Task<ContractNumber> FileAsync(DateTimeOffset now, Action<ContractNumber> file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var year = ShanghaiTime.DateOf(now).Year;
        ContractNumber? applied = null;
        var strategy = db.Database.CreateExecutionStrategy();
        var number = await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await BeginAsync(token);
            try
            {
                var taken = ContractNumber.Create(year, await numbers.TakeAsync(ContractNumber.SequenceName(year), token));
                if (applied is null)
                {
                    file(taken);
                    applied = taken;
                }
                else if (applied != taken)
                {
                    // A retry after a transient failure, and another filing took the number this contract was given in
                    // memory: the tracked changes carry that number, so the filing is treated as a conflict and redone.
                    throw new DbUpdateConcurrencyException("The contract number changed between attempts.");
                }

                // Changes are accepted only after the commit, so a retry saves them again.
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
                await transaction.CommitAsync(token);
                return taken;
            }
            finally
            {
                await EndAsync(transaction);
            }
        }, cancellationToken);
        db.ChangeTracker.AcceptAllChanges();

        // The audit interceptor leaves rows saved inside a caller's transaction to be sealed after it.
        await chain.SealAsync(cancellationToken);
        return number;
    }

    private async Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.Database.BeginTransactionAsync(cancellationToken);
        }

        // SQLite's default BEGIN IMMEDIATE would take the write lock before anything is written; the first statement
        // here writes (the number), so a deferred transaction takes the same lock at that statement and holds it no longer.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        return await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancellationToken)
            ?? throw new InvalidOperationException("SQLite transaction not taken up.");
    }

    /// <summary>A transaction handed to EF is not EF's to end: roll it back unless committed, and close the connection.</summary>
    private async Task EndAsync(IDbContextTransaction transaction)
    {
        if (db.Database.IsSqlite())
        {
            await transaction.GetDbTransaction().DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
