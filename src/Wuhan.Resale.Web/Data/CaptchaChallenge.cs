namespace Wuhan.Resale.Web.Data;

/// <summary>
/// A used image captcha. Challenges themselves are not stored (the page carries each one sealed, see
/// <see cref="Infrastructure.Captcha.CaptchaTokens"/>); a row is written when one is answered, so one picture allows one
/// guess, and is removed once the challenge would have expired anyway.
/// </summary>
public sealed class CaptchaChallenge
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private CaptchaChallenge() { }

    public CaptchaChallenge(Guid id, DateTimeOffset expiresAt, DateTimeOffset usedAt)
    {
        Id = id;
        CreatedAt = expiresAt - Lifetime;
        ExpiresAt = expiresAt;
        UsedAt = usedAt;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }
}
