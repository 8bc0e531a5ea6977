using System.Security.Cryptography;
using System.Text;
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

/// <summary>
/// Image captchas: issued without a write (the challenge travels sealed in the page, <see cref="CaptchaTokens"/>), drawn
/// when the picture is asked for, and used up on the first answer, right or wrong, by a row keyed on the challenge's id.
/// </summary>
public sealed class CaptchaService(ResaleDbContext db, CaptchaTokens tokens, TimeProvider clock, IOptions<CaptchaOptions> options)
{
    /// <summary>A new challenge for a form's hidden field and the picture's address.</summary>
    public string Create() => tokens.Create(CaptchaImage.NewAnswer(), clock.GetUtcNow() + CaptchaChallenge.Lifetime);

    /// <summary>The picture of a live challenge; null for one that is forged, expired or already answered.</summary>
    public async Task<byte[]?> GetImageAsync(string token, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } challenge || clock.GetUtcNow() >= challenge.ExpiresAt
            || await db.CaptchaChallenges.AsNoTracking().AnyAsync(c => c.Id == challenge.Id, cancellationToken))
        {
            return null;
        }

        return CaptchaImage.RenderPng(challenge.Answer);
    }

    /// <summary>
    /// True when the answer is right; the challenge is used up either way (its row is saved at once, so callers check
    /// the captcha before they change anything else in the unit of work, as every page does).
    /// </summary>
    public async Task<bool> VerifyAsync(string? token, string? answer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (tokens.Read(token) is not { } challenge || now >= challenge.ExpiresAt)
        {
            return false;
        }

        // A row is needed only while its challenge could still be answered; the hourly clean-up (RetentionJob) deletes the rest.
        var used = db.CaptchaChallenges.Add(new CaptchaChallenge(challenge.Id, challenge.ExpiresAt, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return false; // answered by a concurrent or earlier request: its row is there
        }
        finally
        {
            used.State = EntityState.Detached;
        }

        var typed = (answer ?? string.Empty).Trim().ToUpperInvariant();
        if (options.Value.FixedAnswer is { Length: > 0 } fixedAnswer && string.Equals(typed, fixedAnswer.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return typed.Length > 0 && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(typed), Encoding.ASCII.GetBytes(challenge.Answer.ToUpperInvariant()));
    }
}
