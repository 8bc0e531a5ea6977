using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.BuyerConfirmation;

/// <summary>
/// Who a buyer is, checked rather than typed: every new buyer row whose document the registry can check is put to the
/// citizen registry as name + ID number + mobile together (三要素, as at login). Without it a seller could name a real
/// person with the seller's own second phone and read that buyer's filing code. The answer never says which of the
/// three is wrong, and the checks are limited per signed-in person and Shanghai day, so the page is no registry oracle.
/// </summary>
public sealed class BuyerIdentityCheck(ResaleDbContext db, ICitizenRegistry citizens, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Registry checks (one per buyer row) a signed-in person may make per Asia/Shanghai day.</summary>
    public const int ChecksPerPersonPerDay = 20;

    /// <summary>The audit action of one check; today's rows of it for the actor are the count the limit reads.</summary>
    public const string AuditAction = "buyers.registry-check";

    public const string MismatchMessage = "姓名、证件号码与手机号码核验不一致，请核对。手机号码须为该购房人本人实名登记的号码。";

    public const string MismatchSummary = "有购房人未通过实名核验，请核对标出的购房人信息。购房人信息未保存。";

    public const string UnavailableMessage = "身份核验服务暂时无法核验，请稍后再试。购房人信息未保存，您填写的内容已保留。";

    /// <summary>
    /// Whether the registry can check this document. Only the 居民身份证 is in the 公安人口库 and the carriers' real-name
    /// records. Buyers with any other document (护照, 港澳/台湾通行证, 外国人永久居留身份证, 军官证, 警官证) are accepted on
    /// their format rules alone; they must confirm on their own device instead (issue 13, item 3, not built yet).
    /// </summary>
    public static bool CanCheck(IdType type) => type == IdType.ResidentIdCard;

    /// <summary>
    /// Checks the new, checkable rows of a form that already passed its format validation. Saved buyers (rows sent back
    /// by id only) were accepted before and are not checked again. Every answered check is audited and saved at once,
    /// so a save refused later (a duplicate, the owner as buyer, a stale page) still counts them.
    /// </summary>
    public async Task<BuyerIdentityOutcome> CheckAsync(
        ClaimsPrincipal user, Guid listingId, IReadOnlyList<BuyerRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var toCheck = Enumerable.Range(0, rows.Count)
            .Where(i => rows[i] is { ExistingId: null, IsBlank: false } row && CanCheck(row.IdType))
            .ToList();
        if (toCheck.Count == 0)
        {
            return BuyerIdentityOutcome.Passed;
        }

        var actor = AuditActor.From(user);
        var actorId = actor.Id ?? throw new InvalidOperationException("Buyer checks need a signed-in person.");
        var left = ChecksPerPersonPerDay - await CountTodayAsync(actorId, cancellationToken);
        if (toCheck.Count > left)
        {
            return BuyerIdentityOutcome.Refused(LimitMessage(toCheck.Count, Math.Max(left, 0)));
        }

        var mismatched = new List<int>();
        string? refusal = null;
        try
        {
            foreach (var i in toCheck)
            {
                var row = rows[i];
                var check = await citizens.CheckAsync(
                    row.Name!.Trim(), IdNumber.Parse(row.IdType, row.IdNumber), PhoneNumber.Parse(row.Phone), cancellationToken);
                audit.Record(AuditAction, "Listing", listingId.ToString(),
                    $"第{i + 1}位购房人：{(check == CitizenCheck.Match ? "Match" : "Mismatch:" + check)}", actor);
                if (check != CitizenCheck.Match)
                {
                    mismatched.Add(i);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or NotSupportedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            // The real registry is down or slow: nothing is known, so nothing is saved and the attempt is not counted.
            refusal = UnavailableMessage;
        }

        // The checks already answered are counted even if the request is abandoned now.
        await db.SaveChangesAsync(CancellationToken.None);
        if (refusal is null && mismatched.Count > 0)
        {
            refusal = MismatchSummary;
        }

        return refusal is null ? BuyerIdentityOutcome.Passed : BuyerIdentityOutcome.Refused(refusal, mismatched);
    }

    private static string LimitMessage(int needed, int left) => left == 0
        ? $"今天核验购房人身份的次数已用完（每人每天最多核验{ChecksPerPersonPerDay}位），购房人信息未保存。请明天再试，或到房管部门办事窗口办理。"
        : $"本次需要核验{needed}位购房人，今天只剩{left}次核验机会（每人每天最多{ChecksPerPersonPerDay}次），购房人信息未保存。请明天再试，或到房管部门办事窗口办理。";

    private Task<int> CountTodayAsync(string actorId, CancellationToken cancellationToken)
    {
        // Times are stored as UTC; the day starts at 00:00 in Shanghai.
        var today = ShanghaiTime.Today(clock);
        var start = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), ShanghaiTime.Offset).ToUniversalTime();
        var end = start.AddDays(1);
        return db.AuditEvents.AsNoTracking().CountAsync(
            e => e.ActorId == actorId && e.Action == AuditAction && e.OccurredAt >= start && e.OccurredAt < end, cancellationToken);
    }
}

/// <summary>Whether the buyers may be saved; if not, the message for the page and the rows whose check failed.</summary>
public sealed record BuyerIdentityOutcome(string? Refusal, IReadOnlyList<int> MismatchedRows)
{
    public static readonly BuyerIdentityOutcome Passed = new(null, []);

    public static BuyerIdentityOutcome Refused(string message, IReadOnlyList<int>? rows = null) => new(message, rows ?? []);
}
