namespace Wuhan.Resale.Web.Data;

/// <summary>One image captcha: the rendered picture and a hash of its answer; single use, short-lived.</summary>
public sealed class CaptchaChallenge
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private CaptchaChallenge() { AnswerHash = string.Empty; Image = []; }

    public CaptchaChallenge(Guid id, string answerHash, byte[] image, DateTimeOffset now)
    {
        Id = id;
        AnswerHash = answerHash;
        Image = image;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public Guid Id { get; private set; }

    public string AnswerHash { get; private set; }

    public byte[] Image { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Uses the challenge up whatever the answer, so one picture allows one guess.</summary>
    public bool TryUse(DateTimeOffset now)
    {
        if (UsedAt is not null || now >= ExpiresAt)
        {
            return false;
        }

        UsedAt = now;
        return true;
    }
}
