using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Features.RealNameAuth;

/// <summary>
/// Issues login tickets and finds them again by the token in the QR code or by the desktop's claim.
/// <para>
/// Showing a QR code writes nothing: the token carries the ticket's id, the time it was issued and the computer that
/// asked, sealed with the portal's keyed hash (HMAC-SHA256, the key every instance shares), and the desktop's claim
/// cookie is a second seal over the id and time that only the portal can make. A row is written only when a phone
/// authorises the ticket; from then on the row's state decides (authorised once, consumed once), and the sealed time
/// decides expiry, so single use and the five-minute life hold as before. Anonymous page views cannot fill the disk.
/// </para>
/// </summary>
public sealed class LoginTicketService(ResaleDbContext db, TimeProvider clock)
{
    /// <summary>Cookie that ties a ticket to the desktop browser that asked for it.</summary>
    public const string ClaimCookie = "wr_login_claim";

    /// <summary>Longest token accepted from a link (the browser description is at most 60 characters).</summary>
    public const int MaxTokenLength = 400;

    private const byte TokenFormat = 1;
    private const int SealLength = 32;

    /// <summary>
    /// The 4-digit 配对码 the desktop shows and the person types on the phone before a code is sent: whoever opens a
    /// QR link sent by someone else learns that a computer is waiting for their authorisation. Derived from the ticket
    /// with the portal's keyed hash, so it is never stored and cannot be read from the link.
    /// </summary>
    public string PairingCode(LoginTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var hex = db.SecretHash($"login-pairing:{ticket.Id:N}");
        return (Convert.ToUInt32(hex[..8], 16) % 10_000).ToString("D4", CultureInfo.InvariantCulture);
    }

    /// <summary>A new ticket for the login page; nothing is stored until a phone authorises it.</summary>
    public IssuedTicket Issue(string? desktopBrowser, string? desktopAddress)
    {
        var now = clock.GetUtcNow();
        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var id = Guid.CreateVersion7(now);
        var draft = new LoginTicket(id, string.Empty, string.Empty, issuedAt);
        draft.DescribeDesktop(desktopBrowser, desktopAddress);

        var payload = Base64Url(Payload(id, issuedAt, draft.DesktopBrowser, draft.DesktopAddress));
        var token = $"{payload}.{Seal("login-ticket:" + payload)}";
        var ticket = Rebuild(id, issuedAt, token, draft.DesktopBrowser, draft.DesktopAddress);
        return new IssuedTicket(ticket, token, ClaimValue(id, issuedAt));
    }

    /// <summary>The ticket of a QR link: its stored row once authorised, else the still-unstored ticket; null when forged.</summary>
    public async Task<LoginTicket?> FindByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !SealMatches(token[(dot + 1)..], "login-ticket:" + token[..dot])
            || !TryReadPayload(token[..dot], out var id, out var issuedAt, out var browser, out var address))
        {
            return null;
        }

        return await db.LoginTickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? Rebuild(id, issuedAt, token, browser, address);
    }

    /// <summary>The ticket this browser holds the claim for, or null when the cookie is missing or forged.</summary>
    public async Task<LoginTicket?> FindByClaimAsync(string? claimCookie, CancellationToken cancellationToken)
    {
        var parts = (claimCookie ?? string.Empty).Split('.');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var id)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            || !SealMatches(parts[2], $"login-claim:{parts[0]}.{parts[1]}"))
        {
            return null;
        }

        return await db.LoginTickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? Rebuild(id, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), token: null, browser: null, address: null);
    }

    /// <summary>
    /// The ticket's row for a change, added to the unit of work when this is its first (the authorisation). Two phones
    /// authorising one unstored ticket at once both add it; the database keeps one and the other save fails.
    /// </summary>
    public async Task<LoginTicket> ForUpdateAsync(LoginTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var stored = await db.LoginTickets.FirstOrDefaultAsync(t => t.Id == ticket.Id, cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        // Rows of old tickets are deleted by the hourly clean-up (RetentionJob), not on this request's time.
        db.LoginTickets.Add(ticket);
        return ticket;
    }

    private LoginTicket Rebuild(Guid id, DateTimeOffset issuedAt, string? token, string? browser, string? address)
    {
        var ticket = new LoginTicket(id, db.LookupHash("login-ticket:" + (token ?? id.ToString("N"))), db.SecretHash("login-claim:" + id.ToString("N")), issuedAt);
        ticket.DescribeDesktop(browser, address);
        return ticket;
    }

    private string ClaimValue(Guid id, DateTimeOffset issuedAt)
    {
        var head = $"{id:N}.{issuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        return $"{head}.{Seal("login-claim:" + head)}";
    }

    private string Seal(string value) => db.SecretHash(value)[..SealLength];

    private bool SealMatches(string seal, string value) =>
        seal.Length == SealLength && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(seal), Encoding.ASCII.GetBytes(Seal(value)));

    private static byte[] Payload(Guid id, DateTimeOffset issuedAt, string? browser, string? address)
    {
        var browserBytes = Encoding.UTF8.GetBytes(browser ?? string.Empty);
        var addressBytes = Encoding.UTF8.GetBytes(address ?? string.Empty);
        var bytes = new byte[1 + 16 + 8 + 1 + browserBytes.Length + 1 + addressBytes.Length];
        bytes[0] = TokenFormat;
        id.TryWriteBytes(bytes.AsSpan(1, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(17, 8), issuedAt.ToUnixTimeMilliseconds());
        bytes[25] = (byte)browserBytes.Length;
        browserBytes.CopyTo(bytes, 26);
        bytes[26 + browserBytes.Length] = (byte)addressBytes.Length;
        addressBytes.CopyTo(bytes, 27 + browserBytes.Length);
        return bytes;
    }

    private static bool TryReadPayload(string text, out Guid id, out DateTimeOffset issuedAt, out string? browser, out string? address)
    {
        id = Guid.Empty;
        issuedAt = default;
        browser = address = null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4));
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length < 27 || bytes[0] != TokenFormat)
        {
            return false;
        }

        var browserLength = bytes[25];
        if (26 + browserLength >= bytes.Length || 27 + browserLength + bytes[26 + browserLength] != bytes.Length)
        {
            return false;
        }

        var milliseconds = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(17, 8));
        if (milliseconds < 0 || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() - 1_000_000_000)
        {
            return false;
        }

        id = new Guid(bytes.AsSpan(1, 16), bigEndian: true);
        issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        browser = browserLength == 0 ? null : Encoding.UTF8.GetString(bytes, 26, browserLength);
        var addressLength = bytes[26 + browserLength];
        address = addressLength == 0 ? null : Encoding.UTF8.GetString(bytes, 27 + browserLength, addressLength);
        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record IssuedTicket(LoginTicket Ticket, string Token, string ClaimCookieValue);
