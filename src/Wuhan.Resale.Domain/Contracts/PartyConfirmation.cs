using Wuhan.Resale.Domain.Common;

namespace Wuhan.Resale.Domain.Contracts;

/// <summary>
/// One party's invitation to read a draft contract on their own phone and agree to it (同意签署). It is sent with the
/// party's filing code, opened by an unguessable link (only a keyed hash of the link's token is kept), and bound to
/// the contract's content fingerprint: a confirmation counts only for the content it was given for
/// (<see cref="CountsFor"/>), and a change of the contract withdraws it.
/// </summary>
public sealed class PartyConfirmation : IAggregateRoot
{
    private PartyConfirmation() { TokenHash = PartyKey = PhoneHash = ContentHash = string.Empty; }

    /// <param name="id">New id.</param>
    /// <param name="contractId">The draft contract.</param>
    /// <param name="tokenHash">Keyed hash of the link's token.</param>
    /// <param name="partyKey">Keyed hash that names the party (their ID type and number).</param>
    /// <param name="phoneHash">Keyed hash of the phone the link went to.</param>
    /// <param name="contentHash">The contract's <see cref="ContractContent.Hash"/> when the link was sent.</param>
    /// <param name="now">When the link was sent.</param>
    /// <param name="expiresAt">When the link stops opening: the moment the filing code sent with it expires.</param>
    public PartyConfirmation(
        Guid id, Guid contractId, string tokenHash, string partyKey, string phoneHash, string contentHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        if (expiresAt <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), "A confirmation link must outlive the moment it is sent.");
        }

        Id = id;
        ContractId = contractId;
        TokenHash = Required(tokenHash, nameof(tokenHash));
        PartyKey = Required(partyKey, nameof(partyKey));
        PhoneHash = Required(phoneHash, nameof(phoneHash));
        ContentHash = Required(contentHash, nameof(contentHash));
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public string TokenHash { get; private set; }

    public string PartyKey { get; private set; }

    public string PhoneHash { get; private set; }

    public string ContentHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When the party pressed 同意签署 with the right code; null until then.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>When a change of the contract voided the link (and the confirmation, if one was given).</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>The link opens (to read the contract, or to see that it was confirmed) until it expires or is withdrawn.</summary>
    public bool CanBeOpened(DateTimeOffset now) => WithdrawnAt is null && now < ExpiresAt;

    /// <summary>Whether 同意签署 can still be pressed.</summary>
    public bool IsOpen(DateTimeOffset now) => CanBeOpened(now) && ConfirmedAt is null;

    /// <summary>Whether this is a standing confirmation of the contract whose content is <paramref name="contentHash"/>.</summary>
    public bool CountsFor(string contentHash) =>
        ConfirmedAt is not null && WithdrawnAt is null && string.Equals(ContentHash, contentHash, StringComparison.Ordinal);

    /// <summary>The party agreed to the content this link was sent for.</summary>
    /// <exception cref="DomainException">The link expired, was withdrawn or was already used.</exception>
    public void Confirm(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new DomainException(ConfirmedAt is null ? ExpiredMessage : "您已确认过这份合同。");
        }

        ConfirmedAt = now;
    }

    /// <summary>The contract changed: the link closes and a confirmation given through it no longer counts.</summary>
    /// <returns>Whether this changed anything (the party had something that now ends, and should be told).</returns>
    public bool Withdraw(DateTimeOffset now)
    {
        if (WithdrawnAt is not null || (ConfirmedAt is null && now >= ExpiresAt))
        {
            return false;
        }

        WithdrawnAt = now;
        return true;
    }

    public const string ExpiredMessage = "确认链接已失效，请联系卖方重新发送短信。";

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Required.", name) : value;
}
