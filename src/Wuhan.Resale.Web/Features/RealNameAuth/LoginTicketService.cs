using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Features.RealNameAuth;

/// <summary>Issues login tickets and finds them again by the token in the QR code or by the desktop's claim.</summary>
public sealed class LoginTicketService(ResaleDbContext db, TimeProvider clock)
{
    /// <summary>Cookie that ties a ticket to the desktop browser that asked for it.</summary>
    public const string ClaimCookie = "wr_login_claim";

    /// <summary>
    /// The 4-digit 配对码 the desktop shows and the person types on the phone before a code is sent: whoever opens a
    /// QR link sent by someone else learns that a computer is waiting for their authorisation. Derived from the ticket
    /// with the portal's keyed hash, so it is never stored and cannot be read from the link.
    /// </summary>
    public string PairingCode(LoginTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var hex = db.SecretHash($"login-pairing:{ticket.Id:N}");
        return (Convert.ToUInt32(hex[..8], 16) % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IssuedTicket> IssueAsync(string? desktopBrowser, string? desktopAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.LoginTickets
            .Where(t => t.ExpiresAt < now - TimeSpan.FromDays(1) && t.Status != LoginTicketStatus.Consumed)
            .ExecuteDeleteAsync(cancellationToken);

        // 256 random bits each: the token goes into the QR code, the claim secret stays in this browser.
        var token = NewSecret();
        var claimSecret = NewSecret();
        var ticket = new LoginTicket(Guid.CreateVersion7(now), HashToken(token), HashClaim(claimSecret), now);
        ticket.DescribeDesktop(desktopBrowser, desktopAddress);
        db.LoginTickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedTicket(ticket, token, $"{ticket.Id:N}.{claimSecret}");
    }

    public Task<LoginTicket?> FindByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return Task.FromResult<LoginTicket?>(null);
        }

        var hash = HashToken(token);
        return db.LoginTickets.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    /// <summary>The ticket this browser holds the claim for, or null when the cookie is missing or forged.</summary>
    public async Task<LoginTicket?> FindByClaimAsync(string? claimCookie, CancellationToken cancellationToken)
    {
        var parts = (claimCookie ?? string.Empty).Split('.', 2);
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var id))
        {
            return null;
        }

        var ticket = await db.LoginTickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return ticket is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(ticket.ClaimSecretHash),
            System.Text.Encoding.ASCII.GetBytes(HashClaim(parts[1])))
            ? ticket
            : null;
    }

    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string HashToken(string token) => db.LookupHash("login-ticket:" + token);

    private string HashClaim(string secret) => db.LookupHash("login-claim:" + secret);
}

public sealed record IssuedTicket(LoginTicket Ticket, string Token, string ClaimCookieValue);
