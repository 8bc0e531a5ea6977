using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Common;

namespace Wuhan.Resale.Domain.SignIn;

public enum LoginTicketStatus
{
    /// <summary>Shown as a QR code, waiting for someone to confirm on a phone.</summary>
    Pending,

    /// <summary>A verified person confirmed on the phone; the desktop may now sign in.</summary>
    Authorised,

    /// <summary>The desktop signed in with it; it can never be used again.</summary>
    Consumed,
}

/// <summary>
/// A one-time login ticket. The QR code carries a random token; the desktop that asked for it holds a second
/// secret, so whoever photographs the QR code can authorise it but cannot sign in with it. Only hashes are stored.
/// </summary>
public sealed class LoginTicket : IAggregateRoot
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>An authorised ticket stays usable a little past its expiry, so a confirmation at 4:59 still counts.</summary>
    public static readonly TimeSpan ConsumeGrace = TimeSpan.FromMinutes(2);

    private LoginTicket() { TokenHash = ClaimSecretHash = string.Empty; }

    public LoginTicket(Guid id, string tokenHash, string claimSecretHash, DateTimeOffset now)
    {
        Id = id;
        TokenHash = tokenHash;
        ClaimSecretHash = claimSecretHash;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
        Status = LoginTicketStatus.Pending;
    }

    public Guid Id { get; private set; }

    public string TokenHash { get; private set; }

    public string ClaimSecretHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public LoginTicketStatus Status { get; private set; }

    public Guid? PersonId { get; private set; }

    public DateTimeOffset? AuthorisedAt { get; private set; }

    public DateTimeOffset? ConsumedAt { get; private set; }

    /// <summary>The browser that asked for the ticket, as its owner would recognise it (e.g. "Edge（Windows）").</summary>
    public string? DesktopBrowser { get; private set; }

    /// <summary>The masked network address the ticket was asked from (e.g. "203.0.*.*").</summary>
    public string? DesktopAddress { get; private set; }

    /// <summary>Notes which computer asked for the ticket, so the phone page can show the person who is asking.</summary>
    public void DescribeDesktop(string? browser, string? maskedAddress)
    {
        DesktopBrowser = Truncate(browser, 60);
        DesktopAddress = Truncate(maskedAddress, 45);
    }

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length <= length ? value : value[..length];

    public bool IsOpenForConfirmation(DateTimeOffset now) => Status == LoginTicketStatus.Pending && now < ExpiresAt;

    public void Authorise(Guid personId, DateTimeOffset now)
    {
        if (!IsOpenForConfirmation(now))
        {
            throw new DomainException(Status == LoginTicketStatus.Pending
                ? "二维码已过期，请在电脑上刷新二维码后重新扫码。"
                : "该二维码已经使用过，请在电脑上刷新二维码后重新扫码。");
        }

        PersonId = personId;
        AuthorisedAt = now;
        Status = LoginTicketStatus.Authorised;
    }

    public Guid Consume(DateTimeOffset now)
    {
        if (Status != LoginTicketStatus.Authorised || PersonId is not { } personId)
        {
            throw new DomainException(Status == LoginTicketStatus.Consumed
                ? "该二维码已经用于登录，请刷新页面重新扫码。"
                : "尚未在手机上确认授权。");
        }

        if (now >= ExpiresAt + ConsumeGrace)
        {
            throw new DomainException("登录确认已过期，请刷新二维码后重新扫码。");
        }

        ConsumedAt = now;
        Status = LoginTicketStatus.Consumed;
        return personId;
    }
}
