using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Messaging;

public enum SendCodeStatus
{
    Sent,
    TooSoon,
    DailyLimitReached,
    GatewayFailed,
}

public sealed record SendCodeResult(SendCodeStatus Status, int SecondsToWait = 0)
{
    public string Message => Status switch
    {
        SendCodeStatus.Sent => "短信验证码已发送，5分钟内有效。",
        SendCodeStatus.TooSoon => $"验证码发送过于频繁，请{SecondsToWait}秒后再试。",
        SendCodeStatus.DailyLimitReached => "该手机号今天获取此类验证码的次数已达上限，请明天再试。",
        _ => "短信发送失败，请稍后再试。",
    };
}

public enum VerifyCodeStatus
{
    Accepted,
    Wrong,
    Expired,
    Used,
    TooManyAttempts,
    NoCode,
}

/// <summary>
/// One-time SMS codes for every step (login, filing, revocation): 6 digits from a CSPRNG, keyed-hash only,
/// 5 minutes, single use, 5 wrong tries, 60 s between sends, 10 a day per phone and purpose (Asia/Shanghai day).
/// </summary>
public sealed class VerificationCodeService(ResaleDbContext db, ISmsGateway gateway, TimeProvider clock)
{
    public static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(60);
    public const int DailyLimitPerPhone = 10;

    public async Task<SendCodeResult> SendAsync(
        CodePurpose purpose, string subject, PhoneNumber phone, Func<string, string> messageFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        ArgumentNullException.ThrowIfNull(messageFor);
        var now = clock.GetUtcNow();
        var phoneHash = db.LookupHash(phone.Value);

        // One code a minute per phone and purpose, whatever it is for: a fresh login ticket is no way around it.
        var lastSent = await db.VerificationCodes.AsNoTracking()
            .Where(c => c.Purpose == purpose && c.PhoneHash == phoneHash)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => (DateTimeOffset?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (lastSent is { } last && now - last < ResendInterval)
        {
            return new SendCodeResult(SendCodeStatus.TooSoon, (int)Math.Ceiling((ResendInterval - (now - last)).TotalSeconds));
        }

        var dayStart = ShanghaiTime.StartOfDay(ShanghaiTime.DateOf(now));
        // Each purpose has its own daily cap: burning a phone's filing or revocation codes cannot block its owner's login.
        var sentToday = await db.VerificationCodes.CountAsync(
            c => c.PhoneHash == phoneHash && c.Purpose == purpose && c.CreatedAt >= dayStart, cancellationToken);
        if (sentToday >= DailyLimitPerPhone)
        {
            return new SendCodeResult(SendCodeStatus.DailyLimitReached);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var id = Guid.CreateVersion7(now);
        var entity = new VerificationCode(id, purpose, subject, phoneHash, HashCode(id, code), now);
        db.VerificationCodes.Add(entity);
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            await gateway.SendAsync(phone, messageFor(code), purpose.ToString(), cancellationToken);
        }
        catch (HttpRequestException)
        {
            // Undelivered: take the code back so it neither counts against the person nor lingers.
            db.VerificationCodes.Remove(entity);
            await db.SaveChangesAsync(cancellationToken);
            return new SendCodeResult(SendCodeStatus.GatewayFailed);
        }

        return new SendCodeResult(SendCodeStatus.Sent);
    }

    /// <summary>Checks what the person typed against the latest code for this purpose, subject and phone.</summary>
    public async Task<VerifyCodeStatus> VerifyAsync(
        CodePurpose purpose, string subject, PhoneNumber phone, string? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var phoneHash = db.LookupHash(phone.Value);
        var code = await db.VerificationCodes
            .Where(c => c.Purpose == purpose && c.Subject == subject && c.PhoneHash == phoneHash)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return VerifyCodeStatus.NoCode;
        }

        var typed = (input ?? string.Empty).Trim();
        var result = code.Check(HashCode(code.Id, typed), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request used or counted this code at the same moment: this one does not get it.
            db.Entry(code).State = EntityState.Detached;
            return VerifyCodeStatus.Used;
        }

        return result switch
        {
            CodeCheckResult.Accepted => VerifyCodeStatus.Accepted,
            CodeCheckResult.Wrong => VerifyCodeStatus.Wrong,
            CodeCheckResult.Expired => VerifyCodeStatus.Expired,
            CodeCheckResult.Used => VerifyCodeStatus.Used,
            _ => VerifyCodeStatus.TooManyAttempts,
        };
    }

    /// <summary>
    /// Confirms several codes as one act (every party of a filing): all are used up only when all are right; a wrong
    /// one counts against its own code and leaves the right ones usable for the next try.
    /// </summary>
    public async Task<IReadOnlyList<VerifyCodeStatus>> VerifyAllAsync(
        CodePurpose purpose, IReadOnlyList<(string Subject, PhoneNumber Phone, string? Input)> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = clock.GetUtcNow();
        var codes = new List<VerificationCode?>();
        foreach (var (subject, phone, _) in items)
        {
            var phoneHash = db.LookupHash(phone.Value);
            codes.Add(await db.VerificationCodes
                .Where(c => c.Purpose == purpose && c.Subject == subject && c.PhoneHash == phoneHash)
                .OrderByDescending(c => c.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken));
        }

        var results = items.Select((item, i) => codes[i] is { } code
            ? code.Evaluate(HashCode(code.Id, (item.Input ?? string.Empty).Trim()), now)
            : (CodeCheckResult?)null).ToList();
        var allRight = results.TrueForAll(r => r == CodeCheckResult.Accepted);
        for (var i = 0; i < items.Count; i++)
        {
            if (codes[i] is { } code && (allRight || results[i] == CodeCheckResult.Wrong))
            {
                results[i] = code.Check(HashCode(code.Id, (items[i].Input ?? string.Empty).Trim()), now);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [.. items.Select(_ => VerifyCodeStatus.Used)];
        }

        return [.. results.Select(r => r switch
        {
            null => VerifyCodeStatus.NoCode,
            CodeCheckResult.Accepted => VerifyCodeStatus.Accepted,
            CodeCheckResult.Wrong => VerifyCodeStatus.Wrong,
            CodeCheckResult.Expired => VerifyCodeStatus.Expired,
            CodeCheckResult.Used => VerifyCodeStatus.Used,
            _ => VerifyCodeStatus.TooManyAttempts,
        })];
    }

    public static string Describe(VerifyCodeStatus status) => status switch
    {
        VerifyCodeStatus.Accepted => "验证通过。",
        VerifyCodeStatus.Wrong => "短信验证码不正确，请重新输入。",
        VerifyCodeStatus.Expired => "短信验证码已过期，请重新获取。",
        VerifyCodeStatus.Used => "该短信验证码已使用，请重新获取。",
        VerifyCodeStatus.TooManyAttempts => "验证码错误次数过多，已失效，请重新获取。",
        _ => "请先获取短信验证码。",
    };

    private string HashCode(Guid codeId, string code) => db.LookupHash($"{codeId:N}:{code}");

}
