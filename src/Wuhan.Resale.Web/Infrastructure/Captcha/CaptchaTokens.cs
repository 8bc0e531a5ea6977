using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Wuhan.Resale.Web.Infrastructure.Captcha;

/// <summary>One image captcha as the page carries it: an id, its expiry and the answer, sealed and encrypted.</summary>
public sealed record CaptchaChallengeToken(Guid Id, DateTimeOffset ExpiresAt, string Answer);

/// <summary>
/// Seals captcha challenges with ASP.NET Core Data Protection (authenticated encryption under the key ring every
/// instance shares), so a page view stores nothing: the browser holds the challenge, cannot read or change its
/// answer, and the portal writes a row only when it is answered (<see cref="CaptchaService"/>).
/// </summary>
public sealed class CaptchaTokens(IDataProtectionProvider dataProtection)
{
    private const byte Format = 1;

    /// <summary>Longest token accepted from a form or an image address.</summary>
    public const int MaxLength = 300;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Wuhan.Resale.Captcha.v1");

    public string Create(string answer, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var answerBytes = Encoding.ASCII.GetBytes(answer);
        var payload = new byte[1 + 16 + 8 + answerBytes.Length];
        payload[0] = Format;
        RandomNumberGenerator.Fill(payload.AsSpan(1, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(17, 8), expiresAt.ToUnixTimeMilliseconds());
        answerBytes.CopyTo(payload, 25);
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>The challenge in a token, or null when the token is malformed, forged or sealed by another key ring.</summary>
    public CaptchaChallengeToken? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }

        if (payload.Length < 26 || payload[0] != Format)
        {
            return null;
        }

        var id = new Guid(payload.AsSpan(1, 16));
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(17, 8)));
        return new CaptchaChallengeToken(id, expiresAt, Encoding.ASCII.GetString(payload, 25, payload.Length - 25));
    }
}
