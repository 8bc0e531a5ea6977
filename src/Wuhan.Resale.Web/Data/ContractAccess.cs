using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.People;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Who may see a contract: the owners of its home (through <see cref="ListingAccess"/>, drafts included), and, once it
/// is filed, every person it names as a party. Every page that takes a contract id asks here; anyone else gets a 404.
/// </summary>
public static class ContractAccess
{
    /// <summary>Contracts of homes the person verified or owns: they act on them as the seller.</summary>
    public static IQueryable<Contract> OfSeller(this IQueryable<Contract> contracts, ResaleDbContext db, Person person)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        return contracts.OfSeller(db, new Infrastructure.PersonKey(person.Id, person.IdType, db.PersonalDataHashes(person.IdNumber)));
    }

    public static IQueryable<Contract> OfSeller(this IQueryable<Contract> contracts, ResaleDbContext db, Infrastructure.PersonKey person)
    {
        ArgumentNullException.ThrowIfNull(db);
        var listingIds = db.Listings.IdsVisibleTo(person);
        return contracts.Where(c => listingIds.Contains(c.ListingId));
    }

    /// <summary>Filed (or later) contracts that name the person as a party, in <paramref name="role"/> when given.</summary>
    public static IQueryable<Contract> NamingParty(this IQueryable<Contract> contracts, ResaleDbContext db, Person person, PartyRole? role = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        return contracts.NamingParty(new Infrastructure.PersonKey(person.Id, person.IdType, db.PersonalDataHashes(person.IdNumber)), role);
    }

    public static IQueryable<Contract> NamingParty(this IQueryable<Contract> contracts, Infrastructure.PersonKey person, PartyRole? role = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        var type = person.IdType;
        string[] hashes = [.. person.IdNumberHashes];
        return contracts.Where(c => c.Status != ContractStatus.Draft && c.Parties.Any(p =>
            (role == null || p.Role == role) && hashes.Contains(EF.Property<string>(p, IdNumberLookup.HashColumn)) && p.IdType == type));
    }
}
