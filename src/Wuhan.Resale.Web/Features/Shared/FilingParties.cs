using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>
/// The people who confirm a filing and the codes bound to what they confirm. A filing code's subject carries the
/// contract's content fingerprint (<see cref="ContractContent"/>), so a code sent before a change cannot confirm the
/// changed contract; <see cref="WithdrawCodesAsync"/> voids such codes and tells their parties.
/// </summary>
public sealed class FilingParties(ResaleDbContext db, ISmsGateway sms, TimeProvider clock)
{
    /// <summary>Buyers first (as the original lists them), then every owner; an owner's phone is their verified one.</summary>
    public async Task<List<ContractPartyDetails>> OfAsync(Listing listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var parties = listing.Buyers.OrderBy(b => b.Order)
            .Select(b => new ContractPartyDetails(PartyRole.Buyer, b.Name, b.IdType, b.IdNumber, b.Phone, null))
            .ToList();
        var owners = listing.Home!.Owners;
        // Every hash of every owner: while keys rotate, a person's row may carry the old or the new one.
        var hashes = owners.Select(o => db.PersonalDataHashes(o.IdNumber)).ToList();
        string[] any = [.. hashes.SelectMany(h => h)];
        var people = await db.People.AsNoTracking()
            .Where(p => any.Contains(EF.Property<string>(p, IdNumberLookup.HashColumn)))
            .Select(p => new { Hash = EF.Property<string>(p, IdNumberLookup.HashColumn), p.IdType, p.Phone })
            .ToListAsync(cancellationToken);
        for (var i = 0; i < owners.Count; i++)
        {
            var owner = owners[i];
            var phone = people.Find(p => hashes[i].Contains(p.Hash) && p.IdType == owner.IdType)?.Phone;
            parties.Add(new ContractPartyDetails(PartyRole.Seller, owner.Name, owner.IdType, owner.IdNumber, phone, owner.Share));
        }

        return parties;
    }

    /// <summary>The code subject of one party for one version of the contract.</summary>
    public string Subject(Contract contract, string contentHash, ContractPartyDetails party)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(contentHash);
        ArgumentNullException.ThrowIfNull(party);
        return $"{SubjectPrefix(contract)}{contentHash[..16]}:{db.LookupHash(party.IdType + ":" + party.IdNumber)[..32]}";
    }

    /// <summary>The keyed hash that names one party (their ID type and number) in codes and confirmations.</summary>
    public string PartyKey(ContractPartyDetails party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return db.LookupHash(party.IdType + ":" + party.IdNumber);
    }

    /// <summary>
    /// A new 同意签署 link for one party, bound to the content being sent; the caller saves it once the party's code
    /// was sent, and puts the returned token (256 random bits, URL-safe) in the SMS.
    /// </summary>
    public (PartyConfirmation Confirmation, string Token) NewConfirmation(Contract contract, string contentHash, ContractPartyDetails party)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(party);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var confirmation = new PartyConfirmation(
            Guid.CreateVersion7(now), contract.Id, TokenHash(token), PartyKey(party), db.LookupHash(party.Phone!), contentHash, now,
            now + VerificationCode.Lifetime);
        return (confirmation, token);
    }

    /// <summary>The keyed hash under which a link's token is stored.</summary>
    public string TokenHash(string token) => db.SecretHash("confirmation-link:" + token);

    /// <summary>The parties (by <see cref="PartyKey"/>) who agreed on their own phone to the contract as it is now.</summary>
    public async Task<IReadOnlySet<string>> ConfirmedOnOwnPhoneAsync(Contract contract, string contentHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var keys = await db.PartyConfirmations.AsNoTracking()
            .Where(c => c.ContractId == contract.Id && c.ContentHash == contentHash && c.ConfirmedAt != null && c.WithdrawnAt == null)
            .Select(c => c.PartyKey)
            .ToListAsync(cancellationToken);
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether codes were sent for an earlier version of this contract that could still have been entered.</summary>
    public Task<bool> HasWithdrawnCodesAsync(Contract contract, string contentHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        var current = SubjectPrefix(contract) + contentHash[..16];
        return RecentFilingCodes(contract).AsNoTracking().AnyAsync(c => !c.Subject.StartsWith(current), cancellationToken);
    }

    /// <summary>
    /// The contract (or its buyers) may have changed: every open filing code sent for another version is withdrawn.
    /// Returns the phones of the parties who had one, to be told once the change is saved (<see cref="TellChangedAsync"/>).
    /// When no code or link is open, nothing else is read. The caller saves.
    /// </summary>
    public async Task<IReadOnlyList<PhoneNumber>> WithdrawIfChangedAsync(Contract contract, Listing listing, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = (await RecentFilingCodes(contract).ToListAsync(cancellationToken)).Where(c => c.IsOpen(now)).ToList();
        var links = await db.PartyConfirmations
            .Where(c => c.ContractId == contract.Id && c.WithdrawnAt == null && (c.ConfirmedAt != null || c.ExpiresAt > now))
            .ToListAsync(cancellationToken);
        if (open.Count == 0 && links.Count == 0)
        {
            return [];
        }

        var parties = await OfAsync(listing, cancellationToken);
        var contentHash = ContractContent.Hash(contract, listing, parties);
        var current = SubjectPrefix(contract) + contentHash[..16];
        open.RemoveAll(c => c.Subject.StartsWith(current, StringComparison.Ordinal));
        open.ForEach(c => c.Withdraw(now));
        var phones = open.Select(c => c.PhoneHash).ToHashSet(StringComparer.Ordinal);

        // A party who already agreed on their own phone agreed to the old text: that agreement ends, and they are told.
        phones.UnionWith(links.Where(c => c.ContentHash != contentHash && c.Withdraw(now)).Select(c => c.PhoneHash));
        return [.. parties.Where(p => p.Phone is not null && phones.Remove(db.LookupHash(p.Phone))).Select(p => PhoneNumber.Parse(p.Phone!))];
    }

    /// <summary>Tells each party whose code was withdrawn that the contract changed.</summary>
    public async Task TellChangedAsync(Listing listing, IReadOnlyList<PhoneNumber> phones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(phones);
        foreach (var phone in phones)
        {
            await sms.SendAsync(phone,
                $"【武汉房产网签】您参与的存量房买卖合同（房源编码{listing.ListingCode}）内容已被修改，此前发送的网签验证码已作废。请核对修改后的合同后再确认。",
                "FilingChanged", cancellationToken);
        }
    }

    private static string SubjectPrefix(Contract contract) => $"{contract.Id:N}:";

    /// <summary>This contract's filing codes that were sent recently enough to be entered and have not been used.</summary>
    private IQueryable<VerificationCode> RecentFilingCodes(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var prefix = SubjectPrefix(contract);
        var since = clock.GetUtcNow() - VerificationCode.Lifetime;
        return db.VerificationCodes.Where(c => c.Purpose == CodePurpose.Filing && c.Subject.StartsWith(prefix) && c.CreatedAt >= since && c.UsedAt == null);
    }
}
