using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure.Captcha;

/// <summary>Configuration section "Captcha".</summary>
public sealed class CaptchaOptions
{
    public const string SectionName = "Captcha";

    /// <summary>
    /// For automated tests and demos only: when set, this answer is accepted for any live challenge.
    /// Off by default; the portal refuses to start in Production when it is set.
    /// </summary>
    public string? FixedAnswer { get; set; }
}

public sealed class CaptchaService(ResaleDbContext db, TimeProvider clock, IOptions<CaptchaOptions> options)
{
    public async Task<Guid> CreateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Keep the table small: challenges older than an hour are useless to everyone.
        var stale = now - TimeSpan.FromHours(1);
        await db.CaptchaChallenges.Where(c => c.ExpiresAt < stale).ExecuteDeleteAsync(cancellationToken);

        var answer = CaptchaImage.NewAnswer();
        var challenge = new CaptchaChallenge(Guid.NewGuid(), HashAnswer(answer), CaptchaImage.RenderPng(answer), now);
        db.CaptchaChallenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return challenge.Id;
    }

    public async Task<byte[]?> GetImageAsync(Guid id, CancellationToken cancellationToken) =>
        await db.CaptchaChallenges.AsNoTracking()
            .Where(c => c.Id == id && c.UsedAt == null)
            .Select(c => c.Image)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>True when the answer is right; the challenge is used up either way.</summary>
    public async Task<bool> VerifyAsync(Guid id, string? answer, CancellationToken cancellationToken)
    {
        var challenge = await db.CaptchaChallenges.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (challenge is null || !challenge.TryUse(clock.GetUtcNow()))
        {
            return false;
        }

        var affected = await db.CaptchaChallenges
            .Where(c => c.Id == id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, challenge.UsedAt), cancellationToken);
        db.Entry(challenge).State = EntityState.Detached;
        if (affected == 0)
        {
            return false; // used by a concurrent request a moment ago
        }

        var typed = (answer ?? string.Empty).Trim().ToUpperInvariant();
        if (options.Value.FixedAnswer is { Length: > 0 } fixedAnswer && string.Equals(typed, fixedAnswer.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return typed.Length > 0 && HashAnswer(typed) == challenge.AnswerHash;
    }

    private string HashAnswer(string answer) => db.LookupHash("captcha:" + answer.ToUpperInvariant());
}
