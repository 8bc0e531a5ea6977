using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.RealNameAuth;

/// <summary>The answer of the registry check on the phone page, as the person is told it.</summary>
public enum LoginIdentityResult
{
    Match,

    /// <summary>Name, ID and phone do not belong together; which of the three is never said.</summary>
    Mismatch,

    /// <summary>Too many checks from this client address in the last hour, or too many failures for this ID today.</summary>
    Limited,
}

/// <summary>
/// The 三要素 check of the phone page, which would otherwise be a registry oracle: one answer for any mismatch, and
/// limits counted in the database (so every instance and every restart sees them) from the audit trail — checks per
/// client address per hour, failed checks per ID number per Shanghai day. Each check is audited with a keyed hash of
/// the ID, never the number.
/// </summary>
public sealed class LoginIdentityCheck(ResaleDbContext db, ICitizenRegistry citizens, AuditTrail audit, IHttpContextAccessor http, TimeProvider clock)
{
    public const int ChecksPerAddressPerHour = 30;
    public const int FailuresPerIdPerDay = 10;
    public const string MismatchMessage = "信息核验未通过，请核对姓名、证件号码和本人实名登记的手机号码。";
    public const string LimitedMessage = "信息核验次数过多，请1小时后再试；如仍无法通过，请携带身份证件到办事窗口办理。";

    private const string Action = "login.registry-check";
    private const string EntityType = "Identity";

    /// <summary>Asks the registry unless a limit is reached; a registry outage throws (HttpRequestException, TaskCanceledException).</summary>
    public async Task<LoginIdentityResult> CheckAsync(LoginTicket ticket, string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(idNumber);
        var now = clock.GetUtcNow();
        var idKey = db.LookupHash("login-identity:" + idNumber.Type + ":" + idNumber.Value)[..32];
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var hourAgo = now.AddHours(-1);
        var dayStart = ShanghaiTime.StartOfDay(ShanghaiTime.Today(clock));
        var checks = db.AuditEvents.AsNoTracking().Where(e => e.Action == Action);
        var fromAddress = address is null ? 0 : await checks.CountAsync(e => e.IpAddress == address && e.OccurredAt >= hourAgo, cancellationToken);
        var failuresForId = await checks.CountAsync(
            e => e.EntityType == EntityType && e.EntityId == idKey && e.OccurredAt >= dayStart && e.Detail != nameof(CitizenCheck.Match), cancellationToken);
        if (fromAddress >= ChecksPerAddressPerHour || failuresForId >= FailuresPerIdPerDay)
        {
            await audit.RecordNowAsync("login.registry-check-limited", "LoginTicket", ticket.Id.ToString(),
                fromAddress >= ChecksPerAddressPerHour ? "同一网络地址一小时内核验次数已达上限" : "同一证件当日核验失败次数已达上限");
            return LoginIdentityResult.Limited;
        }

        var answer = await citizens.CheckAsync(name, idNumber, phone, cancellationToken);
        audit.Record(Action, EntityType, idKey, answer.ToString());
        if (answer != CitizenCheck.Match)
        {
            audit.Record("login.failed", "LoginTicket", ticket.Id.ToString(), answer switch
            {
                CitizenCheck.NameMismatch => "姓名与证件号码不一致",
                CitizenCheck.PhoneMismatch => "手机号不是本人实名登记的号码",
                _ => "证件号码未登记",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return answer == CitizenCheck.Match ? LoginIdentityResult.Match : LoginIdentityResult.Mismatch;
    }
}
