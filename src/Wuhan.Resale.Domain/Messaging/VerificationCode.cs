using Wuhan.Resale.Domain.Common;

namespace Wuhan.Resale.Domain.Messaging;

public enum CodePurpose
{
    Login,
    Filing,
    Revocation,
}

public enum CodeCheckResult
{
    Accepted,
    Wrong,
    Expired,
    Used,
    TooManyAttempts,
}

/// <summary>
/// A one-time SMS code bound to a purpose and a subject (this login ticket, this contract). Only a hash of the
/// code is kept; the code is valid for a few minutes, once, and a few wrong tries void it.
/// </summary>
public sealed class VerificationCode : IAggregateRoot
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxWrongAttempts = 5;

    private VerificationCode() { Subject = PhoneHash = CodeHash = string.Empty; }

    public VerificationCode(Guid id, CodePurpose purpose, string subject, string phoneHash, string codeHash, DateTimeOffset now)
    {
        Id = id;
        Purpose = purpose;
        Subject = subject;
        PhoneHash = phoneHash;
        CodeHash = codeHash;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public Guid Id { get; private set; }

    public CodePurpose Purpose { get; private set; }

    public string Subject { get; private set; }

    /// <summary>Keyed hash of the phone the code went to: enough to count and rate-limit, useless to a thief.</summary>
    public string PhoneHash { get; private set; }

    public string CodeHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int WrongAttempts { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsVoid => WrongAttempts >= MaxWrongAttempts;

    /// <summary>Whether the code could still be entered at <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now) => UsedAt is null && !IsVoid && now < ExpiresAt;

    /// <summary>
    /// What the code was sent for changed (e.g. the contract's terms): it can no longer be used. It ends as an expired
    /// code would, so the person is told to ask for a new one.
    /// </summary>
    public void Withdraw(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            ExpiresAt = now;
        }
    }

    /// <summary>What <see cref="Check"/> would answer, changing nothing: lets several codes be confirmed together.</summary>
    public CodeCheckResult Evaluate(string candidateHash, DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            return CodeCheckResult.Used;
        }

        if (IsVoid)
        {
            return CodeCheckResult.TooManyAttempts;
        }

        if (now >= ExpiresAt)
        {
            return CodeCheckResult.Expired;
        }

        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(candidateHash ?? string.Empty),
            System.Text.Encoding.ASCII.GetBytes(CodeHash))
            ? CodeCheckResult.Accepted
            : CodeCheckResult.Wrong;
    }

    /// <summary>Checks a hash of what the person typed; a match uses the code up, a wrong one counts against it.</summary>
    public CodeCheckResult Check(string candidateHash, DateTimeOffset now)
    {
        var result = Evaluate(candidateHash, now);
        switch (result)
        {
            case CodeCheckResult.Wrong:
                WrongAttempts++;
                return IsVoid ? CodeCheckResult.TooManyAttempts : CodeCheckResult.Wrong;
            case CodeCheckResult.Accepted:
                UsedAt = now;
                break;
        }

        return result;
    }

    public static string Describe(CodeCheckResult result) => result switch
    {
        CodeCheckResult.Accepted => "验证通过。",
        CodeCheckResult.Wrong => "短信验证码不正确，请重新输入。",
        CodeCheckResult.Expired => "短信验证码已过期，请重新获取。",
        CodeCheckResult.Used => "该短信验证码已使用，请重新获取。",
        CodeCheckResult.TooManyAttempts => "验证码错误次数过多，已失效，请重新获取。",
        _ => "短信验证码无效。",
    };
}
