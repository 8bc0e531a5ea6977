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
        var visible = listings.IdsVisibleTo(person);
        return listings.Where(l => visible.Contains(l.Id));
    }

    /// <summary>
    /// The ids of the listings the person may see, for <c>WHERE x IN (…)</c>: the database starts from these few rows
    /// and reaches the rest by index, instead of joining everything first and filtering at the end.
    /// </summary>
    public static IQueryable<Guid> IdsVisibleTo(this IQueryable<Listing> listings, Infrastructure.PersonKey person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (id, type) = (person.Id, person.IdType);
        string[] hashes = [.. person.IdNumberHashes];

        // Two look-ups, each on its own index (listings by seller; owners by ID hash), joined by UNION: written as one
        // OR with a sub-query, the database can use neither index and reads every listing.
        var verified = listings.Where(l => l.SellerPersonId == id).Select(l => l.Id);
        var owned = listings.Where(l => l.Home!.Owners.Any(o => hashes.Contains(EF.Property<string>(o, IdNumberLookup.HashColumn)) && o.IdType == type))
            .Select(l => l.Id);
        return verified.Union(owned);
    }
}
