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
        var hash = db.LookupHash(person.IdNumber);
        return listings.Where(l => l.SellerPersonId == person.Id
            || l.Home!.Owners.Any(o => EF.Property<string>(o, IdNumberLookup.HashColumn) == hash && o.IdType == person.IdType));
    }
}
