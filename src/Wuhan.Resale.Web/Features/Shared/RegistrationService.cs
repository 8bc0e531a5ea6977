using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Features.Shared;

public enum RegistrationStatus
{
    Registered,
    AlreadyRegistered,
    NotFound,
    Revoked,
    Busy,
}

public sealed record RegistrationOutcome(RegistrationStatus Status, Contract? Contract, string? Error);

public enum TransferApplicationStatus
{
    Recorded,
    AlreadyRecorded,
    NotFound,
    Refused,
    Busy,
}

public sealed record TransferApplicationOutcome(TransferApplicationStatus Status, Contract? Contract, string? Error);

/// <summary>
/// What the registration department reports about a filed contract: 已受理转移登记 (the application was accepted; revocation
/// online stops) and 已备案 (the transfer was registered), by its API or by staff at the counter. Both are idempotent; a revoked
/// contract is refused; a revocation racing with either cannot also win (each changes the contract's version).
/// </summary>
/// <remarks>
/// 已备案: the transfer was registered, recorded by the registration department's API or by staff at the counter. Idempotent;
/// a revoked contract is refused; a revocation racing with it cannot also win (both change the contract's version).
/// </remarks>
public sealed class RegistrationService(ResaleDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<RegistrationOutcome> RegisterAsync(Guid? contractId, string? contractNumber, AuditActor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var number = (contractNumber ?? string.Empty).Trim();
            var contract = await db.Contracts.FirstOrDefaultAsync(
                c => (contractId != null ? c.Id == contractId : c.ContractNumber == number) && c.ContractNumber != null, cancellationToken);
            if (contract is null)
            {
                await audit.RecordNowAsync("registration.refused", "Contract", contractId?.ToString(), "合同不存在", actor);
                return new RegistrationOutcome(RegistrationStatus.NotFound, null, "未找到该合同编号对应的网签合同。");
            }

            if (contract.RegistrationRefusal is { } refusal)
            {
                await audit.RecordNowAsync("registration.refused", "Contract", contract.Id.ToString(), refusal, actor);
                return new RegistrationOutcome(RegistrationStatus.Revoked, contract, refusal);
            }

            try
            {
                var listing = await db.Listings.SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
                var changed = contract.Register(listing, clock.GetUtcNow());

                audit.Record(changed ? "contract.registered" : "registration.repeated", "Contract", contract.Id.ToString(),
                    $"合同编号 {contract.ContractNumber}", actor);
                await db.SaveChangesAsync(cancellationToken);
                return new RegistrationOutcome(changed ? RegistrationStatus.Registered : RegistrationStatus.AlreadyRegistered, contract, null);
            }
            catch (DomainException ex)
            {
                db.ChangeTracker.Clear();
                return new RegistrationOutcome(RegistrationStatus.Revoked, contract, ex.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A revocation (or another registration) changed the contract a moment ago: look again.
                db.ChangeTracker.Clear();
            }
        }

        return new RegistrationOutcome(RegistrationStatus.Busy, null, "合同状态正在变化，请稍后重试。");
    }

    /// <summary>
    /// 已受理转移登记, reported by the registration centre for a filed contract: from now on revocation is refused online.
    /// A revocation saved in between makes this save fail on the contract's version; it then looks again and refuses.
    /// </summary>
    public async Task<TransferApplicationOutcome> RecordTransferAppliedAsync(string? contractNumber, AuditActor actor, CancellationToken cancellationToken)
    {
        var number = (contractNumber ?? string.Empty).Trim();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var contract = await db.Contracts.FirstOrDefaultAsync(c => c.ContractNumber == number && c.ContractNumber != null, cancellationToken);
            if (contract is null)
            {
                await audit.RecordNowAsync("transfer-application.refused", "Contract", null, "合同不存在", actor);
                return new TransferApplicationOutcome(TransferApplicationStatus.NotFound, null, "未找到该合同编号对应的网签合同。");
            }

            var now = clock.GetUtcNow();
            try
            {
                var changed = contract.RecordTransferApplied(now);
                audit.Record(changed ? "contract.transfer-applied" : "transfer-application.repeated", "Contract", contract.Id.ToString(),
                    $"合同编号 {contract.ContractNumber}，{contract.StatusName}", actor);
                await db.SaveChangesAsync(cancellationToken);
                return new TransferApplicationOutcome(
                    changed ? TransferApplicationStatus.Recorded : TransferApplicationStatus.AlreadyRecorded, contract, null);
            }
            catch (DomainException ex)
            {
                db.ChangeTracker.Clear();
                await audit.RecordNowAsync("transfer-application.refused", "Contract", contract.Id.ToString(), ex.Message, actor);
                return new TransferApplicationOutcome(TransferApplicationStatus.Refused, contract, ex.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A revocation (or a registration) changed the contract a moment ago: look again.
                db.ChangeTracker.Clear();
            }
        }

        return new TransferApplicationOutcome(TransferApplicationStatus.Busy, null, "合同状态正在变化，请稍后重试。");
    }
}
