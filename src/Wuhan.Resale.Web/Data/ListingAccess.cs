using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// Who may see and act on a listing: the person who verified it, or any registered owner of the home (a co-owner).
/// Matched through the owners' keyed ID hash, so nothing is decrypted to decide it. One rule for every page.
/// </summary>
public static class ListingAccess
{
    public static IQueryable<Listing> VisibleTo(this IQueryable<Listing> listings, ResaleDbContext db, Person person)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        return listings.VisibleTo(new Infrastructure.PersonKey(person.Id, person.IdType, db.PersonalDataHashes(person.IdNumber)));
    }

    public static IQueryable<Listing> VisibleTo(this IQueryable<Listing> listings, Infrastructure.PersonKey person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (id, type) = (person.Id, person.IdType);
        string[] hashes = [.. person.IdNumberHashes];
        return listings.Where(l => l.SellerPersonId == id
            || l.Home!.Owners.Any(o => hashes.Contains(EF.Property<string>(o, IdNumberLookup.HashColumn)) && o.IdType == type));
    }
}
