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
        foreach (var owner in listing.Home!.Owners)
        {
            var phone = await db.People.AsNoTracking().WithIdNumber(db, owner.IdNumber)
                .Where(p => p.IdType == owner.IdType)
                .Select(p => p.Phone)
                .FirstOrDefaultAsync(cancellationToken);
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

    /// <summary>Whether codes were sent for an earlier version of this contract that could still have been entered.</summary>
    public Task<bool> HasWithdrawnCodesAsync(Contract contract, string contentHash, CancellationToken cancellationToken)
    {
        var prefix = SubjectPrefix(contract);
        var current = prefix + contentHash[..16];
        var since = clock.GetUtcNow() - VerificationCode.Lifetime;
        return db.VerificationCodes.AsNoTracking().AnyAsync(c => c.Purpose == CodePurpose.Filing && c.Subject.StartsWith(prefix)
            && !c.Subject.StartsWith(current) && c.CreatedAt >= since && c.UsedAt == null, cancellationToken);
    }

    /// <summary>
    /// The contract changed: every open filing code sent for another version is withdrawn. Returns the phones of the
    /// parties who had one, to be told once the change is saved (<see cref="TellChangedAsync"/>). The caller saves.
    /// </summary>
    public async Task<IReadOnlyList<PhoneNumber>> WithdrawCodesAsync(
        Contract contract, Listing listing, IReadOnlyList<ContractPartyDetails> parties, string contentHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(parties);
        var prefix = SubjectPrefix(contract);
        var current = prefix + contentHash[..16];
        var now = clock.GetUtcNow();
        var since = now - VerificationCode.Lifetime;
        var open = await db.VerificationCodes
            .Where(c => c.Purpose == CodePurpose.Filing && c.Subject.StartsWith(prefix) && !c.Subject.StartsWith(current)
                && c.CreatedAt >= since && c.UsedAt == null)
            .ToListAsync(cancellationToken);
        open.RemoveAll(c => !c.IsOpen(now));
        open.ForEach(c => c.Withdraw(now));
        var phones = open.Select(c => c.PhoneHash).ToHashSet(StringComparer.Ordinal);
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
}
