using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>
/// A party named by someone else (a buyer, a co-owner) is checked against the citizen registry with name, ID number and
/// mobile together (三要素, as at login), so nobody can name a real person with their own second phone. The answer never
/// says which of the three is wrong, and one signed-in person may make only so many checks a day (buyers and co-owners
/// together), so the portal is no registry oracle. Each check is an audit row; today's rows are the count.
/// </summary>
public sealed class PartyIdentityCheck(ResaleDbContext db, ICitizenRegistry citizens, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Registry checks a signed-in person may make per Asia/Shanghai day.</summary>
    public const int ChecksPerPersonPerDay = 20;

    /// <summary>The audit action of one check; today's rows of it for the actor are the count the limit reads.</summary>
    public const string AuditAction = "buyers.registry-check";

    public const string MismatchMessage = "姓名、证件号码与手机号码核验不一致，请核对。手机号码须为本人实名登记的号码。";

    public const string UnavailableMessage = "身份核验服务暂时无法核验，请稍后再试。信息未保存，您填写的内容已保留。";

    /// <summary>
    /// Whether the registry can check this document. Only the 居民身份证 is in the 公安人口库 and the carriers' real-name
    /// records; other documents must be confirmed by the party on their own device (issue 13, item 3, not built yet).
    /// </summary>
    public static bool CanCheck(IdType type) => type == IdType.ResidentIdCard;

    public static string LimitMessage(int needed, int left) => left == 0
        ? $"今天核验身份的次数已用完（每人每天最多核验{ChecksPerPersonPerDay}次），信息未保存。请明天再试，或到房管部门办事窗口办理。"
        : $"本次需要核验{needed}人，今天只剩{left}次核验机会（每人每天最多{ChecksPerPersonPerDay}次），信息未保存。请明天再试，或到房管部门办事窗口办理。";

    /// <summary>How many checks <paramref name="actor"/> has left today.</summary>
    public async Task<int> ChecksLeftTodayAsync(AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var actorId = actor.Id ?? throw new InvalidOperationException("Party checks need a signed-in person.");

        // Times are stored as UTC; the day starts at 00:00 in Shanghai.
        var today = ShanghaiTime.Today(clock);
        var start = ShanghaiTime.StartOfDay(today);
        var end = start.AddDays(1);
        var used = await db.AuditEvents.AsNoTracking().CountAsync(
            e => e.ActorId == actorId && e.Action == AuditAction && e.OccurredAt >= start && e.OccurredAt < end, cancellationToken);
        return Math.Max(ChecksPerPersonPerDay - used, 0);
    }

    /// <summary>
    /// One check, recorded in the audit trail (the caller saves, even when the rest of its request is refused, so the
    /// check counts). <paramref name="label"/> says which party it was, e.g. "第2位购房人"; never an ID or phone number.
    /// A registry outage throws (HttpRequestException, OperationCanceledException, JsonException, NotSupportedException).
    /// </summary>
    public async Task<bool> MatchesAsync(
        AuditActor actor, string entityType, Guid entityId, string label, string name, IdNumber idNumber, PhoneNumber phone,
        CancellationToken cancellationToken)
    {
        var check = await citizens.CheckAsync(name, idNumber, phone, cancellationToken);
        audit.Record(AuditAction, entityType, entityId.ToString(), $"{label}：{(check == CitizenCheck.Match ? "Match" : "Mismatch:" + check)}", actor);
        return check == CitizenCheck.Match;
    }
}
