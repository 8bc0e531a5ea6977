using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Telemetry;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.Shared;

public sealed record RevocationOutcome(bool Revoked, string? Error);

/// <summary>
/// 合同网签撤销, the act itself, whoever asks (a party on the revocation page, a signed-in party, staff on a written
/// request): the contract becomes 已撤销 and its listing is released in one domain call, every other party gets an SMS saying who revoked and when, and the audit log records it.
/// A registration arriving at the same moment cannot also win: both change the contract's version.
/// </summary>
public sealed class RevocationService(ResaleDbContext db, ISmsGateway sms, AuditTrail audit, PortalMetrics metrics, TimeProvider clock)
{
    public async Task<RevocationOutcome> RevokeAsync(Guid contractId, Guid revokingPartyId, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var contract = await db.Contracts.SingleAsync(c => c.Id == contractId, cancellationToken);
        var party = contract.Parties.Single(p => p.Id == revokingPartyId);
        var listing = await db.Listings.SingleAsync(l => l.Id == contract.ListingId, cancellationToken);
        var now = clock.GetUtcNow();
        var who = $"{(party.Role == PartyRole.Buyer ? "买方" : "卖方")}{Masking.MaskName(party.Name)}";
        try
        {
            contract.Revoke(listing, who, now);
            audit.Record("contract.revoked", "Contract", contract.Id.ToString(), $"合同编号 {contract.ContractNumber}，由{who}撤销", actor);
            await db.SaveChangesAsync(cancellationToken);
            metrics.ContractRevoked(actor.Kind.ToString());
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return new RevocationOutcome(false, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId, cancellationToken);
            return new RevocationOutcome(false, fresh.RevocationRefusal ?? "合同状态刚刚发生变化，请刷新后重试。");
        }

        var when = Domain.Common.ShanghaiTime.ToShanghai(now).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var other in contract.Parties.Where(p => p.Id != party.Id))
        {
            await sms.SendAsync(PhoneNumber.Parse(other.Phone),
                $"【武汉房产网签】合同编号{contract.ContractNumber}的存量房买卖合同网签已于{when}由{who}撤销。如有疑问，请与对方协商或咨询房管部门。",
                "RevocationNotice", cancellationToken);
        }

        return new RevocationOutcome(true, null);
    }
}
