using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Messaging;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>
/// What one signed-in person may send through 发送短信验证码 in a day (Asia/Shanghai): a few presses, and codes to a
/// few distinct phones, so a seller cannot spray SMS at numbers by re-saving buyers. Counted in the database: the
/// audit trail for presses, the filing codes of the person's own contracts for phones.
/// </summary>
public sealed class FilingSendLimit(ResaleDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int SendsPerPersonPerDay = 10;
    public const int PhonesPerPersonPerDay = 10;
    public const string SendAction = "contract.filing-codes-sent";

    /// <summary>Null when the codes may go to <paramref name="phones"/>; else the message for the page (and the refusal is audited).</summary>
    public async Task<string?> RefusalAsync(
        System.Security.Claims.ClaimsPrincipal user, Contract contract, IReadOnlyCollection<string> phones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(phones);
        var actor = AuditActor.From(user);
        var dayStart = ShanghaiTime.StartOfDay(ShanghaiTime.Today(clock));
        var presses = await db.AuditEvents.AsNoTracking()
            .CountAsync(e => e.Action == SendAction && e.ActorId == actor.Id && e.OccurredAt >= dayStart, cancellationToken);
        string? refusal = null;
        if (presses >= SendsPerPersonPerDay)
        {
            refusal = $"您今天已发送{presses}次网签验证码，已达每日上限，请明天再试。";
        }
        else
        {
            var person = await db.CurrentPersonAsync(user, cancellationToken);
            var prefixes = await db.Contracts.AsNoTracking().OfSeller(db, person).Select(c => c.Id).ToListAsync(cancellationToken);
            var reached = new HashSet<string>(StringComparer.Ordinal);
            foreach (var prefix in prefixes.Select(id => $"{id:N}:"))
            {
                reached.UnionWith(await db.VerificationCodes.AsNoTracking()
                    .Where(c => c.Purpose == CodePurpose.Filing && c.CreatedAt >= dayStart && c.Subject.StartsWith(prefix))
                    .Select(c => c.PhoneHash)
                    .Distinct()
                    .ToListAsync(cancellationToken));
            }

            reached.UnionWith(phones.Select(db.LookupHash));
            if (reached.Count > PhonesPerPersonPerDay)
            {
                refusal = $"今天发送网签验证码的手机号码已超过{PhonesPerPersonPerDay}个，请明天再试；如需更换当事人，请到办事窗口办理。";
            }
        }

        if (refusal is not null)
        {
            await audit.RecordNowAsync("contract.filing-codes-limited", "Contract", contract.Id.ToString(), "网签验证码发送次数或号码数已达每日上限");
        }

        return refusal;
    }
}
